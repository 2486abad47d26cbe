namespace Geo.Core.Statistics;

/// <summary>Bivariate local Moran per unit, in the order of the weights.</summary>
public sealed record BivariateLocalMoranResult
{
    /// <summary>Ib_i = zx_i · Σ_j w_ij zy_j; NaN for an island.</summary>
    public required double[] Ib { get; init; }

    /// <summary>Σ_j w_ij zy_j: the standardised y of the neighbours (0 for an island).</summary>
    public required double[] LagY { get; init; }

    /// <summary>esda's folded conditional-permutation pseudo p; null without permutations, NaN for an island.</summary>
    public required double[]? PseudoP { get; init; }

    /// <summary>The pseudo p judged against alpha, BH-adjusted when FDR is on; null without permutations.</summary>
    public required double[]? SignificanceP { get; init; }

    /// <summary>(sign of zx_i, sign of the lag of zy): HighLow is a high x among neighbours with low y.</summary>
    public required LisaQuadrant[] Quadrant { get; init; }

    /// <summary>The quadrant where significant at alpha, else None (always None without permutations).</summary>
    public required LisaQuadrant[] Cluster { get; init; }

    public required IReadOnlyList<int> Islands { get; init; }
}

/// <summary>
/// Bivariate local Moran (Anselin, Syabri and Smirnov 2002) as GeoDa and esda's Moran_Local_BV
/// have it: x and y standardised, Ib_i = zx_i · (W zy)_i on row-standardised weights, so "high
/// prevalence surrounded by low coverage" is the HighLow quadrant with x = prevalence, y = coverage.
/// Standardised with the sample standard deviation, as spdep's localmoran_bv (scale = TRUE); esda's
/// (n-1)/n factor with the population deviation gives the same number. Inference by conditional
/// permutation: x_i stays, the k_i neighbours' zy are drawn without replacement from the other units
/// (spdep draws with replacement; esda, as here, without).
/// </summary>
public static class BivariateLocalMoran
{
    public static BivariateLocalMoranResult Compute(IReadOnlyList<double> x, IReadOnlyList<double> y, SpatialWeights weights, LocalMoranOptions? options = null)
    {
        options ??= new LocalMoranOptions();
        var n = weights.Count;
        if (x.Count != n || y.Count != n) throw new ArgumentException($"{x.Count} dan {y.Count} nilai untuk {n} unit");
        if (weights.SelfIncluded) throw new ArgumentException("Moran lokal bivariat memakai bobot tanpa diri sendiri", nameof(weights));
        var zx = Standardise(x);
        var zy = Standardise(y);
        var lag = weights.Lag(zy);
        var ib = new double[n];
        var quadrant = new LisaQuadrant[n];
        for (var i = 0; i < n; i++)
        {
            var island = weights.Cardinality(i) == 0;
            ib[i] = island ? double.NaN : zx[i] * lag[i];
            quadrant[i] = island ? LisaQuadrant.None : (zx[i], lag[i]) switch
            {
                ( > 0, > 0) => LisaQuadrant.HighHigh,
                ( < 0, > 0) => LisaQuadrant.LowHigh,
                ( < 0, < 0) => LisaQuadrant.LowLow,
                ( > 0, < 0) => LisaQuadrant.HighLow,
                _ => LisaQuadrant.None,
            };
        }

        double[]? pseudoP = null, significance = null;
        var cluster = new LisaQuadrant[n];
        if (options.Permutations.Permutations > 0)
        {
            pseudoP = ConditionalPermutation.Run(weights, zy, zx, new double[n], ib, options.Permutations).PseudoP;
            for (var i = 0; i < n; i++)
            {
                // zx_i = 0 makes every permuted Ib 0: nothing to judge
                if (zx[i] == 0 && weights.Cardinality(i) > 0) pseudoP[i] = 1.0;
            }
            significance = options.FalseDiscoveryRate ? MultipleTesting.BenjaminiHochberg(pseudoP) : pseudoP;
            for (var i = 0; i < n; i++) cluster[i] = significance[i] <= options.Alpha ? quadrant[i] : LisaQuadrant.None;
        }

        return new BivariateLocalMoranResult
        {
            Ib = ib,
            LagY = lag,
            PseudoP = pseudoP,
            SignificanceP = significance,
            Quadrant = quadrant,
            Cluster = cluster,
            Islands = weights.Islands,
        };
    }

    /// <summary>(v - mean) / sd with the sample standard deviation (R's scale()); all zeros when the values are constant.</summary>
    private static double[] Standardise(IReadOnlyList<double> v)
    {
        var n = v.Count;
        var mean = v.Average();
        var ss = 0.0;
        foreach (var value in v) ss += (value - mean) * (value - mean);
        var sd = Math.Sqrt(ss / (n - 1));
        var z = new double[n];
        for (var i = 0; i < n; i++) z[i] = sd > 0 ? (v[i] - mean) / sd : 0;
        return z;
    }
}
