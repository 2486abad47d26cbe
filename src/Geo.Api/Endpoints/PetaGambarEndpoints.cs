using Geo.Api.Hosting;
using Geo.Api.Peta;
using Geo.Core.Akun;
using Geo.Data.Analisis;
using Geo.Data.Peta;
using Geo.Publication.Peta;
using Microsoft.Extensions.Options;

namespace Geo.Api.Endpoints;

/// <summary>Static map images (PNG) of an area, for publication: the renderer is Geo.Publication's.</summary>
public static class PetaGambarEndpoints
{
    public static void MapPetaGambarEndpoints(this IEndpointRouteBuilder app)
    {
        // Public: anonymous callers get published values; the draft view asks for a role in the area (the data layer's rule).
        app.MapGet("/api/peta.png", async ([AsParameters] PetaQuery q, PetaGambarService service, DataVersiTracker versions,
            CallerResolver callers, IOptions<PetaOptions> options, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        {
            var request = PermintaanPetaParser.Parse(new OpsiPetaTeks(q.Wilayah, q.Indikator, q.Periode, q.Lapisan, q.Klasifikasi, q.JumlahKelas,
                q.Lebar, q.Tinggi, new AnalysisOptionsText(q.Wilayah, q.Periode, q.Indikator, q.Tingkat, q.Cakupan, q.Bobot, q.Permutasi,
                    q.Seed, q.Alpha, q.Fdr ?? false, q.Deret, q.Ambang, q.MinimumIndikator, q.PorsiTarget, q.Tampilan, q.DasarTinggi, q.Prior, q.Bivariat),
                q.Jendela));
            var caller = callers.Resolve(http);
            // Versions read before the data: the image is at least as new as its tag. The date is in
            // the image, so it is in the tag too.
            var v = versions.Current;
            var etag = $"W/\"peta.{request.Sidik()}.w{v.Wilayah}n{v.Nilai}k{v.Katalog}.{clock.GetLocalNow():yyyyMMdd}\"";
            var shared = caller.Area.Root is null && caller.Peran.Count == 0 && request.Tampilan == Tampilan.Terbit;
            if (PetaHttp.NotModified(http, etag, options.Value.MaxAgeSeconds, shared) is { } notModified) return notModified;
            var gambar = await service.RenderAsync(caller, request, ct);
            PetaHttp.SetCaching(http.Response, etag, options.Value.MaxAgeSeconds, shared);
            if (gambar.Sintetis) http.Response.Headers["X-Geo-Sintetis"] = "true";
            return Results.Bytes(gambar.Png, "image/png");
        }).Publik().WithTags("Peta")
          .WithSummary("Peta statis PNG satu wilayah (nilai terbit; lapisan nilai|kelas|lisa|gi|eb|peluang|perubahan|titik_panas_muncul, dua yang terakhir dengan periode=A,B,...; lebar/tinggi 200-4000 piksel), dengan judul, legenda, skala, arah utara, sumber dan tanda DATA SINTETIS bila ada nilai sintetis")
          .Produces<Stream>(contentType: "image/png")
          .Parameter("tinggi", new("Tinggi gambar (piksel)", Minimum: 200, Maximum: 4000, Default: 1200))
          .Parameter("lapisan", new("Lapisan: nilai (bawaan), kelas (kesenjangan), lisa, gi (Gi*), eb (nilai dihaluskan), peluang (peluang melewati ambang), perubahan (arah perubahan periode pertama ke terakhir) atau titik_panas_muncul (Emerging Hot Spot)",
              Enum: ["nilai", "kelas", "lisa", "gi", "eb", "peluang", "perubahan", "titik_panas_muncul"], Default: "nilai"))
          .Parameter("periode", new("Periode, mis. 2022-08; lapisan perubahan dan titik_panas_muncul: paling sedikit 2 periode urut dipisah koma, mis. 2023-08,2024-02,2024-08"));
    }

    public sealed record PetaQuery(
        string? Wilayah, string? Indikator, string? Periode, string? Lapisan, string? Klasifikasi, int? JumlahKelas, int? Lebar, int? Tinggi,
        string? Tingkat, string? Cakupan, string? Bobot, int? Permutasi, ulong? Seed, double? Alpha, bool? Fdr, string? Deret, string? Ambang,
        int? MinimumIndikator, double? PorsiTarget, string? Tampilan, string? DasarTinggi, string? Prior, string? Bivariat, int? Jendela);
}
