using Geo.Core.Statistics;

namespace Geo.Core.Analisis;

/// <summary>One unit's data for the situation analysis.</summary>
/// <param name="Value">Outcome in percent (prevalence); null when not measured.</param>
/// <param name="Numerator">Cases (e.g. children stunted), when counts are known: needed for empirical Bayes.</param>
/// <param name="Denominator">Measured population (e.g. children measured).</param>
public sealed record AnalysisUnit(
    string Kode,
    string Nama,
    double? Value,
    double? Numerator,
    double? Denominator,
    IReadOnlyDictionary<string, double?> Coverage,
    IReadOnlyDictionary<string, double>? CoverageDenominators = null);

/// <summary>Which outcome series the spatial statistics and the classification run on.</summary>
public enum OutcomeSeries
{
    Raw,
    /// <summary>Global (Marshall) empirical Bayes estimate: needs counts for every unit.</summary>
    EbGlobal,
    /// <summary>Local (spatial) empirical Bayes estimate: needs counts for every unit.</summary>
    EbLocal,
}

public sealed record SituationAnalysisOptions
{
    public GapRules Rules { get; init; } = new();
    public OutcomeSeries Series { get; init; } = OutcomeSeries.Raw;
    public PermutationOptions Permutations { get; init; } = new();
    public double Alpha { get; init; } = 0.05;
    public bool FalseDiscoveryRate { get; init; }
    public double? OutcomeTarget { get; init; }
}
