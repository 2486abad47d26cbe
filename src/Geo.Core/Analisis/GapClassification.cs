namespace Geo.Core.Analisis;

/// <summary>The result of classifying a set of units, with the rules and the threshold that were applied.</summary>
public sealed record GapClassification(GapRules Rules, double Threshold, IReadOnlyList<GapResult> Units);

/// <summary>
/// Classifies units by outcome (relatively high or not) against coverage (good in most
/// interventions or not), as the national convergence guide's situation analysis asks.
/// </summary>
public static class GapClassifier
{
    public static GapClassification Classify(
        IReadOnlyList<GapUnit> units, IReadOnlyList<CoverageIndicator> indicators, GapRules rules, double? outcomeTarget = null)
    {
        rules.Validate();
        var threshold = OutcomeThresholdFor(units, rules, outcomeTarget);
        if (rules.High == HighRule.Exceedance && units.FirstOrDefault(u => u.Outcome is not null && (u.Exceedance is null || double.IsNaN(threshold))) is { } without)
        {
            throw new ArgumentException($"aturan dasarTinggi=peluang memerlukan pembilang dan penyebut; unit {without.Kode} tidak memilikinya");
        }
        // Units are independent (a province is 8,563 of them, each judged against up to 29 targets);
        // the check above is the only way a unit can fail, so the loop throws nothing.
        var results = new GapResult[units.Count];
        Parallel.For(0, units.Count, i => results[i] = ClassifyUnit(units[i], indicators, rules, threshold));
        return new GapClassification(rules, threshold, results);
    }

    private static GapResult ClassifyUnit(GapUnit unit, IReadOnlyList<CoverageIndicator> indicators, GapRules rules, double threshold)
    {
        var judged = 0;
        var meeting = 0;
        var shortfalls = new List<Shortfall>();
        foreach (var indicator in indicators)
        {
            if (indicator.Target is not { } target) continue;
            if (!unit.Coverage.TryGetValue(indicator.Kode, out var maybe) || maybe is not { } value || double.IsNaN(value)) continue;
            judged++;
            if (indicator.MeetsTarget(value)) meeting++;
            else shortfalls.Add(new Shortfall(indicator.Kode, value, target, indicator.Shortfall(value)));
        }

        // Ordered by gap relative to target: indicators have different scales and targets, and the
        // reader wants the worst-missed intervention first, not the one with the largest number.
        shortfalls.Sort((a, b) => RelativeGap(b).CompareTo(RelativeGap(a)));

        double? probability = null;
        if (unit.Exceedance is { } exceedance && !double.IsNaN(threshold))
        {
            var above = exceedance(threshold);
            probability = rules.OutcomeHigherIsBetter ? 1 - above : above;
        }
        bool? high = unit.Outcome is { } outcome && !double.IsNaN(outcome)
            ? rules.High == HighRule.Exceedance
                ? probability > rules.ExceedanceCut
                : (rules.OutcomeHigherIsBetter ? outcome < threshold : outcome > threshold)
            : null;

        string kelas;
        if (high is null || judged < rules.MinIndicatorsJudged)
        {
            kelas = GapClass.DataKurang;
        }
        else
        {
            var coverageGood = meeting >= rules.MinShareMeetingTarget * judged;
            kelas = (high.Value, coverageGood) switch
            {
                (true, false) => GapClass.TinggiCakupanRendah,
                (true, true) => GapClass.TinggiCakupanBaik,
                (false, false) => GapClass.RendahCakupanRendah,
                (false, true) => GapClass.RendahCakupanBaik,
            };
        }

        return new GapResult(unit.Kode, unit.Nama, kelas, unit.Outcome, high, judged, meeting, shortfalls)
        {
            HighProbability = probability,
            Uncertain = high is not null && probability is { } pr && pr >= 1 - rules.ExceedanceCut && pr <= rules.ExceedanceCut,
        };
    }

    private static double RelativeGap(Shortfall s) => s.Target == 0 ? s.Gap : s.Gap / Math.Abs(s.Target);

    private static double OutcomeThresholdFor(IReadOnlyList<GapUnit> units, GapRules rules, double? outcomeTarget)
    {
        var values = units.Select(u => u.Outcome).OfType<double>().Where(v => !double.IsNaN(v)).ToArray();
        return rules.Threshold switch
        {
            OutcomeThreshold.Median => values.Length > 0 ? Median(values) : double.NaN,
            OutcomeThreshold.Mean => values.Length > 0 ? values.Average() : double.NaN,
            OutcomeThreshold.Target => outcomeTarget ?? throw new ArgumentException("ambang target dipilih tetapi indikator hasil tidak memiliki target"),
            OutcomeThreshold.Fixed => rules.FixedThreshold!.Value,
            _ => throw new ArgumentOutOfRangeException(nameof(rules)),
        };
    }

    public static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
