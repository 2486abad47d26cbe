using Geo.Api.Hosting;
using Geo.Core.Errors;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Geo.Api.Endpoints;

/// <summary>The map page (<c>/</c>, <c>/peta</c>), the embed (<c>/embed</c>) and the settings they read at start.</summary>
public static class WebEndpoints
{
    public sealed record Konfigurasi(string? Basemap, string? BasemapAtribusi);

    public static void MapWebEndpoints(this IEndpointRouteBuilder app)
    {
        string[] getHead = ["GET", "HEAD"];
        app.MapMethods("/", getHead, Index).Publik().ExcludeFromDescription();
        app.MapMethods("/peta", getHead, Index).Publik().WithTags("Peta").WithSummary("Halaman peta TPPS").Produces<Stream>(contentType: "text/html").Problems(StatusCodes.Status404NotFound);
        app.MapMethods("/index.html", getHead, Index).Publik().ExcludeFromDescription();
        // Framed by other sites: Geo:Embed:FrameAncestors decides which (Hardening), every other page is frame-ancestors 'none'.
        app.MapMethods("/embed", getHead, (WebBuild build, HttpContext http) => Page(build, http, "embed.html")).Publik().WithTags("Peta")
            .WithSummary("Peta sematan hanya-baca (wilayah, indikator, periode, lapisan, tingkat, klasifikasi): legenda dan sumber, nilai terbit saja").Produces<Stream>(contentType: "text/html");
        app.MapGet("/api/peta/konfigurasi", (IOptions<WebOptions> options) =>
                Results.Ok(new Konfigurasi(options.Value.Basemap, options.Value.BasemapAtribusi)))
            .Publik().WithTags("Peta").WithSummary("Pengaturan halaman peta: peta dasar opsional (tanpa peta dasar internet bila kosong)").Produces<Konfigurasi>();
    }

    private static IResult Index(WebBuild build, HttpContext http) => Page(build, http, "index.html");

    private static IResult Page(WebBuild build, HttpContext http, string page)
    {
        var path = build.Folder is { } folder ? Path.Combine(folder, page) : null;
        if (path is null || !File.Exists(path))
        {
            throw GeoException.NotFound(
                "halaman peta belum dibangun: jalankan `npm ci && npm run build` di folder web/ (./geo up dan ./geo test melakukannya), atau atur Geo:Web:Folder");
        }
        // Always revalidated, so a new build's hashed assets are picked up at once.
        http.Response.Headers[HeaderNames.CacheControl] = "no-cache";
        return Results.File(path, "text/html; charset=utf-8", enableRangeProcessing: false);
    }
}
