using Geo.Core.Wilayah;
using Geo.Data.Wilayah.Import;

namespace Geo.Bench.Statistik;

/// <summary>
/// Passes on the features whose kode the importer accepts and counts the others, so that a
/// handful of codes outside the Kepmendagri pattern do not stop the national load.
/// </summary>
internal sealed class ValidCodesOnly(IBoundaryReader inner) : IBoundaryReader
{
    public List<string> Skipped { get; } = [];

    public IEnumerable<BoundaryFeature> ReadFeatures()
    {
        foreach (var feature in inner.ReadFeatures())
        {
            var kode = feature.Attributes.TryGetValue("kode", out var value) ? value?.ToString() : null;
            if (KodeWilayah.TryParse(kode, out _, out _)) yield return feature;
            else Skipped.Add(kode ?? "?");
        }
    }

    public void Dispose() => inner.Dispose();
}
