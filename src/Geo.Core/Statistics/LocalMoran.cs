namespace Geo.Core.Statistics;

public sealed record LocalMoranOptions
{
    /// <summary>Conditional permutations for the pseudo p; <see cref="PermutationOptions.None"/> for analytic p only.</summary>
    public PermutationOptions Permutations { get; init; } = new();

    /// <summary>Significance level for <see cref="LocalMoranResult.Cluster"/>.</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>Judge significance on Benjamini-Hochberg adjusted p instead of raw p.</summary>
    public bool FalseDiscoveryRate { get; init; }

    /// <summary>
    /// spdep localmoran's conditional = TRUE (its default): E(Ii) and Var(Ii) given z_i (Sokal, Oden
    /// and Thomson 1998). False gives the total randomisation moments of Anselin (1995).
    /// </summary>
    public bool ConditionalMoments { get; init; } = true;
}

/// <summary>Local Moran statistics, one entry per unit in the order of the weights.</summary>
public sealed record LocalMoranResult
{
    public required double[] Ii { get; init; }
    public required double[] ExpectedIi { get; init; }
    public required double[] VarianceIi { get; init; }

    /// <summary>(Ii - E(Ii)) / sqrt(Var(Ii)); NaN for an island (0/0, as spdep).</summary>
    public required double[] Z { get; init; }

    /// <summary>Two-sided normal p of <see cref="Z"/>.</summary>
    public required double[] P { get; init; }

    /// <summary>esda's folded conditional-permutation pseudo p; null without permutations, NaN for an island.</summary>
    public required double[]? PseudoP { get; init; }

    /// <summary>Mean of Ii over the permutations (esda EI_sim); null without permutations.</summary>
    public required double[]? PermutationMean { get; init; }

    /// <summary>Standard deviation of Ii over the permutations (esda seI_sim); null without permutations.</summary>
    public required double[]? PermutationStandardDeviation { get; init; }

    /// <summary>The p judged against alpha: pseudo p when permuted, else analytic p; BH-adjusted when FDR is on.</summary>
    public required double[] SignificanceP { get; init; }

    public required LisaQuadrant[] Quadrant { get; init; }

    /// <summary>The quadrant where significant at alpha, else None.</summary>
    public required LisaQuadrant[] Cluster { get; init; }

    public required IReadOnlyList<int> Islands { get; init; }
}

/// <summary>
/// Local Moran's I (Anselin 1995) as spdep's localmoran (mlvar = TRUE, adjust.x = FALSE):
/// Ii = z_i / m2 * sum_j w_ij z_j with m2 = sum z^2 / n over all units, islands included.
/// An island has Ii = E(Ii) = Var(Ii) = 0, so Z, P and pseudo p are NaN and it is never significant.
/// A unit whose value is exactly the mean (z_i = 0) has Ii = 0 for every permutation; esda would
/// report the smallest possible pseudo p for that tie, here it gets pseudo p = 1.
/// </summary>
public static class LocalMoran
{
    public static LocalMoranResult Compute(IReadOnlyList<double> x, SpatialWeights weights, LocalMoranOptions? options = null)
    {
        options ??= new LocalMoranOptions();
        var n = weights.Count;
        if (x.Count != n) throw new ArgumentException($"{x.Count} values for {n} units", nameof(x));
        if (weights.SelfIncluded) throw new ArgumentException("local Moran takes weights without self", nameof(weights));
        var z = GlobalMoran.Centre(x);
        double m2 = 0, m4 = 0;
        foreach (var v in z)
        {
            m2 += v * v;
            m4 += v * v * v * v;
        }
        m2 /= n;
        m4 /= n;
        var b2 = m4 / (m2 * m2);
        var lag = weights.Lag(z);

        var ii = new double[n];
        var e = new double[n];
        var variance = new double[n];
        var zScore = new double[n];
        var p = new double[n];
        var quadrant = new LisaQuadrant[n];
        var slope = new double[n];
        for (var i = 0; i < n; i++)
        {
            double wi = 0, wi2 = 0;
            foreach (var w in weights.WeightsOf(i))
            {
                wi += w;
                wi2 += w * w;
            }
            slope[i] = z[i] / m2;
            ii[i] = slope[i] * lag[i];
            if (options.ConditionalMoments)
            {
                e[i] = -(z[i] * z[i] * wi) / ((n - 1) * m2);
                variance[i] = (z[i] / m2) * (z[i] / m2) * (n / (n - 2.0)) * (wi2 - wi * wi / (n - 1)) * (m2 - z[i] * z[i] / (n - 1));
            }
            else
            {
                e[i] = -wi / (n - 1);
                var a = (n - b2) / (n - 1);
                var b = (2 * b2 - n) / ((n - 1.0) * (n - 2));
                variance[i] = a * wi2 + b * (wi * wi - wi2) - e[i] * e[i];
            }
            zScore[i] = (ii[i] - e[i]) / Math.Sqrt(variance[i]);
            p[i] = NormalTail.TwoSided(zScore[i]);
            quadrant[i] = QuadrantOf(z[i], lag[i], weights.Cardinality(i));
        }

        double[]? pseudoP = null, permutationMean = null, permutationSd = null;
        if (options.Permutations.Permutations > 0)
        {
            var run = ConditionalPermutation.Run(weights, z, slope, new double[n], ii, options.Permutations);
            pseudoP = run.PseudoP;
            permutationMean = run.Mean;
            permutationSd = run.StandardDeviation;
            for (var i = 0; i < n; i++)
            {
                if (z[i] == 0 && weights.Cardinality(i) > 0) pseudoP[i] = 1.0;
            }
        }
        var significance = pseudoP ?? p;
        if (options.FalseDiscoveryRate) significance = MultipleTesting.BenjaminiHochberg(significance);

        var cluster = new LisaQuadrant[n];
        for (var i = 0; i < n; i++) cluster[i] = significance[i] <= options.Alpha ? quadrant[i] : LisaQuadrant.None;

        return new LocalMoranResult
        {
            Ii = ii,
            ExpectedIi = e,
            VarianceIi = variance,
            Z = zScore,
            P = p,
            PseudoP = pseudoP,
            PermutationMean = permutationMean,
            PermutationStandardDeviation = permutationSd,
            SignificanceP = significance,
            Quadrant = quadrant,
            Cluster = cluster,
            Islands = weights.Islands,
        };
    }

    private static LisaQuadrant QuadrantOf(double z, double lag, int cardinality) => cardinality == 0 ? LisaQuadrant.None : (z, lag) switch
    {
        ( > 0, > 0) => LisaQuadrant.HighHigh,
        ( < 0, > 0) => LisaQuadrant.LowHigh,
        ( < 0, < 0) => LisaQuadrant.LowLow,
        ( > 0, < 0) => LisaQuadrant.HighLow,
        _ => LisaQuadrant.None,
    };
}
