using Geo.Core.Analisis;
using Geo.Core.Statistics;

namespace Geo.Core.Tests.Statistics;

/// <summary>The change between two periods: hand-worked, against R's prop.test, and judged by polarity.</summary>
public sealed class PeriodChangeTests
{
    [Fact]
    public void Two_proportion_z_worked_by_hand()
    {
        // 20 of 100 then 30 of 100: pooled p = 50/200 = 0.25, se = sqrt(0.25 * 0.75 * 0.02) = sqrt(0.00375)
        // z = 0.1 / 0.0612372 = 1.6329932; two-sided p = 0.1024704
        var r = TwoProportionTest.Compute(20, 100, 30, 100);
        Close.Equal(0.2, r.Before, "p1");
        Close.Equal(0.3, r.After, "p2");
        Close.Equal(0.1, r.Difference, "difference");
        Close.Equal(Math.Sqrt(0.00375), r.StandardError, "se");
        Close.Equal(0.1 / Math.Sqrt(0.00375), r.Z, "z");
        Close.Equal(0.10247043485974937, r.P, "p");
    }

    [Fact]
    public void Counts_decide_significance_not_the_size_of_the_change()
    {
        // the same 20% -> 30% is noise among 15 children and a real rise among 1,500
        var few = TwoProportionTest.Compute(3, 15, 4.5, 15);
        var many = TwoProportionTest.Compute(300, 1500, 450, 1500);
        Assert.Equal(few.Difference, many.Difference, 12);
        Assert.True(few.P > 0.3, $"p among 15 = {few.P}");
        Assert.True(many.P < 1e-9, $"p among 1500 = {many.P}");
    }

    [Fact]
    public void No_change_at_zero_or_full_is_p_one()
    {
        var zero = TwoProportionTest.Compute(0, 40, 0, 60);
        Assert.Equal((0.0, 0.0, 1.0), (zero.StandardError, zero.Z, zero.P));
        var full = TwoProportionTest.Compute(40, 40, 60, 60);
        Assert.Equal((0.0, 1.0), (full.Z, full.P));
    }

    [Theory]
    [InlineData(-1, 10, 5, 10)]
    [InlineData(11, 10, 5, 10)]
    [InlineData(1, 0, 5, 10)]
    [InlineData(1, 10, double.NaN, 10)]
    public void Counts_that_are_no_proportion_are_refused(double x1, double n1, double x2, double n2) =>
        Assert.Throws<ArgumentException>(() => TwoProportionTest.Compute(x1, n1, x2, n2));

    [Fact]
    public void Matches_prop_test_without_continuity_correction()
    {
        var reference = WaktuReference.Load("perubahan");
        var cases = reference.GetProperty("cases").EnumerateArray().ToList();
        Assert.True(cases.Count >= 40);
        foreach (var c in cases)
        {
            var r = TwoProportionTest.Compute(c.Number("x1"), c.Number("n1"), c.Number("x2"), c.Number("n2"));
            var what = $"{c.Number("x1")}/{c.Number("n1")} -> {c.Number("x2")}/{c.Number("n2")}";
            Close.Equal(c.Number("z"), r.Z, what + " z");
            // p to 1e-6 absolute, and relative where it is tiny
            Close.Equal(c.Number("p"), r.P, what + " p");
            Assert.True(Math.Abs(c.Number("p") - r.P) <= 1e-6 * c.Number("p") + 1e-15, $"{what} p {r.P:R} vs {c.Number("p"):R}");
        }
    }

    [Theory]
    [InlineData(-0.05, 0.01, false, ChangeDirection.Membaik)] // prevalence fell
    [InlineData(0.05, 0.01, false, ChangeDirection.Memburuk)] // prevalence rose
    [InlineData(0.05, 0.01, true, ChangeDirection.Membaik)] // coverage rose
    [InlineData(-0.05, 0.01, true, ChangeDirection.Memburuk)] // coverage fell
    [InlineData(-0.05, 0.2, false, ChangeDirection.Tetap)] // not significant
    [InlineData(-0.05, 0.05, false, ChangeDirection.Tetap)] // p = alpha is not below it
    [InlineData(0.0, 0.0, false, ChangeDirection.Tetap)]
    [InlineData(0.05, double.NaN, false, ChangeDirection.Tetap)]
    public void Direction_follows_polarity(double difference, double p, bool higherIsBetter, string expected) =>
        Assert.Equal(expected, ChangeDirection.Judge(difference, p, 0.05, higherIsBetter));
}
