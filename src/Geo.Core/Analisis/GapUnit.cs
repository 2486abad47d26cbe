namespace Geo.Core.Analisis;

/// <summary>One desa (or kecamatan) as the classification sees it.</summary>
/// <param name="Outcome">Prevalence (raw or smoothed); null when not measured.</param>
/// <param name="Coverage">Coverage value per indicator code; missing or null means no data.</param>
/// <param name="Weights">Optional denominator per indicator (sasaran), used to find which units pull an aggregate down.</param>
public sealed record GapUnit(
    string Kode,
    string Nama,
    double? Outcome,
    IReadOnlyDictionary<string, double?> Coverage,
    IReadOnlyDictionary<string, double>? Weights = null);

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
    /// <summary>The reason in words, for tables and map pop-ups.</summary>
    public string Alasan(double threshold) => GapReasons.Describe(this, threshold);
}
