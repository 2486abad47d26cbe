namespace Geo.Core.Statistics;

/// <summary>Global empirical Bayes rates: <see cref="Estimate"/> shrinks each raw rate towards <see cref="B"/>.</summary>
public sealed record GlobalEmpiricalBayesResult
{
    public required double[] Raw { get; init; }
    public required double[] Estimate { get; init; }

    /// <summary>Method-of-moments prior variance (0 when the moment estimate is negative).</summary>
    public required double A { get; init; }

    /// <summary>Prior mean: total events over total population.</summary>
    public required double B { get; init; }
}

/// <summary>Local empirical Bayes rates: each raw rate shrinks towards the rate of its neighbourhood.</summary>
public sealed record LocalEmpiricalBayesResult
{
    public required double[] Raw { get; init; }
    public required double[] Estimate { get; init; }

    /// <summary>Local prior variance per unit (0 when negative).</summary>
    public required double[] A { get; init; }

    /// <summary>Local prior mean per unit: events over population in the unit and its neighbours.</summary>
    public required double[] M { get; init; }
}

/// <summary>
/// Empirical Bayes smoothing of rates from counts (Marshall 1991), so that a desa with 12 children
/// measured does not top the map by chance. Matches spdep's EBest (family = "poisson") and EBlocal.
/// Where spdep divides 0 by 0 (every rate in the prior is 0, so a = 0 and the prior mean is 0)
/// the estimate here is the prior mean 0, the limit of the shrinkage, not NaN.
/// </summary>
public static class EmpiricalBayes
{
    public static GlobalEmpiricalBayesResult Global(IReadOnlyList<double> events, IReadOnlyList<double> population)
    {
        Check(events, population);
        var m = events.Count;
        double eventSum = 0, populationSum = 0;
        for (var i = 0; i < m; i++)
        {
            eventSum += events[i];
            populationSum += population[i];
        }
        var b = eventSum / populationSum;
        var raw = new double[m];
        var s2 = 0.0;
        for (var i = 0; i < m; i++)
        {
            raw[i] = events[i] / population[i];
            s2 += population[i] * ((raw[i] - b) * (raw[i] - b) / populationSum);
        }
        var a = Math.Max(0.0, s2 - b / (populationSum / m));
        var estimate = new double[m];
        for (var i = 0; i < m; i++) estimate[i] = Shrink(raw[i], b, a, population[i]);
        return new GlobalEmpiricalBayesResult { Raw = raw, Estimate = estimate, A = a, B = b };
    }

    /// <summary>
    /// Spatial EB over each unit and its neighbours (self always included, weights' style ignored,
    /// as EBlocal). An island's prior is itself alone, so its estimate is its raw rate.
    /// </summary>
    public static LocalEmpiricalBayesResult Local(IReadOnlyList<double> events, IReadOnlyList<double> population, SpatialWeights weights)
    {
        Check(events, population);
        var n = weights.Count;
        if (events.Count != n) throw new ArgumentException($"{events.Count} counts for {n} units", nameof(events));
        var star = weights.WithSelf();
        var raw = new double[n];
        for (var i = 0; i < n; i++) raw[i] = events[i] / population[i];
        var mean = new double[n];
        var neighbourhoodPopulation = new double[n];
        for (var i = 0; i < n; i++)
        {
            double r = 0, pop = 0;
            foreach (var j in star.NeighboursOf(i))
            {
                r += events[j];
                pop += population[j];
            }
            mean[i] = r / pop;
            neighbourhoodPopulation[i] = pop;
        }
        // spdep's default (geoda = FALSE) measures each member's spread about the member's own local
        // mean m_j, not about m_i as GeoDa does; kept so that the estimates agree with spdep.
        var spread = new double[n];
        for (var j = 0; j < n; j++) spread[j] = population[j] * (raw[j] - mean[j]) * (raw[j] - mean[j]);
        var a = new double[n];
        var estimate = new double[n];
        for (var i = 0; i < n; i++)
        {
            var members = star.NeighboursOf(i);
            var c = 0.0;
            foreach (var j in members) c += spread[j];
            var averagePopulation = neighbourhoodPopulation[i] / members.Length;
            a[i] = Math.Max(0.0, c / neighbourhoodPopulation[i] - mean[i] / averagePopulation);
            estimate[i] = Shrink(raw[i], mean[i], a[i], population[i]);
        }
        return new LocalEmpiricalBayesResult { Raw = raw, Estimate = estimate, A = a, M = mean };
    }

    private static double Shrink(double raw, double priorMean, double a, double population)
    {
        var denominator = a + priorMean / population;
        return denominator == 0 ? priorMean : priorMean + (raw - priorMean) * (a / denominator);
    }

    private static void Check(IReadOnlyList<double> events, IReadOnlyList<double> population)
    {
        if (events.Count != population.Count) throw new ArgumentException("events and population differ in length");
        for (var i = 0; i < events.Count; i++)
        {
            if (!(population[i] > 0)) throw new ArgumentException($"population of unit {i} is {population[i]}: it must be positive");
            if (!(events[i] >= 0)) throw new ArgumentException($"events of unit {i} is {events[i]}: it must be 0 or more");
        }
    }
}
