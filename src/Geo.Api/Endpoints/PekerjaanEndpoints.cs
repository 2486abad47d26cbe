using Geo.Api.Hosting;
using Geo.Core.Errors;
using Geo.Data.Pekerjaan;

namespace Geo.Api.Endpoints;

/// <summary>
/// Long work queued with <c>Prefer: respond-async</c> or <c>?latar=true</c> on the import and
/// analysis endpoints: its progress, result or error, and cancelling it. An account sees the jobs
/// it started and, holding a role, those within its area (<see cref="PekerjaanStore"/>).
/// </summary>
public static class PekerjaanEndpoints
{
    private const int MaksimumBatas = 1000;

    public static void MapPekerjaanEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/pekerjaan").WithTags("Pekerjaan").Akun();

        group.MapGet("", async (int? batas, PekerjaanStore store, CallerResolver callers, HttpContext http, CancellationToken ct) =>
        {
            var limit = batas ?? 100;
            if (limit is < 1 or > MaksimumBatas) throw GeoException.Parameter("batas", $"batas 1 sampai {MaksimumBatas}");
            return await store.ListAsync(callers.Resolve(http), limit, ct);
        }).WithSummary("Pekerjaan panjang (impor nasional, analisis provinsi) yang dimulai akun ini dan, bagi akun berperan, yang di wilayahnya; terbaru dulu")
          .Produces<IReadOnlyList<PekerjaanInfo>>();

        group.MapGet("/{id:long}", async (long id, PekerjaanStore store, CallerResolver callers, HttpContext http, CancellationToken ct) =>
        {
            var job = await store.FindAsync(callers.Resolve(http), id, ct);
            http.Response.Headers.CacheControl = "no-store";
            // Still moving: when to look again.
            if (!job.SudahBerakhir()) http.Response.Headers.RetryAfter = "2";
            return job;
        }).WithSummary("Status, tahap dan kemajuan satu pekerjaan; hasilnya (laporan impor, rujukan analisis) bila selesai, atau galatnya bila gagal")
          .Produces<PekerjaanInfo>();

        group.MapPost("/{id:long}/batal", async (long id, PekerjaanStore store, CallerResolver callers, HttpContext http, CancellationToken ct) =>
                await store.CancelAsync(callers.Resolve(http), id, ct))
            .WithSummary("Batalkan pekerjaan (yang memulainya atau admin wilayahnya): yang antri berakhir seketika; yang berjalan berhenti pada detak berikutnya dan tidak menulis apa pun")
            .Produces<PekerjaanInfo>()
            .Problems(StatusCodes.Status409Conflict);
    }
}
