using Geo.Api.Hosting;
using Geo.Api.Peta;
using Geo.Core.Akun;
using Geo.Data.Analisis;
using Microsoft.Extensions.Options;

namespace Geo.Api.Endpoints;

public static class AnalisisEndpoints
{
    public static void MapAnalisisEndpoints(this IEndpointRouteBuilder app)
    {
        // Public: an anonymous caller gets runs on published values; the draft view asks for a role in the area.
        var group = app.MapGroup("/api").WithTags("Analisis").Publik();

        group.MapGet("/analisis", async ([AsParameters] AnalysisQuery query, SituationAnalysisService service, AnalysisStore store,
            CallerResolver callers, IOptions<PetaOptions> options, HttpContext http, CancellationToken ct) =>
        {
            var (request, run) = await EnsureAsync(query, service, callers, http, ct);
            if (Revalidated(http, request, run, options.Value) is { } notModified) return notModified;
            var result = await store.LoadAsync(callers.Resolve(http), run.Id, ct) ?? throw SituationAnalysisService.Evicted(run.Id);
            return Results.Json(result, AnalysisJson.Options);
        }).WithSummary("Analisis situasi (kelas kesenjangan, Moran's I, LISA, Gi*, Empirical Bayes) sebagai JSON, dari nilai terbit (tampilan=draf: dari data kerja, hanya akun berperan di wilayahnya, disimpan privat); hasil disimpan dan dipakai ulang bila masukan tidak berubah").Produces<StoredAnalysis>();

        group.MapGet("/analisis.geojson", async ([AsParameters] AnalysisQuery query, SituationAnalysisService service, AnalysisStore store,
            CallerResolver callers, IOptions<PetaOptions> options, HttpContext http, CancellationToken ct) =>
        {
            var (request, run) = await EnsureAsync(query, service, callers, http, ct);
            if (Revalidated(http, request, run, options.Value) is { } notModified) return notModified;
            var geojson = await store.GeoJsonAsync(callers.Resolve(http), run.Id, ct) ?? throw SituationAnalysisService.Evicted(run.Id);
            return Results.Text(geojson, "application/geo+json");
        }).WithSummary("Analisis situasi sebagai GeoJSON FeatureCollection, satu fitur per unit").Produces<GeoJsonFeatureCollectionDoc>(contentType: "application/geo+json");

        group.MapGet("/analisis/waktu", async ([AsParameters] TemporalQuery q, TemporalAnalysisService service,
            CallerResolver callers, HttpContext http, CancellationToken ct) =>
        {
            var request = TemporalRequestParser.Parse(new AnalysisOptionsText(
                q.Wilayah, q.Periode, q.Indikator, q.Tingkat, Bobot: q.Bobot, Permutasi: q.Permutasi, Seed: q.Seed, Alpha: q.Alpha,
                Fdr: q.Fdr ?? false, Tampilan: q.Tampilan), q.Jendela);
            var result = await service.RunAsync(callers.Resolve(http), request, ct);
            // Computed per request from what this caller may see: never from a shared cache.
            http.Response.Headers.CacheControl = request.Dasar.Tampilan == Tampilan.Draf ? "private, no-store" : "no-cache";
            return Results.Json(result, AnalysisJson.Options);
        }).WithSummary("Analisis waktu: perubahan periode pertama ke terakhir (uji dua proporsi, arah menurut polaritas), tren Mann-Kendall dan kemiringan Sen, titik panas yang muncul (Emerging Hot Spot) per desa/kecamatan dan agregat; periode=2023-08,2024-08,...");
    }

    private static async Task<(AnalysisRequest, StoredRunRef)> EnsureAsync(AnalysisQuery q, SituationAnalysisService service,
        CallerResolver callers, HttpContext http, CancellationToken ct)
    {
        var request = q.ToRequest();
        return (request, await service.EnsureAsync(callers.Resolve(http), request, ct));
    }

    /// <summary>
    /// Caching headers as the tiles', and 304 when the client holds this run. The ETag names the run
    /// (its id is in the body, and tiles are asked for by it), the input and parameters it was
    /// computed from, and the boundaries' version (names and shapes are read with it); weak, as the
    /// body may leave gzip-encoded.
    /// </summary>
    private static IResult? Revalidated(HttpContext http, AnalysisRequest request, StoredRunRef run, PetaOptions options)
    {
        var etag = $"W/\"a{run.Id}.{run.InputVersion}.{run.ParameterHash[..16]}.w{run.WilayahVersi}\"";
        // A run on drafts must never sit in a shared cache that answers anonymous callers.
        PetaHttp.SetCaching(http.Response, etag, options.MaxAgeSeconds, shared: request.Tampilan != Tampilan.Draf);
        return PetaHttp.Matches(http.Request, etag) ? Results.StatusCode(StatusCodes.Status304NotModified) : null;
    }

    public sealed record TemporalQuery(
        string? Wilayah, string? Periode, string? Indikator, string? Tingkat, string? Bobot,
        int? Permutasi, ulong? Seed, double? Alpha, bool? Fdr, int? Jendela, string? Tampilan);

    public sealed record AnalysisQuery(
        string? Wilayah, string? Periode, string? Indikator, string? Tingkat, string? Cakupan, string? Bobot,
        int? Permutasi, ulong? Seed, double? Alpha, bool? Fdr, string? Deret, string? Ambang,
        int? MinimumIndikator, double? PorsiTarget, string? Tampilan, string? Tinggi, string? Prior, string? Bivariat)
    {
        /// <summary>The request these parameters name, parsed as the CLI parses its options.</summary>
        public AnalysisRequest ToRequest() => AnalysisRequestParser.Parse(new AnalysisOptionsText(
            Wilayah, Periode, Indikator, Tingkat, Cakupan, Bobot, Permutasi, Seed, Alpha, Fdr ?? false,
            Deret, Ambang, MinimumIndikator, PorsiTarget, Tampilan, Tinggi, Prior, Bivariat));
    }
}
