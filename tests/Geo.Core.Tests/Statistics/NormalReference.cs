using MathNet.Numerics;

namespace Geo.Core.Tests.Statistics;

/// <summary>Analytic references the statistics are checked against.</summary>
internal static class NormalReference
{
    /// <summary>P(Z &gt;= z): spdep's alternative = "greater".</summary>
    public static double UpperTail(double z) => 0.5 * SpecialFunctions.Erfc(z / Math.Sqrt(2.0));
}
