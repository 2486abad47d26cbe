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
            gi = GetisOrdGiStar.Compute(series, sub.Binary(), new GetisOrdOptions
            {
                Permutations = options.Permutations,
                FalseDiscoveryRate = options.FalseDiscoveryRate,
            });
        }

        // The classification sees the same series as the statistics, so a smoothed run classifies smoothed rates.
        var outcomeByUnit = new double?[units.Count];
        for (var k = 0; k < measured.Count; k++) outcomeByUnit[measured[k]] = series[k];
        var gapUnits = units.Select((u, i) => new GapUnit(u.Kode, u.Nama, outcomeByUnit[i], u.Coverage, u.CoverageDenominators)).ToList();
        var gap = GapClassifier.Classify(gapUnits, indicators, options.Rules, options.OutcomeTarget);

        var position = new int[units.Count];
        Array.Fill(position, -1);
        for (var k = 0; k < measured.Count; k++) position[measured[k]] = k;
        var islands = new HashSet<int>(sub.Islands);

        var rows = units.Select((u, i) =>
        {
            var k = position[i];
            var isIsland = k >= 0 && islands.Contains(k);
            var hasStats = k >= 0 && lisa is not null && !isIsland;
            var label = k < 0 ? LisaLabels.NoData : isIsland ? LisaLabels.Island : hasStats ? LisaLabels.For(lisa!.Cluster[k]) : LisaLabels.NotSignificant;
            return new AnalysisRow(
                u.Kode, u.Nama, u.Value,
                k >= 0 ? ebGlobal?[k] : null,
                k >= 0 ? ebLocal?[k] : null,
                hasStats ? lisa!.Ii[k] : null,
                hasStats ? lisa!.Z[k] : null,
                hasStats ? lisa!.SignificanceP[k] : null,
                label,
                hasStats ? gi!.Z[k] : null,
                hasStats ? gi!.P[k] : null,
                hasStats ? gi!.Bin[k] : null,
                gap.Units[i].Kelas,
                gap.Units[i].Alasan(gap.Threshold),
                gap.Units[i].IndicatorsJudged,
                gap.Units[i].IndicatorsMeetingTarget,
                k >= 0 ? scatter?.Z[k] : null,
                k >= 0 && !isIsland ? scatter?.Lag[k] : null);
        }).ToList();

        return new SituationAnalysisResult(
            options, moran, gap, rows,
            sub.Islands.Select(k => units[measured[k]].Kode).ToList(),
            units.Where((_, i) => position[i] < 0).Select(u => u.Kode).ToList(),
            smoothingProblem);
    }

    /// <summary>
    /// Why Empirical Bayes cannot smooth these units (it needs counts for every unit with a value),
    /// or null when it can; callers ask before choosing a smoothed series.
    /// </summary>
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
