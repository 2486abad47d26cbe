using Geo.Api.Hosting;
using Geo.Core.Akun;
using Geo.Core.Wilayah;
using Geo.Data.Lokus;
using Microsoft.Net.Http.Headers;

namespace Geo.Api.Endpoints;

/// <summary>
/// Lokus lists: read by anyone (drafts only by role holders of the area), written by the analis of
/// the area (decided by <see cref="LokusStore"/> from the caller), exported as CSV and GeoJSON.
/// </summary>
public static class LokusEndpoints
{
    public static void MapLokusEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/lokus").WithTags("Lokus");

        group.MapGet("", async (string? wilayah, int? tahun, LokusStore store, CallerResolver callers, HttpContext http, CancellationToken ct) =>
        {
            KodeWilayah? area = wilayah is null ? null : Problems.ParseKode(wilayah);
            NoShared(http);
            return Results.Ok(await store.ListAsync(callers.Resolve(http), area, tahun, ct));
        }).Publik().WithSummary("Daftar lokus yang boleh dilihat (final; draf hanya untuk akun berperan di wilayahnya), menurut wilayah dan tahun").Produces<IReadOnlyList<LokusRingkas>>();

        group.MapGet("/{id:long}", async (long id, LokusStore store, CallerResolver callers, HttpContext http, CancellationToken ct) =>
        {
            NoShared(http);
            return Results.Ok(await store.GetAsync(callers.Resolve(http), id, ct));
        }).Publik().WithSummary("Satu daftar lokus dengan desa dan alasannya").Produces<LokusDetail>();

        group.MapGet("/{id:long}.csv", async (long id, LokusStore store, CallerResolver callers, HttpContext http, CancellationToken ct) =>
        {
            NoShared(http);
            var bytes = await store.CsvAsync(callers.Resolve(http), id, ct);
            return Results.File(bytes, "text/csv; charset=utf-8", $"lokus-{id}.csv");
        }).Publik().WithSummary("Daftar lokus sebagai CSV (UTF-8 dengan BOM): kode, nama desa, kecamatan, alasan").Produces<Stream>(contentType: "text/csv");

        group.MapGet("/{id:long}.geojson", async (long id, LokusStore store, CallerResolver callers, HttpContext http, CancellationToken ct) =>
        {
            NoShared(http);
            var json = await store.GeoJsonAsync(callers.Resolve(http), id, ct);
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"lokus-{id}.geojson\"";
            return Results.Text(json, "application/geo+json; charset=utf-8");
        }).Publik().WithSummary("Desa daftar lokus sebagai GeoJSON FeatureCollection (nama, kecamatan, alasan, urutan)").Produces<GeoJsonFeatureCollectionDoc>(contentType: "application/geo+json");

        group.MapGet("/{id:long}/riwayat", async (long id, LokusStore store, CallerResolver callers, HttpContext http, CancellationToken ct) =>
        {
            NoShared(http);
            return Results.Ok(await store.RiwayatAsync(callers.Resolve(http), id, ct));
        }).Akun().WithSummary("Riwayat daftar lokus dari log audit (dibuat, diubah, difinalkan: siapa, kapan, isinya); hanya akun berperan di wilayahnya").Produces<IReadOnlyList<LokusRiwayat>>();

        group.MapPost("", async (LokusInput input, LokusStore store, CallerResolver callers, HttpContext http, CancellationToken ct) =>
        {
            var created = await store.CreateAsync(callers.Resolve(http), input, ct);
            return Results.Created($"/api/lokus/{created.Lokus.Id}", created);
        }).Untuk(Peran.Analis).WithSummary("Buat daftar lokus (draf) untuk satu kabupaten/kota dan tahun; analis wilayah itu").Produces<LokusDetail>(StatusCodes.Status201Created).Problems(StatusCodes.Status409Conflict);

        group.MapPut("/{id:long}", async (long id, LokusInput input, LokusStore store, CallerResolver callers, HttpContext http, CancellationToken ct) =>
            Results.Ok(await store.UpdateAsync(callers.Resolve(http), id, input, ct)))
            .Untuk(Peran.Analis).WithSummary("Ganti nama, tahun dan desa (dengan alasan) sebuah draf lokus; daftar final tidak dapat diubah (409)").Produces<LokusDetail>().Problems(StatusCodes.Status409Conflict);

        group.MapPost("/{id:long}/final", async (long id, LokusStore store, CallerResolver callers, HttpContext http, CancellationToken ct) =>
            Results.Ok(await store.FinaliseAsync(callers.Resolve(http), id, ct)))
            .Untuk(Peran.Analis).WithSummary("Finalkan draf lokus (satu arah): perlu minimal satu desa dan alasan untuk setiap desa").Produces<LokusDetail>().Problems(StatusCodes.Status409Conflict);

        group.MapDelete("/{id:long}", async (long id, LokusStore store, CallerResolver callers, HttpContext http, CancellationToken ct) =>
        {
            await store.DeleteAsync(callers.Resolve(http), id, ct);
            return Results.NoContent();
        }).Untuk(Peran.Analis).WithSummary("Hapus draf lokus; daftar final tidak dapat dihapus (409)").Produces(StatusCodes.Status204NoContent).Problems(StatusCodes.Status409Conflict);
    }

    /// <summary>A list changes while it is a draft, and what a caller sees depends on who asks: never from a shared cache, always revalidated.</summary>
    private static void NoShared(HttpContext http) => http.Response.Headers[HeaderNames.CacheControl] = "private, no-cache";
}
