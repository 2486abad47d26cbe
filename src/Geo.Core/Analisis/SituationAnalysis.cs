using Geo.Core.Statistics;

namespace Geo.Core.Analisis;

/// <summary>
/// The analisis situasi for one area: empirical-Bayes smoothing, global Moran's I, LISA and Gi* on
/// the units that have a value, and the gap classification of every unit.
/// </summary>
public static class SituationAnalysis
{
    public static SituationAnalysisResult Run(
        IReadOnlyList<AnalysisUnit> units,
        SpatialWeights weights,
        IReadOnlyList<CoverageIndicator> indicators,
        SituationAnalysisOptions options)
    {
        if (weights.Count != units.Count || units.Where((u, i) => weights.Ids[i] != u.Kode).Any())
        {
            throw new ArgumentException("bobot spasial dan unit harus dalam urutan kode yang sama");
        }

        var measured = Enumerable.Range(0, units.Count).Where(i => units[i].Value is { } v && !double.IsNaN(v)).ToList();
        var sub = weights.Subset(measured);
        var (ebGlobal, ebLocal, smoothingProblem) = Smooth(units, measured, sub);
        var posteriors = smoothingProblem is null ? Posteriors(units, measured, sub, options.Prior) : null;
        var series = SeriesFor(units, measured, options.Series, ebGlobal, ebLocal, smoothingProblem);

        GlobalMoranResult? moran = null;
        LocalMoranResult? lisa = null;
        GetisOrdResult? gi = null;
        MoranScatterResult? scatter = null;
        if (measured.Count >= 3 && series.Distinct().Count() > 1)
        {
            var row = sub.RowStandardised();
            moran = GlobalMoran.Compute(series, row, options.Permutations);
            scatter = MoranScatter.Compute(series, row);
            lisa = LocalMoran.Compute(series, row, new LocalMoranOptions
            {
                Permutations = options.Permutations,
                Alpha = options.Alpha,
                FalseDiscoveryRate = options.FalseDiscoveryRate,
            });
            // Gi*'s z, p and bin are analytic (ArcGIS bins on the normal p); its pseudo p reaches no
            // row, so its 999 conditional permutations (a third of a province run's CPU) are not drawn.
            gi = GetisOrdGiStar.Compute(series, sub.Binary(), new GetisOrdOptions
            {
                Permutations = PermutationOptions.None,
                FalseDiscoveryRate = options.FalseDiscoveryRate,
            });
        }

        // The classification sees the same series as the statistics, so a smoothed run classifies smoothed rates.
        var outcomeByUnit = new double?[units.Count];
        for (var k = 0; k < measured.Count; k++) outcomeByUnit[measured[k]] = series[k];
        var posteriorByUnit = new RateDistribution?[units.Count];
        if (posteriors is not null)
        {
            for (var k = 0; k < measured.Count; k++) posteriorByUnit[measured[k]] = posteriors[k];
        }
        // Rates are proportions; outcomes and thresholds are in percent.
        var gapUnits = units.Select((u, i) => new GapUnit(u.Kode, u.Nama, outcomeByUnit[i], u.Coverage, u.CoverageDenominators,
            posteriorByUnit[i] is { } posterior ? t => posterior.Exceedance(t / 100) : null)).ToList();
        var gap = GapClassifier.Classify(gapUnits, indicators, options.Rules, options.OutcomeTarget);

        (double?[] I, double?[] P, string[] Label)? bivariate = options.Bivariate is { } coverageCode ? Bivariate(units, measured, series, sub, coverageCode, options) : null;

        var position = new int[units.Count];
        Array.Fill(position, -1);
        for (var k = 0; k < measured.Count; k++) position[measured[k]] = k;
        var islands = new HashSet<int>(sub.Islands);

        // Per unit and independent: the reasons in words and the credible intervals (Beta quantiles by
        // Newton steps) are most of what is left of a province run once the permutations are done.
        var rows = new AnalysisRow[units.Count];
        Parallel.For(0, units.Count, i =>
        {
            var u = units[i];
            var k = position[i];
            var isIsland = k >= 0 && islands.Contains(k);
            var hasStats = k >= 0 && lisa is not null && !isIsland;
            (double Lower, double Upper)? interval = posteriorByUnit[i] is { } post ? post.Interval(options.CredibleLevel) : null;
            var label = k < 0 ? LisaLabels.NoData : isIsland ? LisaLabels.Island : hasStats ? LisaLabels.For(lisa!.Cluster[k]) : LisaLabels.NotSignificant;
            rows[i] = new AnalysisRow(
                u.Kode, u.Nama, u.Value,
                k >= 0 ? ebGlobal?[k] : null,
                k >= 0 ? ebLocal?[k] : null,
                hasStats ? Finite(lisa!.Ii[k]) : null,
                hasStats ? Finite(lisa!.Z[k]) : null,
                hasStats ? Finite(lisa!.SignificanceP[k]) : null,
                label,
                hasStats ? Finite(gi!.Z[k]) : null,
                hasStats ? Finite(gi!.P[k]) : null,
                hasStats ? gi!.Bin[k] : null,
                gap.Units[i].Kelas,
                gap.Units[i].Alasan(gap.Threshold),
                gap.Units[i].HighProbability,
                interval?.Lower * 100,
                interval?.Upper * 100,
                gap.Units[i].Uncertain,
                bivariate?.I[i],
                bivariate?.P[i],
                bivariate?.Label[i],
                gap.Units[i].IndicatorsJudged,
                gap.Units[i].IndicatorsMeetingTarget,
                k >= 0 ? scatter?.Z[k] : null,
                k >= 0 && !isIsland ? scatter?.Lag[k] : null);
        });

        return new SituationAnalysisResult(
            options, moran, gap, rows,
            sub.Islands.Select(k => units[measured[k]].Kode).ToList(),
            units.Where((_, i) => position[i] < 0).Select(u => u.Kode).ToList(),
            smoothingProblem)
        {
            Family = posteriors is { Length: > 0 } ? posteriors[0].Family : null,
        };
    }

    /// <summary>
    /// The bivariate local Moran of the outcome series against the coverage indicator's lag, on the
    /// units that have both; per unit of <paramref name="units"/>: Ib, its pseudo p, and the label.
    /// </summary>
    private static (double?[] I, double?[] P, string[] Label) Bivariate(
        IReadOnlyList<AnalysisUnit> units, List<int> measured, double[] series, SpatialWeights sub, string coverageCode, SituationAnalysisOptions options)
    {
        var i = new double?[units.Count];
        var p = new double?[units.Count];
        var label = Enumerable.Repeat(LisaLabels.NoData, units.Count).ToArray();
        var both = Enumerable.Range(0, measured.Count)
            .Where(k => units[measured[k]].Coverage.GetValueOrDefault(coverageCode) is { } c && double.IsFinite(c)).ToList();
        if (both.Count < 3) return (i, p, label);
        var weights = sub.Subset(both).RowStandardised();
        var x = both.Select(k => series[k]).ToArray();
        var y = both.Select(k => units[measured[k]].Coverage[coverageCode]!.Value).ToArray();
        var r = BivariateLocalMoran.Compute(x, y, weights, new LocalMoranOptions
        {
            Permutations = options.Permutations,
            Alpha = options.Alpha,
            FalseDiscoveryRate = options.FalseDiscoveryRate,
        });
        var islands = new HashSet<int>(weights.Islands);
        for (var k = 0; k < both.Count; k++)
        {
            var unit = measured[both[k]];
            if (islands.Contains(k))
            {
                label[unit] = LisaLabels.Island;
                continue;
            }
            i[unit] = r.Ib[k];
            p[unit] = r.PseudoP?[k];
            label[unit] = LisaLabels.For(r.Cluster[k]);
        }
        return (i, p, label);
    }

    /// <summary>Each measured unit's posterior rate under the chosen EB prior (see <see cref="SituationAnalysisOptions.Prior"/>).</summary>
    private static RateDistribution[] Posteriors(IReadOnlyList<AnalysisUnit> units, List<int> measured, SpatialWeights sub, PosteriorPrior prior)
    {
        var events = measured.Select(i => units[i].Numerator!.Value).ToArray();
        var population = measured.Select(i => units[i].Denominator!.Value).ToArray();
        return prior == PosteriorPrior.Local
            ? RatePosterior.Local(events, population, EmpiricalBayes.Local(events, population, sub.Binary()))
            : RatePosterior.Global(events, population, EmpiricalBayes.Global(events, population));
    }

    /// <summary>
    /// Why Empirical Bayes cannot smooth these units (it needs counts for every unit with a value),
    /// or null when it can; callers ask before choosing a smoothed series.
    /// </summary>
    /// <summary>
    /// A statistic a unit has no defined value for (Gi* or LISA of a unit that neighbours every
    /// other, whose variance is 0) is reported as absent, not as NaN.
    /// </summary>
    private static double? Finite(double x) => double.IsFinite(x) ? x : null;

    public static string? SmoothingProblem(IReadOnlyList<AnalysisUnit> units)
    {
        var measured = units.Where(u => u.Value is { } v && !double.IsNaN(v)).ToList();
        if (measured.Count == 0) return "tidak ada unit dengan nilai";
        var withoutCounts = measured.Count(u => u.Numerator is null || u.Denominator is not > 0);
        return withoutCounts > 0
            ? $"{withoutCounts} unit hanya memiliki persentase tanpa pembilang/penyebut; penghalusan Empirical Bayes memerlukan jumlah"
            : null;
    }

    /// <summary>Rates in percent, smoothed from counts; unavailable when any measured unit lacks counts.</summary>
    private static (double[]? Global, double[]? Local, string? Problem) Smooth(
        IReadOnlyList<AnalysisUnit> units, List<int> measured, SpatialWeights sub)
    {
        if (SmoothingProblem(units) is { } problem) return (null, null, problem);
        var events = measured.Select(i => units[i].Numerator!.Value).ToArray();
        var population = measured.Select(i => units[i].Denominator!.Value).ToArray();
        var global = EmpiricalBayes.Global(events, population).Estimate.Select(r => r * 100).ToArray();
        var local = EmpiricalBayes.Local(events, population, sub.Binary()).Estimate.Select(r => r * 100).ToArray();
        return (global, local, null);
    }

    private static double[] SeriesFor(
        IReadOnlyList<AnalysisUnit> units, IReadOnlyList<int> measured, OutcomeSeries series,
        double[]? ebGlobal, double[]? ebLocal, string? smoothingProblem) => series switch
        {
            OutcomeSeries.Raw => measured.Select(i => units[i].Value!.Value).ToArray(),
            OutcomeSeries.EbGlobal => ebGlobal ?? throw new ArgumentException(smoothingProblem),
            OutcomeSeries.EbLocal => ebLocal ?? throw new ArgumentException(smoothingProblem),
            _ => throw new ArgumentOutOfRangeException(nameof(series)),
        };
}
