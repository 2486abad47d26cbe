using Geo.Core.Statistics;

namespace Geo.Core.Tests.Statistics;

/// <summary>Bivariate local Moran: hand-worked, against spdep::localmoran_bv, and against the univariate statistic.</summary>
public sealed class BivariateLocalMoranTests
{
    private static readonly string[] Ids = ["a", "b", "c", "d"];

    [Fact]
    public void Worked_by_hand_on_a_line()
    {
        // x = 1..4, y = 4..1 on the line a-b-c-d, row-standardised. Sample sd of both: sqrt(5/3), s^2 = 5/3.
        // lag zy = 0.5, 0.5, -0.5, -0.5 (over s); Ib = zx * lag = -0.75, -0.25, -0.25, -0.75 (over s^2) = -0.45, -0.15, -0.15, -0.45
        var w = SpatialWeights.FromNeighbours(Ids, [[1], [0, 2], [1, 3], [2]]).RowStandardised();
        var r = BivariateLocalMoran.Compute([1, 2, 3, 4], [4, 3, 2, 1], w, new LocalMoranOptions { Permutations = PermutationOptions.None });
        Close.All([-0.45, -0.15, -0.15, -0.45], r.Ib, "Ib");
        Close.All(new[] { 0.5, 0.5, -0.5, -0.5 }.Select(v => v / Math.Sqrt(5.0 / 3)).ToArray(), r.LagY, "lag");
        // low x among high y at the start of the line, high x among low y at its end
        Assert.Equal([LisaQuadrant.LowHigh, LisaQuadrant.LowHigh, LisaQuadrant.HighLow, LisaQuadrant.HighLow], r.Quadrant);
        Assert.Null(r.PseudoP);
        Assert.All(r.Cluster, c => Assert.Equal(LisaQuadrant.None, c));
    }

    [Fact]
    public void Islands_get_no_statistic()
    {
        var w = SpatialWeights.FromNeighbours(["a", "b", "c", "d"], [[1], [0], [], [1]]).RowStandardised();
        var r = BivariateLocalMoran.Compute([1, 2, 3, 4], [4, 3, 2, 1], w, new LocalMoranOptions { Permutations = new PermutationOptions { Permutations = 99 } });
        Assert.True(double.IsNaN(r.Ib[2]) && double.IsNaN(r.PseudoP![2]));
        Assert.Equal(LisaQuadrant.None, r.Cluster[2]);
        Assert.Equal([2], r.Islands);
    }

    public static TheoryData<string> Cases => ["paser-queen", "paser-knn6", "tual-queen"];

    [Theory, MemberData(nameof(Cases))]
    public void Matches_spdep_localmoran_bv(string name)
    {
        var c = WaktuReference.Load("bivariat").GetProperty("cases").EnumerateArray().Single(e => e.GetProperty("case").GetString() == name);
        var keep = c.GetProperty("keep").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var weights = SpdepFixture.Load(name).Weights.Subset(keep).RowStandardised();
        Assert.Empty(weights.Islands);
        var r = BivariateLocalMoran.Compute(c.Numbers("x"), c.Numbers("y"), weights, new LocalMoranOptions { Permutations = PermutationOptions.None });
        Close.All(c.Numbers("ib"), r.Ib, name + " Ib");
        Close.All(c.Numbers("lagY"), r.LagY, name + " lag y");
    }

    [Theory, MemberData(nameof(Cases))]
    public void With_y_equal_to_x_it_is_the_univariate_local_moran(string name)
    {
        // Ib(x, x) = zx·W zx with the sample sd = Ii · (n-1)/n; the permuted statistics are the same
        // positive multiple of the same draws, so the pseudo p are identical
        var f = SpdepFixture.Load(name);
        var w = f.Weights.RowStandardised();
        var options = new LocalMoranOptions { Permutations = new PermutationOptions { Permutations = 199, Seed = 5 } };
        var bv = BivariateLocalMoran.Compute(f.X, f.X, w, options);
        var uni = LocalMoran.Compute(f.X, w, options);
        var n = f.X.Length;
        for (var i = 0; i < n; i++)
        {
            if (w.Cardinality(i) == 0) continue;
            Close.Equal(uni.Ii[i] * (n - 1) / n, bv.Ib[i], $"{name} Ib[{i}]");
            Assert.Equal(uni.PseudoP![i], bv.PseudoP![i]);
            Assert.Equal(uni.Cluster[i], bv.Cluster[i]);
        }
    }
}
