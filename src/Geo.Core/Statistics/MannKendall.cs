namespace Geo.Core.Statistics;

/// <summary>The Mann-Kendall trend test of one series.</summary>
/// <param name="N">Values in the series.</param>
/// <param name="S">Σ_{i&lt;j} sign(x_j - x_i): positive for a rising series.</param>
/// <param name="VarianceS">Var(S) under no trend, corrected for ties: [n(n-1)(2n+5) - Σ t(t-1)(2t+5)] / 18.</param>
/// <param name="Tau">Kendall's tau-b between the values and time (time has no ties): S / sqrt(n0 (n0 - Σ t(t-1)/2)), n0 = n(n-1)/2.</param>
/// <param name="Z">(S - sign S) / sqrt(Var S), with the continuity correction; 0 when S = 0 or Var S = 0.</param>
/// <param name="P">Two-sided normal p of <paramref name="Z"/>.</param>
public sealed record MannKendallResult(int N, double S, double VarianceS, double Tau, double Z, double P);

/// <summary>
/// Mann-Kendall (Mann 1945, Kendall 1975) with the normal approximation, the tie correction and the
/// continuity correction: the test of R's <c>cor.test(x, time, method = "kendall", exact = FALSE,
/// continuity = TRUE)</c>. With e-PPGBM's two weighings a year a series is short (4 to 10 values),
/// where the normal approximation is rough; p is reported as computed and the caller says so.
/// </summary>
public static class MannKendall
{
    /// <param name="x">The series in time order; NaN is refused (leave missing periods out before).</param>
    public static MannKendallResult Compute(IReadOnlyList<double> x)
    {
        var n = x.Count;
        for (var i = 0; i < n; i++)
        {
            if (double.IsNaN(x[i])) throw new ArgumentException($"nilai ke-{i} kosong (NaN): buang periode tanpa nilai dahulu", nameof(x));
        }
        if (n < 2) return new MannKendallResult(n, 0, 0, double.NaN, 0, 1);

        long s = 0;
        for (var i = 0; i < n - 1; i++)
        {
            for (var j = i + 1; j < n; j++) s += Math.Sign(x[j] - x[i]);
        }

        // tie groups: sort a copy and count runs of equal values
        var sorted = x.ToArray();
        Array.Sort(sorted);
        double tieVariance = 0, tiedPairs = 0;
        for (var i = 0; i < n;)
        {
            var j = i;
            while (j + 1 < n && sorted[j + 1] == sorted[i]) j++;
            double t = j - i + 1;
            if (t > 1)
            {
                tieVariance += t * (t - 1) * (2 * t + 5);
                tiedPairs += t * (t - 1) / 2;
            }
            i = j + 1;
        }
        var variance = (n * (n - 1.0) * (2.0 * n + 5) - tieVariance) / 18.0;
        var n0 = n * (n - 1.0) / 2;
        var tauDenominator = Math.Sqrt(n0 * (n0 - tiedPairs));
        var tau = tauDenominator > 0 ? s / tauDenominator : double.NaN;
        var z = s == 0 || variance <= 0 ? 0.0 : (s - Math.Sign(s)) / Math.Sqrt(variance);
        return new MannKendallResult(n, s, variance, tau, z, NormalTail.TwoSided(z));
    }
}

/// <summary>Sen's (1968) slope: the median of the slopes between every pair of points.</summary>
public static class SenSlope
{
    /// <summary>
    /// Median over pairs i &lt; j with t_i ≠ t_j of (x_j - x_i) / (t_j - t_i), in units of x per unit of t;
    /// NaN with fewer than two distinct times.
    /// </summary>
    public static double Compute(IReadOnlyList<double> time, IReadOnlyList<double> x)
    {
        if (time.Count != x.Count) throw new ArgumentException($"{time.Count} waktu untuk {x.Count} nilai", nameof(x));
        var slopes = new List<double>(x.Count * (x.Count - 1) / 2);
        for (var i = 0; i < x.Count - 1; i++)
        {
            for (var j = i + 1; j < x.Count; j++)
            {
                var dt = time[j] - time[i];
                if (dt != 0) slopes.Add((x[j] - x[i]) / dt);
            }
        }
        if (slopes.Count == 0) return double.NaN;
        slopes.Sort();
        var mid = slopes.Count / 2;
        return slopes.Count % 2 == 1 ? slopes[mid] : (slopes[mid - 1] + slopes[mid]) / 2;
    }
}
