using Geo.Core.Akun;
using Geo.Core.Errors;
using Geo.Core.Indikator;
using Geo.Core.Wilayah;
using Geo.Data.Analisis;
using Geo.Data.Indikator;
using Geo.Data.Lokus;

namespace Geo.Publication.Laporan;

public enum LaporanFormat
{
    Docx,
    Pdf,
}

/// <summary>
/// The analisis situasi report of a kab/kota (or kecamatan): reads its facts as the caller may see
/// them, composes one <see cref="Document"/> and writes it as DOCX or PDF.
/// </summary>
public sealed class LaporanService(
    SituationAnalysisService analysis, NilaiQueries nilai, IndikatorCatalog catalog, LokusStore lokus, IPetaLaporan peta,
    TemporalAnalysisService? waktu = null, TimeProvider? time = null)
{
    /// <summary>Maps drawn for every report, in the order it shows them.</summary>
    public static readonly IReadOnlyList<string> Lapisan = ["nilai", "kelas", "gi", "lisa"];

    /// <summary>The exceedance map, drawn where the values have counts (a posterior needs them).</summary>
    public const string LapisanPeluang = "peluang";

    /// <summary>Maps drawn where the area has several periods.</summary>
    public static readonly IReadOnlyList<string> LapisanWaktu = ["perubahan", "titik_panas_muncul"];

    public const int PetaLebar = 1600;
    public const int PetaTinggi = 1200;

    /// <summary>Periods shown in the trend, the most recent ones.</summary>
    public const int MaksimumPeriodeTren = 8;

    public static string ContentType(LaporanFormat format) => format == LaporanFormat.Pdf
        ? "application/pdf"
        : "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static string FileName(AnalysisRequest request, LaporanFormat format) =>
        $"analisis-situasi-{request.Wilayah.Value}-{request.Periode.Value}.{(format == LaporanFormat.Pdf ? "pdf" : "docx")}";

    /// <summary>The format named by a file's extension (.docx or .pdf), or a refusal naming the parameter.</summary>
    public static LaporanFormat FormatOf(string path, string parameter) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".docx" => LaporanFormat.Docx,
        ".pdf" => LaporanFormat.Pdf,
        _ => throw GeoException.Parameter(parameter, $"berkas laporan harus berakhiran .docx atau .pdf, bukan '{Path.GetFileName(path)}'"),
    };

    public async Task<byte[]> WriteAsync(Caller caller, AnalysisRequest request, LaporanFormat format, CancellationToken ct = default)
    {
        var document = LaporanComposer.Compose(await CollectAsync(caller, request, ct));
        return format == LaporanFormat.Pdf ? PdfWriter.Write(document) : DocxWriter.Write(document);
    }

    public async Task<LaporanFakta> CollectAsync(Caller caller, AnalysisRequest request, CancellationToken ct = default)
    {
        // The run checks the caller's area and view first: nothing else is read for a caller who may not.
        var run = await analysis.RunAsync(caller, request, ct);
        var hasil = await catalog.FindAsync(request.Indikator, ct) ?? throw GeoException.NotFound($"indikator '{request.Indikator}' tidak dikenal");
        var all = (await catalog.ListAsync(ct)).ToDictionary(i => i.Kode, StringComparer.Ordinal);

        var levels = new[] { request.Wilayah.Tingkat, Tingkat.Kecamatan }.Distinct().ToArray();
        var outcome = await nilai.RollUpAsync(caller, request.Wilayah, levels, request.Indikator, request.Periode, request.Tampilan, ct);
        var area = outcome.FirstOrDefault(r => r.Kode == request.Wilayah.Value);
        var kecamatan = outcome.Where(r => r.Kode != request.Wilayah.Value && r.Kode.Length == 8).ToList();

        var unitSintetis = request.Tingkat == Tingkat.Desa
            ? (await nilai.ValuesAsync(caller, request.Wilayah, Tingkat.Desa, request.Indikator, request.Periode, request.Tampilan, ct)).Any(v => v.Sintetis)
            : kecamatan.Any(k => k.Sintetis);

        // One roll-up per coverage indicator, at once: each is a short query, and waiting for them one by one is most of their cost.
        var cakupan = (await Task.WhenAll(run.Summary.CoverageIndicators.Select(async kode =>
        {
            var rollUp = await nilai.RollUpAsync(caller, request.Wilayah, [request.Wilayah.Tingkat], kode, request.Periode, request.Tampilan, ct);
            return new CakupanFakta(all[kode], rollUp.FirstOrDefault(r => r.Kode == request.Wilayah.Value));
        }))).ToList();

        var periods = await PeriodsAsync(caller, request, ct);
        var temporalTask = TemporalAsync(caller, request, periods, ct);
        var tren = await TrendAsync(caller, request, area, periods, ct);
        var daftarLokus = await LokusAsync(caller, request, ct);
        var (temporal, temporalMissing) = await temporalTask;

        var layers = Lapisan.Concat(run.Rows.Any(r => r.PeluangTinggi is not null) ? [LapisanPeluang] : [])
            .Concat(temporal is null ? [] : LapisanWaktu).ToList();
        var maps = await peta.GambarAsync(new PetaLaporanPermintaan(caller, request, run, temporal, layers, PetaLebar, PetaTinggi), ct);

        return new LaporanFakta(request, run, area?.Nama ?? (run.Interventions.Count > 0 ? run.Interventions[0].Nama : null) ?? request.Wilayah.Value, hasil, area, kecamatan, unitSintetis,
            tren, cakupan, daftarLokus, maps, (time ?? TimeProvider.System).GetUtcNow(), temporal?.Result, temporalMissing);
    }

    /// <summary>The periods with published values of the outcome up to the report's, the most recent <see cref="MaksimumPeriodeTren"/>, in time order.</summary>
    private async Task<List<Periode>> PeriodsAsync(Caller caller, AnalysisRequest request, CancellationToken ct)
    {
        var list = new List<Periode> { request.Periode };
        foreach (var text in await nilai.PeriodsAsync(caller.Area, request.Wilayah, request.Indikator, ct))
        {
            if (Periode.TryParse(text, out var p, out _) && p.TahunDesimal < request.Periode.TahunDesimal) list.Add(p);
        }
        // Two names of one time (2024 and 2024-S1 start together) would not make a series: the first kept.
        return list.OrderBy(p => p.TahunDesimal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .DistinctBy(p => p.TahunDesimal).TakeLast(MaksimumPeriodeTren).ToList();
    }

    /// <summary>Change, trend and emerging hot spots across the periods, when there are two or more (null and the reason otherwise).</summary>
    private async Task<((TemporalRequest Request, TemporalResult Result)? Waktu, string? Alasan)> TemporalAsync(
        Caller caller, AnalysisRequest request, List<Periode> periods, CancellationToken ct)
    {
        if (waktu is null) return (null, "analisis waktu tidak tersedia pada penyusun laporan ini");
        if (periods.Count < 2) return (null, null);
        var temporal = new TemporalRequest { Dasar = request, Periode = periods };
        try
        {
            return ((temporal, await waktu.RunAsync(caller, temporal, ct)), null);
        }
        catch (GeoException e) when (e.Kind is GeoErrorKind.NotFound or GeoErrorKind.Invalid)
        {
            return (null, e.Message);
        }
    }

    private async Task<List<TrenPeriode>> TrendAsync(Caller caller, AnalysisRequest request, WilayahRollUp? current, List<Periode> periods, CancellationToken ct)
    {
        // One roll-up per earlier period, at once.
        var rollUps = await Task.WhenAll(periods.Select(async periode =>
        {
            if (periode == request.Periode) return current is null ? null : new TrenPeriode(periode.Value, current);
            var rollUp = await nilai.RollUpAsync(caller, request.Wilayah, [request.Wilayah.Tingkat], request.Indikator, periode, request.Tampilan, ct);
            return rollUp.FirstOrDefault(r => r.Kode == request.Wilayah.Value) is { Agregat.Nilai: not null } r ? new TrenPeriode(periode.Value, r) : null;
        }));
        return rollUps.OfType<TrenPeriode>().ToList();
    }

    /// <summary>The area's kab/kota's most recently changed final list of the period's year, its desa narrowed to the area.</summary>
    private async Task<LokusDetail?> LokusAsync(Caller caller, AnalysisRequest request, CancellationToken ct)
    {
        if (request.Wilayah.Tingkat < Tingkat.KabKota) return null;
        var lists = await lokus.ListAsync(caller, request.Wilayah, request.Periode.Tahun, ct);
        if (lists.Where(l => l.Status == LokusStore.Final).MaxBy(l => l.Diubah) is not { } final) return null;
        var detail = await lokus.GetAsync(caller, final.Id, ct);
        return detail with { Desa = detail.Desa.Where(d => KodeWilayah.Parse(d.Kode).IsWithin(request.Wilayah)).ToList() };
    }
}
