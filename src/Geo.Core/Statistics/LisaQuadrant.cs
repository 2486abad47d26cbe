namespace Geo.Core.Statistics;

/// <summary>
/// Moran scatterplot quadrant of a unit, with esda's codes: the sign of its deviation z_i and of the
/// lag of deviations. HighHigh and LowLow are clusters, HighLow and LowHigh spatial outliers.
/// </summary>
public enum LisaQuadrant
{
    /// <summary>z_i or its lag is exactly 0, or the unit is an island.</summary>
    None = 0,
    HighHigh = 1,
    LowHigh = 2,
    LowLow = 3,
    HighLow = 4,
}
