using Geo.Core.Statistics;

namespace Geo.Core.Tests.Statistics;

/// <summary>
/// The permutation kernels: reproducible by seed whatever the thread count, drawing neighbours
/// without replacement from the other units, and converging to the analytic moments.
/// </summary>
public sealed class PermutationTests
{
    private static PermutationOptions Options(int r, ulong seed, int? threads = null) =>
        new() { Permutations = r, Seed = seed, MaxDegreeOfParallelism = threads };

    [Fact]
    public void Same_seed_gives_the_same_pseudo_p_on_one_thread_and_on_many()
    {
        var f = SpdepFixture.Load("paser-queen");
        var w = f.Weights.RowStandardised();
        var one = LocalMoran.Compute(f.X, w, new LocalMoranOptions { Permutations = Options(199, 7, 1) });
        var many = LocalMoran.Compute(f.X, w, new LocalMoranOptions { Permutations = Options(199, 7, 8) });
        var again = LocalMoran.Compute(f.X, w, new LocalMoranOptions { Permutations = Options(199, 7) });
        Assert.Equal(one.PseudoP, many.PseudoP);
        Assert.Equal(one.PseudoP, again.PseudoP);
        Assert.Equal(one.PermutationStandardDeviation, many.PermutationStandardDeviation);

        var giOne = GetisOrdGiStar.Compute(f.X, f.Weights, new GetisOrdOptions { Permutations = Options(199, 7, 1) });
        var giMany = GetisOrdGiStar.Compute(f.X, f.Weights, new GetisOrdOptions { Permutations = Options(199, 7, 8) });
        Assert.Equal(giOne.PseudoP, giMany.PseudoP);

        var gOne = GlobalMoran.Compute(f.X, w, Options(199, 7, 1));
        var gMany = GlobalMoran.Compute(f.X, w, Options(199, 7, 8));
        Assert.Equal(gOne.PseudoP, gMany.PseudoP);
        Assert.Equal(gOne.PermutationMean, gMany.PermutationMean);
    }

    [Fact]
    public void Another_seed_gives_other_draws()
    {
        var f = SpdepFixture.Load("paser-queen");
        var w = f.Weights.RowStandardised();
        var a = LocalMoran.Compute(f.X, w, new LocalMoranOptions { Permutations = Options(199, 1) });
        var b = LocalMoran.Compute(f.X, w, new LocalMoranOptions { Permutations = Options(199, 2) });
        Assert.NotEqual(a.PseudoP, b.PseudoP);
    }

    [Fact]
    public void Pseudo_p_is_a_folded_count_over_r_plus_one()
    {
        var f = SpdepFixture.Load("tual-queen");
        const int r = 99;
        var result = LocalMoran.Compute(f.X, f.Weights.RowStandardised(), new LocalMoranOptions { Permutations = Options(r, 3) });
        for (var i = 0; i < f.Ids.Length; i++)
        {
            var p = result.PseudoP![i];
            if (f.Weights.Cardinality(i) == 0)
            {
                Assert.True(double.IsNaN(p));
                continue;
            }
            var m = p * (r + 1) - 1;
            Assert.Equal(Math.Round(m), m, 9);
            Assert.InRange(m, 0, r / 2);
        }
    }

    [Theory]
    [InlineData(5)]
    [InlineData(40)]
    public void Drawing_every_other_unit_leaves_nothing_to_permute(int n)
    {
        // Complete graph: each unit has the n-1 others as neighbours, so a draw of n-1 of the n-1
        // others without replacement (and never self) is always the same set: every permuted Ii
        // equals the observed one. A draw with replacement or one that could pick self would vary.
        // n = 5 runs the redraw path, n = 40 the partial shuffle.
        var ids = Enumerable.Range(0, n).Select(i => i.ToString()).ToArray();
        var neighbours = ids.Select((_, i) => (IReadOnlyList<int>)Enumerable.Range(0, n).Where(j => j != i).ToArray()).ToArray();
        var x = Enumerable.Range(0, n).Select(i => Math.Sin(i) * 10).ToArray();
        var r = LocalMoran.Compute(x, SpatialWeights.FromNeighbours(ids, neighbours).RowStandardised(),
            new LocalMoranOptions { Permutations = Options(500, 11) });
        for (var i = 0; i < n; i++)
        {
            Assert.Equal(0, r.PermutationStandardDeviation![i], 6);
            Assert.Equal(r.Ii[i], r.PermutationMean![i], 12);
        }
    }

    [Fact]
    public void Local_moran_permutations_converge_to_the_conditional_moments()
    {
        // spdep's conditional E(Ii) and Var(Ii) are exactly the mean and variance of Ii when k_i
        // values are drawn without replacement from the n-1 others, so with R = 9999 the permutation
        // mean must lie within a few standard errors and the variance within a few percent.
        var f = SpdepFixture.Load("paser-queen");
        const int r = 9999;
        var result = LocalMoran.Compute(f.X, f.Weights.RowStandardised(), new LocalMoranOptions { Permutations = Options(r, 42) });
        for (var i = 0; i < f.Ids.Length; i++)
        {
            var sd = Math.Sqrt(result.VarianceIi[i]);
            Assert.InRange(result.PermutationMean![i], result.ExpectedIi[i] - 5 * sd / Math.Sqrt(r), result.ExpectedIi[i] + 5 * sd / Math.Sqrt(r));
            Assert.InRange(result.PermutationStandardDeviation![i], 0.95 * sd, 1.05 * sd);
        }
    }

    [Fact]
    public void Many_neighbours_converge_to_the_conditional_moments_too()
    {
        // 30 neighbours each (beyond the redraw path): unit i's neighbours are the next 30 in order
        var f = SpdepFixture.Load("paser-queen");
        var n = f.Ids.Length;
        var neighbours = Enumerable.Range(0, n).Select(i => (IReadOnlyList<int>)Enumerable.Range(1, 30).Select(d => (i + d) % n).ToArray()).ToArray();
        const int r = 9999;
        var result = LocalMoran.Compute(f.X, SpatialWeights.FromNeighbours(f.Ids, neighbours).RowStandardised(),
            new LocalMoranOptions { Permutations = Options(r, 8) });
        for (var i = 0; i < n; i++)
        {
            var sd = Math.Sqrt(result.VarianceIi[i]);
            Assert.InRange(result.PermutationMean![i], result.ExpectedIi[i] - 5 * sd / Math.Sqrt(r), result.ExpectedIi[i] + 5 * sd / Math.Sqrt(r));
            Assert.InRange(result.PermutationStandardDeviation![i], 0.95 * sd, 1.05 * sd);
        }
    }

    [Fact]
    public void Local_pseudo_p_follows_the_analytic_p_for_large_r()
    {
        // The folded pseudo p is one-sided: compare it with the one-sided normal tail of the
        // conditional z. The permutation distribution of a sum of 5 or 6 values is not normal, so
        // agreement is loose per unit but tight in rank and in the bulk.
        var f = SpdepFixture.Load("paser-queen");
        var result = LocalMoran.Compute(f.X, f.Weights.RowStandardised(), new LocalMoranOptions { Permutations = Options(9999, 5) });
        var analytic = result.Z.Select(z => NormalReference.UpperTail(Math.Abs(z))).ToArray();
        var differences = analytic.Zip(result.PseudoP!, (a, p) => Math.Abs(a - p)).Order().ToArray();
        Assert.True(differences[differences.Length / 2] < 0.02, $"median |pseudo p - analytic p| = {differences[differences.Length / 2]}");
        Assert.True(Spearman(analytic, result.PseudoP!) > 0.95);
    }

    [Fact]
    public void Gi_star_pseudo_p_follows_the_analytic_p_for_large_r()
    {
        var f = SpdepFixture.Load("paser-queen");
        var result = GetisOrdGiStar.Compute(f.X, f.Weights, new GetisOrdOptions { Permutations = Options(9999, 5) });
        var analytic = result.Z.Select(z => NormalReference.UpperTail(Math.Abs(z))).ToArray();
        Assert.True(Spearman(analytic, result.PseudoP!) > 0.95);
    }

    [Fact]
    public void Global_moran_permutations_agree_with_randomisation()
    {
        // Var[I] under randomisation is the variance of I over all permutations of x: the permutation
        // mean converges to E[I], the pseudo p to the one-sided randomisation p.
        var f = SpdepFixture.Load("paser-queen");
        const int r = 9999;
        var w = f.Weights.RowStandardised();
        var shuffled = f.X.Select((v, i) => f.X[(i * 37) % f.X.Length]).ToArray();
        var result = GlobalMoran.Compute(shuffled, w, Options(r, 9));
        var se = Math.Sqrt(result.VarianceRandomisation / r);
        Assert.InRange(result.PermutationMean!.Value, result.ExpectedI - 5 * se, result.ExpectedI + 5 * se);
        var oneSided = NormalReference.UpperTail(Math.Abs(result.ZRandomisation));
        Assert.InRange(result.PseudoP!.Value, oneSided - 0.03, oneSided + 0.03);
        // the real (north-south trended) values are far out in the tail: the pseudo p is the minimum
        var trended = GlobalMoran.Compute(f.X, w, Options(r, 9));
        Assert.Equal(1.0 / (r + 1), trended.PseudoP);
    }

    private static double Spearman(double[] a, double[] b)
    {
        var ra = Ranks(a);
        var rb = Ranks(b);
        var ma = ra.Average();
        var mb = rb.Average();
        double sab = 0, saa = 0, sbb = 0;
        for (var i = 0; i < ra.Length; i++)
        {
            sab += (ra[i] - ma) * (rb[i] - mb);
            saa += (ra[i] - ma) * (ra[i] - ma);
            sbb += (rb[i] - mb) * (rb[i] - mb);
        }
        return sab / Math.Sqrt(saa * sbb);
    }

    private static double[] Ranks(double[] v)
    {
        var order = Enumerable.Range(0, v.Length).OrderBy(i => v[i]).ToArray();
        var ranks = new double[v.Length];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && v[order[end + 1]] == v[order[start]]) end++;
            for (var k = start; k <= end; k++) ranks[order[k]] = (start + end) / 2.0;
            start = end + 1;
        }
        return ranks;
    }
}
