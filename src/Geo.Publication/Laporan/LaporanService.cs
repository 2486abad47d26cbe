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
    SituationAnalysisService analysis, NilaiQueries nilai, IndikatorCatalog catalog, LokusStore lokus, IPetaLaporan peta, TimeProvider? time = null)
{
    /// <summary>Maps drawn for the report, in the order it shows them.</summary>
    public static readonly IReadOnlyList<string> Lapisan = ["nilai", "kelas", "gi", "lisa"];

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

        var tren = await TrendAsync(caller, request, area, ct);
        var daftarLokus = await LokusAsync(caller, request, ct);

        var maps = new List<PetaFakta>();
        foreach (var lapisan in Lapisan)
        {
            var png = await peta.PngAsync(new PetaPermintaan(caller, request.Wilayah, request.Indikator, request.Periode, lapisan, PetaLebar, PetaTinggi, request), ct);
            maps.Add(new PetaFakta(lapisan, png, PetaLebar, PetaTinggi));
        }

        return new LaporanFakta(request, run, area?.Nama ?? (run.Interventions.Count > 0 ? run.Interventions[0].Nama : null) ?? request.Wilayah.Value, hasil, area, kecamatan, unitSintetis,
            tren, cakupan, daftarLokus, maps, (time ?? TimeProvider.System).GetUtcNow());
    }

    private async Task<List<TrenPeriode>> TrendAsync(Caller caller, AnalysisRequest request, WilayahRollUp? current, CancellationToken ct)
    {
        var periods = (await nilai.PeriodsAsync(caller.Area, request.Wilayah, request.Indikator, ct)).ToList();
        if (!periods.Contains(request.Periode.Value)) periods.Add(request.Periode.Value);
        var list = new List<TrenPeriode>();
        foreach (var periode in periods.Order(StringComparer.Ordinal).TakeLast(MaksimumPeriodeTren))
        {
            if (periode == request.Periode.Value)
            {
                if (current is not null) list.Add(new TrenPeriode(periode, current));
                continue;
            }
            var rollUp = await nilai.RollUpAsync(caller, request.Wilayah, [request.Wilayah.Tingkat], request.Indikator, Periode.Parse(periode), request.Tampilan, ct);
            if (rollUp.FirstOrDefault(r => r.Kode == request.Wilayah.Value) is { Agregat.Nilai: not null } r) list.Add(new TrenPeriode(periode, r));
        }
        return list;
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
