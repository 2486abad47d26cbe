using Geo.Core.Statistics;

namespace Geo.Core.Tests.Statistics;

/// <summary>Emerging hot spots: hand-worked space-time Gi*, every ArcGIS pattern, and an independent R computation on real boundaries.</summary>
public sealed class EmergingHotSpotTests
{
    private static readonly string[] Line = ["a", "b", "c"];
    private static readonly string[] TwoPeriods = ["2024-02", "2024-08"];

    [Fact]
    public void Space_time_neighbours_reach_back_one_period()
    {
        var spatial = SpatialWeights.FromNeighbours(Line, [[1], [0, 2], [1]]);
        var st = EmergingHotSpots.SpaceTimeWeights(spatial, TwoPeriods, 1);
        // bins: a0 b0 c0 a1 b1 c1 = 0..5
        Assert.Equal(["a@2024-02", "b@2024-02", "c@2024-02", "a@2024-08", "b@2024-08", "c@2024-08"], st.Ids);
        Assert.Equal([1], st.NeighboursOf(0).ToArray());
        Assert.Equal([0, 2], st.NeighboursOf(1).ToArray());
        Assert.Equal([0, 1, 4], st.NeighboursOf(3).ToArray()); // a1: b0, its own a0, b1
        Assert.Equal([1, 2, 4], st.NeighboursOf(5).ToArray()); // c1: b0, c0, b1
        Assert.Equal([0, 1, 2, 3, 5], st.NeighboursOf(4).ToArray());
        // window 0 is the spatial Gi* of each period apart
        Assert.Equal([1], EmergingHotSpots.SpaceTimeWeights(spatial, TwoPeriods, 0).NeighboursOf(5).ToArray().Select(j => j - 3));
    }

    [Fact]
    public void Space_time_gi_star_worked_by_hand()
    {
        // values a0..c1 = 1 2 3 / 4 5 9: six bins, mean 4, s^2 = (9+4+1+0+1+25)/6 = 20/3
        // a0 with self {a0, b0}: sum 3, W = S1 = 2: Var = s^2 (6*2 - 4)/5 = 32/3, z = (3 - 8)/sqrt(32/3)
        // c1 with self {b0, c0, b1, c1}: sum 19, W = S1 = 4: Var = s^2 (24 - 16)/5 = 32/3, z = (19 - 16)/sqrt(32/3)
        var spatial = SpatialWeights.FromNeighbours(Line, [[1], [0, 2], [1]]);
        double[][] values = [[1, 2, 3], [4, 5, 9]];
        var r = EmergingHotSpots.Compute(values, spatial, TwoPeriods, new EmergingHotSpotOptions { Permutations = PermutationOptions.None });
        Close.Equal(-5 / Math.Sqrt(32.0 / 3), r.Z[0][0], "z a0");
        Close.Equal(3 / Math.Sqrt(32.0 / 3), r.Z[1][2], "z c1");
        Close.Equal(NormalTail.TwoSided(r.Z[0][0]), r.P[0][0], "p a0");
        // b1's neighbourhood with self is every bin: Var = 0, z = NaN, never a spot and left out of b's trend
        Assert.True(double.IsNaN(r.Z[1][1]));
        Assert.Equal(0, r.Spot[1][1]);
        Assert.Equal(1, r.Trend[1].N);
        // |z| < 1.96 everywhere it is finite: no spot, no pattern
        Assert.All(r.Pattern, p => Assert.Equal(EmergingPattern.None, p));
    }

    private static MannKendallResult Trend(double s, double p) => new(8, s, 65.33, s / 28, 0, p);

    public static TheoryData<int[], double, double, string> Patterns => new()
    {
        { [0, 0, 0, 0, 0, 0, 0, 1], 0, 1, "titik_panas_baru" },
        { [0, 0, 0, 0, 0, 1, 1, 1], 10, 0.2, "titik_panas_berturut" },
        { [1, 1, 1, 1, 1, 1, 1, 1], 20, 0.001, "titik_panas_menguat" },
        { [1, 1, 1, 1, 1, 1, 1, 1], 4, 0.6, "titik_panas_menetap" },
        { [1, 1, 1, 1, 1, 1, 1, 1], -20, 0.001, "titik_panas_melemah" },
        { [0, 1, 0, 1, 0, 0, 1, 1], 6, 0.3, "titik_panas_sporadis" },
        { [-1, -1, 0, 0, 0, 0, 1, 1], 16, 0.01, "titik_panas_berosilasi" },
        { [1, 1, 1, 1, 1, 1, 1, 1, 1, 0], -5, 0.4, "titik_panas_historis" },
        { [0, 0, 0, 0, 0, 0, 0, -1], 0, 1, "titik_dingin_baru" },
        { [0, 0, 0, 0, -1, -1, -1, -1], -10, 0.2, "titik_dingin_berturut" },
        { [-1, -1, -1, -1, -1, -1, -1, -1], -20, 0.001, "titik_dingin_menguat" },
        { [-1, -1, -1, -1, -1, -1, -1, -1], 2, 0.8, "titik_dingin_menetap" },
        { [-1, -1, -1, -1, -1, -1, -1, -1], 20, 0.001, "titik_dingin_melemah" },
        { [-1, 0, 0, -1, 0, 0, 0, -1], 0, 1, "titik_dingin_sporadis" },
        { [1, 0, 0, 0, 0, 0, -1, -1], -8, 0.1, "titik_dingin_berosilasi" },
        { [-1, -1, -1, -1, -1, -1, -1, -1, -1, 0], 5, 0.4, "titik_dingin_historis" },
        // hot at the end after a cold history: oscillating hot (which ArcGIS's historical cold would also allow)
        { [-1, -1, -1, -1, -1, -1, -1, -1, -1, 1], 5, 0.4, "titik_panas_berosilasi" },
        { [0, 0, 0, 0, 0, 0, 0, 0], 0, 1, "tanpa_pola" },
        { [1, 1, 0, 0, 0, 0, 0, 0], -10, 0.02, "tanpa_pola" }, // hot once, not at the end, not 90%
        { [0, 0, 0, 0, 0, 0, 1, 0], 0, 1, "tanpa_pola" },
        // a significant rise with fewer than 90% hot periods is not intensifying
        { [0, 0, 0, 1, 1, 1, 1, 1], 24, 0.001, "titik_panas_berturut" },
        // seven of eight is under 90%: a gap makes it sporadic, not persistent
        { [1, 1, 1, 0, 1, 1, 1, 1], 3, 0.7, "titik_panas_sporadis" },
    };

    [Theory, MemberData(nameof(Patterns))]
    public void Each_pattern_by_arcgis_definition(int[] spots, double s, double p, string expected)
    {
        Assert.Equal(expected, EmergingHotSpots.Classify(spots, Trend(s, p), 0.05));
        Assert.Contains(expected, EmergingPattern.All);
    }

    public static TheoryData<string> Cases => ["tual-queen", "paser-queen"];

    [Theory, MemberData(nameof(Cases))]
    public void Matches_an_independent_computation_with_spdep_localG(string name)
    {
        var c = WaktuReference.Load("titik-panas").GetProperty("cases").EnumerateArray().Single(e => e.GetProperty("case").GetString() == name);
        var spatial = SpdepFixture.Load(name).Weights;
        var periods = c.GetProperty("periods").EnumerateArray().Select(e => e.GetString()!).ToArray();
        var values = c.GetProperty("values").EnumerateArray().Select(row => (IReadOnlyList<double>)row.EnumerateArray().Select(v => v.Number()).ToArray()).ToArray();
        var r = EmergingHotSpots.Compute(values, spatial, periods, new EmergingHotSpotOptions
        {
            TimeWindow = (int)c.Number("window"),
            Alpha = c.Number("alpha"),
            Permutations = PermutationOptions.None,
        });
        var z = c.GetProperty("z").EnumerateArray().Select(row => row.EnumerateArray().Select(v => v.Number()).ToArray()).ToArray();
        var spots = c.GetProperty("spots").EnumerateArray().Select(row => row.EnumerateArray().Select(v => (int)v.Number()).ToArray()).ToArray();
        for (var t = 0; t < periods.Length; t++)
        {
            Close.All(z[t], r.Z[t], $"{name} z {periods[t]}");
            Assert.Equal(spots[t], r.Spot[t]);
        }
        Close.All(c.Numbers("mkS"), r.Trend.Select(m => m.S).ToArray(), name + " S");
        Close.All(c.Numbers("mkP"), r.Trend.Select(m => m.P).ToArray(), name + " MK p");
        var expected = c.GetProperty("pattern").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Equal(expected, r.Pattern);
        // the fixture exercises most patterns
        Assert.True(expected.Distinct().Count() >= (name == "paser-queen" ? 12 : 6));
    }

    [Fact]
    public void Permuted_bins_are_judged_on_their_pseudo_p_and_do_not_depend_on_threads()
    {
        var f = SpdepFixture.Load("tual-queen");
        var c = WaktuReference.Load("titik-panas").GetProperty("cases").EnumerateArray().First();
        var periods = c.GetProperty("periods").EnumerateArray().Select(e => e.GetString()!).ToArray();
        var values = c.GetProperty("values").EnumerateArray().Select(row => (IReadOnlyList<double>)row.EnumerateArray().Select(v => v.Number()).ToArray()).ToArray();
        EmergingHotSpotResult Run(int? threads) => EmergingHotSpots.Compute(values, f.Weights, periods, new EmergingHotSpotOptions
        {
            Permutations = new PermutationOptions { Permutations = 199, Seed = 3, MaxDegreeOfParallelism = threads },
        });
        var one = Run(1);
        var many = Run(null);
        Assert.Equal(one.Pattern, many.Pattern);
        for (var t = 0; t < periods.Length; t++)
        {
            Assert.Equal(one.P[t], many.P[t]);
            Assert.All(one.P[t], p => Assert.True(double.IsNaN(p) || (p >= 1.0 / 200 && p <= 0.5 + 1.0 / 200)));
        }
        // the strongest bins of the normal test are also significant by permutation
        var normal = EmergingHotSpots.Compute(values, f.Weights, periods, new EmergingHotSpotOptions { Permutations = PermutationOptions.None });
        for (var t = 0; t < periods.Length; t++)
        {
            for (var i = 0; i < f.Ids.Length; i++)
            {
                if (Math.Abs(normal.Z[t][i]) > 3.5) Assert.Equal(Math.Sign(normal.Z[t][i]), one.Spot[t][i]);
            }
        }
    }

    [Fact]
    public void Gi_star_of_a_unit_that_neighbours_every_other_is_nan_with_bin_zero()
    {
        // three kecamatan that all touch: each neighbourhood with self is the whole area (this threw before)
        var triangle = SpatialWeights.FromNeighbours(Line, [[1, 2], [0, 2], [0, 1]]);
        var r = GetisOrdGiStar.Compute([10, 20, 40], triangle, new GetisOrdOptions { Permutations = PermutationOptions.None });
        Assert.All(r.Z, z => Assert.True(double.IsNaN(z)));
        Assert.All(r.Bin, b => Assert.Equal(0, b));
    }

    [Fact]
    public void Incomplete_series_are_refused()
    {
        var spatial = SpatialWeights.FromNeighbours(Line, [[1], [0, 2], [1]]);
        Assert.Throws<ArgumentException>(() => EmergingHotSpots.Compute([[1, 2, 3], [4, double.NaN, 9]], spatial, TwoPeriods));
        Assert.Throws<ArgumentException>(() => EmergingHotSpots.Compute([[1, 2, 3]], spatial, ["2024-02"]));
    }
}
