using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Geo.Api.Hosting;
using Geo.Api.Peta;
using Geo.Core.Errors;
using Geo.Core.Wilayah;
using Geo.Data.Peta;
using Microsoft.Extensions.Options;

namespace Geo.Api.Endpoints;

/// <summary>OGC API - Features - Part 1: Core, over the administrative levels, GeoJSON in CRS84.</summary>
public static class OgcFeatureEndpoints
{
    public const string Crs84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
    private const string GeoJson = "application/geo+json";

    // Links keep their & and + readable; the body is JSON, never inlined into HTML.
    private static readonly JsonSerializerOptions LinkJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void MapOgcFeatureEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/ogc").WithTags("OGC API Features").Publik();
        group.MapGet("", Landing).WithSummary("Halaman muka OGC API - Features");
        group.MapGet("/conformance", () => Results.Json(new { conformsTo = ConformanceClasses })).WithSummary("Kelas kesesuaian");
        group.MapGet("/collections", Collections).WithSummary("Koleksi fitur (satu per tingkat wilayah)");
        group.MapGet("/collections/{id}", Collection).WithSummary("Satu koleksi");
        group.MapGet("/collections/{id}/items", Items)
            .WithSummary("Fitur koleksi: bbox, limit, offset, kode (awalan), induk; indikator+periode menambah nilai terbit");
        group.MapGet("/collections/{id}/items/{kode}", Item).WithSummary("Satu fitur menurut kode");
    }

    private static readonly string[] ConformanceClasses =
    [
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
    ];

    private static IResult Landing(HttpRequest request)
    {
        var b = PetaHttp.BaseUrl(request);
        return Results.Json(new
        {
            title = "Geo: batas wilayah dan indikator stunting",
            description = "OGC API - Features atas wilayah administratif (provinsi, kab/kota, kecamatan, desa/kelurahan)",
            links = new[]
            {
                Link($"{b}/ogc", "self", "application/json", "Halaman ini"),
                Link($"{b}/swagger/v1/swagger.json", "service-desc", "application/vnd.oai.openapi+json;version=3.0", "Definisi API"),
                Link($"{b}/ogc/conformance", "conformance", "application/json", "Kelas kesesuaian"),
                Link($"{b}/ogc/collections", "data", "application/json", "Koleksi"),
            },
        });
    }

    private static async Task<IResult> Collections(HttpRequest request, PetaExtents extents, CancellationToken ct)
    {
        var b = PetaHttp.BaseUrl(request);
        var collections = new List<object>();
        foreach (var layer in PetaLayer.All) collections.Add(await Describe(layer, b, extents, ct));
        return Results.Json(new
        {
            links = new[] { Link($"{b}/ogc/collections", "self", "application/json", "Koleksi") },
            collections,
        });
    }

    private static async Task<IResult> Collection(string id, HttpRequest request, PetaExtents extents, CancellationToken ct) =>
        PetaLayer.Find(id) is { } layer
            ? Results.Json(await Describe(layer, PetaHttp.BaseUrl(request), extents, ct))
            : throw UnknownCollection(id);

    private static async Task<object> Describe(PetaLayer layer, string b, PetaExtents extents, CancellationToken ct)
    {
        var bbox = await extents.GetAsync(layer, ct) ?? PetaExtents.World;
        return new
        {
            id = layer.Name,
            title = layer.Title,
            description = $"{layer.Title} menurut kode Kepmendagri",
            itemType = "feature",
            crs = new[] { Crs84 },
            storageCrs = Crs84,
            extent = new { spatial = new { bbox = new[] { new[] { bbox.MinX, bbox.MinY, bbox.MaxX, bbox.MaxY } }, crs = Crs84 } },
            links = new[]
            {
                Link($"{b}/ogc/collections/{layer.Name}", "self", "application/json", layer.Title),
                Link($"{b}/ogc/collections/{layer.Name}/items", "items", GeoJson, "Fitur"),
                Link($"{b}/tiles/{layer.Name}.json", "describedby", "application/json", "TileJSON petak vektor"),
            },
        };
    }

    private static async Task<IResult> Items(string id, HttpContext http, FeatureQueries features,
        CallerResolver callers, TileQueries tiles, DataVersiTracker versions,
        IOptions<PetaOptions> options, CancellationToken ct)
    {
        if (PetaLayer.Find(id) is not { } layer) throw UnknownCollection(id);
        var query = http.Request.Query;
        var nilai = NilaiParameter.Read(query);
        var source = new WilayahTileSource(layer, nilai);

        var limit = DefaultLimit;
        if (query["limit"].ToString() is { Length: > 0 } limitText)
        {
            if (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1)
            {
                throw GeoException.Invalid($"limit harus bilangan bulat 1..{MaxLimit}: '{limitText}'");
            }
            limit = Math.Min(limit, MaxLimit);
        }
        var offset = 0;
        if (query["offset"].ToString() is { Length: > 0 } offsetText
            && !int.TryParse(offsetText, NumberStyles.None, CultureInfo.InvariantCulture, out offset))
        {
            throw GeoException.Invalid($"offset harus bilangan bulat >= 0: '{offsetText}'");
        }

        Bbox? bbox = null;
        if (query["bbox"].ToString() is { Length: > 0 } bboxText)
        {
            if (ParseBbox(bboxText) is not { } parsed) throw GeoException.Invalid($"bbox harus minx,miny,maxx,maxy dalam derajat (CRS84): '{bboxText}'");
            bbox = parsed;
        }
        if (query["bbox-crs"].ToString() is { Length: > 0 } bboxCrs && bboxCrs != Crs84)
        {
            throw GeoException.Invalid($"bbox-crs hanya {Crs84}");
        }

        var kode = query["kode"].ToString();
        if (kode.Length > 0 && (kode.Length > 13 || !kode.All(c => char.IsAsciiDigit(c) || c == '.')))
        {
            throw GeoException.Invalid($"kode (awalan) hanya angka dan titik: '{kode}'");
        }
        string? induk = null;
        if (query["induk"].ToString() is { Length: > 0 } indukText)
        {
            var parsed = Problems.ParseKode(indukText);
            induk = parsed.Value;
        }

        if (nilai is not null) await tiles.EnsureIndikatorAsync(nilai, ct);
        var area = callers.Resolve(http).Area;
        if (NotModified(http, source.ETag(versions.Current), options.Value.MaxAgeSeconds, area) is { } notModified) return notModified;

        var page = await features.PageAsync(
            new FeatureFilter(layer, area, bbox, kode.Length > 0 ? kode : null, induk, limit, offset, nilai), ct);

        PetaHttp.SetCaching(http.Response, source.ETag(page.Versi), options.Value.MaxAgeSeconds, area.Root is null);

        var self = $"{PetaHttp.BaseUrl(http.Request)}{http.Request.Path}";
        var links = new List<object>
        {
            Link(WithQuery(self, query, offset), "self", GeoJson, "Halaman ini"),
            Link($"{PetaHttp.BaseUrl(http.Request)}/ogc/collections/{layer.Name}", "collection", "application/json", layer.Title),
        };
        if (offset + page.NumberReturned < page.NumberMatched)
        {
            links.Add(Link(WithQuery(self, query, offset + limit, limit), "next", GeoJson, "Halaman berikutnya"));
        }
        if (offset > 0)
        {
            links.Add(Link(WithQuery(self, query, Math.Max(0, offset - limit), limit), "prev", GeoJson, "Halaman sebelumnya"));
        }

        // The features array is PostGIS's text; only the envelope is written here.
        var body = new StringBuilder(page.FeaturesJson.Length + 512)
            .Append("{\"type\":\"FeatureCollection\",\"numberMatched\":").Append(page.NumberMatched)
            .Append(",\"numberReturned\":").Append(page.NumberReturned)
            .Append(",\"timeStamp\":").Append(JsonSerializer.Serialize(DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)))
            .Append(",\"links\":").Append(JsonSerializer.Serialize(links, LinkJson))
            .Append(",\"features\":").Append(page.FeaturesJson)
            .Append('}');
        return Results.Text(body.ToString(), GeoJson, Encoding.UTF8);
    }

    private static async Task<IResult> Item(string id, string kode, HttpContext http, FeatureQueries features,
        CallerResolver callers, TileQueries tiles, DataVersiTracker versions,
        IOptions<PetaOptions> options, CancellationToken ct)
    {
        if (PetaLayer.Find(id) is not { } layer) throw UnknownCollection(id);
        var parsed = Problems.ParseKode(kode);
        var nilai = NilaiParameter.Read(http.Request.Query);
        var source = new WilayahTileSource(layer, nilai);
        if (nilai is not null) await tiles.EnsureIndikatorAsync(nilai, ct);
        var etag = source.ETag(versions.Current);
        var area = callers.Resolve(http).Area;
        if (NotModified(http, etag, options.Value.MaxAgeSeconds, area) is { } notModified) return notModified;
        var json = await features.OneAsync(layer, area, parsed, nilai, ct);
        if (json is not null) PetaHttp.SetCaching(http.Response, etag, options.Value.MaxAgeSeconds, area.Root is null);
        return json is null
            ? throw GeoException.NotFound($"{layer.Name} {parsed} tidak ada")
            : Results.Text(json, GeoJson, Encoding.UTF8);
    }

    /// <summary>304 when the client holds the page as of the current data versions.</summary>
    private static IResult? NotModified(HttpContext http, string etag, int maxAge, WilayahScope area)
    {
        if (!PetaHttp.Matches(http.Request, etag)) return null;
        PetaHttp.SetCaching(http.Response, etag, maxAge, area.Root is null);
        return Results.StatusCode(StatusCodes.Status304NotModified);
    }

    private static Bbox? ParseBbox(string text)
    {
        var parts = text.Split(',');
        if (parts.Length is not (4 or 6)) return null;
        var numbers = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]) || !double.IsFinite(numbers[i])) return null;
        }
        // A 3D box is minx,miny,minz,maxx,maxy,maxz; heights do not apply to boundaries.
        var box = parts.Length == 4
            ? new Bbox(numbers[0], numbers[1], numbers[2], numbers[3])
            : new Bbox(numbers[0], numbers[1], numbers[3], numbers[4]);
        // minx may exceed maxx (a box across the antimeridian); no value may leave the globe.
        return box.MinY <= box.MaxY && box.MinY >= -90 && box.MaxY <= 90 && Math.Abs(box.MinX) <= 180 && Math.Abs(box.MaxX) <= 180 ? box : null;
    }

    /// <summary>The request's own query with offset (and limit) replaced, for self/next/prev links.</summary>
    private static string WithQuery(string path, IQueryCollection query, int offset, int? limit = null)
    {
        var pairs = query
            .Where(q => q.Key is not ("offset" or "limit") || (q.Key == "limit" && limit is null))
            .SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? "")}"))
            .ToList();
        if (limit is { } l) pairs.Add($"limit={l}");
        if (offset > 0) pairs.Add($"offset={offset}");
        return pairs.Count == 0 ? path : $"{path}?{string.Join('&', pairs)}";
    }

    private static object Link(string href, string rel, string type, string title) => new { href, rel, type, title };

    private static GeoException UnknownCollection(string id) =>
        GeoException.NotFound($"koleksi '{id}' tidak ada; pilih salah satu: {string.Join(", ", PetaLayer.All.Select(l => l.Name))}");
}
