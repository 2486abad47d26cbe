using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Geo.Core.Indikator;
using Geo.Core.Statistics;

namespace Geo.Core.Tests.Statistics;

/// <summary>Mann-Kendall and Sen's slope: hand-worked, against base R (tests/reference/waktu/tren.R), and properties.</summary>
public sealed class TrendTests
{
    private static readonly string[] ThreePeriods = ["2023-02", "2023-08", "2024-02"];

    [Fact]
    public void Mann_kendall_worked_by_hand_without_ties()
    {
        // x = 1, 3, 2, 4: pairs (1,3)+ (1,2)+ (1,4)+ (3,2)- (3,4)+ (2,4)+ => S = 4
        // Var S = 4*3*13/18 = 26/3; z = (4 - 1)/sqrt(26/3) = 1.0190493; tau = 4/6
        var r = MannKendall.Compute([1, 3, 2, 4]);
        Assert.Equal((4, 4.0), (r.N, r.S));
        Close.Equal(26.0 / 3, r.VarianceS, "Var S");
        Close.Equal(4.0 / 6, r.Tau, "tau");
        Close.Equal(3 / Math.Sqrt(26.0 / 3), r.Z, "z");
        Close.Equal(0.3081795474670541, r.P, "p"); // R: cor.test(c(1,3,2,4), 1:4, "kendall", exact = FALSE)
    }

    [Fact]
    public void Mann_kendall_worked_by_hand_with_ties()
    {
        // x = 5, 5, 6, 4, 6: S = (0 +1 -1 +1) + (+1 -1 +1) + (-1 0) + (+1) = 1 + 1 - 1 + 1 = 2
        // ties: 5 twice, 6 twice: Σ t(t-1)(2t+5) = 2*18 = 36; Var S = (5*4*15 - 36)/18 = 264/18
        // tau-b = 2 / sqrt(10 * (10 - 2)) = 2/sqrt(80)
        var r = MannKendall.Compute([5, 5, 6, 4, 6]);
        Assert.Equal(2.0, r.S);
        Close.Equal(264.0 / 18, r.VarianceS, "Var S");
        Close.Equal(2 / Math.Sqrt(80), r.Tau, "tau");
        Close.Equal(1 / Math.Sqrt(264.0 / 18), r.Z, "z");
    }

    [Fact]
    public void Flat_and_too_short_series_have_no_trend()
    {
        var flat = MannKendall.Compute([20, 20, 20, 20]);
        Assert.Equal((0.0, 0.0, 0.0, 1.0), (flat.S, flat.VarianceS, flat.Z, flat.P));
        Assert.True(double.IsNaN(flat.Tau));
        Assert.Equal(1.0, MannKendall.Compute([3]).P);
        Assert.Throws<ArgumentException>(() => MannKendall.Compute([1, double.NaN, 2]));
    }

    [Fact]
    public void Sen_slope_worked_by_hand()
    {
        // times 0, 1, 2, 3; x = 1, 3, 2, 4: slopes 2, 0.5, 1, -1, 0.5, 2 => sorted -1 0.5 0.5 1 2 2, median 0.75
        Close.Equal(0.75, SenSlope.Compute([0, 1, 2, 3], [1, 3, 2, 4]), "slope");
        // per year on e-PPGBM periods: 2023-02, 2023-08, 2024-02 with 30, 27, 24 falls 6 points a year
        var t = ThreePeriods.Select(p => Periode.Parse(p).TahunDesimal).ToArray();
        Close.Equal(-6, SenSlope.Compute(t, [30, 27, 24]), "per year");
        Assert.True(double.IsNaN(SenSlope.Compute([2024, 2024], [1, 2])));
    }

    [Fact]
    public void Decimal_years_of_periods()
    {
        Close.Equal(2024 + 7 / 12.0, Periode.Parse("2024-08").TahunDesimal, "2024-08");
        Close.Equal(2024 + 1 / 12.0, Periode.Parse("2024-02").TahunDesimal, "2024-02");
        Close.Equal(2024.5, Periode.Parse("2024-S2").TahunDesimal, "S2");
        Close.Equal(2024, Periode.Parse("2024-S1").TahunDesimal, "S1");
        Close.Equal(2024, Periode.Parse("2024").TahunDesimal, "year");
    }

    [Fact]
    public void Matches_base_R_kendall_test_and_pairwise_median()
    {
        var cases = WaktuReference.Load("tren").GetProperty("cases").EnumerateArray().ToList();
        Assert.True(cases.Count >= 30);
        foreach (var c in cases)
        {
            var x = c.Numbers("x");
            var what = string.Join(" ", x);
            var r = MannKendall.Compute(x);
            Close.Equal(c.Number("s"), r.S, what + " S");
            Close.Equal(c.Number("var"), r.VarianceS, what + " Var S");
            Close.Equal(c.Number("tau"), r.Tau, what + " tau");
            Close.Equal(c.Number("z"), r.Z, what + " z");
            Close.Equal(c.Number("p"), r.P, what + " p");
            Close.Equal(c.Number("sen"), SenSlope.Compute(c.Numbers("time"), x), what + " Sen");
        }
    }

    private static Arbitrary<double[]> Series() =>
        Gen.Choose(0, 40).Select(v => v / 2.0).ArrayOf().Where(a => a.Length is >= 3 and <= 14).ToArbitrary();

    [Property(MaxTest = 500)]
    public Property Reversing_time_reverses_the_trend_and_keeps_its_p() =>
        Prop.ForAll(Series(), x =>
        {
            var forward = MannKendall.Compute(x);
            var backward = MannKendall.Compute(x.Reverse().ToArray());
            return backward.S == -forward.S && backward.Z == -forward.Z && Math.Abs(backward.P - forward.P) < 1e-15
                && backward.VarianceS == forward.VarianceS;
        });

    [Property(MaxTest = 500)]
    public Property Sorting_the_periods_by_value_gives_the_strongest_rise() =>
        Prop.ForAll(Series(), x =>
        {
            var sorted = MannKendall.Compute(x.Order().ToArray());
            var any = MannKendall.Compute(x);
            var descending = MannKendall.Compute(x.OrderDescending().ToArray());
            // sorted: every untied pair rises, so S = number of untied pairs, the largest any order can give
            var untied = 0;
            for (var i = 0; i < x.Length; i++)
            {
                for (var j = i + 1; j < x.Length; j++) untied += x[i] != x[j] ? 1 : 0;
            }
            return sorted.S == untied && sorted.S >= any.S && descending.S == -sorted.S;
        });

    [Property(MaxTest = 300)]
    public Property Swapping_two_periods_moves_S_by_the_pairs_it_flips() =>
        Prop.ForAll(Series(), x =>
        {
            // swap the first and last values: the pair itself flips and every middle value's two
            // pairs with them trade places, so S falls when the first was below the last, rises when
            // above, and stays when they were equal
            var i = 0;
            var j = x.Length - 1;
            var swapped = (double[])x.Clone();
            (swapped[i], swapped[j]) = (swapped[j], swapped[i]);
            var before = MannKendall.Compute(x).S;
            var after = MannKendall.Compute(swapped).S;
            return x[i] < x[j] ? after < before : x[i] > x[j] ? after > before : after == before;
        });
}
