namespace Geo.Core.Statistics;

/// <summary>The change of a proportion between two periods, tested on the counts.</summary>
/// <param name="Before">x1 / n1.</param>
/// <param name="After">x2 / n2.</param>
/// <param name="Difference">After - Before, as a proportion (times 100 for percentage points).</param>
/// <param name="StandardError">Pooled standard error under "no change"; 0 when both proportions are 0 or both 1.</param>
/// <param name="Z">Difference / StandardError; 0 when the standard error is 0 (nothing changed).</param>
/// <param name="P">Two-sided normal p of <paramref name="Z"/>.</param>
public sealed record ProportionChange(double Before, double After, double Difference, double StandardError, double Z, double P);

/// <summary>
/// Two-proportion z test with the pooled variance (no continuity correction): the test of R's
/// <c>prop.test(c(x2, x1), c(n2, n1), correct = FALSE)</c>, whose X-squared is z².
/// z = (p2 - p1) / sqrt(p(1 - p)(1/n1 + 1/n2)), p = (x1 + x2) / (n1 + n2).
/// It respects the counts: a 10-point rise among 15 children measured is not significant, among 1,500 it is.
/// </summary>
public static class TwoProportionTest
{
    public static ProportionChange Compute(double x1, double n1, double x2, double n2)
    {
        Check(x1, n1, nameof(x1));
        Check(x2, n2, nameof(x2));
        var p1 = x1 / n1;
        var p2 = x2 / n2;
        var pooled = (x1 + x2) / (n1 + n2);
        var se = Math.Sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
        var z = se > 0 ? (p2 - p1) / se : 0.0;
        return new ProportionChange(p1, p2, p2 - p1, se, z, NormalTail.TwoSided(z));
    }

    private static void Check(double x, double n, string name)
    {
        if (!(n > 0) || !double.IsFinite(n)) throw new ArgumentException($"penyebut {n} harus lebih dari 0", name);
        if (!(x >= 0 && x <= n)) throw new ArgumentException($"pembilang {x} harus 0 sampai penyebut {n}", name);
    }
}
