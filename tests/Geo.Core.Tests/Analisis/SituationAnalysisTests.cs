using Geo.Core.Analisis;
using Geo.Core.Statistics;

namespace Geo.Core.Tests.Analisis;

public class SituationAnalysisTests
{
    // A path 0-1-2-3-4-5, unit 6 an island, unit 7 linked to 3 but without a value.
    private static readonly string[] Ids = ["0", "1", "2", "3", "4", "5", "6", "7"];
    private static readonly int[][] Links = [[1], [0, 2], [1, 3], [2, 4, 7], [3, 5], [4], [], [3]];
    private static readonly double?[] Values = [30, 28, 25, 12, 10, 8, 40, null];
    private static readonly double[] Measured = [100, 50, 40, 200, 80, 120, 12, 0];

    private static readonly CoverageIndicator[] Indicators = [new("L01", "Cakupan", true, 90), new("L02", "Cakupan 2", true, 80), new("L03", "Cakupan 3", true, 70)];

    private static AnalysisUnit[] Units(bool withCounts) => Ids.Select((id, i) => new AnalysisUnit(
        id, "Desa " + id, Values[i],
        withCounts && Values[i] is { } v ? Math.Round(v * Measured[i] / 100) : null,
        withCounts && Values[i] is not null ? Measured[i] : null,
        new Dictionary<string, double?> { ["L01"] = 95 - 5 * i, ["L02"] = 85 - 5 * i, ["L03"] = 75 - 5 * i })).ToArray();

    private static SpatialWeights Weights() => SpatialWeights.FromNeighbours(Ids, Links);

    private static readonly SituationAnalysisOptions Options = new() { Permutations = new PermutationOptions { Permutations = 99, Seed = 7 } };

    [Fact]
    public void Units_without_value_are_left_out_of_the_statistics_and_islands_are_named()
    {
        var result = SituationAnalysis.Run(Units(true), Weights(), Indicators, Options);

        Assert.Equal(["7"], result.WithoutValue);
        Assert.Equal(["6"], result.Islands);
        Assert.Equal(LisaLabels.NoData, result.Rows[7].Lisa);
        Assert.Null(result.Rows[7].LocalI);
        Assert.Equal(GapClass.DataKurang, result.Rows[7].Kelas);
        Assert.Equal(LisaLabels.Island, result.Rows[6].Lisa);
        Assert.Null(result.Rows[6].GiZ);
    }

    [Fact]
    public void Statistics_equal_those_computed_directly_on_the_measured_subset()
    {
        var result = SituationAnalysis.Run(Units(true), Weights(), Indicators, Options);

        // The same subset written out by hand: unit 7 and its link from 3 removed.
        var subset = SpatialWeights.FromNeighbours(Ids[..7], [[1], [0, 2], [1, 3], [2, 4], [3, 5], [4], []]);
        var values = Values[..7].Select(v => v!.Value).ToArray();
        var lisa = LocalMoran.Compute(values, subset.RowStandardised(), new LocalMoranOptions { Permutations = Options.Permutations });
        var gi = GetisOrdGiStar.Compute(values, subset.Binary(), new GetisOrdOptions { Permutations = Options.Permutations });
        var moran = GlobalMoran.Compute(values, subset.RowStandardised(), Options.Permutations);

        Assert.Equal(moran.I, result.Moran!.I, 12);
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(lisa.Ii[i], result.Rows[i].LocalI!.Value, 12);
            Assert.Equal(lisa.SignificanceP[i], result.Rows[i].LocalP!.Value, 12);
            Assert.Equal(gi.Z[i], result.Rows[i].GiZ!.Value, 12);
            Assert.Equal(gi.Bin[i], result.Rows[i].GiBin);
        }
    }

    [Fact]
    public void Chart_fields_are_the_coverage_counts_and_the_moran_scatter_of_the_measured_units()
    {
        var result = SituationAnalysis.Run(Units(true), Weights(), Indicators, Options);

        // Coverage 95-5i, 85-5i, 75-5i against targets 90, 80, 70: units 0 and 1 meet all three, the rest none.
        Assert.All(result.Rows, r => Assert.Equal(3, r.CakupanDinilai));
        Assert.Equal([3, 3, 0, 0, 0, 0, 0, 0], result.Rows.Select(r => r.CakupanMemenuhiTarget));

        // z over the seven measured values (sd with n - 1, as R's scale), lag as the mean of the neighbours' z.
        var x = Values[..7].Select(v => v!.Value).ToArray();
        var mean = x.Average();
        var sd = Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / 6);
        var z = x.Select(v => (v - mean) / sd).ToArray();
        double[] lag = [z[1], (z[0] + z[2]) / 2, (z[1] + z[3]) / 2, (z[2] + z[4]) / 2, (z[3] + z[5]) / 2, z[4]];
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(z[i], result.Rows[i].MoranZ!.Value, 12);
            Assert.Equal(lag[i], result.Rows[i].MoranLag!.Value, 12);
        }
        Assert.Equal(z[6], result.Rows[6].MoranZ!.Value, 12);
        Assert.Null(result.Rows[6].MoranLag);
        Assert.Null(result.Rows[7].MoranZ);
        Assert.Null(result.Rows[7].MoranLag);
    }

    [Fact]
    public void Global_EB_follows_Marshall_from_the_counts()
    {
        var units = Units(true);
        var result = SituationAnalysis.Run(units, Weights(), Indicators, Options);

        // Marshall (1991) by hand: b = Σe/Σn, s² = Σ n_i (r_i - b)² / Σn, a = s² - b / (Σn/m), r̂_i = b + a/(a + b/n_i) (r_i - b)
        var measured = units.Take(7).ToArray();
        var e = measured.Select(u => u.Numerator!.Value).ToArray();
        var n = measured.Select(u => u.Denominator!.Value).ToArray();
        var b = e.Sum() / n.Sum();
        var s2 = measured.Select((_, i) => n[i] * Math.Pow(e[i] / n[i] - b, 2)).Sum() / n.Sum();
        var a = Math.Max(0, s2 - b / (n.Sum() / 7));
        for (var i = 0; i < 7; i++)
        {
            var expected = 100 * (b + a / (a + b / n[i]) * (e[i] / n[i] - b));
            Assert.Equal(expected, result.Rows[i].EbGlobal!.Value, 9);
        }
        Assert.Null(result.SmoothingUnavailable);
    }

    [Fact]
    public void Percentages_without_counts_cannot_be_smoothed_and_say_why()
    {
        var result = SituationAnalysis.Run(Units(false), Weights(), Indicators, Options);

        Assert.NotNull(result.SmoothingUnavailable);
        Assert.All(result.Rows, r => Assert.Null(r.EbGlobal));
        Assert.Throws<ArgumentException>(() =>
            SituationAnalysis.Run(Units(false), Weights(), Indicators, Options with { Series = OutcomeSeries.EbGlobal }));
    }

    [Fact]
    public void Smoothed_series_drives_the_classification()
    {
        var raw = SituationAnalysis.Run(Units(true), Weights(), Indicators, Options);
        var smoothed = SituationAnalysis.Run(Units(true), Weights(), Indicators, Options with { Series = OutcomeSeries.EbGlobal });

        var ebMedian = GapClassifier.Median(smoothed.Rows.Take(7).Select(r => r.EbGlobal!.Value).ToArray());
        Assert.Equal(ebMedian, smoothed.Gap.Threshold, 12);
        Assert.Equal(25, raw.Gap.Threshold);
    }

    [Fact]
    public void Same_seed_same_result()
    {
        var first = SituationAnalysis.Run(Units(true), Weights(), Indicators, Options);
        var second = SituationAnalysis.Run(Units(true), Weights(), Indicators, Options);

        Assert.Equal(first.Rows, second.Rows);
    }

    [Fact]
    public void A_unit_that_neighbours_every_other_gets_no_undefined_statistic()
    {
        // A kecamatan whose central desa touches all others: its Gi* (self included) sums every value,
        // and its row-standardised LISA variance is 0, so neither has a z-score; the run must still complete.
        string[] ids = ["pusat", "a", "b", "c", "d"];
        var weights = SpatialWeights.FromNeighbours(ids, [[1, 2, 3, 4], [0, 2], [0, 1, 3], [0, 2, 4], [0, 3]]);
        double[] values = [20, 35, 12, 28, 9];
        var units = ids.Select((id, i) => new AnalysisUnit(id, "Desa " + id, values[i], null, null,
            new Dictionary<string, double?> { ["L01"] = 90, ["L02"] = 70, ["L03"] = 60 })).ToArray();

        var result = SituationAnalysis.Run(units, weights, Indicators, Options);

        var pusat = result.Rows[0];
        Assert.Null(pusat.GiZ);
        Assert.Null(pusat.GiP);
        Assert.Equal(0, pusat.GiBin);
        Assert.All(result.Rows.Skip(1), r => Assert.True(double.IsFinite(r.GiZ!.Value)));
        Assert.All(result.Rows, r => Assert.True(r.LocalZ is null || double.IsFinite(r.LocalZ.Value)));
    }
}
