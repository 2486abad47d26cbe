using Geo.Api.Hosting;
using Geo.Data.Analisis;

namespace Geo.Api.Endpoints;

public static class AnalisisEndpoints
{
    public static void MapAnalisisEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Analisis");

        group.MapGet("/analisis", async ([AsParameters] AnalysisQuery query, SituationAnalysisService service, WilayahScopeResolver scopes,
            HttpContext http, CancellationToken ct) =>
        {
            var result = await RunAsync(query, service, scopes, http, ct);
            return Results.Json(result, AnalysisJson.Options);
        }).WithSummary("Analisis situasi (kelas kesenjangan, Moran's I, LISA, Gi*, Empirical Bayes) sebagai JSON; hasil disimpan dan dipakai ulang bila masukan tidak berubah");

        group.MapGet("/analisis.geojson", async ([AsParameters] AnalysisQuery query, SituationAnalysisService service, AnalysisStore store,
            WilayahScopeResolver scopes, HttpContext http, CancellationToken ct) =>
        {
            var result = await RunAsync(query, service, scopes, http, ct);
            var geojson = await store.GeoJsonAsync(result.Id, ct);
            return Results.Text(geojson!, "application/geo+json");
        }).WithSummary("Analisis situasi sebagai GeoJSON FeatureCollection, satu fitur per unit");
    }

    private static Task<StoredAnalysis> RunAsync(AnalysisQuery q, SituationAnalysisService service,
        WilayahScopeResolver scopes, HttpContext http, CancellationToken ct)
    {
        var request = AnalysisRequestParser.Parse(new AnalysisOptionsText(
            q.Wilayah, q.Periode, q.Indikator, q.Tingkat, q.Cakupan, q.Bobot, q.Permutasi, q.Seed, q.Alpha, q.Fdr ?? false,
            q.Deret, q.Ambang, q.MinimumIndikator, q.PorsiTarget, q.HanyaTerbit ?? false));
        return service.RunAsync(scopes.Resolve(http), request, ct);
    }

    public sealed record AnalysisQuery(
        string? Wilayah, string? Periode, string? Indikator, string? Tingkat, string? Cakupan, string? Bobot,
        int? Permutasi, ulong? Seed, double? Alpha, bool? Fdr, string? Deret, string? Ambang,
        int? MinimumIndikator, double? PorsiTarget, bool? HanyaTerbit);
}
