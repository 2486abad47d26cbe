using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Geo.Core.Statistics;

namespace Geo.Core.Tests.Statistics;

/// <summary>Posteriors of rates under the EB priors: hand-worked, against R (tests/reference/waktu/ketidakpastian.R), and properties.</summary>
public sealed class RatePosteriorTests
{
    [Fact]
    public void Gamma_posterior_mean_is_marshalls_estimate()
    {
        var f = SpdepFixture.Load("paser-queen");
        var eb = EmpiricalBayes.Global(f.Events, f.Population);
        var posterior = RatePosterior.Global(f.Events, f.Population, eb, PosteriorFamily.PoissonGamma);
        Close.All(eb.Estimate, posterior.Select(p => p.Mean).ToArray(), "posterior mean = EB estimate");
    }

    [Fact]
    public void Worked_by_hand()
    {
        // prior mean 0.2, variance 0.004: kappa = 0.16/0.004 - 1 = 39, Beta(7.8, 31.2); 10 of 40 measured:
        // Beta(17.8, 61.2), mean 17.8/79
        var beta = RatePosterior.Update([10], [40], [0.2], [0.004], PosteriorFamily.BetaBinomial)[0];
        Assert.Equal((17.8, 61.2), (Math.Round(beta.Shape, 12), Math.Round(beta.Scale, 12)));
        Close.Equal(17.8 / 79, beta.Mean, "beta mean");
        // Gamma(0.04/0.004, 0.2/0.004) = Gamma(10, 50) -> Gamma(20, 90)
        var gamma = RatePosterior.Update([10], [40], [0.2], [0.004], PosteriorFamily.PoissonGamma)[0];
        Assert.Equal((20.0, 90.0), (Math.Round(gamma.Shape, 12), Math.Round(gamma.Scale, 12)));
        // P(rate > 20/90) for Gamma(20, 90) with integer shape: the Poisson sum P(N < 20), N ~ Poisson(20) = 0.470257
        Close.Equal(0.47025726, gamma.Exceedance(20.0 / 90), "exceedance", 1e-7);
    }

    [Fact]
    public void Extreme_quantiles_of_a_desa_without_cases()
    {
        // prior mean 5%, variance 0.0168625: Beta(0.0908, 1.7261); none of 200 measured.
        // R: qbeta(c(.025, .975), 0.09084507, 201.72605634) = 6.943081e-21, 4.532653e-03
        var p = RatePosterior.Update([0], [200], [0.05], [0.0168625], PosteriorFamily.BetaBinomial)[0];
        var (lo, hi) = p.Interval(0.95);
        Assert.Equal(6.943081e-21, lo, 6.943081e-21 * 1e-6);
        Assert.Equal(4.532653e-03, hi, 1e-9);
    }

    [Fact]
    public void A_prior_without_spread_gives_a_point_mass()
    {
        var p = RatePosterior.Update([3], [10], [0.2], [0.0])[0];
        Assert.Equal(0.2, p.PointMass);
        Assert.Equal((0.2, 0.2), p.Interval(0.95));
        Assert.Equal((1.0, 0.0), (p.Exceedance(0.1), p.Exceedance(0.2)));
    }

    [Fact]
    public void The_family_follows_the_counts()
    {
        Assert.Equal(PosteriorFamily.BetaBinomial, RatePosterior.ChooseFamily([3, 5], [10, 20], [0.2, 0.2], [0.01, 0.01]));
        // more cases than population (a rate per 1,000, say) or a prior no Beta can have
        Assert.Equal(PosteriorFamily.PoissonGamma, RatePosterior.ChooseFamily([30, 5], [10, 20], [0.2, 0.2], [0.01, 0.01]));
        Assert.Equal(PosteriorFamily.PoissonGamma, RatePosterior.ChooseFamily([3, 5], [10, 20], [0.2, 0.2], [0.2, 0.01]));
    }

    public static TheoryData<string> Cases => ["paser-queen", "tual-queen"];

    [Theory, MemberData(nameof(Cases))]
    public void Matches_R_quantiles_and_tails_on_spdep_priors(string name)
    {
        var c = WaktuReference.Load("ketidakpastian").GetProperty("cases").EnumerateArray().Single(e => e.GetProperty("case").GetString() == name);
        var y = c.Numbers("events");
        var n = c.Numbers("population");
        var thresholds = c.Numbers("thresholds");
        var a = c.Number("globalA");
        var b = c.Number("globalB");
        var m = Enumerable.Repeat(b, y.Length).ToArray();
        var v = Enumerable.Repeat(a, y.Length).ToArray();
        Check(c.GetProperty("globalBeta"), RatePosterior.Update(y, n, m, v, PosteriorFamily.BetaBinomial), thresholds, name + " global beta");
        Check(c.GetProperty("globalGamma"), RatePosterior.Update(y, n, m, v, PosteriorFamily.PoissonGamma), thresholds, name + " global gamma");
        Check(c.GetProperty("localGamma"), RatePosterior.Update(y, n, c.Numbers("localM"), c.Numbers("localA"), PosteriorFamily.PoissonGamma), thresholds, name + " local gamma");

        // and our own EB fit gives the same priors, so the posteriors the analysis uses are these
        var f = SpdepFixture.Load(name);
        var local = EmpiricalBayes.Local(f.Events, f.Population, f.Weights);
        Close.All(c.Numbers("localA"), local.A, name + " local a");
        Close.All(c.Numbers("localM"), local.M, name + " local m");
    }

    private static void Check(JsonElement expected, RateDistribution[] actual, double[] thresholds, string what)
    {
        var mean = expected.Numbers("mean");
        var lower = expected.Numbers("lower");
        var upper = expected.Numbers("upper");
        var exceed = expected.GetProperty("exceed").EnumerateArray().Select(e => e.EnumerateArray().Select(x => x.Number()).ToArray()).ToArray();
        for (var i = 0; i < actual.Length; i++)
        {
            Close.Equal(mean[i], actual[i].Mean, $"{what}[{i}] mean", 1e-9);
            var (lo, hi) = actual[i].Interval(0.95);
            Close.Equal(lower[i], lo, $"{what}[{i}] 2.5%", 1e-8);
            Close.Equal(upper[i], hi, $"{what}[{i}] 97.5%", 1e-8);
            for (var t = 0; t < thresholds.Length; t++)
            {
                Close.Equal(exceed[i][t], actual[i].Exceedance(thresholds[t]), $"{what}[{i}] P(> {thresholds[t]})", 1e-9);
            }
        }
    }

    private static Gen<(double Mean, double Variance, int Events, int Population)> Units() =>
        from m in Gen.Choose(5, 60).Select(v => v / 100.0)
        from spread in Gen.Choose(1, 90).Select(v => v / 100.0)
        from population in Gen.Choose(5, 400)
        from share in Gen.Choose(0, 100)
        select (m, spread * m * (1 - m) * 0.5, (int)Math.Round(population * share / 100.0), population);

    /// <summary>A desa whose own rate lies within half to one and a half times the prior mean.</summary>
    private static Gen<(double Mean, double Variance, int Events, int Population)> AgreeingUnits() =>
        from m in Gen.Choose(5, 60).Select(v => v / 100.0)
        from spread in Gen.Choose(1, 90).Select(v => v / 100.0)
        from population in Gen.Choose(5, 400)
        from ratio in Gen.Choose(50, 150)
        let events = (int)Math.Round(population * Math.Min(1, m * ratio / 100.0))
        select (m, spread * m * (1 - m) * 0.5, events, population);

    /// <summary>
    /// 10× the counts narrows the interval of a desa whose rate agrees with its prior. It need not
    /// when they conflict: the posterior then moves away from a tight prior towards a rate where
    /// the model's spread is larger (see <see cref="More_counts_can_widen_an_interval_that_moves_away_from_a_tight_prior"/>).
    /// </summary>
    [Property(MaxTest = 500)]
    public Property Ten_times_the_counts_give_a_narrower_interval() =>
        Prop.ForAll(AgreeingUnits().ToArbitrary(), Gen.Elements(PosteriorFamily.BetaBinomial, PosteriorFamily.PoissonGamma).ToArbitrary(), (u, family) =>
        {
            var once = RatePosterior.Update([u.Events], [u.Population], [u.Mean], [u.Variance], family)[0].Interval(0.95);
            var tenfold = RatePosterior.Update([u.Events * 10.0], [u.Population * 10.0], [u.Mean], [u.Variance], family)[0].Interval(0.95);
            return (tenfold.Upper - tenfold.Lower) < (once.Upper - once.Lower);
        });

    [Fact]
    public void More_counts_can_widen_an_interval_that_moves_away_from_a_tight_prior()
    {
        // prior 9% ± 2.9% (Gamma(9.89, 109.9)); 3 of 7 measured, then 30 of 70: the mean moves from
        // 11% to 22%, and the Poisson spread grows with it
        var once = RatePosterior.Update([3], [7], [0.09], [0.000819], PosteriorFamily.PoissonGamma)[0];
        var tenfold = RatePosterior.Update([30], [70], [0.09], [0.000819], PosteriorFamily.PoissonGamma)[0];
        Assert.True(tenfold.Mean > 2 * once.Mean * 0.95);
        var (a, b) = once.Interval(0.95);
        var (c, d) = tenfold.Interval(0.95);
        Assert.True(d - c > b - a);
        // relative to the mean it still narrows
        Assert.True((d - c) / tenfold.Mean < (b - a) / once.Mean);
    }

    [Property(MaxTest = 500)]
    public Property Exceedance_falls_with_the_threshold_and_the_interval_holds_the_mean() =>
        Prop.ForAll(Units().ToArbitrary(), Gen.Elements(PosteriorFamily.BetaBinomial, PosteriorFamily.PoissonGamma).ToArbitrary(), (u, family) =>
        {
            var p = RatePosterior.Update([u.Events], [u.Population], [u.Mean], [u.Variance], family)[0];
            var (lo, hi) = p.Interval(0.95);
            return p.Exceedance(0.1) >= p.Exceedance(0.2) && p.Exceedance(0.2) >= p.Exceedance(0.4)
                && lo < p.Mean && p.Mean < hi
                && Math.Abs(p.Exceedance(lo) - 0.975) < 1e-7 && Math.Abs(p.Exceedance(hi) - 0.025) < 1e-7;
        });
}
