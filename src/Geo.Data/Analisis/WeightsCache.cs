using System.Collections.Concurrent;
using Geo.Core.Statistics;
using Geo.Core.Wilayah;

namespace Geo.Data.Analisis;

/// <summary>
/// Spatial weights of recent analyses, held by the server: the queen weights of Jawa Tengah's
/// desa take 1.5-1.9 s in PostGIS (busy machine), and a new run of the same area (another
/// indicator, period or parameter) needs the same weights. Keyed by the boundaries' data version,
/// so changed boundaries are never answered from here.
/// </summary>
public sealed class WeightsCache
{
    private const int Capacity = 16;
    private readonly ConcurrentDictionary<string, SpatialWeights> _entries = new(StringComparer.Ordinal);

    public async Task<SpatialWeights> GetAsync(KodeWilayah wilayah, Tingkat tingkat, WeightsSpec spec, string wilayahVersion,
        Func<Task<SpatialWeights>> build)
    {
        var key = $"{wilayah}|{(int)tingkat}|{spec}|{spec.SnapMetres}|{wilayahVersion}";
        if (_entries.TryGetValue(key, out var cached)) return cached;
        var weights = await build();
        // A small cache: when full, start over rather than track use (a server serves a few areas at a time).
        if (_entries.Count >= Capacity) _entries.Clear();
        _entries[key] = weights;
        return weights;
    }
}
