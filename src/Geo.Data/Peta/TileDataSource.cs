using Geo.Data.Database;
using Npgsql;

namespace Geo.Data.Peta;

/// <summary>
/// The connection pool of tile queries, apart from the rest of the server's so that a burst of
/// map traffic cannot starve imports and analyses of connections (nor the other way round).
/// With a standby, <see cref="DataSource"/> is on the standby and <see cref="Primary"/> serves
/// what the standby has not replayed yet but a caller has just written (a new analysis run).
/// </summary>
public sealed class TileDataSource(NpgsqlDataSource dataSource, NpgsqlDataSource? primary = null) : IAsyncDisposable
{
    public NpgsqlDataSource DataSource { get; } = dataSource;

    /// <summary>The primary's tile pool; the same pool as <see cref="DataSource"/> without a standby.</summary>
    public NpgsqlDataSource Primary { get; } = primary ?? dataSource;

    /// <summary>
    /// With a standby, tiles fall back to the primary while it is down (<see cref="DatabaseUrl.WithFallback"/>).
    /// Parallel workers are off: a tile touches a few thousand rows at most, and starting workers
    /// cost more than they saved (a z8 desa tile: 13 ms serial, 50 ms parallel on two busy cores).
    /// </summary>
    public static TileDataSource Create(string urlOrConnectionString, string? standbyUrl = null) =>
        string.IsNullOrWhiteSpace(standbyUrl)
            ? new TileDataSource(Pool(urlOrConnectionString))
            : new TileDataSource(Pool(DatabaseUrl.WithFallback(standbyUrl, urlOrConnectionString)), Pool(urlOrConnectionString));

    private static NpgsqlDataSource Pool(string urlOrConnectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(DatabaseUrl.ToConnectionString(urlOrConnectionString));
        builder.Options = $"{builder.Options} -c max_parallel_workers_per_gather=0".Trim();
        builder.ApplicationName = "geo-peta";
        // Tile queries leave no session state behind, so a pooled connection needs no reset
        // statements before its next tile (a measurable share of a 2 ms tile).
        builder.NoResetOnClose = true;
        return GeoDataSource.Create(builder.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        if (!ReferenceEquals(Primary, DataSource)) await Primary.DisposeAsync();
    }
}
