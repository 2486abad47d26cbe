namespace Geo.Data.Indikator.Import;

/// <summary>The catalogue as the parsers need it: is an indicator a percentage.</summary>
public sealed record CatalogSummary(IReadOnlyDictionary<string, bool> Persen)
{
    public IReadOnlySet<string> Kode { get; } = Persen.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);
}
