using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Geo.Core.Akun;
using Geo.Core.Analisis;
using Geo.Core.Indikator;
using Geo.Core.Statistics;
using Geo.Core.Wilayah;

namespace Geo.Data.Analisis;

/// <summary>What to analyse and how. Everything here is echoed in the stored result.</summary>
public sealed record AnalysisRequest
{
    public required KodeWilayah Wilayah { get; init; }
    public required Periode Periode { get; init; }
    public string Indikator { get; init; } = KodeIndikator.PrevalensiStunting;
    /// <summary>Desa or kecamatan.</summary>
    public Tingkat Tingkat { get; init; } = Tingkat.Desa;
    /// <summary>Coverage indicators; null for every naik/turun service indicator with data in the area and period.</summary>
    public IReadOnlyList<string>? Cakupan { get; init; }
    public WeightsSpec Bobot { get; init; } = WeightsSpec.Queen;
    public int Permutasi { get; init; } = 999;
    public ulong Seed { get; init; } = 1;
    public double Alpha { get; init; } = 0.05;
    public bool Fdr { get; init; }
    public OutcomeSeries Deret { get; init; } = OutcomeSeries.Raw;
    public GapRules Aturan { get; init; } = new();
    /// <summary>The EB prior of the posteriors (intervals, exceedance, "tidak pasti").</summary>
    public PosteriorPrior Prior { get; init; } = PosteriorPrior.Global;

    /// <summary>A coverage indicator for the bivariate local Moran; null for none.</summary>
    public string? Bivariat { get; init; }

    /// <summary>The public values (default), or the working values with drafts: a run on drafts is private to its area.</summary>
    public Tampilan Tampilan { get; init; } = Tampilan.Terbit;

    /// <summary>The parameters as stored and shown: plain names and values.</summary>
    public object Parameters() => new
    {
        indikator = Indikator,
        tingkat = Tingkat.ToName(),
        cakupan = Cakupan?.Order(StringComparer.Ordinal).ToArray(),
        bobot = Bobot.ToString(),
        toleransiSnapMeter = Bobot.SnapMetres,
        permutasi = Permutasi,
        seed = Seed,
        alpha = Alpha,
        fdr = Fdr,
        deret = Deret switch { OutcomeSeries.EbGlobal => "eb_global", OutcomeSeries.EbLocal => "eb_lokal", _ => "mentah" },
        ambang = Aturan.Threshold.ToString().ToLowerInvariant(),
        ambangTetap = Aturan.FixedThreshold,
        porsiMinimumMemenuhiTarget = Aturan.MinShareMeetingTarget,
        minimumIndikator = Aturan.MinIndicatorsJudged,
        tampilan = Tampilan.ToName(),
        dasarTinggi = Aturan.High == HighRule.Exceedance ? "peluang" : "titik",
        batasPeluang = Aturan.ExceedanceCut,
        prior = Prior == PosteriorPrior.Local ? "lokal" : "global",
        tingkatKepercayaan = 0.95,
        bivariat = Bivariat,
    };

    private static readonly JsonSerializerOptions ParameterJsonOptions = new() { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public string ParameterJson() => JsonSerializer.Serialize(Parameters(), ParameterJsonOptions);

    public string ParameterHash() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ParameterJson())));

    public SituationAnalysisOptions Options(double? outcomeTarget) => new()
    {
        Rules = Aturan,
        Series = Deret,
        Permutations = new PermutationOptions { Permutations = Permutasi, Seed = Seed },
        Alpha = Alpha,
        FalseDiscoveryRate = Fdr,
        OutcomeTarget = outcomeTarget,
        Prior = Prior,
        Bivariate = Bivariat,
    };
}
