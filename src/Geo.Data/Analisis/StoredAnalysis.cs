using System.Text.Json;
using System.Text.Json.Serialization;
using Geo.Core.Analisis;
using Geo.Core.Statistics;

namespace Geo.Data.Analisis;

public sealed record MoranSummary(
    [property: JsonPropertyName("i")] double I,
    [property: JsonPropertyName("e_i")] double ExpectedI,
    [property: JsonPropertyName("var_i")] double Variance,
    [property: JsonPropertyName("z")] double Z,
    [property: JsonPropertyName("p")] double P,
    [property: JsonPropertyName("p_semu")] double? PseudoP,
    [property: JsonPropertyName("permutasi")] int Permutations,
    [property: JsonPropertyName("unit_bertetangga")] int UnitsWithNeighbours)
{
    /// <summary>Variance under randomisation, as spdep's moran.test(randomisation = TRUE); p two-sided.</summary>
    public static MoranSummary From(GlobalMoranResult m) =>
        new(m.I, m.ExpectedI, m.VarianceRandomisation, m.ZRandomisation, m.PRandomisation, m.PseudoP, m.Permutations, m.UnitsWithNeighbours);
}

public sealed record AnalysisSummary(
    [property: JsonPropertyName("moran")] MoranSummary? Moran,
    [property: JsonPropertyName("ambang_prevalensi")] double Threshold,
    [property: JsonPropertyName("target_prevalensi")] double? OutcomeTarget,
    [property: JsonPropertyName("jumlah_unit")] int Units,
    [property: JsonPropertyName("jumlah_per_kelas")] IReadOnlyDictionary<string, int> ClassCounts,
    [property: JsonPropertyName("indikator_cakupan")] IReadOnlyList<string> CoverageIndicators,
    [property: JsonPropertyName("tanpa_tetangga")] IReadOnlyList<string> Islands,
    [property: JsonPropertyName("tanpa_nilai")] IReadOnlyList<string> WithoutValue,
    [property: JsonPropertyName("penghalusan_tidak_tersedia")] string? SmoothingUnavailable);

public sealed record PullingDownItem(
    [property: JsonPropertyName("kode")] string Kode,
    [property: JsonPropertyName("nama")] string Nama,
    [property: JsonPropertyName("nilai")] double Value,
    [property: JsonPropertyName("kekurangan")] double Shortfall,
    [property: JsonPropertyName("kontribusi")] double Contribution);

public sealed record InterventionItem(
    [property: JsonPropertyName("peringkat")] int Rank,
    [property: JsonPropertyName("indikator")] string Indikator,
    [property: JsonPropertyName("nama")] string Nama,
    [property: JsonPropertyName("nilai")] double? Value,
    [property: JsonPropertyName("target")] double? Target,
    [property: JsonPropertyName("selisih")] double? Gap,
    [property: JsonPropertyName("capaian")] double? Achievement,
    [property: JsonPropertyName("ketertinggalan_z")] double? Lag,
    [property: JsonPropertyName("bermasalah")] bool IsProblem,
    [property: JsonPropertyName("unit_dengan_data")] int UnitsWithData,
    [property: JsonPropertyName("unit_memenuhi_target")] int UnitsMeetingTarget,
    [property: JsonPropertyName("penarik_ke_bawah")] IReadOnlyList<PullingDownItem> PullingDown)
{
    public static InterventionItem From(InterventionProblem p) => new(
        p.Rank, p.Indikator, p.Nama, p.Value, p.Target, p.Gap, p.Achievement, p.Lag, p.IsProblem, p.UnitsWithData, p.UnitsMeetingTarget,
        p.PullingDown.Select(d => new PullingDownItem(d.Kode, d.Nama, d.Value, d.Shortfall, d.Contribution)).ToList());
}

public sealed record AreaInterventions(
    [property: JsonPropertyName("kode")] string Kode,
    [property: JsonPropertyName("nama")] string Nama,
    [property: JsonPropertyName("intervensi")] IReadOnlyList<InterventionItem> Interventions);

/// <summary>A stored analysis run with every unit's row, as the API and CLI return it.</summary>
public sealed record StoredAnalysis(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("wilayah")] string Wilayah,
    [property: JsonPropertyName("tingkat")] string Tingkat,
    [property: JsonPropertyName("indikator")] string Indikator,
    [property: JsonPropertyName("periode")] string Periode,
    [property: JsonPropertyName("parameter")] JsonElement Parameters,
    [property: JsonPropertyName("versi_input")] string InputVersion,
    [property: JsonPropertyName("ringkasan")] AnalysisSummary Summary,
    [property: JsonPropertyName("intervensi")] IReadOnlyList<AreaInterventions> Interventions,
    [property: JsonPropertyName("sintetis")] bool Synthetic,
    [property: JsonPropertyName("dihitung")] DateTimeOffset ComputedAt,
    [property: JsonPropertyName("tampilan")] string Tampilan,
    [property: JsonPropertyName("peringatan")] string? Peringatan,
    [property: JsonPropertyName("unit")] IReadOnlyList<AnalysisRow> Rows);

public static class AnalysisJson
{
    /// <summary>Rows serialise with the CSV column names (local_i, gi_bin, ...).</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
