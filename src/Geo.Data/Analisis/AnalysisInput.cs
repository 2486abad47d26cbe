using Geo.Core.Analisis;

namespace Geo.Data.Analisis;

/// <summary>Everything one analysis run reads from the database, in unit (kode) order.</summary>
/// <param name="AreaCoverage">Rolled-up coverage per area code (the analysed wilayah and its kecamatan), for ranking interventions.</param>
public sealed record AnalysisInput(
    IReadOnlyList<AnalysisUnit> Units,
    IReadOnlyList<CoverageIndicator> Indicators,
    double? OutcomeTarget,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double?>> AreaCoverage,
    IReadOnlyDictionary<string, string> AreaNames,
    bool Synthetic,
    string Fingerprint);
