using Geo.Api.Hosting;
using Geo.Api.Pekerjaan;
using Geo.Core.Akun;
using Geo.Core.Wilayah;
using Geo.Data.Indikator.Import;
using Geo.Data.Indikator;
using Geo.Data.Pekerjaan;

namespace Geo.Api.Endpoints;

/// <summary>
/// Import of indicator files (always as drafts), the history of their batches, and the publication
/// gate: verifikasi, setujui, terbitkan, tolak, tarik. Who may take which step, and see which
/// batch, is decided in the data layer (<see cref="BatchStore"/>) from the caller.
/// </summary>
public static class IndikatorImportEndpoints
{
    public sealed record BatchDetail(ImportBatch Batch, IReadOnlyList<ReplacedValue> Diganti);

    public sealed record Penolakan(string? Alasan);

    public static void MapIndikatorImportEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/impor/indikator").WithTags("Impor").DisableAntiforgery();

        group.MapPost("", async (IFormFile berkas, string? indikator, string? periode, string? sumber, string? wilayah, bool? latar,
            IndikatorImporter importer, PekerjaanStore jobs, CallerResolver callers, HttpContext http, CancellationToken ct) =>
        {
            var caller = callers.Resolve(http);
            var options = new IndikatorImportOptions(indikator, periode, sumber, wilayah, caller.Nama, caller);
            if (LatarBelakang.Diminta(http, latar, caller))
            {
                options.EnsureAllowed();
                var name = Path.GetFileName(berkas.FileName);
                // The job is seen by the accounts of the area it writes in: the wilayah option, else the account's own.
                var area = wilayah is { } w && KodeWilayah.TryParse(w, out var kode, out _) ? kode.Value : caller.Area.RootCode;
                await using var upload = berkas.OpenReadStream();
                var job = await jobs.CreateAsync(caller, JenisPekerjaan.ImporIndikator,
                    new ImporIndikatorParameter(name, berkas.Length, indikator, periode, sumber, wilayah),
                    area, upload, $"antri: {name} ({berkas.Length} bita) tersimpan, menunggu instans", ct);
                return LatarBelakang.Diterima(http, job);
            }
            // The form reader has already buffered the part to a temporary file (past 64 KB): the
            // importer reads that, seekable, and never holds the file in memory.
            await using var content = berkas.OpenReadStream();
            var report = await importer.ImportAsync(content, Path.GetFileName(berkas.FileName), options, ct: ct);
            return report.Berhasil ? Results.Ok(report) : Results.UnprocessableEntity(report);
        }).AcceptsImportUploads(app)
          .Untuk(Peran.Operator)
          .WithSummary("Impor nilai indikator (CSV panjang, atau tabel lebar CSV/TSV/XLSX) sebagai batch draf; semua atau tidak sama sekali; " +
              "dengan Prefer: respond-async atau latar=true sebagai pekerjaan latar: 202 dan Location /api/pekerjaan/{id}")
          .Produces<IndikatorImportReport>()
          .Produces<PekerjaanInfo>(StatusCodes.Status202Accepted)
          .Produces<IndikatorImportReport>(StatusCodes.Status422UnprocessableEntity);

        // Any account may ask; the batches it is shown are those of its area, and only to role holders.
        var batches = group.MapGroup("/batch").Akun();
        batches.MapGet("", (BatchStore store, CallerResolver callers, HttpContext http, CancellationToken ct) =>
                store.ListAsync(callers.Resolve(http), ct))
            .WithSummary("Riwayat batch impor di wilayah akun: siapa, kapan, berkas, hash, status (hanya akun berperan)");

        batches.MapGet("/{id:long}", async (long id, BatchStore store, CallerResolver callers, HttpContext http, CancellationToken ct) =>
        {
            var caller = callers.Resolve(http);
            return new BatchDetail(await store.FindAsync(caller, id, ct), await store.ReplacedAsync(caller, id, 1000, ct));
        }).WithSummary("Satu batch dan nilai yang digantikannya (paling banyak 1000; hanya akun berperan di wilayahnya)");

        MapStep(batches, "verifikasi", LangkahBatch.Verifikasi, "Verifikasi batch draf (peran verifikator)");
        MapStep(batches, "setujui", LangkahBatch.Setujui, "Setujui batch terverifikasi (peran approver)");
        MapStep(batches, "terbitkan", LangkahBatch.Terbitkan, "Terbitkan batch yang disetujui: nilainya menjadi nilai publik (peran approver)");
        MapStep(batches, "tarik", LangkahBatch.Tarik, "Tarik batch: hapus nilainya dan pulihkan nilai yang digantikannya, juga di nilai publik (peran approver)");
        batches.MapPost("/{id:long}/tolak", async (long id, Penolakan body, BatchStore store, CallerResolver callers, HttpContext http, CancellationToken ct) =>
                await store.StepAsync(callers.Resolve(http), id, LangkahBatch.Tolak, body.Alasan, ct))
            .Untuk(Peran.Verifikator, Peran.Approver)
            .WithSummary("Tolak batch dengan alasan (draf: verifikator; diverifikasi/disetujui: approver); nilainya ditarik dari data kerja");
    }

    private static void MapStep(RouteGroupBuilder batches, string name, LangkahBatch langkah, string summary) =>
        batches.MapPost($"/{{id:long}}/{name}", async (long id, BatchStore store, CallerResolver callers, HttpContext http, CancellationToken ct) =>
                await store.StepAsync(callers.Resolve(http), id, langkah, ct: ct))
            .Untuk(GerbangTerbit.Pemilik(StatusBatch.Draf, langkah))
            .WithSummary(summary);
}
