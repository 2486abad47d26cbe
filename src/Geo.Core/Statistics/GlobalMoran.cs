namespace Geo.Core.Statistics;

/// <summary>Global Moran's I with its moments under randomisation and normality (spdep moran.test).</summary>
public sealed record GlobalMoranResult
{
    public required double I { get; init; }

    /// <summary>E[I] = -1/(n'-1), with n' the units that have neighbours.</summary>
    public required double ExpectedI { get; init; }

    public required double VarianceRandomisation { get; init; }
    public required double ZRandomisation { get; init; }

    /// <summary>Two-sided normal p of <see cref="ZRandomisation"/> (spdep alternative = "two.sided").</summary>
    public required double PRandomisation { get; init; }

    public required double VarianceNormality { get; init; }
    public required double ZNormality { get; init; }

    /// <summary>Two-sided normal p of <see cref="ZNormality"/>.</summary>
    public required double PNormality { get; init; }

    public required int Permutations { get; init; }

    /// <summary>esda's folded pseudo p, (M + 1)/(R + 1) over the smaller tail; null without permutations.</summary>
    public required double? PseudoP { get; init; }

    /// <summary>Mean of I over the permutations (a check against <see cref="ExpectedI"/>); null without permutations.</summary>
    public required double? PermutationMean { get; init; }

    /// <summary>Units that have neighbours (n').</summary>
    public required int UnitsWithNeighbours { get; init; }

    public required IReadOnlyList<int> Islands { get; init; }
}

/// <summary>
/// Global Moran's I as spdep's moran.test with zero.policy = TRUE and adjust.n = TRUE. Islands stay
/// in the mean, the sum of squares and the kurtosis of x (they are observed values), contribute
/// nothing to the cross-product (their lag is 0), and are left out of n in n/S0, E[I] and Var[I].
/// </summary>
public static class GlobalMoran
{
    public static GlobalMoranResult Compute(IReadOnlyList<double> x, SpatialWeights weights, PermutationOptions? permutations = null)
    {
        var n = weights.Count;
        if (x.Count != n) throw new ArgumentException($"{x.Count} values for {n} units", nameof(x));
        if (weights.SelfIncluded) throw new ArgumentException("Moran's I takes weights without self", nameof(weights));
        var z = Centre(x);
        var zz = 0.0;
        var z4 = 0.0;
        foreach (var v in z)
        {
            zz += v * v;
            z4 += v * v * v * v;
        }
        var kurtosis = n * z4 / (zz * zz);
        var c = Constants(weights);
        var nAdj = (double)(n - weights.Islands.Count);
        // observed and permuted I share one expression, so that ties compare exactly
        var scale = nAdj / c.S0 / zz;
        var i = scale * CrossProduct(weights, z);

        var ei = -1.0 / (nAdj - 1);
        var s02 = c.S0 * c.S0;
        var nn = nAdj * nAdj;
        var varRand = nAdj * (c.S1 * (nn - 3 * nAdj + 3) - nAdj * c.S2 + 3 * s02)
            - kurtosis * (c.S1 * (nn - nAdj) - 2 * nAdj * c.S2 + 6 * s02);
        varRand = varRand / ((nAdj - 1) * (nAdj - 2) * (nAdj - 3) * s02) - ei * ei;
        var varNorm = (nn * c.S1 - nAdj * c.S2 + 3 * s02) / (s02 * (nn - 1)) - ei * ei;
        var zRand = (i - ei) / Math.Sqrt(varRand);
        var zNorm = (i - ei) / Math.Sqrt(varNorm);

        double? pseudoP = null;
        double? permutationMean = null;
        if (permutations is { Permutations: > 0 } options)
        {
            var simulated = Simulate(z, weights, scale, options);
            var atLeast = simulated.Count(s => s >= i);
            pseudoP = ConditionalPermutation.Folded(atLeast, options.Permutations);
            permutationMean = simulated.Average();
        }

        return new GlobalMoranResult
        {
            I = i,
            ExpectedI = ei,
            VarianceRandomisation = varRand,
            ZRandomisation = zRand,
            PRandomisation = NormalTail.TwoSided(zRand),
            VarianceNormality = varNorm,
            ZNormality = zNorm,
            PNormality = NormalTail.TwoSided(zNorm),
            Permutations = permutations?.Permutations ?? 0,
            PseudoP = pseudoP,
            PermutationMean = permutationMean,
            UnitsWithNeighbours = (int)nAdj,
            Islands = weights.Islands,
        };
    }

    internal static double[] Centre(IReadOnlyList<double> x)
    {
        var mean = 0.0;
        for (var i = 0; i < x.Count; i++) mean += x[i];
        mean /= x.Count;
        var z = new double[x.Count];
        for (var i = 0; i < x.Count; i++) z[i] = x[i] - mean;
        return z;
    }

    private static double CrossProduct(SpatialWeights w, ReadOnlySpan<double> z)
    {
        var sum = 0.0;
        for (var i = 0; i < w.Count; i++)
        {
            var lag = 0.0;
            for (var p = w.Offsets[i]; p < w.Offsets[i + 1]; p++) lag += w.Weights[p] * z[w.Neighbours[p]];
            sum += z[i] * lag;
        }
        return sum;
    }

    /// <summary>I for R random permutations of z over all units, each permutation from its own stream.</summary>
    private static double[] Simulate(double[] z, SpatialWeights weights, double scale, PermutationOptions options)
    {
        var simulated = new double[options.Permutations];
        Parallel.For(0, options.Permutations, options.Parallel,
            () => new double[z.Length],
            (p, _, buffer) =>
            {
                z.CopyTo(buffer, 0);
                var rng = new RandomStream(options.Seed, (ulong)p);
                for (var i = buffer.Length - 1; i > 0; i--)
                {
                    var j = (int)rng.NextBelow((uint)i + 1);
                    (buffer[i], buffer[j]) = (buffer[j], buffer[i]);
                }
                simulated[p] = scale * CrossProduct(weights, buffer);
                return buffer;
            },
            _ => { });
        return simulated;
    }

    private readonly record struct WeightConstants(double S0, double S1, double S2);

    /// <summary>S0, S1, S2 over directed links, as spdep's spweights.constants (asymmetric weights allowed).</summary>
    private static WeightConstants Constants(SpatialWeights w)
    {
        var n = w.Count;
        var rowSum = new double[n];
        var colSum = new double[n];
        double s0 = 0, s1 = 0;
        for (var i = 0; i < n; i++)
        {
            var neighbours = w.NeighboursOf(i);
            var weights = w.WeightsOf(i);
            for (var m = 0; m < neighbours.Length; m++)
            {
                var j = neighbours[m];
                var wij = weights[m];
                s0 += wij;
                rowSum[i] += wij;
                colSum[j] += wij;
                s1 += wij * wij + wij * w.Weight(j, i);
            }
        }
        var s2 = 0.0;
        for (var i = 0; i < n; i++) s2 += (rowSum[i] + colSum[i]) * (rowSum[i] + colSum[i]);
        return new WeightConstants(s0, s1, s2);
    }
}
