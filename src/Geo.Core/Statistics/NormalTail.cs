using MathNet.Numerics;

namespace Geo.Core.Statistics;

/// <summary>Normal p-values computed from erfc, so that small tails keep their precision.</summary>
public static class NormalTail
{
    /// <summary>P(|Z| &gt;= |z|): the two-sided p of spdep's alternative = "two.sided". NaN stays NaN.</summary>
    public static double TwoSided(double z) => double.IsNaN(z) ? double.NaN : SpecialFunctions.Erfc(Math.Abs(z) / Math.Sqrt(2.0));
}
