using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Compression;
using Geo.Data.Peta;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Geo.Api.Peta;

/// <summary>A tile as served: the MVT bytes, its gzip form (made once, on first demand) and its ETag.</summary>
public sealed class ServedTile(byte[] raw, DataVersi versi, string etag)
{
    private byte[]? _gzip;

    public byte[] Raw { get; } = raw;
    public DataVersi Versi { get; } = versi;
    public string ETag { get; } = etag;

    public byte[] Gzip => _gzip ??= Compress(Raw);

    private static byte[] Compress(byte[] raw)
    {
        using var output = new MemoryStream(raw.Length / 2 + 64);
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(raw);
        return output.ToArray();
    }
}

/// <summary>
/// Tiles kept in memory up to <see cref="PetaOptions.CacheMegabytes"/>. An entry is valid only
/// while the data versions it was built from are current; stale entries are never served and,
/// being the least recently used, are the first evicted when the cache is full.
/// Concurrent misses of one tile share one query (single flight), cache on or off: a map opened
/// by many people at once asks for the same few tiles together.
/// </summary>
public sealed class TileCache : IDisposable
{
    private readonly MemoryCache? _cache;
    private readonly ConcurrentDictionary<TileKey, Lazy<Task<ServedTile>>> _inFlight = new();

    public TileCache(IOptions<PetaOptions> options)
    {
        var megabytes = options.Value.CacheMegabytes;
        if (megabytes > 0) _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = megabytes * 1024L * 1024L, CompactionPercentage = 0.25 });
    }

    public ServedTile? Get(TileKey key, Func<DataVersi, bool> isCurrent) =>
        _cache is not null && _cache.TryGetValue(key, out ServedTile? tile) && isCurrent(tile!.Versi) ? tile : null;

    /// <summary>
    /// The cached tile if current, else the one being built for the same key, else a new build.
    /// The build is not tied to any one request's cancellation, since others may be waiting on it.
    /// <c>Built</c> is how long the build took when this call ran it, and null when the tile came
    /// from the cache or from another call's build (for Server-Timing).
    /// </summary>
    public async Task<(ServedTile Tile, TimeSpan? Built)> GetOrBuildAsync(TileKey key, Func<DataVersi, bool> isCurrent, Func<Task<ServedTile>> build)
    {
        if (Get(key, isCurrent) is { } cached) return (cached, null);
        var started = Stopwatch.GetTimestamp();
        var flight = new Lazy<Task<ServedTile>>(() => BuildAsync(key, build));
        var joined = _inFlight.GetOrAdd(key, flight);
        try
        {
            var tile = await joined.Value;
            return (tile, ReferenceEquals(joined, flight) ? Stopwatch.GetElapsedTime(started) : null);
        }
        finally
        {
            _inFlight.TryRemove(new KeyValuePair<TileKey, Lazy<Task<ServedTile>>>(key, joined));
        }
    }

    private async Task<ServedTile> BuildAsync(TileKey key, Func<Task<ServedTile>> build)
    {
        var tile = await build();
        // Counted twice the raw size: the gzip copy is usually smaller, plus the entry overhead.
        _cache?.Set(key, tile, new MemoryCacheEntryOptions { Size = 2L * tile.Raw.Length + 256 });
        return tile;
    }

    public void Dispose() => _cache?.Dispose();
}
