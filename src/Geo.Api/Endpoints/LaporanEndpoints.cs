using Geo.Api.Hosting;
using Geo.Core.Akun;
using Geo.Publication.Laporan;

namespace Geo.Api.Endpoints;

/// <summary>The analisis situasi report of a kab/kota as DOCX (editable) or PDF (for publication), from the same analysis as /api/analisis.</summary>
public static class LaporanEndpoints
{
    public static void MapLaporanEndpoints(this IEndpointRouteBuilder app)
    {
        // Public like /api/analisis: anonymous callers get the published values; the draft view and
        // other areas are refused by the data layer from the caller.
        var group = app.MapGroup("/api").WithTags("Laporan").Publik();
        foreach (var format in new[] { LaporanFormat.Docx, LaporanFormat.Pdf })
        {
            var extension = format == LaporanFormat.Pdf ? "pdf" : "docx";
            group.MapGet($"/laporan.{extension}", async ([AsParameters] AnalisisEndpoints.AnalysisQuery query, LaporanService laporan,
                CallerResolver callers, HttpContext http, CancellationToken ct) =>
            {
                var request = query.ToRequest();
                var bytes = await laporan.WriteAsync(callers.Resolve(http), request, format, ct);
                // A report on drafts must never sit in a shared cache; a public one is rebuilt from the current data on each request.
                http.Response.Headers.CacheControl = request.Tampilan == Tampilan.Draf ? "private, no-store" : "no-cache";
                return Results.File(bytes, LaporanService.ContentType(format), LaporanService.FileName(request, format));
            }).WithSummary(format == LaporanFormat.Pdf
                ? "Laporan analisis situasi sebagai PDF untuk publikasi (parameter seperti /api/analisis)"
                : "Laporan analisis situasi sebagai DOCX yang dapat disunting (parameter seperti /api/analisis)")
              .Produces<Stream>(contentType: LaporanService.ContentType(format));
        }
    }
}
