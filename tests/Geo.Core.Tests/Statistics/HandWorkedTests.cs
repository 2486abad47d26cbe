using Geo.Core.Statistics;

namespace Geo.Core.Tests.Statistics;

/// <summary>
/// Small cases worked by hand (arithmetic in the comments), independent of spdep. Line of four
/// units 0-1-2-3 (each touches the next), x = 1, 2, 3, 4: mean 2.5, z = -1.5, -0.5, 0.5, 1.5,
/// sum z^2 = 5, m2 = 5/4.
/// </summary>
public sealed class HandWorkedTests
{
    private static readonly string[] Ids = ["a", "b", "c", "d"];
    private static readonly double[] X = [1, 2, 3, 4];

    private static SpatialWeights Line() => SpatialWeights.FromNeighbours(Ids, [[1], [0, 2], [1, 3], [2]]);

    [Fact]
    public void Global_moran_on_a_binary_line()
    {
        // lag(z) = -0.5, -1, 1, 0.5; sum z*lag = 0.75 + 0.5 + 0.5 + 0.75 = 2.5; S0 = 6
        // I = 4/6 * 2.5/5 = 1/3; E[I] = -1/3
        // S1 = 1/2 sum (wij + wji)^2 = 1/2 * 6 * 4 = 12; S2 = (2^2 + 4^2 + 4^2 + 2^2) = 40
        // normality: (16*12 - 4*40 + 3*36) / (36*15) - 1/9 = 140/540 - 60/540 = 4/27, z = (2/3)/sqrt(4/27) = sqrt(3)
        // randomisation: K = 4 * 10.25 / 25 = 1.64; 4*(12*7 - 160 + 108) = 128; 1.64*(12*12 - 320 + 216) = 65.6
        //   Var = (128 - 65.6)/(3*2*1*36) - 1/9 = 13/45 - 5/45 = 8/45, z = (2/3)/sqrt(8/45) = sqrt(2.5)
        var r = GlobalMoran.Compute(X, Line(), PermutationOptions.None);
        Close.Equal(1.0 / 3, r.I, "I");
        Close.Equal(-1.0 / 3, r.ExpectedI, "E[I]");
        Close.Equal(4.0 / 27, r.VarianceNormality, "Var normality");
        Close.Equal(Math.Sqrt(3), r.ZNormality, "z normality");
        Close.Equal(8.0 / 45, r.VarianceRandomisation, "Var randomisation");
        Close.Equal(Math.Sqrt(2.5), r.ZRandomisation, "z randomisation");
        // two-sided: P(|Z| > sqrt 2.5) = 0.113846...
        Close.Equal(0.1138462980066, r.PRandomisation, "p");
    }

    [Fact]
    public void Local_moran_on_a_row_standardised_line()
    {
        // W lag(z) = -0.5, -0.5, 0.5, 0.5; Ii = z/m2 * lag = 0.6, 0.2, 0.2, 0.6 (sum = n * I = 4 * 0.4)
        // conditional E(Ii) = -z^2 Wi / ((n-1) m2) = -2.25/3.75 = -0.6 and -0.25/3.75 = -1/15
        // Var(I0) = (z/m2)^2 n/(n-2) (Wi2 - Wi^2/(n-1)) (m2 - z^2/(n-1)) = 1.44 * 2 * (2/3) * 0.5 = 0.96
        // Var(I1) = 0.16 * 2 * (0.5 - 1/3) * (1.25 - 0.25/3) = 0.16 * 2 * (1/6) * (7/6) = 0.56/9
        var r = LocalMoran.Compute(X, Line().RowStandardised(), new LocalMoranOptions { Permutations = PermutationOptions.None });
        Close.All([0.6, 0.2, 0.2, 0.6], r.Ii, "Ii");
        Close.All([-0.6, -1.0 / 15, -1.0 / 15, -0.6], r.ExpectedIi, "E(Ii)");
        Close.All([0.96, 0.56 / 9, 0.56 / 9, 0.96], r.VarianceIi, "Var(Ii)");
        Close.Equal(1.2 / Math.Sqrt(0.96), r.Z[0], "Z0");
        Close.Equal((0.2 + 1.0 / 15) / Math.Sqrt(0.56 / 9), r.Z[1], "Z1");
        Assert.Equal([LisaQuadrant.LowLow, LisaQuadrant.LowLow, LisaQuadrant.HighHigh, LisaQuadrant.HighHigh], r.Quadrant);
        // none reaches p <= 0.05 with four units (Z0 = 1.22 gives p = 0.22)
        Assert.All(r.Cluster, c => Assert.Equal(LisaQuadrant.None, c));
    }

    [Fact]
    public void Gi_star_on_a_binary_line()
    {
        // self included: {0,1}, {0,1,2}, {1,2,3}, {2,3}; s^2 = 5/4
        // unit 0: sum = 3, Wi = 2, S1i = 2: (3 - 5) / sqrt(1.25 * (4*2 - 4)/3) = -2/sqrt(5/3)
        // unit 1: sum = 6, Wi = 3, S1i = 3: (6 - 7.5) / sqrt(1.25 * (12 - 9)/3) = -1.5/sqrt(1.25)
        var r = GetisOrdGiStar.Compute(X, Line(), new GetisOrdOptions { Permutations = PermutationOptions.None });
        var z0 = -2 / Math.Sqrt(5.0 / 3);
        var z1 = -1.5 / Math.Sqrt(1.25);
        Close.All([z0, z1, -z1, -z0], r.Z, "Gi*");
        // |z0| = 1.549 -> p = 0.121, |z1| = 1.342 -> p = 0.180: no bin reaches 90%
        Assert.Equal([0, 0, 0, 0], r.Bin);
    }

    [Fact]
    public void Gi_star_bins_follow_the_arcgis_confidence_levels()
    {
        // A line of 30 with cubic values: the ends are extreme, so z values cross 1.645, 1.96 and 2.576; the
        // bin must be sign(z) times the confidence level of the two-sided p.
        var ids = Enumerable.Range(0, 30).Select(i => i.ToString()).ToArray();
        var neighbours = Enumerable.Range(0, 30).Select(i => (IReadOnlyList<int>)new[] { i - 1, i + 1 }.Where(j => j is >= 0 and < 30).ToArray()).ToArray();
        var x = Enumerable.Range(0, 30).Select(i => Math.Pow(i - 14.5, 3)).ToArray();
        var r = GetisOrdGiStar.Compute(x, SpatialWeights.FromNeighbours(ids, neighbours), new GetisOrdOptions { Permutations = PermutationOptions.None });
        for (var i = 0; i < 30; i++)
        {
            var p = r.P[i];
            var expected = Math.Sign(r.Z[i]) * (p < 0.01 ? 3 : p < 0.05 ? 2 : p < 0.10 ? 1 : 0);
            Assert.Equal(expected, r.Bin[i]);
        }
        Assert.Contains(3, r.Bin);
        Assert.Contains(-3, r.Bin);
    }

    [Fact]
    public void Global_empirical_bayes_shrinks_towards_the_pooled_rate()
    {
        // events 1 and 40 of 100 each: raw 0.01 and 0.40; b = 41/200 = 0.205
        // s2 = sum x (p - b)^2 / sum x = (100 * 0.195^2 * 2)/200 = 0.038025; a = s2 - b/(200/2) = 0.035975
        // estimate = b + a (p - b) / (a + b/x) = 0.205 -/+ 0.195 * 0.035975/0.038025
        var r = EmpiricalBayes.Global([1, 40], [100, 100]);
        var shrink = 0.035975 / 0.038025;
        Close.Equal(0.205, r.B, "b");
        Close.Equal(0.035975, r.A, "a");
        Close.All([0.205 - 0.195 * shrink, 0.205 + 0.195 * shrink], r.Estimate, "estimate");
    }

    [Fact]
    public void Global_empirical_bayes_pulls_a_small_desa_further_than_a_large_one()
    {
        // same raw rate 0.5, but 12 children against 400: the small desa moves more towards b
        var r = EmpiricalBayes.Global([6, 200, 10, 20], [12, 400, 100, 200]);
        Assert.True(Math.Abs(r.Estimate[0] - r.B) < Math.Abs(r.Estimate[1] - r.B));
    }

    [Fact]
    public void Local_empirical_bayes_keeps_an_island_raw_and_resolves_zero_over_zero()
    {
        // unit 2 is an island: its neighbourhood is itself, m = raw, C = 0, a = 0 -> estimate = raw
        // units 0 and 1 have no events: m = 0 and a = 0, spdep gives 0/0 = NaN, we give the prior mean 0
        var w = SpatialWeights.FromNeighbours(["a", "b", "c"], [[1], [0], []]);
        var r = EmpiricalBayes.Local([0, 0, 3], [10, 20, 30], w);
        Assert.Equal([2], w.Islands);
        Close.All([0, 0, 0.1], r.Estimate, "estimate");
        Close.All([0, 0, 0.1], r.M, "m");
    }

    [Fact]
    public void Local_empirical_bayes_on_a_pair_by_hand()
    {
        // two neighbours, events 2/10 and 30/100: m = 32/110 for both
        // spread_j = n_j (x_j - m_j)^2: 10 (0.2 - m)^2 + 100 (0.3 - m)^2 = C for both
        // a = C/110 - m/55, estimate_j = m + (x_j - m) a / (a + m/n_j)
        var w = SpatialWeights.FromNeighbours(["a", "b"], [[1], [0]]);
        var r = EmpiricalBayes.Local([2, 30], [10, 100], w);
        var m = 32.0 / 110;
        var c = 10 * (0.2 - m) * (0.2 - m) + 100 * (0.3 - m) * (0.3 - m);
        var a = Math.Max(0, c / 110 - m / 55);
        Close.All([m + (0.2 - m) * a / (a + m / 10), m + (0.3 - m) * a / (a + m / 100)], r.Estimate, "estimate");
    }

    [Fact]
    public void Islands_are_listed_and_get_no_local_moran_significance()
    {
        // d is an island: spdep's zero.policy gives Ii = E = Var = 0, so Z = 0/0
        var w = SpatialWeights.FromNeighbours(Ids, [[1], [0, 2], [1], []]);
        Assert.Equal([3], w.Islands);
        var r = LocalMoran.Compute(X, w.RowStandardised(), new LocalMoranOptions { Permutations = new PermutationOptions { Permutations = 99 } });
        Assert.Equal(0, r.Ii[3]);
        Assert.True(double.IsNaN(r.Z[3]) && double.IsNaN(r.P[3]) && double.IsNaN(r.PseudoP![3]));
        Assert.Equal(LisaQuadrant.None, r.Cluster[3]);
        // Moran: n' = 3 units with neighbours, E[I] = -1/2
        var g = GlobalMoran.Compute(X, w, PermutationOptions.None);
        Assert.Equal(3, g.UnitsWithNeighbours);
        Close.Equal(-0.5, g.ExpectedI, "E[I]");
        // Gi*: the island is compared with itself alone: z = (x - mean) / s = 1.5 / sqrt(1.25)
        var gi = GetisOrdGiStar.Compute(X, w, new GetisOrdOptions { Permutations = PermutationOptions.None });
        Close.Equal(1.5 / Math.Sqrt(1.25), gi.Z[3], "Gi* island");
    }

    [Fact]
    public void Benjamini_hochberg_matches_p_adjust()
    {
        // R: p.adjust(c(0.01, 0.04, 0.03, 0.2), "BH") = 0.04 0.0533.. 0.0533.. 0.2
        var q = MultipleTesting.BenjaminiHochberg([0.01, 0.04, 0.03, 0.2, double.NaN]);
        Close.All([0.04, 0.16 / 3, 0.16 / 3, 0.2, double.NaN], q, "q");
    }

    [Fact]
    public void Weights_transforms_and_self()
    {
        var w = Line();
        Assert.True(w.IsSymmetric);
        Assert.Equal([0.5, 0.5], w.RowStandardised().WeightsOf(1).ToArray());
        var star = w.RowStandardised().WithSelf();
        Assert.Equal([0, 1, 2], star.NeighboursOf(1).ToArray());
        Assert.Equal([1.0 / 3, 1.0 / 3, 1.0 / 3], star.WeightsOf(1).ToArray());
        Assert.Equal([2, 3], star.NeighboursOf(3).ToArray());
        Assert.Throws<ArgumentException>(() => SpatialWeights.FromNeighbours(Ids, [[0], [], [], []]));
        var knn = SpatialWeights.FromNeighbours(Ids, [[1], [2], [1], [2]]);
        Assert.False(knn.IsSymmetric);
    }
}
