using Geo.Api.Hosting;
using Geo.Api.Peta;
using Geo.Core.Errors;
using Geo.Data.Peta;
using Microsoft.Extensions.Options;

namespace Geo.Api.Endpoints;

/// <summary>
/// Vector tiles of the administrative levels, optionally carrying the published values of one
/// indicator and period (<c>?indikator=&amp;periode=</c>). A tile with no features (outside the
/// data, or below the layer's minzoom) is 200 with an empty body: a valid MVT with no layers,
/// cached and revalidated like any other tile.
/// </summary>
public static class TileEndpoints
{
    public static void MapTileEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/tiles").WithTags("Peta").Publik();

        group.MapGet("", (HttpRequest request) => Results.Ok(PetaLayer.All.Select(l =>
            new TileLayerEntry(l.Name, l.Title, $"{PetaHttp.BaseUrl(request)}/tiles/{l.Name}.json")))).WithSummary("Daftar lapisan peta vektor").Produces<IReadOnlyList<TileLayerEntry>>();

        group.MapGet("/{layer}.json", TileJson).WithSummary("TileJSON 3.0.0 satu lapisan (MapLibre, QGIS)").Produces<TileJsonDoc>().Parameter("indikator", ApiDocumentation.Parameters["indikator"] with { Description = "Kode indikator: petak membawa nilai terbitnya (bersama periode)" }, query: true).Parameter("periode", ApiDocumentation.Parameters["periode"], query: true);
        group.MapGet("/{layer}/{z}/{x}/{y}.mvt", Tile)
            .WithSummary("Petak vektor (Mapbox Vector Tile); petak tanpa fitur: 200 dengan badan kosong").Parameter("indikator", ApiDocumentation.Parameters["indikator"] with { Description = "Kode indikator: petak membawa nilai terbitnya (bersama periode)" }, query: true).Parameter("periode", ApiDocumentation.Parameters["periode"], query: true)
            .Produces<Stream>(StatusCodes.Status200OK, contentType: PetaHttp.MvtContentType);
    }

    private static Task<IResult> Tile(string layer, string z, string x, string y, HttpContext http,
        TilePipeline pipeline, CallerResolver callers)
    {
        if (PetaLayer.Find(layer) is not { } petaLayer) throw UnknownLayer(layer);
        var source = new WilayahTileSource(petaLayer, NilaiParameter.Read(http.Request.Query));
        return pipeline.ServeAsync(http, new TileKey(source, TileAddress.Parse(z, x, y), callers.Resolve(http).Area));
    }

    private static async Task<IResult> TileJson(string layer, HttpContext http, DataVersiTracker versions,
        PetaExtents extents, TileQueries tiles, IOptions<PetaOptions> options, CancellationToken ct)
    {
        if (PetaLayer.Find(layer) is not { } petaLayer) throw UnknownLayer(layer);
        var nilai = NilaiParameter.Read(http.Request.Query);
        if (nilai is not null) await tiles.EnsureIndikatorAsync(nilai, ct);
        var etag = new WilayahTileSource(petaLayer, nilai).ETag(versions.Current);
        PetaHttp.SetCaching(http.Response, etag, options.Value.MaxAgeSeconds);
        if (PetaHttp.Matches(http.Request, etag)) return Results.StatusCode(StatusCodes.Status304NotModified);

        var bbox = await extents.GetAsync(petaLayer, ct) ?? PetaExtents.World;
        var baseUrl = PetaHttp.BaseUrl(http.Request);
        var fields = new Dictionary<string, string>
        {
            ["kode"] = "String: kode Kepmendagri",
            ["nama"] = "String: nama wilayah",
        };
        if (nilai is not null)
        {
            foreach (var (name, about) in NilaiLayer.Fields) fields[name] = about;
        }
        var description = nilai is null
            ? $"{petaLayer.Title} (batas Kepmendagri); id fitur = fid numerik dari kode"
            : $"{petaLayer.Title} dengan nilai terbit {nilai.Indikator} periode {nilai.Periode.Value}; id fitur = fid numerik dari kode";
        return Results.Json(new TileJsonDoc("3.0.0", petaLayer.Name, description, TileJsonDoc.BoundaryAttribution, "xyz",
            [$"{baseUrl}/tiles/{petaLayer.Name}/{{z}}/{{x}}/{{y}}.mvt{NilaiParameter.QueryString(nilai)}"],
            petaLayer.MinZoom, petaLayer.MaxZoom, [bbox.MinX, bbox.MinY, bbox.MaxX, bbox.MaxY],
            [(bbox.MinX + bbox.MaxX) / 2, (bbox.MinY + bbox.MaxY) / 2, Math.Max(petaLayer.MinZoom, 5)],
            [new TileJsonVectorLayer(petaLayer.Name, petaLayer.Title, petaLayer.MinZoom, petaLayer.MaxZoom, fields)]));
    }

    private static GeoException UnknownLayer(string layer) =>
        GeoException.NotFound($"lapisan '{layer}' tidak ada; pilih salah satu: {string.Join(", ", PetaLayer.All.Select(l => l.Name))}");
}
