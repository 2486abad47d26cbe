using Geo.Data.Peta;

namespace Geo.Api.Peta;

/// <summary>Keeps <see cref="DataVersiTracker"/> current for the life of the server.</summary>
public sealed class DataVersiListener(DataVersiTracker tracker, ILogger<DataVersiListener> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken ct)
    {
        // The first requests need versions for their ETags before the listener has connected.
        await tracker.RefreshAsync(ct);
        await base.StartAsync(ct);
    }

    protected override Task ExecuteAsync(CancellationToken stop) =>
        tracker.ListenAsync(e => logger.LogWarning(e, "LISTEN data_versi terputus; menyambung ulang"), stop);
}
