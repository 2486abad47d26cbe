using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace Geo.Core.Statistics;

/// <summary>Which conjugate model the posterior of a rate comes from.</summary>
public enum PosteriorFamily
{
    /// <summary>Cases are binomial among those measured, the rate has a Beta prior: for proportions (prevalence).</summary>
    BetaBinomial,

    /// <summary>Cases are Poisson with mean rate × population, the rate has a Gamma prior (Marshall's model): for any rate.</summary>
    PoissonGamma,
}

/// <summary>
/// The posterior of one unit's rate (a proportion, not percent): Beta(Shape, Scale) or
/// Gamma(shape = Shape, rate = Scale), or a point mass at <see cref="PointMass"/> when the prior
/// has no spread (EB's moment estimate of the prior variance came out 0: the units vary no more
/// than chance would make them, and the model then puts every rate at the prior mean).
/// </summary>
public readonly record struct RateDistribution(PosteriorFamily Family, double Shape, double Scale, double? PointMass)
{
    public double Mean => PointMass ?? (Family == PosteriorFamily.BetaBinomial ? Shape / (Shape + Scale) : Shape / Scale);

    /// <summary>P(rate &gt; threshold | data), from the upper tail directly so that small tails keep their precision.</summary>
    public double Exceedance(double threshold)
    {
        if (double.IsNaN(threshold)) return double.NaN;
        if (PointMass is { } point) return point > threshold ? 1 : 0;
        if (threshold <= 0) return 1;
        if (Family == PosteriorFamily.BetaBinomial)
        {
            if (threshold >= 1) return 0;
            // 1 - t drops a t below 1e-16, so tiny thresholds take the complement of the lower tail
            return threshold < 1e-8
                ? 1 - SpecialFunctions.BetaRegularized(Shape, Scale, threshold)
                : SpecialFunctions.BetaRegularized(Scale, Shape, 1 - threshold);
        }
        return SpecialFunctions.GammaUpperRegularized(Shape, Scale * threshold);
    }

    /// <summary>The equal-tailed credible interval holding <paramref name="level"/> of the posterior (0.95: the 2.5% and 97.5% quantiles).</summary>
    public (double Lower, double Upper) Interval(double level)
    {
        if (!(level is > 0 and < 1)) throw new ArgumentOutOfRangeException(nameof(level), "tingkat kepercayaan harus di antara 0 dan 1");
        if (PointMass is { } point) return (point, point);
        var tail = (1 - level) / 2;
        return (Quantile(tail), Quantile(1 - tail));
    }

    public double Quantile(double p)
    {
        if (PointMass is { } point) return point;
        return Family == PosteriorFamily.BetaBinomial ? BetaQuantile(Shape, Scale, p) : Gamma.InvCDF(Shape, Scale, p);
    }

    /// <summary>
    /// The Beta quantile by Newton steps on the regularised incomplete beta, kept inside a shrinking
    /// bracket (bisection when a step leaves it). MathNet's Beta.InvCDF is documented as slow and
    /// unreliable; this converges to 1e-13 in a handful of steps.
    /// </summary>
    private static double BetaQuantile(double a, double b, double p)
    {
        if (p <= 0) return 0;
        if (p >= 1) return 1;
        double low = 0, high = 1;
        var x = a / (a + b);
        var logBeta = SpecialFunctions.BetaLn(a, b);
        for (var iteration = 0; iteration < 2000; iteration++)
        {
            var f = SpecialFunctions.BetaRegularized(a, b, x) - p;
            if (f == 0) return x;
            if (f < 0) low = x; else high = x;
            var logDensity = (a - 1) * Math.Log(x) + (b - 1) * Math.Log(1 - x) - logBeta;
            var next = x - f / Math.Exp(logDensity);
            if (!(next > low && next < high)) next = (low + high) / 2;
            // relative: a quantile near 0 (shape below 1, no cases) can be 1e-21 and still matter
            if (Math.Abs(next - x) <= 1e-14 * x || high - low <= 1e-15 * high) return next;
            x = next;
        }
        return x;
    }
}

/// <summary>
/// Posteriors of every unit's rate under the empirical-Bayes priors already fitted (Marshall's
/// moments: prior mean m and variance a, global or per neighbourhood), made into a conjugate
/// prior with the same mean and variance and updated with the unit's own counts:
/// Gamma(m²/a, m/a) → Gamma(m²/a + y, m/a + n), whose mean is exactly Marshall's EB estimate; or
/// Beta(mκ, (1-m)κ), κ = m(1-m)/a - 1 → Beta(mκ + y, (1-m)κ + n - y).
/// </summary>
public static class RatePosterior
{
    /// <summary>
    /// Beta-binomial when the counts are proportions (y ≤ n everywhere) and every prior can be a Beta
    /// (0 &lt; m &lt; 1 and a &lt; m(1-m)); Poisson-gamma otherwise. One family for all units, so that
    /// units of one run are comparable.
    /// </summary>
    public static PosteriorFamily ChooseFamily(IReadOnlyList<double> events, IReadOnlyList<double> population, IReadOnlyList<double> priorMean, IReadOnlyList<double> priorVariance)
    {
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i] > population[i]) return PosteriorFamily.PoissonGamma;
            var m = priorMean[i];
            var a = priorVariance[i];
            if (a > 0 && !(m > 0 && m < 1 && a < m * (1 - m))) return PosteriorFamily.PoissonGamma;
        }
        return PosteriorFamily.BetaBinomial;
    }

    public static RateDistribution[] Global(IReadOnlyList<double> events, IReadOnlyList<double> population, GlobalEmpiricalBayesResult prior, PosteriorFamily? family = null)
    {
        var m = Enumerable.Repeat(prior.B, events.Count).ToArray();
        var a = Enumerable.Repeat(prior.A, events.Count).ToArray();
        return Update(events, population, m, a, family);
    }

    public static RateDistribution[] Local(IReadOnlyList<double> events, IReadOnlyList<double> population, LocalEmpiricalBayesResult prior, PosteriorFamily? family = null) =>
        Update(events, population, prior.M, prior.A, family);

    /// <param name="family">Null chooses by <see cref="ChooseFamily"/>.</param>
    public static RateDistribution[] Update(
        IReadOnlyList<double> events, IReadOnlyList<double> population, IReadOnlyList<double> priorMean, IReadOnlyList<double> priorVariance,
        PosteriorFamily? family = null)
    {
        var n = events.Count;
        if (population.Count != n || priorMean.Count != n || priorVariance.Count != n) throw new ArgumentException("satu prior dan satu pasang jumlah per unit");
        var chosen = family ?? ChooseFamily(events, population, priorMean, priorVariance);
        var result = new RateDistribution[n];
        for (var i = 0; i < n; i++)
        {
            var m = priorMean[i];
            var a = priorVariance[i];
            var y = events[i];
            var pop = population[i];
            if (!(pop > 0) || !(y >= 0)) throw new ArgumentException($"unit {i}: pembilang {y}, penyebut {pop}");
            if (!(a > 0) || !(m > 0))
            {
                result[i] = new RateDistribution(chosen, double.NaN, double.NaN, m);
                continue;
            }
            if (chosen == PosteriorFamily.BetaBinomial)
            {
                if (y > pop || !(m < 1 && a < m * (1 - m))) throw new ArgumentException($"unit {i}: prior atau jumlah tidak cocok untuk Beta-binomial");
                var kappa = m * (1 - m) / a - 1;
                result[i] = new RateDistribution(chosen, m * kappa + y, (1 - m) * kappa + pop - y, null);
            }
            else
            {
                result[i] = new RateDistribution(chosen, m * m / a + y, m / a + pop, null);
            }
        }
        return result;
    }
}
