using Geo.Core.Analisis;

namespace Geo.Core.Tests.Analisis;

public class GapClassifierTests
{
    // A and B are coverage (naik), C is a rate to push down (turun).
    private static readonly CoverageIndicator[] Indicators =
    [
        new("A", "Cakupan A", HigherIsBetter: true, Target: 90),
        new("B", "Cakupan B", HigherIsBetter: true, Target: 80),
        new("C", "Kasus C", HigherIsBetter: false, Target: 10),
    ];

    private static GapUnit Unit(string kode, double? outcome, double? a, double? b, double? c) =>
        new(kode, "Desa " + kode, outcome, new Dictionary<string, double?> { ["A"] = a, ["B"] = b, ["C"] = c });

    // Outcomes 10, 20, 30, 40, 50, 30 (desa 7) and none (desa 6): median 30, and "high" means strictly above it.
    private static readonly GapUnit[] Units =
    [
        Unit("1", 10, 95, 85, 5),    // 3/3 meet            -> rendah_cakupan_baik
        Unit("2", 20, 50, 60, 20),   // 0/3                 -> rendah_cakupan_rendah
        Unit("3", 30, 91, 70, 9),    // 2/3 >= half, 30 = median, not high -> rendah_cakupan_baik
        Unit("4", 40, 89, 79, 11),   // 0/3, just missing   -> tinggi_cakupan_rendah
        Unit("5", 50, 90, 80, 10),   // exactly on target: meets -> tinggi_cakupan_baik
        Unit("6", null, 90, 80, 10), // no prevalence       -> data_kurang
        Unit("7", 30, 95, 99, null), // only 2 judged < 3   -> data_kurang
    ];

    [Fact]
    public void Classes_follow_median_and_half_of_targets_met()
    {
        var result = GapClassifier.Classify(Units, Indicators, new GapRules());

        Assert.Equal(30, result.Threshold);
        Assert.Equal(
            [GapClass.RendahCakupanBaik, GapClass.RendahCakupanRendah, GapClass.RendahCakupanBaik, GapClass.TinggiCakupanRendah,
             GapClass.TinggiCakupanBaik, GapClass.DataKurang, GapClass.DataKurang],
            result.Units.Select(u => u.Kelas));
        Assert.Equal((2, 3), (result.Units[2].IndicatorsMeetingTarget, result.Units[2].IndicatorsJudged));
    }

    [Fact]
    public void Shortfalls_are_polarity_aware_and_ordered_by_gap_relative_to_target()
    {
        var desa2 = GapClassifier.Classify(Units, Indicators, new GapRules()).Units[1];

        // A: 90-50 = 40 (40/90 = .44), B: 80-60 = 20 (.25), C (turun): 20-10 = 10 (10/10 = 1.0)
        Assert.Equal(["C", "A", "B"], desa2.Shortfalls.Select(s => s.Indikator));
        Assert.Equal([10.0, 40.0, 20.0], desa2.Shortfalls.Select(s => s.Gap));
        var alasan = desa2.Alasan(30);
        Assert.Contains("0 dari 3 indikator memenuhi target", alasan);
        Assert.Contains("belum memenuhi target: C 20 (target 10, selisih 10)", alasan);
    }

    [Theory]
    [InlineData(OutcomeThreshold.Fixed, 25.0, null, "3")]            // 30 > 25 now counts as high
    [InlineData(OutcomeThreshold.Target, null, 14.0, "2")]           // every measured desa above 14 but desa 1
    public void Other_thresholds_move_the_line(OutcomeThreshold threshold, double? fixedValue, double? target, string firstNewlyHigh)
    {
        var median = GapClassifier.Classify(Units, Indicators, new GapRules());
        var other = GapClassifier.Classify(Units, Indicators, new GapRules { Threshold = threshold, FixedThreshold = fixedValue }, target);

        Assert.False(median.Units.Single(u => u.Kode == firstNewlyHigh).OutcomeHigh);
        Assert.True(other.Units.Single(u => u.Kode == firstNewlyHigh).OutcomeHigh);
        Assert.False(other.Units.Single(u => u.Kode == "1").OutcomeHigh);
    }

    [Fact]
    public void Mean_threshold_is_the_mean_of_measured_values()
    {
        var skewed = Units.Append(Unit("8", 130, 95, 85, 5)).ToArray();

        var result = GapClassifier.Classify(skewed, Indicators, new GapRules { Threshold = OutcomeThreshold.Mean });

        Assert.Equal((10 + 20 + 30 + 40 + 50 + 30 + 130) / 7.0, result.Threshold, 12);
    }

    [Fact]
    public void Indicators_without_target_are_not_judged()
    {
        var noTarget = Indicators.Select(i => i with { Target = i.Kode == "A" ? null : i.Target }).ToArray();

        var desa1 = GapClassifier.Classify(Units, noTarget, new GapRules { MinIndicatorsJudged = 2 }).Units[0];

        Assert.Equal(2, desa1.IndicatorsJudged);
    }

    [Fact]
    public void Fixed_threshold_without_a_value_is_refused() =>
        Assert.Throws<ArgumentException>(() => GapClassifier.Classify(Units, Indicators, new GapRules { Threshold = OutcomeThreshold.Fixed }));
}
