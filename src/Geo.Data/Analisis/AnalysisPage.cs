using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Geo.Data.Analisis;

/// <summary>
/// Per-unit columns of the summary: one array per field, in kode order, so that 8,563 desa cost
/// tens of kilobytes rather than the megabytes of one object per row. Values are rounded to what
/// a map legend or a chart can show; the exact row is one request away (<c>/api/analisis/{id}/unit/{kode}</c>).
/// </summary>
public sealed record AnalysisUnitColumns(
    [property: JsonPropertyName("kode")] IReadOnlyList<string> Kode,
    [property: JsonPropertyName("kelas")] IReadOnlyList<string> Kelas,
    [property: JsonPropertyName("nilai")] IReadOnlyList<double?> Nilai,
    [property: JsonPropertyName("eb_lokal")] IReadOnlyList<double?> EbLokal,
    [property: JsonPropertyName("lisa")] IReadOnlyList<string> Lisa,
    [property: JsonPropertyName("gi_bin")] IReadOnlyList<int?> GiBin,
    [property: JsonPropertyName("cakupan_dinilai")] IReadOnlyList<int> CakupanDinilai,
    [property: JsonPropertyName("cakupan_memenuhi_target")] IReadOnlyList<int> CakupanMemenuhiTarget,
    [property: JsonPropertyName("moran_z")] IReadOnlyList<double?> MoranZ,
    [property: JsonPropertyName("moran_lag")] IReadOnlyList<double?> MoranLag,
    [property: JsonPropertyName("peluang_tinggi")] IReadOnlyList<double?> PeluangTinggi,
    [property: JsonPropertyName("tidak_pasti")] IReadOnlyList<bool> TidakPasti,
    [property: JsonPropertyName("bv_lisa")] IReadOnlyList<string?> BvLisa);

/// <summary>How the summary's <c>intervensi</c> is cut down; the full list of any area is at <c>/api/analisis/{id}/intervensi/{kode}</c>.</summary>
public sealed record InterventionLimits(
    [property: JsonPropertyName("wilayah_penarik")] int AreaPullingDown,
    [property: JsonPropertyName("kecamatan_intervensi")] int KecamatanInterventions,
    [property: JsonPropertyName("kecamatan_penarik")] int KecamatanPullingDown);

/// <summary>The summary the map page loads first: the run's head, ringkasan, intervensi (cut down) and per-unit columns.</summary>
public sealed record AnalysisPage(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("wilayah")] string Wilayah,
    [property: JsonPropertyName("tingkat")] string Tingkat,
    [property: JsonPropertyName("indikator")] string Indikator,
    [property: JsonPropertyName("periode")] string Periode,
    [property: JsonPropertyName("parameter")] JsonElement Parameters,
    [property: JsonPropertyName("versi_input")] string InputVersion,
    [property: JsonPropertyName("ringkasan")] AnalysisSummary Summary,
    [property: JsonPropertyName("intervensi")] IReadOnlyList<AreaInterventions> Interventions,
    [property: JsonPropertyName("intervensi_dibatasi")] InterventionLimits InterventionLimits,
    [property: JsonPropertyName("sintetis")] bool Synthetic,
    [property: JsonPropertyName("dihitung")] DateTimeOffset ComputedAt,
    [property: JsonPropertyName("tampilan")] string Tampilan,
    [property: JsonPropertyName("peringatan")] string? Peringatan,
    [property: JsonPropertyName("kolom_unit")] AnalysisUnitColumns Units)
{
    /// <summary>
    /// The area's own interventions keep this many desa that pull each down; each kecamatan keeps
    /// its worst problem interventions with the one desa that pulls each down most. All of Jawa
    /// Tengah's 576 kecamatan in full would be 2.8 MB gzipped on their own (measured), and the page
    /// shows one kecamatan's list at a time.
    /// </summary>
    public static readonly InterventionLimits Limits = new(5, 3, 1);

    public static AnalysisPage From(StoredAnalysis run)
    {
        var rows = run.Rows;
        var interventions = run.Interventions.Select((area, i) => i == 0 || area.Kode == run.Wilayah
            ? Cut(area, int.MaxValue, Limits.AreaPullingDown, onlyProblems: false)
            : Cut(area, Limits.KecamatanInterventions, Limits.KecamatanPullingDown, onlyProblems: true)).ToList();
        var columns = new AnalysisUnitColumns(
            rows.Select(r => r.Kode).ToList(),
            rows.Select(r => r.Kelas).ToList(),
            rows.Select(r => Round(r.Nilai, 2)).ToList(),
            rows.Select(r => Round(r.EbLokal, 2)).ToList(),
            rows.Select(r => r.Lisa).ToList(),
            rows.Select(r => r.GiBin).ToList(),
            rows.Select(r => r.CakupanDinilai).ToList(),
            rows.Select(r => r.CakupanMemenuhiTarget).ToList(),
            rows.Select(r => Round(r.MoranZ, 2)).ToList(),
            rows.Select(r => Round(r.MoranLag, 2)).ToList(),
            rows.Select(r => Round(r.PeluangTinggi, 3)).ToList(),
            rows.Select(r => r.TidakPasti).ToList(),
            rows.Select(r => r.BvLisa).ToList());
        return new AnalysisPage(run.Id, run.Wilayah, run.Tingkat, run.Indikator, run.Periode, run.Parameters, run.InputVersion,
            run.Summary, interventions, Limits, run.Synthetic, run.ComputedAt, run.Tampilan, run.Peringatan, columns);
    }

    /// <summary>The summary as gzip-compressed JSON, as it is stored and, to clients that accept gzip, sent.</summary>
    /// <remarks>Compressed once per run and sent many times, so at the smallest size rather than the default.</remarks>
    public byte[] ToGzipJson()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            JsonSerializer.Serialize(gzip, this, AnalysisJson.Options);
        }
        return buffer.ToArray();
    }

    public static byte[] Gunzip(byte[] gz)
    {
        using var input = new GZipStream(new MemoryStream(gz), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    private static AreaInterventions Cut(AreaInterventions area, int items, int pullingDown, bool onlyProblems) =>
        area with
        {
            Interventions = area.Interventions
                .Where(i => !onlyProblems || i.IsProblem)
                .Take(items)
                .Select(i => i with
                {
                    Value = Round(i.Value, 3),
                    Gap = Round(i.Gap, 3),
                    Achievement = Round(i.Achievement, 3),
                    Lag = Round(i.Lag, 3),
                    PullingDown = i.PullingDown.Take(pullingDown)
                        .Select(p => p with { Value = Math.Round(p.Value, 3), Shortfall = Math.Round(p.Shortfall, 3), Contribution = Math.Round(p.Contribution, 3) })
                        .ToList(),
                })
                .ToList(),
        };

    private static double? Round(double? v, int digits) => v is { } x && double.IsFinite(x) ? Math.Round(x, digits) : null;
}
