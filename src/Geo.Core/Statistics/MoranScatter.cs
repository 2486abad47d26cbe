namespace Geo.Core.Statistics;

/// <summary>The points of a Moran scatter plot, as spdep's <c>moran.plot</c> draws them for standardised values.</summary>
/// <param name="Z">Each unit's value standardised as R's <c>scale()</c>: (x - mean) / sd, sd with n - 1.</param>
/// <param name="Lag">The row-standardised spatial lag of <paramref name="Z"/>; 0 for an island (zero.policy).</param>
public sealed record MoranScatterResult(double[] Z, double[] Lag);

public static class MoranScatter
{
    /// <remarks>
    /// With row-standardised weights and no island, the least-squares slope of lag on z is Moran's I,
    /// which is why the page draws that line; islands pull it away a little, as in spdep.
    /// </remarks>
    public static MoranScatterResult Compute(ReadOnlySpan<double> x, SpatialWeights weights)
    {
        if (x.Length != weights.Count) throw new ArgumentException($"{x.Length} values for {weights.Count} units", nameof(x));
        var row = weights.Style == WeightsStyle.RowStandardised ? weights : weights.RowStandardised();
        var n = x.Length;
        var mean = 0.0;
        foreach (var v in x) mean += v;
        mean /= n;
        var ss = 0.0;
        foreach (var v in x) ss += (v - mean) * (v - mean);
        var sd = n > 1 ? Math.Sqrt(ss / (n - 1)) : 0;
        var z = new double[n];
        for (var i = 0; i < n; i++) z[i] = sd > 0 ? (x[i] - mean) / sd : 0;
        return new MoranScatterResult(z, row.Lag(z));
    }
}
