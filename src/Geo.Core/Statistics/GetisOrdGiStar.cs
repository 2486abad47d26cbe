namespace Geo.Core.Statistics;

public sealed record GetisOrdOptions
{
    public PermutationOptions Permutations { get; init; } = new();

    /// <summary>Bin on Benjamini-Hochberg adjusted p instead of raw p.</summary>
    public bool FalseDiscoveryRate { get; init; }
}

/// <summary>Getis-Ord Gi* per unit, in the order of the weights.</summary>
public sealed record GetisOrdResult
{
    /// <summary>Gi* as a z-score (spdep localG with include.self weights).</summary>
    public required double[] Z { get; init; }

    /// <summary>Two-sided normal p of <see cref="Z"/>.</summary>
    public required double[] P { get; init; }

    /// <summary>esda's folded conditional-permutation pseudo p; null without permutations, NaN for an island.</summary>
    public required double[]? PseudoP { get; init; }

    /// <summary>
    /// ArcGIS Gi_Bin: +3/+2/+1 hot spot at 99/95/90% confidence (p &lt; 0.01/0.05/0.10 on the two-sided
    /// normal p, BH-adjusted when FDR is on), -3/-2/-1 the same for cold spots, 0 otherwise.
    /// </summary>
    public required int[] Bin { get; init; }

    public required IReadOnlyList<int> Islands { get; init; }
}

/// <summary>
/// Getis-Ord Gi* (Ord and Getis 1995) with self included, as spdep's localG on include.self weights:
/// z_i = (sum_j w_ij x_j - W_i xbar) / (s sqrt((n S1i - W_i^2) / (n - 1))), s^2 = sum (x - xbar)^2 / n,
/// j running over i and its neighbours. Weights are given without self and the self term is added
/// in the same style (binary: w_ii = 1, as ArcGIS; row-standardised: 1/(k+1), as esda's default).
/// An island is compared with itself alone: its z is (x_i - xbar)/s, a valid score, reported as such.
/// Permutations hold x_i in place with its own weight and draw the k_i neighbours from the others.
/// </summary>
public static class GetisOrdGiStar
{
    public static GetisOrdResult Compute(IReadOnlyList<double> x, SpatialWeights weights, GetisOrdOptions? options = null)
    {
        options ??= new GetisOrdOptions();
        var n = weights.Count;
        if (x.Count != n) throw new ArgumentException($"{x.Count} values for {n} units", nameof(x));
        if (weights.SelfIncluded) throw new ArgumentException("give weights without self: Gi* adds self itself", nameof(weights));
        var star = weights.WithSelf();
        var values = x.ToArray();
        var mean = values.Average();
        var s2 = 0.0;
        foreach (var v in values) s2 += (v - mean) * (v - mean);
        s2 /= n;
        var lag = star.Lag(values);

        var z = new double[n];
        var p = new double[n];
        var selfWeight = new double[n];
        var selfTerm = new double[n];
        for (var i = 0; i < n; i++)
        {
            double wi = 0, s1i = 0;
            foreach (var w in star.WeightsOf(i))
            {
                wi += w;
                s1i += w * w;
            }
            var variance = s2 * (n * s1i - wi * wi) / (n - 1);
            z[i] = (lag[i] - wi * mean) / Math.Sqrt(variance);
            p[i] = NormalTail.TwoSided(z[i]);
            selfWeight[i] = star.Weight(i, i);
            selfTerm[i] = selfWeight[i] * values[i];
        }

        double[]? pseudoP = null;
        if (options.Permutations.Permutations > 0)
        {
            // In both styles a row's star weights are equal, so a neighbour weighs what self weighs:
            // draw on binary weights and scale the sum by w_ii.
            pseudoP = ConditionalPermutation.Run(weights.Binary(), values, selfWeight, selfTerm, lag, options.Permutations).PseudoP;
        }

        var binP = options.FalseDiscoveryRate ? MultipleTesting.BenjaminiHochberg(p) : p;
        var bin = new int[n];
        // z is NaN (0/0) when a unit's neighbourhood with self is every unit: nothing to compare it with
        for (var i = 0; i < n; i++) bin[i] = double.IsNaN(z[i]) ? 0 : Math.Sign(z[i]) * Level(binP[i]);

        return new GetisOrdResult { Z = z, P = p, PseudoP = pseudoP, Bin = bin, Islands = weights.Islands };
    }

    private static int Level(double p) => p < 0.01 ? 3 : p < 0.05 ? 2 : p < 0.10 ? 1 : 0;
}
