using Geo.Data.Database;
using Npgsql;

namespace Geo.Data.Peta;

/// <summary>
/// The connection pool of tile queries, apart from the rest of the server's so that a burst of
/// map traffic cannot starve imports and analyses of connections (nor the other way round).
/// </summary>
public sealed class TileDataSource(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    public NpgsqlDataSource DataSource { get; } = dataSource;

    /// <summary>
    /// Parallel workers are off: a tile touches a few thousand rows at most, and starting workers
    /// cost more than they saved (a z8 desa tile: 13 ms serial, 50 ms parallel on two busy cores).
    /// </summary>
    public static TileDataSource Create(string urlOrConnectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(DatabaseUrl.ToConnectionString(urlOrConnectionString));
        builder.Options = $"{builder.Options} -c max_parallel_workers_per_gather=0".Trim();
        builder.ApplicationName = "geo-peta";
        // Tile queries leave no session state behind, so a pooled connection needs no reset
        // statements before its next tile (a measurable share of a 2 ms tile).
        builder.NoResetOnClose = true;
        return new TileDataSource(GeoDataSource.Create(builder.ConnectionString));
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
