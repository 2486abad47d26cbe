using Geo.Api.Hosting;
using Geo.Data.Database;
using Geo.Data.Peta;
using Microsoft.Extensions.Options;

namespace Geo.Api.Peta;

/// <summary>
/// Keeps <see cref="DataVersiTracker"/> current for the life of the server: by LISTEN on a single
/// database, by polling the standby's <c>data_versi</c> when reads go to a standby (LISTEN works
/// only on a primary, and the primary's versions would run ahead of what the standby can serve).
/// </summary>
public sealed partial class DataVersiListener(DataVersiTracker tracker, GeoDatabases databases, IOptions<DatabaseOptions> options,
    ILogger<DataVersiListener> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // The first requests need versions for their ETags before the listener has connected.
        await tracker.RefreshAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        databases.HasStandby
            ? tracker.PollAsync(TimeSpan.FromMilliseconds(options.Value.StandbyPollMilliseconds), e => LogDisconnected(logger, e), stoppingToken)
            : tracker.ListenAsync(e => LogDisconnected(logger, e), stoppingToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pemantauan data_versi terputus; menyambung ulang")]
    private static partial void LogDisconnected(ILogger logger, Exception error);
}
