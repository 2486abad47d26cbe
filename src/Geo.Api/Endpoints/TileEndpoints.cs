using System.Globalization;
using Geo.Api.Hosting;
using Geo.Api.Peta;
using Geo.Data.Peta;
using Microsoft.Extensions.Options;

namespace Geo.Api.Endpoints;

/// <summary>
/// Vector tiles of the administrative levels. A tile with no features (outside the data, or
/// below the layer's minzoom) is 200 with an empty body: a valid MVT with no layers, cached and
/// revalidated like any other tile.
/// </summary>
public static class TileEndpoints
{
    public static void MapTileEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/tiles").WithTags("Peta");

        group.MapGet("", (HttpRequest request) => Results.Ok(PetaLayer.All.Select(l => new
        {
            id = l.Name,
            judul = l.Title,
            tilejson = $"{PetaHttp.BaseUrl(request)}/tiles/{l.Name}.json",
        }))).WithSummary("Daftar lapisan peta vektor");

        group.MapGet("/{layer}.json", TileJson).WithSummary("TileJSON 3.0.0 satu lapisan (MapLibre, QGIS)");
        group.MapGet("/{layer}/{z}/{x}/{y}.mvt", Tile)
            .WithSummary("Petak vektor (Mapbox Vector Tile); petak tanpa fitur: 200 dengan badan kosong")
            .Produces(StatusCodes.Status200OK, contentType: PetaHttp.MvtContentType);
    }

    private static async Task<IResult> Tile(string layer, string z, string x, string y, HttpContext http,
        TileQueries tiles, TileCache cache, DataVersiTracker versions, WilayahScopeResolver scopes,
        IOptions<PetaOptions> options, CancellationToken ct)
    {
        if (PetaLayer.Find(layer) is not { } petaLayer) return UnknownLayer(layer);
        if (!TryInt(z, out var zi) || !TryInt(x, out var xi) || !TryInt(y, out var yi))
        {
            return Problems.BadRequest($"z, x dan y harus bilangan bulat: {z}/{x}/{y}");
        }
        var address = new TileAddress(zi, xi, yi);
        if (address.Problem() is { } outOfRange) return Problems.BadRequest($"petak {address} di luar jangkauan: {outOfRange}");

        var scope = scopes.Resolve(http);
        var maxAge = options.Value.MaxAgeSeconds;
        var current = versions.Current;
        var currentETag = PetaHttp.ETag(current, usesNilai: false);
        if (PetaHttp.Matches(http.Request, currentETag))
        {
            PetaHttp.SetCaching(http.Response, currentETag, maxAge);
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        var key = $"{petaLayer.Name}/{address}/{scope.RootCode}";
        var served = cache.Get(key, v => v.Wilayah == versions.Current.Wilayah);
        if (served is null)
        {
            var tile = address.Z < petaLayer.MinZoom
                ? new Tile([], current)
                : await tiles.GetAsync(petaLayer, address, scope, ct);
            versions.Observe(tile.Versi);
            served = new ServedTile(tile.Mvt, tile.Versi, PetaHttp.ETag(tile.Versi, usesNilai: false));
            cache.Set(key, served);
        }

        PetaHttp.SetCaching(http.Response, served.ETag, maxAge);
        http.Response.Headers.Vary = "Accept-Encoding";
        // Gzip here rather than in the compression middleware, so a cached tile is compressed once;
        // the middleware leaves responses that already carry a Content-Encoding alone.
        if (served.Raw.Length > 0 && PetaHttp.AcceptsGzip(http.Request))
        {
            http.Response.Headers.ContentEncoding = "gzip";
            return Results.Bytes(served.Gzip, PetaHttp.MvtContentType);
        }
        return Results.Bytes(served.Raw, PetaHttp.MvtContentType);
    }

    private static async Task<IResult> TileJson(string layer, HttpContext http, FeatureQueries features,
        DataVersiTracker versions, PetaExtents extents, IOptions<PetaOptions> options, CancellationToken ct)
    {
        if (PetaLayer.Find(layer) is not { } petaLayer) return UnknownLayer(layer);
        var etag = PetaHttp.ETag(versions.Current, usesNilai: false);
        PetaHttp.SetCaching(http.Response, etag, options.Value.MaxAgeSeconds);
        if (PetaHttp.Matches(http.Request, etag)) return Results.StatusCode(StatusCodes.Status304NotModified);

        var bbox = await extents.GetAsync(petaLayer, ct) ?? PetaExtents.World;
        var baseUrl = PetaHttp.BaseUrl(http.Request);
        var fields = new Dictionary<string, string>
        {
            ["kode"] = "String: kode Kepmendagri",
            ["nama"] = "String: nama wilayah",
        };
        return Results.Json(new Dictionary<string, object?>
        {
            ["tilejson"] = "3.0.0",
            ["name"] = petaLayer.Name,
            ["description"] = $"{petaLayer.Title} (batas Kepmendagri); id fitur = fid numerik dari kode",
            ["attribution"] = "Batas wilayah: wilayah_boundaries oleh cahya dsn (MIT), Kepmendagri 300.2.2-2430/2025",
            ["scheme"] = "xyz",
            ["tiles"] = new[] { $"{baseUrl}/tiles/{petaLayer.Name}/{{z}}/{{x}}/{{y}}.mvt" },
            ["minzoom"] = petaLayer.MinZoom,
            ["maxzoom"] = petaLayer.MaxZoom,
            ["bounds"] = new[] { bbox.MinX, bbox.MinY, bbox.MaxX, bbox.MaxY },
            ["center"] = new[] { (bbox.MinX + bbox.MaxX) / 2, (bbox.MinY + bbox.MaxY) / 2, Math.Max(petaLayer.MinZoom, 5) },
            ["vector_layers"] = new[]
            {
                new Dictionary<string, object>
                {
                    ["id"] = petaLayer.Name,
                    ["description"] = petaLayer.Title,
                    ["minzoom"] = petaLayer.MinZoom,
                    ["maxzoom"] = petaLayer.MaxZoom,
                    ["fields"] = fields,
                },
            },
        });
    }

    private static IResult UnknownLayer(string layer) =>
        Problems.NotFound($"lapisan '{layer}' tidak ada; pilih salah satu: {string.Join(", ", PetaLayer.All.Select(l => l.Name))}");

    private static bool TryInt(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
