using Geo.Api.Hosting;
using Geo.Data.Database;
using Geo.Data.Peta;
using Microsoft.Extensions.Options;

namespace Geo.Api.Peta;

/// <summary>
/// Keeps <see cref="DataVersiTracker"/> current for the life of the server: by LISTEN on a single
/// database, by polling the standby's <c>data_versi</c> when reads go to a standby (LISTEN works
/// only on a primary, and the primary's versions would run ahead of what the standby can serve).
/// The poll also says where reads land: a line is logged when they fall back to the primary
/// (the standby is down) and when they return to a standby, and a failed poll drops the pooled
/// connections, which would each fail one request before the pool found them dead.
/// </summary>
public sealed partial class DataVersiListener(DataVersiTracker tracker, GeoDatabases databases, DatabasePools pools,
    IOptions<DatabaseOptions> options, ILogger<DataVersiListener> logger) : BackgroundService
{
    private bool? _onStandby;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // The first requests need versions for their ETags before the listener has connected.
        await tracker.RefreshAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        databases.HasStandby
            ? tracker.PollAsync(TimeSpan.FromMilliseconds(options.Value.StandbyPollMilliseconds), OnPollFailed, stoppingToken, OnReadsServed)
            : tracker.ListenAsync(e => LogDisconnected(logger, e), stoppingToken);

    private void OnPollFailed(Exception e)
    {
        LogDisconnected(logger, e);
        pools.ClearAfterFailure();
    }

    private void OnReadsServed(bool onStandby)
    {
        if (_onStandby == onStandby) return;
        if (onStandby && _onStandby is not null) LogBackOnStandby(logger);
        else if (!onStandby) LogOnPrimary(logger);
        _onStandby = onStandby;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pemantauan data_versi terputus; menyambung ulang")]
    private static partial void LogDisconnected(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bacaan yang boleh tertinggal kini dilayani primary: standby tidak menjawab (dicoba lagi setelah Host Recheck Seconds) atau sudah dipromosikan")]
    private static partial void LogOnPrimary(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Standby menjawab lagi: bacaan yang boleh tertinggal kembali ke standby")]
    private static partial void LogBackOnStandby(ILogger logger);
}
