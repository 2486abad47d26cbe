using System.Diagnostics;
using System.Globalization;
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
        NilaiParameter nilaiParameter, IOptions<PetaOptions> options, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        if (PetaLayer.Find(layer) is not { } petaLayer) throw UnknownLayer(layer);
        var nilai = NilaiParameter.Read(http.Request.Query);
        var usesNilai = nilai is not null;
        if (!TryInt(z, out var zi) || !TryInt(x, out var xi) || !TryInt(y, out var yi))
        {
            throw GeoException.Invalid($"z, x dan y harus bilangan bulat: {z}/{x}/{y}");
        }
        var address = new TileAddress(zi, xi, yi);
        if (address.Problem() is { } outOfRange) throw GeoException.Invalid($"petak {address} di luar jangkauan: {outOfRange}");

        var scope = scopes.Resolve(http);
        var maxAge = options.Value.MaxAgeSeconds;
        var current = versions.Current;
        var currentETag = PetaHttp.ETag(current, usesNilai);
        if (PetaHttp.Matches(http.Request, currentETag))
        {
            PetaHttp.SetCaching(http.Response, currentETag, maxAge);
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        var key = $"{petaLayer.Name}/{address}/{scope.RootCode}/{nilai?.Indikator}/{nilai?.Periode.Value}";
        bool IsFresh(DataVersi v) => IsCurrent(v, versions.Current, usesNilai);
        var served = cache.Get(key, IsFresh);
        TimeSpan? query = null;
        if (served is null)
        {
            if (nilai is not null) await nilaiParameter.EnsureExistsAsync(nilai, ct);
            (served, query) = await cache.GetOrBuildAsync(key, IsFresh, async () =>
            {
                var tile = address.Z < petaLayer.MinZoom
                    ? new Tile([], current)
                    : await tiles.GetAsync(petaLayer, address, scope, nilai, CancellationToken.None);
                versions.Observe(tile.Versi);
                return new ServedTile(tile.Mvt, tile.Versi, PetaHttp.ETag(tile.Versi, usesNilai));
            });
        }

        return PetaHttp.TileResponse(http, served, maxAge, started, query);
    }

    private static async Task<IResult> TileJson(string layer, HttpContext http, DataVersiTracker versions,
        PetaExtents extents, NilaiParameter nilaiParameter, IOptions<PetaOptions> options, CancellationToken ct)
    {
        if (PetaLayer.Find(layer) is not { } petaLayer) throw UnknownLayer(layer);
        var nilai = NilaiParameter.Read(http.Request.Query);
        if (nilai is not null) await nilaiParameter.EnsureExistsAsync(nilai, ct);
        var etag = PetaHttp.ETag(versions.Current, nilai is not null);
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
            foreach (var (name, description) in NilaiLayer.Fields) fields[name] = description;
        }
        return Results.Json(new Dictionary<string, object?>
        {
            ["tilejson"] = "3.0.0",
            ["name"] = petaLayer.Name,
            ["description"] = nilai is null
                ? $"{petaLayer.Title} (batas Kepmendagri); id fitur = fid numerik dari kode"
                : $"{petaLayer.Title} dengan nilai terbit {nilai.Indikator} periode {nilai.Periode.Value}; id fitur = fid numerik dari kode",
            ["attribution"] = "Batas wilayah: wilayah_boundaries oleh cahya dsn (MIT), Kepmendagri 300.2.2-2430/2025",
            ["scheme"] = "xyz",
            ["tiles"] = new[] { $"{baseUrl}/tiles/{petaLayer.Name}/{{z}}/{{x}}/{{y}}.mvt{NilaiParameter.QueryString(nilai)}" },
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

    /// <summary>A cached tile is current while the versions it was read at are: nilai only counts when it carries values.</summary>
    private static bool IsCurrent(DataVersi tile, DataVersi current, bool usesNilai) =>
        tile.Wilayah == current.Wilayah && (!usesNilai || tile.Nilai == current.Nilai);

    private static GeoException UnknownLayer(string layer) =>
        GeoException.NotFound($"lapisan '{layer}' tidak ada; pilih salah satu: {string.Join(", ", PetaLayer.All.Select(l => l.Name))}");

    private static bool TryInt(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
