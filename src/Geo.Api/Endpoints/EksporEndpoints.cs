using System.Text.Json;
using Geo.Api.Hosting;
using Geo.Data.Analisis;
using Geo.Data.Ekspor;
using Microsoft.Net.Http.Headers;

namespace Geo.Api.Endpoints;

/// <summary>
/// Downloads for QGIS, GDAL and spreadsheets: <c>/api/ekspor/{wilayah|analisis|lokus/{id}}.{format}</c>.
/// Public like the reads they export: the caller decides what is in them (anonymous: published
/// values only; an area account: its area; drafts only for role holders there), checked before the
/// first byte is sent. GeoJSON and CSV stream to the response; the others are written to a temporary
/// file (SQLite, a zip of several files, an OPC package) that is deleted once sent.
/// </summary>
public static class EksporEndpoints
{
    public static void MapEksporEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/ekspor").WithTags("Ekspor").Publik();

        group.MapGet("/wilayah.{format}", async (string format, string? induk, string? tingkat, string? indikator, string? periode,
            string? tampilan, string? desimal, EksporQueries queries, CallerResolver callers, HttpContext http, CancellationToken ct) =>
        {
            var f = FormatEksporNames.Parse(format);
            var opsi = new OpsiTabel(GayaCsvNames.Parse(desimal));
            var r = EksporWilayahRequest.Parse(induk, tingkat, indikator, periode, tampilan);
            var layer = await queries.WilayahAsync(callers.Resolve(http), r.Induk, r.Tingkat, r.Indikator, r.Periode, r.Tampilan, ct);
            return await SendAsync(http, layer, f, opsi, ct);
        }).WithSummary("Desa atau kecamatan di bawah induk dengan nilai satu atau beberapa indikator (indikator=A,B) pada satu periode: gpkg (bergaya QGIS), shp (zip), geojson, csv, xlsx")
          .Produces<Stream>(StatusCodes.Status200OK, "application/geopackage+sqlite3", "application/zip", "application/geo+json", "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        group.MapGet("/analisis.{format}", async (string format, [AsParameters] AnalisisEndpoints.AnalysisQuery q, string? desimal, string? tabel,
            SituationAnalysisService service, EksporQueries queries, CallerResolver callers, HttpContext http, CancellationToken ct) =>
        {
            var f = FormatEksporNames.Parse(format);
            var opsi = new OpsiTabel(GayaCsvNames.Parse(desimal), tabel);
            var request = q.ToRequest();
            var caller = callers.Resolve(http);
            var run = await service.EnsureAsync(caller, request, ct);
            var layer = await queries.AnalisisAsync(caller, run.Id, ct);
            return await SendAsync(http, layer, f, opsi, ct);
        }).WithSummary("Hasil analisis situasi (parameter sama dengan /api/analisis): kelas, alasan, LISA, Gi*, laju EB, nilai/target/selisih cakupan per unit; xlsx juga peringkat intervensi; csv tabel=peringkat_intervensi")
          .Produces<Stream>(StatusCodes.Status200OK, "application/geopackage+sqlite3", "application/zip", "application/geo+json", "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        group.MapGet("/waktu.{format}", async (string format, [AsParameters] AnalisisEndpoints.TemporalQuery q, string? desimal, string? tabel,
            TemporalRunStore runs, EksporQueries queries, CallerResolver callers, HttpContext http, CancellationToken ct) =>
        {
            var f = FormatEksporNames.Parse(format);
            var opsi = new OpsiTabel(GayaCsvNames.Parse(desimal), tabel);
            // The run /api/analisis/waktu stores (computed once, found again while the data is unchanged).
            var run = await runs.EnsureAsync(callers.Resolve(http), q.ToRequest(), ct);
            var result = JsonSerializer.Deserialize<TemporalResult>(run.Json, AnalysisJson.Options)!;
            return await SendAsync(http, queries.Waktu(result), f, opsi, ct);
        }).WithSummary("Analisis waktu (parameter sama dengan /api/analisis/waktu, periode=A,B,...): nilai per periode, perubahan dan arahnya, tren Mann-Kendall dan kemiringan Sen, pola titik panas yang muncul per unit; xlsx juga agregat kecamatan dan wilayah; csv tabel=agregat")
          .Produces<Stream>(StatusCodes.Status200OK, "application/geopackage+sqlite3", "application/zip", "application/geo+json", "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        group.MapGet("/lokus/{id:long}.{format}", async (long id, string format, string? desimal, EksporQueries queries,
            CallerResolver callers, HttpContext http, CancellationToken ct) =>
        {
            var f = FormatEksporNames.Parse(format);
            var layer = await queries.LokusAsync(callers.Resolve(http), id, ct);
            return await SendAsync(http, layer, f, new OpsiTabel(GayaCsvNames.Parse(desimal)), ct);
        }).WithSummary("Desa sebuah daftar lokus dengan alasannya: gpkg, shp, geojson, csv, xlsx")
          .Produces<Stream>(StatusCodes.Status200OK, "application/geopackage+sqlite3", "application/zip", "application/geo+json", "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    private static async Task<IResult> SendAsync(HttpContext http, LapisanEkspor layer, FormatEkspor format, OpsiTabel opsi, CancellationToken ct)
    {
        // What an export holds depends on who asks and may hold drafts: never from a shared cache.
        EksporWriter.Check(layer, opsi);
        http.Response.Headers[HeaderNames.CacheControl] = "private, no-store";
        var name = $"{layer.Nama}.{format.Extension()}";
        if (format.Streams())
        {
            return Results.Stream(stream => EksporWriter.WriteStreamAsync(layer, format, stream, opsi, ct), format.ContentType(), name);
        }
        var path = Path.Combine(Path.GetTempPath(), $"geo-ekspor-{Guid.NewGuid():N}.{format.Extension()}");
        try
        {
            await EksporWriter.WriteFileAsync(layer, format, path, opsi, ct);
            var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16,
                FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            return Results.File(file, format.ContentType(), name);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }
}
