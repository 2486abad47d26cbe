namespace Geo.Core.Indikator;

public sealed record NameMatch(WilayahCandidate? Wilayah, MatchKind? Cara, IReadOnlyList<WilayahCandidate> Ambigu, int Jarak = 0)
{
    public bool Cocok => Wilayah is not null;
    public bool IsAmbiguous => Ambigu.Count > 1;
}
