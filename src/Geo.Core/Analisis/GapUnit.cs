namespace Geo.Core.Analisis;

/// <summary>One desa (or kecamatan) as the classification sees it.</summary>
/// <param name="Outcome">Prevalence (raw or smoothed); null when not measured.</param>
/// <param name="Coverage">Coverage value per indicator code; missing or null means no data.</param>
/// <param name="Weights">Optional denominator per indicator (sasaran), used to find which units pull an aggregate down.</param>
/// <param name="Exceedance">P(outcome &gt; t | data) for a threshold t in the outcome's unit, from the unit's posterior; null without counts.</param>
public sealed record GapUnit(
    string Kode,
    string Nama,
    double? Outcome,
    IReadOnlyDictionary<string, double?> Coverage,
    IReadOnlyDictionary<string, double>? Weights = null,
    Func<double, double>? Exceedance = null);

/// <summary>An indicator that misses its target in a unit, and by how much.</summary>
public sealed record Shortfall(string Indikator, double Value, double Target, double Gap);

public sealed record GapResult(
    string Kode,
    string Nama,
    string Kelas,
    double? Outcome,
    bool? OutcomeHigh,
    int IndicatorsJudged,
    int IndicatorsMeetingTarget,
    IReadOnlyList<Shortfall> Shortfalls)
{
    /// <summary>The posterior probability that the outcome is on the bad side of the threshold (above it for prevalence); null without counts.</summary>
    public double? HighProbability { get; init; }

    /// <summary>The probability lies between 1 - cut and cut: the counts do not settle whether the unit is high, so its class could flip.</summary>
    public bool Uncertain { get; init; }

    /// <summary>The reason in words, for tables and map pop-ups.</summary>
    public string Alasan(double threshold) => GapReasons.Describe(this, threshold);
}
