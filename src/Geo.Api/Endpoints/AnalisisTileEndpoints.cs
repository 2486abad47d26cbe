using System.Globalization;
using Geo.Api.Hosting;
using Geo.Api.Peta;
using Geo.Core.Akun;
using Geo.Core.Errors;
using Geo.Data.Peta;

namespace Geo.Api.Endpoints;

/// <summary>
/// Vector tiles of a stored analysis run (<c>/api/analisis</c> returns its id): kelas, lisa,
/// gi_bin, nilai and smoothed rates per unit, with the same caching as the wilayah tiles.
/// </summary>
public static class AnalisisTileEndpoints
{
    public static void MapAnalisisTileEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/tiles/analisis").WithTags("Peta").Publik();
        group.MapGet("/{id}.json", TileJson).WithSummary("TileJSON 3.0.0 hasil analisis (kelas kesenjangan, LISA, Gi*, EB, peluang melewati ambang, LISA bivariat; analisis waktu: perubahan, tren, titik panas yang muncul)").Produces<TileJsonDoc>();
        group.MapGet("/{id}/{z}/{x}/{y}.mvt", Tile)
            .WithSummary("Petak vektor hasil analisis; petak tanpa fitur: 200 dengan badan kosong")
            .Produces<Stream>(StatusCodes.Status200OK, contentType: PetaHttp.MvtContentType);
    }

    private static Task<IResult> Tile(string id, string z, string x, string y, HttpContext http, TilePipeline pipeline, CallerResolver callers)
    {
        var caller = callers.Resolve(http);
        return pipeline.ServeAsync(http, new TileKey(new AnalysisTileSource(ParseId(id)), TileAddress.Parse(z, x, y), caller.Area, caller.Peran.Count > 0));
    }

    private static async Task<IResult> TileJson(string id, HttpContext http, TileQueries tiles, CallerResolver callers, CancellationToken ct)
    {
        var caller = callers.Resolve(http);
        var run = await tiles.FindAnalysisAsync(ParseId(id), caller.Area, caller.Peran.Count > 0, ct);

        var b = run.Bounds;
        var description = $"Analisis {run.Indikator} periode {run.Periode} di {run.Wilayah} per {run.Layer.Title.ToLowerInvariant()}"
            + (run.Sintetis ? " — memuat data SINTETIS" : "")
            + (run.Tampilan == Tampilan.Draf ? " — " + TampilanAkses.PeringatanDraf : "");
        return Results.Json(new TileJsonDoc("3.0.0", $"analisis-{run.Id}", description, TileJsonDoc.BoundaryAttribution, "xyz",
            [$"{PetaHttp.BaseUrl(http.Request)}/tiles/analisis/{run.Id}/{{z}}/{{x}}/{{y}}.mvt"],
            0, run.Layer.MaxZoom, b, [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2, 10],
            [new TileJsonVectorLayer(AnalysisLayer.MvtName, description, 0, run.Layer.MaxZoom,
                new Dictionary<string, string>(AnalysisLayer.Fields) { ["kode"] = "String: kode Kepmendagri", ["nama"] = "String: nama wilayah" })]));
    }

    private static long ParseId(string id) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var runId) ? runId : throw GeoException.Invalid($"id analisis harus bilangan bulat: {id}");
}
