using Geo.Core.Analisis;

namespace Geo.Data.Analisis;

/// <summary>Everything one analysis run reads from the database, in unit (kode) order.</summary>
/// <param name="OutcomePercent">The outcome is a percentage (0 to 100), which bounds a fixed threshold.</param>
/// <param name="AreaCoverage">Rolled-up coverage per area code (the analysed wilayah and its kecamatan), for ranking interventions.</param>
public sealed record AnalysisInput(
    IReadOnlyList<AnalysisUnit> Units,
    IReadOnlyList<CoverageIndicator> Indicators,
    double? OutcomeTarget,
    bool OutcomePercent,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double?>> AreaCoverage,
    IReadOnlyDictionary<string, string> AreaNames,
    bool Synthetic,
    string Fingerprint);
