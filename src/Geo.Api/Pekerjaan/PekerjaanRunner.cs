using System.Text.Json;
using Geo.Api.Endpoints;
using Geo.Core.Import;
using Geo.Core.Wilayah;
using Geo.Data.Analisis;
using Geo.Data.Indikator.Import;
using Geo.Data.Pekerjaan;
using Geo.Data.Wilayah.Import;

namespace Geo.Api.Pekerjaan;

/// <summary>The options of a boundary import job: those of POST /api/impor/wilayah, and the upload's shown name, extension and size.</summary>
public sealed record ImporWilayahParameter(string Berkas, string Ekstensi, long Ukuran, string? Tingkat, string? KolomKode, string? KolomNama, string? Lapisan);

/// <summary>The options of an indicator import job: those of POST /api/impor/indikator, and the upload's name and size.</summary>
public sealed record ImporIndikatorParameter(string Berkas, long Ukuran, string? Indikator, string? Periode, string? Sumber, string? Wilayah);

/// <summary>The query of an analysis job as GET /api/analisis takes it, and the address that reads the stored run once it is done.</summary>
public sealed record AnalisisParameter(AnalisisEndpoints.AnalysisQuery Kueri, string Tautan);

/// <summary>How a job ended: its status, last stage, and result or error as JSON.</summary>
public sealed record HasilPekerjaan(string Status, string Tahap, string? Hasil, string? Galat);

/// <summary>
/// Runs one claimed job with the same services and the same caller as the direct request would
/// have. Every kind is one transaction in the database (an import commits whole or not at all, an
/// analysis stores its run at the end), so running a job again after an instance died mid-run
/// starts from a clean state, and running it again after it committed finds the work done (the
/// indicator import's file hash, the boundaries unchanged, the stored analysis run).
/// </summary>
public sealed class PekerjaanRunner(IServiceScopeFactory scopes, PekerjaanStore store)
{
    public async Task<HasilPekerjaan> RunAsync(KlaimPekerjaan claim, IProgress<Kemajuan> progress, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        return claim.Jenis switch
        {
            JenisPekerjaan.ImporWilayah => await ImporWilayahAsync(claim, Read<ImporWilayahParameter>(claim), services, progress, ct),
            JenisPekerjaan.ImporIndikator => await ImporIndikatorAsync(claim, Read<ImporIndikatorParameter>(claim), services, progress, ct),
            JenisPekerjaan.Analisis => await AnalisisAsync(claim, Read<AnalisisParameter>(claim), services, progress, ct),
            _ => throw new InvalidOperationException($"jenis pekerjaan tidak dikenal: {claim.Jenis}"),
        };
    }

    private static T Read<T>(KlaimPekerjaan claim) =>
        claim.Parameter.Deserialize<T>(JsonSerializerOptions.Web) ?? throw new InvalidOperationException($"parameter pekerjaan {claim.Id} kosong");

    private async Task<HasilPekerjaan> ImporWilayahAsync(KlaimPekerjaan claim, ImporWilayahParameter p, IServiceProvider services,
        IProgress<Kemajuan> progress, CancellationToken ct)
    {
        Tingkat? level = p.Tingkat is { } t && TingkatNames.TryParse(t, out var parsed) ? parsed : null;
        using var directory = new TemporaryDirectory();
        var path = Path.Combine(directory.Path, "berkas" + p.Ekstensi);
        await using (var target = File.Create(path)) await store.CopyUploadAsync(claim.Id, target, p.Ukuran, progress, ct);
        var report = await services.GetRequiredService<BoundaryImporter>().ImportAsync(path,
            new BoundaryImportOptions(level, p.KolomKode, p.KolomNama, p.Lapisan, claim.Pemanggil), p.Berkas, progress, ct);
        var json = JsonSerializer.Serialize(report, JsonSerializerOptions.Web);
        return report.Succeeded
            ? new HasilPekerjaan(StatusPekerjaan.Selesai,
                $"selesai: {report.Read} fitur dibaca, {report.Inserted} ditambahkan, {report.Updated} diperbarui", json, null)
            : Rejected(json, $"{p.Berkas}: {report.Rejected.Count} fitur ditolak; tidak ada yang ditulis (rincian di hasil.ditolak)");
    }

    private async Task<HasilPekerjaan> ImporIndikatorAsync(KlaimPekerjaan claim, ImporIndikatorParameter p, IServiceProvider services,
        IProgress<Kemajuan> progress, CancellationToken ct)
    {
        using var directory = new TemporaryDirectory();
        var path = Path.Combine(directory.Path, "berkas");
        await using (var target = File.Create(path)) await store.CopyUploadAsync(claim.Id, target, p.Ukuran, progress, ct);
        var options = new IndikatorImportOptions(p.Indikator, p.Periode, p.Sumber, p.Wilayah, claim.Pemanggil.Nama, claim.Pemanggil);
        var report = await services.GetRequiredService<IndikatorImporter>().ImportAsync(path, options, p.Berkas, progress, ct);
        var json = JsonSerializer.Serialize(report, JsonSerializerOptions.Web);
        return report.Berhasil
            ? new HasilPekerjaan(StatusPekerjaan.Selesai, report.Status == ImportStatus.SudahAda
                ? $"selesai: berkas yang sama sudah diimpor sebagai batch {report.Batch}"
                : $"selesai: batch {report.Batch}, {report.NilaiDitulis} nilai ditulis", json, null)
            : Rejected(json, $"{p.Berkas}: {report.Penolakan.Count} baris ditolak; tidak ada yang ditulis (rincian di hasil.penolakan)");
    }

    private static async Task<HasilPekerjaan> AnalisisAsync(KlaimPekerjaan claim, AnalisisParameter p, IServiceProvider services,
        IProgress<Kemajuan> progress, CancellationToken ct)
    {
        var request = p.Kueri.ToRequest();
        progress.Report(new Kemajuan($"menghitung analisis situasi {request.Wilayah} per {request.Tingkat.ToName()}"));
        var run = await services.GetRequiredService<SituationAnalysisService>().EnsureAsync(claim.Pemanggil, request, ct);
        var hasil = JsonSerializer.Serialize(new { analisis = run.Id, tautan = p.Tautan, unit = $"/api/analisis/{run.Id}/unit" }, JsonSerializerOptions.Web);
        return new HasilPekerjaan(StatusPekerjaan.Selesai, $"selesai: analisis {run.Id}", hasil, null);
    }

    /// <summary>A file read to its end and refused: the report says why, as the direct request's 422 does.</summary>
    private static HasilPekerjaan Rejected(string report, string detail) =>
        new(StatusPekerjaan.Gagal, "gagal: berkas ditolak", report, PekerjaanStore.Galat(StatusCodes.Status422UnprocessableEntity, "ditolak", detail));
}
