using System.Collections.Concurrent;
using Geo.Data.Peta;

namespace Geo.Api.Peta;

/// <summary>Each level's lon/lat extent, recomputed only when the wilayah version changes.</summary>
public sealed class PetaExtents(FeatureQueries features, DataVersiTracker versions)
{
    public static Bbox World { get; } = new(-180, -85.051129, 180, 85.051129);

    private readonly ConcurrentDictionary<string, (long Versi, Bbox? Bbox)> _known = new();

    public async Task<Bbox?> GetAsync(PetaLayer layer, CancellationToken ct)
    {
        var versi = versions.Current.Wilayah;
        if (_known.TryGetValue(layer.Name, out var known) && known.Versi == versi) return known.Bbox;
        var bbox = await features.ExtentAsync(layer, ct);
        _known[layer.Name] = (versi, bbox);
        return bbox;
    }
}
