using Geo.Core.Analisis;
using Geo.Core.Statistics;

namespace Geo.Core.Tests.Analisis;

/// <summary>The gap classification judged on the posterior: "relatively high" by exceedance probability, and the "tidak pasti" flag.</summary>
public sealed class UncertainGapTests
{
    private static readonly CoverageIndicator[] Indicators =
    [
        new("A", "Cakupan A", HigherIsBetter: true, Target: 90),
        new("B", "Cakupan B", HigherIsBetter: true, Target: 80),
        new("C", "Cakupan C", HigherIsBetter: true, Target: 70),
    ];

    private static readonly Dictionary<string, double?> PoorCoverage = new() { ["A"] = 50, ["B"] = 50, ["C"] = 50 };

    // Prior Beta around 20% (mean 0.2, variance 0.002): a desa's posterior is pulled towards 20% the less it measured.
    private static GapUnit Unit(string kode, double cases, double measured)
    {
        var posterior = RatePosterior.Update([cases], [measured], [0.2], [0.002], PosteriorFamily.BetaBinomial)[0];
        return new GapUnit(kode, "Desa " + kode, 100 * cases / measured, PoorCoverage, null, t => posterior.Exceedance(t / 100));
    }

    // Fixed threshold 25%: "few" is 6 of 15 (40%, but 15 children), "many" 400 of 1000 (40% of a thousand),
    // "low" 100 of 1000 (10%), "edge" 26 of 100 (26%, just above).
    private static readonly GapUnit[] Units = [Unit("few", 6, 15), Unit("many", 400, 1000), Unit("low", 100, 1000), Unit("edge", 26, 100)];

    private static GapRules Rules(HighRule rule) => new() { Threshold = OutcomeThreshold.Fixed, FixedThreshold = 25, High = rule };

    [Fact]
    public void Point_rule_is_the_default_and_flags_what_the_counts_do_not_settle()
    {
        Assert.Equal(HighRule.PointEstimate, new GapRules().High);
        Assert.Equal(0.8, new GapRules().ExceedanceCut);
        var r = GapClassifier.Classify(Units, Indicators, Rules(HighRule.PointEstimate)).Units;
        Assert.Equal([true, true, false, true], r.Select(u => u.OutcomeHigh!.Value));
        // few: 40% among 15 is likely but not surely above 25%; edge: 26% of 100 is a coin toss
        Assert.Equal([true, false, false, true], r.Select(u => u.Uncertain));
        Assert.All(r, u => Assert.NotNull(u.HighProbability));
        Assert.True(r[1].HighProbability > 0.999 && r[2].HighProbability < 0.001);
        Assert.InRange(r[3].HighProbability!.Value, 0.2, 0.8);
        Assert.Contains("tidak pasti", r[3].Alasan(25));
        Assert.DoesNotContain("tidak pasti", r[1].Alasan(25));
    }

    [Fact]
    public void Exceedance_rule_calls_high_only_what_the_counts_make_likely()
    {
        var r = GapClassifier.Classify(Units, Indicators, Rules(HighRule.Exceedance)).Units;
        Assert.Equal([r[0].HighProbability > 0.8, true, false, false], r.Select(u => u.OutcomeHigh!.Value));
        Assert.Equal(GapClass.TinggiCakupanRendah, r[1].Kelas);
        Assert.Equal(GapClass.RendahCakupanRendah, r[3].Kelas);
        // the edge desa is above the threshold by its value, below it by the rule: the reason says both
        Assert.Contains("26 > 25", r[3].Alasan(25));
        Assert.Contains("tidak relatif tinggi", r[3].Alasan(25));
    }

    [Fact]
    public void A_stricter_cut_calls_fewer_units_high()
    {
        var loose = GapClassifier.Classify(Units, Indicators, Rules(HighRule.Exceedance) with { ExceedanceCut = 0.6 }).Units.Count(u => u.OutcomeHigh == true);
        var strict = GapClassifier.Classify(Units, Indicators, Rules(HighRule.Exceedance) with { ExceedanceCut = 0.99 }).Units.Count(u => u.OutcomeHigh == true);
        Assert.True(loose >= strict && strict >= 1, $"{loose} vs {strict}");
        Assert.Throws<ArgumentException>(() => GapClassifier.Classify(Units, Indicators, Rules(HighRule.Exceedance) with { ExceedanceCut = 0.4 }));
    }

    [Fact]
    public void Exceedance_rule_needs_counts()
    {
        var withoutCounts = new GapUnit("x", "Desa x", 30, PoorCoverage);
        Assert.Throws<ArgumentException>(() => GapClassifier.Classify([withoutCounts], Indicators, Rules(HighRule.Exceedance)));
        var point = GapClassifier.Classify([withoutCounts], Indicators, Rules(HighRule.PointEstimate)).Units[0];
        Assert.Null(point.HighProbability);
        Assert.False(point.Uncertain);
    }

    [Fact]
    public void The_analysis_carries_posterior_intervals_around_the_eb_estimate()
    {
        string[] ids = ["0", "1", "2", "3"];
        var weights = SpatialWeights.FromNeighbours(ids, [[1], [0, 2], [1, 3], [2]]);
        double[] cases = [3, 40, 10, 90];
        double[] measured = [12, 100, 60, 300];
        var units = ids.Select((id, i) => new AnalysisUnit(id, "Desa " + id, 100 * cases[i] / measured[i], cases[i], measured[i], PoorCoverage)).ToArray();
        var result = SituationAnalysis.Run(units, weights, Indicators, new SituationAnalysisOptions
        {
            Permutations = PermutationOptions.None,
            Rules = new GapRules { High = HighRule.Exceedance },
        });
        Assert.Equal(PosteriorFamily.BetaBinomial, result.Family);
        var eb = EmpiricalBayes.Global(cases, measured);
        var posterior = RatePosterior.Global(cases, measured, eb);
        for (var i = 0; i < ids.Length; i++)
        {
            var row = result.Rows[i];
            var (lo, hi) = posterior[i].Interval(0.95);
            Assert.Equal(100 * lo, row.KiBawah!.Value, 9);
            Assert.Equal(100 * hi, row.KiAtas!.Value, 9);
            Assert.Equal(posterior[i].Exceedance(result.Gap.Threshold / 100), row.PeluangTinggi!.Value, 12);
        }
        // the 12-child desa has the widest interval
        Assert.Equal(0, Enumerable.Range(0, 4).MaxBy(i => result.Rows[i].KiAtas - result.Rows[i].KiBawah));
    }
}
