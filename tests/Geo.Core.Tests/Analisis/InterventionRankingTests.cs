using Geo.Core.Analisis;

namespace Geo.Core.Tests.Analisis;

public class InterventionRankingTests
{
    private static readonly CoverageIndicator[] Indicators =
    [
        new("A", "Cakupan A", true, 90),
        new("B", "Cakupan B", true, 80),
        new("C", "Kasus C", false, 10),
        new("D", "Cakupan D tanpa target", true, null),
    ];

    private static readonly Dictionary<string, double?> Area = new() { ["A"] = 80, ["B"] = 75, ["C"] = 12, ["D"] = 40 };

    private static readonly GapUnit[] Desa =
    [
        new("1", "Satu", 10, new Dictionary<string, double?> { ["A"] = 60, ["B"] = 85 }, new Dictionary<string, double> { ["A"] = 100 }),
        new("2", "Dua", 10, new Dictionary<string, double?> { ["A"] = 70, ["B"] = 70 }, new Dictionary<string, double> { ["A"] = 400 }),
        new("3", "Tiga", 10, new Dictionary<string, double?> { ["A"] = 95, ["B"] = null }),
    ];

    [Fact]
    public void Worst_achievement_ranks_first_with_lag_against_the_other_interventions()
    {
        var ranking = InterventionRanking.Rank(Indicators, Area, Desa);

        // Achievements: A 80/90 = .8889, B 75/80 = .9375, C (turun) 10/12 = .8333; D has no target.
        Assert.Equal(["C", "A", "B", "D"], ranking.Select(r => r.Indikator));
        Assert.Equal([1, 2, 3, 4], ranking.Select(r => r.Rank));
        Assert.Equal(10.0 / 12, ranking[0].Achievement!.Value, 12);
        // mean .8865741, sample sd .0521219: lag of C = (.8333333 - .8865741) / .0521219 = -1.021466
        Assert.Equal(-1.021466, ranking[0].Lag!.Value, 5);
        Assert.Equal(0.044412, ranking[1].Lag!.Value, 5);
        Assert.Equal(2.0, ranking[0].Gap);
        Assert.True(ranking.Take(3).All(r => r.IsProblem));
        Assert.False(ranking[3].IsProblem);
        Assert.Null(ranking[3].Achievement);
    }

    [Fact]
    public void Desa_pulling_down_are_ordered_by_shortfall_times_sasaran()
    {
        var a = InterventionRanking.Rank(Indicators, Area, Desa).Single(r => r.Indikator == "A");

        // Desa 1 misses by 30 on 100 sasaran (3000), desa 2 by 20 on 400 (8000); desa 3 meets the target.
        Assert.Equal(["2", "1"], a.PullingDown.Select(p => p.Kode));
        Assert.Equal([8000.0, 3000.0], a.PullingDown.Select(p => p.Contribution));
        Assert.Equal((3, 1), (a.UnitsWithData, a.UnitsMeetingTarget));

        var b = InterventionRanking.Rank(Indicators, Area, Desa).Single(r => r.Indikator == "B");
        Assert.Equal(2, b.UnitsWithData);
        Assert.Equal(["2"], b.PullingDown.Select(p => p.Kode));
        Assert.Equal(10.0, b.PullingDown[0].Contribution); // no sasaran given: weight 1
    }
}
