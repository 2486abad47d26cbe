using Geo.Api.Hosting;
using Geo.Core.Errors;
using Geo.Data.Indikator;
using Geo.Data.Indikator.Import;

namespace Geo.Api.Endpoints;

/// <summary>Import of indicator files, and the history, publication and withdrawal of their batches.</summary>
public static class IndikatorImportEndpoints
{
    public sealed record BatchDetail(ImportBatch Batch, IReadOnlyList<ReplacedValue> Diganti);

    public static void MapIndikatorImportEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/impor/indikator").WithTags("Impor").DisableAntiforgery();

        group.MapPost("", async (IFormFile berkas, string? indikator, string? periode, string? sumber, string? wilayah, bool? terbitkan,
            IndikatorImporter importer, HttpContext http, CancellationToken ct) =>
        {
            // The form reader has already buffered the part to a temporary file (past 64 KB): the
            // importer reads that, seekable, and never holds the file in memory.
            await using var content = berkas.OpenReadStream();
            var options = new IndikatorImportOptions(indikator, periode, sumber, wilayah, User(http), terbitkan ?? false);
            var report = await importer.ImportAsync(content, Path.GetFileName(berkas.FileName), options, ct: ct);
            return report.Berhasil ? Results.Ok(report) : Results.UnprocessableEntity(report);
        }).AcceptsImportUploads(app)
          .WithSummary("Impor nilai indikator (CSV panjang, atau tabel lebar CSV/TSV/XLSX); semua atau tidak sama sekali")
          .Produces<IndikatorImportReport>()
          .Produces<IndikatorImportReport>(StatusCodes.Status422UnprocessableEntity);

        var batches = group.MapGroup("/batch");
        batches.MapGet("", (BatchStore store, CancellationToken ct) => store.ListAsync(ct))
            .WithSummary("Riwayat batch impor: siapa, kapan, berkas, hash, status");

        batches.MapGet("/{id:long}", async (long id, BatchStore store, CancellationToken ct) =>
            await store.FindAsync(id, ct) is { } batch
                ? Results.Ok(new BatchDetail(batch, await store.ReplacedAsync(id, 1000, ct)))
                : throw GeoException.NotFound($"batch {id} tidak ada"))
            .WithSummary("Satu batch dan nilai yang digantikannya (paling banyak 1000)");

        batches.MapPost("/{id:long}/terbitkan", async (long id, BatchStore store, CancellationToken ct) => Results.Ok(await store.SetStatusAsync(id, true, ct)))
            .WithSummary("Terbitkan batch: nilainya tampil di peta publik");
        batches.MapPost("/{id:long}/draf", async (long id, BatchStore store, CancellationToken ct) => Results.Ok(await store.SetStatusAsync(id, false, ct)))
            .WithSummary("Kembalikan batch ke draf");
        batches.MapPost("/{id:long}/tarik", async (long id, BatchStore store, HttpContext http, CancellationToken ct) => Results.Ok(await store.WithdrawAsync(id, User(http), ct)))
            .WithSummary("Tarik batch: hapus nilainya dan pulihkan nilai yang digantikannya");
    }

    /// <summary>Who is recorded: the authenticated account, never anything the request says of itself.</summary>
    private static string User(HttpContext http) =>
        http.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : "anonim";
}
