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

/// <summary>Which EB prior the posterior of each unit's rate is updated from.</summary>
public enum PosteriorPrior
{
    /// <summary>The global prior (mean and variance over all units): the default, see <see cref="SituationAnalysisOptions.Prior"/>.</summary>
    Global,

    /// <summary>Each unit's neighbourhood prior (spatial EB).</summary>
    Local,
}

public sealed record SituationAnalysisOptions
{
    /// <summary>
    /// The prior of the posteriors (intervals, exceedance, the "tidak pasti" flag). Global by default:
    /// the local moment estimate of the prior variance is clamped to 0 wherever a neighbourhood varies
    /// less than chance (most desa of a kab on real boundaries), and a zero-variance prior makes a
    /// point-mass posterior that claims a certainty the counts do not give.
    /// </summary>
    public PosteriorPrior Prior { get; init; } = PosteriorPrior.Global;

    /// <summary>
    /// A coverage indicator (one of the units' <see cref="AnalysisUnit.Coverage"/>) for the bivariate
    /// local Moran of the outcome series against its spatial lag; null for none.
    /// </summary>
    public string? Bivariate { get; init; }

    /// <summary>Mass of the equal-tailed credible interval.</summary>
    public double CredibleLevel { get; init; } = 0.95;

    public GapRules Rules { get; init; } = new();
    public OutcomeSeries Series { get; init; } = OutcomeSeries.Raw;
    public PermutationOptions Permutations { get; init; } = new();
    public double Alpha { get; init; } = 0.05;
    public bool FalseDiscoveryRate { get; init; }
    public double? OutcomeTarget { get; init; }
}
