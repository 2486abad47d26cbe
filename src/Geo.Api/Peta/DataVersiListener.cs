using Geo.Data.Peta;

namespace Geo.Api.Peta;

/// <summary>Keeps <see cref="DataVersiTracker"/> current for the life of the server.</summary>
public sealed partial class DataVersiListener(DataVersiTracker tracker, ILogger<DataVersiListener> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // The first requests need versions for their ETags before the listener has connected.
        await tracker.RefreshAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        tracker.ListenAsync(e => LogDisconnected(logger, e), stoppingToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LISTEN data_versi terputus; menyambung ulang")]
    private static partial void LogDisconnected(ILogger logger, Exception error);
}
