namespace Geo.Core.Indikator;

public enum ValueKind
{
    /// <summary>The indicator's value itself: a percentage, or a count for a count indicator.</summary>
    Capaian,
    Pembilang,
    Penyebut,
    Target,
}
