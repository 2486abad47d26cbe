namespace Geo.Core.Analisis;

/// <summary>A unit that pulls an area's coverage of one indicator down.</summary>
/// <param name="Contribution">Shortfall times the unit's weight (its sasaran when known, else 1): how much of the area's gap it holds.</param>
public sealed record PullingDown(string Kode, string Nama, double Value, double Shortfall, double Contribution);

/// <summary>One intervention of an area, ranked among the others ("intervensi yang menjadi masalah").</summary>
/// <param name="Achievement">Polarity-aware value/target (1 = on target).</param>
/// <param name="Lag">Standard score of the achievement among the area's indicators: negative lags the others.</param>
/// <param name="IsProblem">Misses its target, or lags the other interventions by a standard deviation or more.</param>
public sealed record InterventionProblem(
    int Rank,
    string Indikator,
    string Nama,
    double? Value,
    double? Target,
    double? Gap,
    double? Achievement,
    double? Lag,
    bool IsProblem,
    int UnitsWithData,
    int UnitsMeetingTarget,
    IReadOnlyList<PullingDown> PullingDown);

public static class InterventionRanking
{
    public const double LagProblemThreshold = -1.0;

    /// <param name="areaValues">The area's own value per indicator, rolled up as Σnumerator/Σdenominator.</param>
    /// <param name="units">The area's desa (or kecamatan), to count who meets the target and find who pulls it down.</param>
    public static IReadOnlyList<InterventionProblem> Rank(
        IReadOnlyList<CoverageIndicator> indicators,
        IReadOnlyDictionary<string, double?> areaValues,
        IReadOnlyList<GapUnit> units,
        int pullingDownCount = 5)
    {
        var achievements = indicators
            .Select(i => areaValues.GetValueOrDefault(i.Kode) is { } v ? i.Achievement(v) : null)
            .ToArray();
        var known = achievements.OfType<double>().ToArray();
        var mean = known.Length > 0 ? known.Average() : 0;
        var sd = known.Length > 1 ? Math.Sqrt(known.Sum(a => (a - mean) * (a - mean)) / (known.Length - 1)) : 0;

        var rows = indicators.Select((indicator, i) =>
        {
            var value = areaValues.GetValueOrDefault(indicator.Kode);
            var achievement = achievements[i];
            double? lag = achievement is { } a && sd > 0 ? (a - mean) / sd : null;
            double? gap = value is { } v && indicator.Target is not null ? indicator.Shortfall(v) : null;
            var (withData, meeting, pulling) = UnitsFor(indicator, units, pullingDownCount);
            var isProblem = gap > 0 || lag <= LagProblemThreshold;
            return (indicator, value, achievement, lag, gap, withData, meeting, pulling, isProblem);
        })
        // Worst achievement first; indicators that cannot be judged (no value or no target) last.
        .OrderBy(r => r.achievement is null)
        .ThenBy(r => r.achievement ?? 0)
        .ThenBy(r => r.indicator.Kode, StringComparer.Ordinal)
        .ToList();

        return rows.Select((r, i) => new InterventionProblem(
            i + 1, r.indicator.Kode, r.indicator.Nama, r.value, r.indicator.Target, r.gap, r.achievement, r.lag,
            r.isProblem, r.withData, r.meeting, r.pulling)).ToList();
    }

    private static (int WithData, int Meeting, IReadOnlyList<PullingDown> Pulling) UnitsFor(
        CoverageIndicator indicator, IReadOnlyList<GapUnit> units, int count)
    {
        var withData = 0;
        var meeting = 0;
        var pulling = new List<PullingDown>();
        foreach (var unit in units)
        {
            if (unit.Coverage.GetValueOrDefault(indicator.Kode) is not { } value || double.IsNaN(value)) continue;
            withData++;
            if (indicator.Target is null) continue;
            if (indicator.MeetsTarget(value))
            {
                meeting++;
                continue;
            }
            var shortfall = indicator.Shortfall(value);
            var weight = unit.Weights is { } weights && weights.TryGetValue(indicator.Kode, out var w) ? w : 1.0;
            pulling.Add(new PullingDown(unit.Kode, unit.Nama, value, shortfall, shortfall * weight));
        }
        var top = pulling
            .OrderByDescending(p => p.Contribution)
            .ThenBy(p => p.Kode, StringComparer.Ordinal)
            .Take(count)
            .ToList();
        return (withData, meeting, top);
    }
}
