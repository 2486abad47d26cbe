namespace Geo.Core.Indikator;

public enum RollUpMethod
{
    /// <summary>Σpembilang / Σpenyebut over the desa that reported counts.</summary>
    Ratio,
    /// <summary>Σ of counts, for count indicators (sasaran, data dukung).</summary>
    Sum,
    /// <summary>Percentages weighted by a sasaran count: labelled, since it is an estimate.</summary>
    Weighted,
    /// <summary>Some desa gave only a percentage and no weight exists: no honest roll-up.</summary>
    Unavailable,
}
