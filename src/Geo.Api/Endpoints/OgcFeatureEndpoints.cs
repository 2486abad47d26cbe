using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Geo.Api.Hosting;
using Geo.Api.Peta;
using Geo.Core.Akun;
using Geo.Core.Errors;
using Geo.Core.Text;
using Geo.Data.Analisis;
using Geo.Data.Peta;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Geo.Api.Endpoints;

/// <summary>
/// OGC API - Features - Part 1: Core, GeoJSON in CRS84: one collection per administrative level
/// (optionally carrying an indicator's published values, <c>?indikator=&amp;periode=</c>, accepted
/// the same way on every OGC URL and carried into every link), and one per stored analysis run
/// (<c>analisis-{id}</c>). Every collection links a JSON Schema of its features (rel
/// <c>describedBy</c>: GDAL and QGIS type their fields from it) and its queryables.
/// </summary>
public static class OgcFeatureEndpoints
{
    public const string Crs84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
    public const string AnalisisPrefix = "analisis-";

    /// <summary>How many runs <c>/ogc/collections</c> lists at most (the others stay reachable by id).</summary>
    public const int ListedRuns = 20;

    private const string GeoJson = "application/geo+json";
    private const string Json = "application/json";
    private const string SchemaJson = "application/schema+json";
    private const string QueryablesRel = "http://www.opengis.net/def/rel/ogc/1.0/queryables";

    // Links keep their & and + readable; the body is JSON, never inlined into HTML.
    private static readonly JsonSerializerOptions LinkJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void MapOgcFeatureEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/ogc").WithTags("OGC API Features").Publik()
            .Parameter("id", new("Id koleksi: provinsi, kabkota, kecamatan, desa, atau analisis-{id} (id dari /api/analisis)", NotFound: true))
            .Parameter("indikator", ApiDocumentation.Parameters["indikator"] with
            {
                Description = "Kode indikator: koleksi tingkat wilayah membawa nilai terbitnya (bersama periode); diterima sama di semua URL OGC dan dibawa ke tautannya; tidak berlaku untuk koleksi analisis",
            });
        group.MapGet("", Landing).WithSummary("Halaman muka OGC API - Features")
            .Produces<OgcLandingPage>();
        group.MapGet("/conformance", () => Results.Json(new OgcConformance(ConformanceClasses), LinkJson))
            .WithSummary("Kelas kesesuaian OGC API - Features").Produces<OgcConformance>();
        group.MapGet("/collections", Collections)
            .WithSummary("Daftar koleksi: satu per tingkat wilayah, dan analisis tersimpan (yang disimpan akun, dan yang terakhir dipakai per wilayah, indikator dan periode)")
            .Produces<OgcCollections>();
        group.MapGet("/collections/{id}", Collection)
            .WithSummary("Satu koleksi: tingkat wilayah (provinsi, kabkota, kecamatan, desa) atau analisis-{id}")
            .Produces<OgcCollectionDescription>();
        group.MapGet("/collections/{id}/items", Items)
            .WithSummary("Fitur koleksi, per halaman (tautan next); tingkat wilayah: indikator+periode menambah nilai terbit; analisis: saring kelas, lisa, gi_bin, dan untuk analisis waktu perubahan_arah, pola_titik_panas")
            .Produces<OgcFeaturePage>(contentType: GeoJson)
            .Parameter("kode", new("Awalan kode wilayah (mis. 18.72.01. untuk satu kecamatan)", Pattern: @"^[\d.]{1,13}$"));
        group.MapGet("/collections/{id}/items/{kode}", Item)
            .WithSummary("Satu fitur koleksi menurut kode wilayah")
            .Produces<GeoJsonFeature>(contentType: GeoJson);
        group.MapGet("/collections/{id}/schema", Schema)
            .WithSummary("Skema JSON fitur koleksi: nama dan tipe tiap atribut (GDAL dan QGIS membentuk kolom bertipe darinya)")
            .Produces<JsonSchemaDocument>(contentType: SchemaJson);
        group.MapGet("/collections/{id}/queryables", Queryables)
            .WithSummary("Atribut yang dapat disaring dengan parameter kueri pada items (OGC API - Features - Part 3)")
            .Produces<JsonSchemaDocument>(contentType: SchemaJson);
    }

    private static readonly string[] ConformanceClasses =
    [
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
    ];

    /// <summary>The indicator pair of an OGC request: validated (400, 404 for an unknown indicator) wherever it is given.</summary>
    public sealed record NilaiQuery(
        [property: FromQuery(Name = "indikator")] string? Indikator,
        [property: FromQuery(Name = "periode")] string? Periode);

    /// <summary>The query of an items request. Unknown parameters are ignored, as OGC API Features asks.</summary>
    public sealed record ItemsQuery(
        [property: FromQuery(Name = "bbox")] string? Bbox,
        [property: FromQuery(Name = "bbox-crs")] string? BboxCrs,
        [property: FromQuery(Name = "limit")] int? Limit,
        [property: FromQuery(Name = "offset")] int? Offset,
        [property: FromQuery(Name = "kode")] string? Kode,
        [property: FromQuery(Name = "induk")] string? Induk,
        [property: FromQuery(Name = "indikator")] string? Indikator,
        [property: FromQuery(Name = "periode")] string? Periode,
        [property: FromQuery(Name = "kelas")] string? Kelas,
        [property: FromQuery(Name = "lisa")] string? Lisa,
        [property: FromQuery(Name = "gi_bin")] int? GiBin,
        [property: FromQuery(Name = "perubahan_arah")] string? PerubahanArah,
        [property: FromQuery(Name = "pola_titik_panas")] string? PolaTitikPanas);

    private static async Task<IResult> Landing([AsParameters] NilaiQuery _, HttpRequest request, TileQueries tiles, CancellationToken ct)
    {
        var q = await NilaiAsync(request, tiles, ct);
        var b = PetaHttp.BaseUrl(request);
        return Results.Json(new OgcLandingPage(
            "Geo: batas wilayah, indikator dan analisis stunting",
            "OGC API - Features atas wilayah administratif (provinsi, kab/kota, kecamatan, desa/kelurahan), nilai indikator terbit, dan analisis situasi tersimpan",
            [
                new($"{b}/ogc{q}", "self", Json, "Halaman ini"),
                new($"{b}/swagger/v1/swagger.json", "service-desc", "application/vnd.oai.openapi+json;version=3.0", "Definisi API"),
                new($"{b}/ogc/conformance{q}", "conformance", Json, "Kelas kesesuaian"),
                new($"{b}/ogc/collections{q}", "data", Json, "Koleksi"),
            ]), LinkJson);
    }

    private static async Task<IResult> Collections([AsParameters] NilaiQuery _, HttpContext http, PetaExtents extents, TileQueries tiles,
        AnalysisFeatures runs, CallerResolver callers, CancellationToken ct)
    {
        var q = await NilaiAsync(http.Request, tiles, ct);
        var b = PetaHttp.BaseUrl(http.Request);
        var collections = new List<OgcCollectionDescription>();
        foreach (var layer in PetaLayer.All) collections.Add(Describe(layer, await extents.GetAsync(layer, ct) ?? PetaExtents.World, b, q));
        var caller = callers.Resolve(http);
        foreach (var run in await runs.ListAsync(caller, ListedRuns, ct)) collections.Add(Describe(run, b));
        // Who sees which runs differs: the list is never shared between callers.
        http.Response.Headers.CacheControl = "private, no-cache";
        return Results.Json(new OgcCollections([new($"{b}/ogc/collections{q}", "self", Json, "Koleksi")], collections), LinkJson);
    }

    private static async Task<IResult> Collection(string id, [AsParameters] NilaiQuery _, HttpContext http, PetaExtents extents,
        TileQueries tiles, AnalysisFeatures runs, CallerResolver callers, CancellationToken ct)
    {
        var b = PetaHttp.BaseUrl(http.Request);
        if (RunId(id) is { } runId)
        {
            var run = await FindRunAsync(runs, callers.Resolve(http), runId, ct);
            return Results.Json(Describe(run, b), LinkJson);
        }
        var layer = FindLayer(id);
        var q = await NilaiAsync(http.Request, tiles, ct);
        return Results.Json(Describe(layer, await extents.GetAsync(layer, ct) ?? PetaExtents.World, b, q), LinkJson);
    }

    private static OgcCollectionDescription Describe(PetaLayer layer, Bbox bbox, string b, string q)
    {
        var self = $"{b}/ogc/collections/{layer.Name}";
        var values = q.Length > 0 ? " dengan nilai terbit indikator" : "";
        return new(layer.Name, layer.Title + values, $"{layer.Title} menurut kode Kepmendagri{values}", "feature", [Crs84], Crs84,
            new OgcExtent(new OgcSpatialExtent([[bbox.MinX, bbox.MinY, bbox.MaxX, bbox.MaxY]], Crs84)),
            [
                new($"{self}{q}", "self", Json, layer.Title),
                new($"{self}/items{q}", "items", GeoJson, "Fitur"),
                new($"{self}/schema{q}", "describedBy", SchemaJson, "Skema fitur"),
                new($"{self}/queryables{q}", QueryablesRel, SchemaJson, "Atribut yang dapat disaring"),
                new($"{b}/tiles/{layer.Name}.json{q}", "describedby", Json, "TileJSON petak vektor"),
            ]);
    }

    private static OgcCollectionDescription Describe(AnalysisRunInfo run, string b)
    {
        var self = $"{b}/ogc/collections/{AnalisisPrefix}{run.Id}";
        var level = PetaLayer.All.Single(l => l.Tingkat == run.Tingkat).Title.ToLowerInvariant();
        var title = $"Analisis {run.Indikator} {run.Periode} {run.NamaWilayah} ({run.Wilayah}) per {level}"
            + (run.Tampilan == Tampilan.Draf ? " — DRAF" : "");
        var description = $"Analisis situasi tersimpan {run.Id}, dihitung {run.Dihitung.UtcDateTime:yyyy-MM-dd HH:mm} UTC dari "
            + (run.Tampilan == Tampilan.Draf ? TampilanAkses.PeringatanDraf : "nilai terbit")
            + (run.Sintetis ? "; memuat data SINTETIS" : "")
            + (run.Disimpan ? "; disimpan akun" : "; simpanan sementara: bisa diganti analisis yang lebih baru");
        var bbox = run.Bbox;
        return new($"{AnalisisPrefix}{run.Id}", title, description, "feature", [Crs84], Crs84,
            new OgcExtent(new OgcSpatialExtent([[bbox.MinX, bbox.MinY, bbox.MaxX, bbox.MaxY]], Crs84)),
            [
                new(self, "self", Json, title),
                new($"{self}/items", "items", GeoJson, "Fitur"),
                new($"{self}/schema", "describedBy", SchemaJson, "Skema fitur"),
                new($"{self}/queryables", QueryablesRel, SchemaJson, "Atribut yang dapat disaring"),
                new($"{b}/tiles/analisis/{run.Id}.json", "describedby", Json, "TileJSON petak vektor"),
            ]);
    }

    private static async Task<IResult> Items(string id, [AsParameters] ItemsQuery query, HttpContext http, FeatureQueries features,
        AnalysisFeatures runs, CallerResolver callers, TileQueries tiles, DataVersiTracker versions,
        IOptions<PetaOptions> options, CancellationToken ct)
    {
        var limit = query.Limit switch
        {
            null => DefaultLimit,
            < 1 => throw GeoException.Parameter("limit", $"harus bilangan bulat 1..{MaxLimit} (lebih dari {MaxLimit} dibatasi {MaxLimit}): {query.Limit}"),
            var l => Math.Min(l.Value, MaxLimit),
        };
        var offset = query.Offset is { } o
            ? o >= 0 ? o : throw GeoException.Parameter("offset", $"harus bilangan bulat >= 0: {o}")
            : 0;
        Bbox? bbox = null;
        if (query.Bbox is { Length: > 0 } bboxText)
        {
            bbox = ParseBbox(bboxText) ?? throw GeoException.Parameter("bbox", $"harus minx,miny,maxx,maxy dalam derajat (CRS84): '{bboxText}'");
        }
        if (query.BboxCrs is { Length: > 0 } bboxCrs && bboxCrs != Crs84) throw GeoException.Parameter("bbox-crs", $"hanya {Crs84}");
        var kode = query.Kode ?? "";
        if (kode.Length > 0 && (kode.Length > 13 || !kode.All(c => char.IsAsciiDigit(c) || c == '.')))
        {
            throw GeoException.Parameter("kode", $"awalan kode hanya angka dan titik: '{kode}'");
        }
        var induk = query.Induk is { Length: > 0 } indukText ? Problems.ParseKode(indukText).Value : null;

        var caller = callers.Resolve(http);
        var self = $"{PetaHttp.BaseUrl(http.Request)}{http.Request.Path}";
        string collectionUrl, collectionTitle, etag;
        bool shared;
        FeaturePage page;
        if (RunId(id) is { } runId)
        {
            // A run carries its own indicator: indikator/periode (a client may add them to every URL) do not apply.
            var run = await FindRunAsync(runs, caller, runId, ct);
            var filter = new AnalysisFeatureFilter(run.Id, bbox, kode.Length > 0 ? kode : null, induk,
                Enumerated("kelas", query.Kelas), Enumerated("lisa", query.Lisa), GiBin(query.GiBin), limit, offset,
                Enumerated("perubahan_arah", query.PerubahanArah), Enumerated("pola_titik_panas", query.PolaTitikPanas));
            etag = $"W/\"oa{run.Id}.w{run.WilayahVersi}\"";
            shared = run.Tampilan == Tampilan.Terbit && caller.Area.Root is null;
            if (PetaHttp.NotModified(http, etag, options.Value.MaxAgeSeconds, shared) is { } notModified) return notModified;
            page = await runs.PageAsync(filter, ct);
            collectionUrl = $"{PetaHttp.BaseUrl(http.Request)}/ogc/collections/{id}";
            collectionTitle = $"Analisis {run.Id}";
        }
        else
        {
            var layer = FindLayer(id);
            var nilai = NilaiParameter.Read(http.Request.Query);
            if (nilai is not null) await tiles.EnsureIndikatorAsync(nilai, ct);
            var source = new WilayahTileSource(layer, nilai);
            shared = caller.Area.Root is null;
            if (PetaHttp.NotModified(http, source.ETag(versions.Current), options.Value.MaxAgeSeconds, shared) is { } notModified) return notModified;
            page = await features.PageAsync(new FeatureFilter(layer, caller.Area, bbox, kode.Length > 0 ? kode : null, induk, limit, offset, nilai), ct);
            etag = source.ETag(page.Versi);
            collectionUrl = $"{PetaHttp.BaseUrl(http.Request)}/ogc/collections/{layer.Name}{NilaiParameter.QueryString(nilai)}";
            collectionTitle = layer.Title;
        }
        PetaHttp.SetCaching(http.Response, etag, options.Value.MaxAgeSeconds, shared);

        var links = new List<OgcLink>
        {
            new(WithQuery(self, http.Request.Query, offset), "self", GeoJson, "Halaman ini"),
            new(collectionUrl, "collection", Json, collectionTitle),
        };
        if (offset + page.NumberReturned < page.NumberMatched)
        {
            links.Add(new(WithQuery(self, http.Request.Query, offset + limit, limit), "next", GeoJson, "Halaman berikutnya"));
        }
        if (offset > 0)
        {
            links.Add(new(WithQuery(self, http.Request.Query, Math.Max(0, offset - limit), limit), "prev", GeoJson, "Halaman sebelumnya"));
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

    private static async Task<IResult> Item(string id, string kode, [AsParameters] NilaiQuery _, HttpContext http, FeatureQueries features,
        AnalysisFeatures runs, CallerResolver callers, TileQueries tiles, DataVersiTracker versions,
        IOptions<PetaOptions> options, CancellationToken ct)
    {
        var parsed = Problems.ParseKode(kode);
        var caller = callers.Resolve(http);
        string? json;
        if (RunId(id) is { } runId)
        {
            var run = await FindRunAsync(runs, caller, runId, ct);
            var etag = $"W/\"oa{run.Id}.w{run.WilayahVersi}\"";
            var shared = run.Tampilan == Tampilan.Terbit && caller.Area.Root is null;
            if (PetaHttp.NotModified(http, etag, options.Value.MaxAgeSeconds, shared) is { } notModified) return notModified;
            json = await runs.OneAsync(run.Id, parsed, ct);
            if (json is not null) PetaHttp.SetCaching(http.Response, etag, options.Value.MaxAgeSeconds, shared);
        }
        else
        {
            var layer = FindLayer(id);
            var nilai = NilaiParameter.Read(http.Request.Query);
            if (nilai is not null) await tiles.EnsureIndikatorAsync(nilai, ct);
            var etag = new WilayahTileSource(layer, nilai).ETag(versions.Current);
            var shared = caller.Area.Root is null;
            if (PetaHttp.NotModified(http, etag, options.Value.MaxAgeSeconds, shared) is { } notModified) return notModified;
            json = await features.OneAsync(layer, caller.Area, parsed, nilai, ct);
            if (json is not null) PetaHttp.SetCaching(http.Response, etag, options.Value.MaxAgeSeconds, shared);
        }
        return json is null
            ? throw GeoException.NotFound($"{id} {parsed} tidak ada")
            : Results.Text(json, GeoJson, Encoding.UTF8);
    }

    private static async Task<IResult> Schema(string id, [AsParameters] NilaiQuery _, HttpContext http, TileQueries tiles,
        AnalysisFeatures runs, CallerResolver callers, CancellationToken ct)
    {
        var (properties, title, q) = await PropertiesAsync(id, http, tiles, runs, callers, ct);
        var url = $"{PetaHttp.BaseUrl(http.Request)}/ogc/collections/{id}/schema{q}";
        var feature = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2019-09/schema",
            ["$id"] = url,
            ["title"] = $"Fitur {title}",
            ["type"] = "object",
            ["required"] = new JsonArray("type", "geometry", "properties"),
            ["properties"] = new JsonObject
            {
                ["type"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("Feature") },
                ["id"] = new JsonObject { ["type"] = "string", ["description"] = "Kode wilayah Kepmendagri" },
                ["geometry"] = new JsonObject { ["$ref"] = "https://geojson.org/schema/MultiPolygon.json" },
                ["properties"] = new JsonObject { ["type"] = "object", ["properties"] = PropertySchemas(properties) },
            },
        };
        return Results.Text(feature.ToJsonString(LinkJson), SchemaJson, Encoding.UTF8);
    }

    private static async Task<IResult> Queryables(string id, [AsParameters] NilaiQuery _, HttpContext http, TileQueries tiles,
        AnalysisFeatures runs, CallerResolver callers, CancellationToken ct)
    {
        var (properties, title, q) = await PropertiesAsync(id, http, tiles, runs, callers, ct);
        var queryables = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2019-09/schema",
            ["$id"] = $"{PetaHttp.BaseUrl(http.Request)}/ogc/collections/{id}/queryables{q}",
            ["title"] = $"Atribut {title} yang dapat disaring (?nama=nilai pada items)",
            ["type"] = "object",
            ["properties"] = PropertySchemas(properties.Where(p => p.Filter)),
            ["additionalProperties"] = false,
        };
        return Results.Text(queryables.ToJsonString(LinkJson), SchemaJson, Encoding.UTF8);
    }

    private static async Task<(IReadOnlyList<FeatureProperty> Properties, string Title, string Query)> PropertiesAsync(
        string id, HttpContext http, TileQueries tiles, AnalysisFeatures runs, CallerResolver callers, CancellationToken ct)
    {
        if (RunId(id) is { } runId)
        {
            var run = await FindRunAsync(runs, callers.Resolve(http), runId, ct);
            return (FeatureSchema.Analisis, $"analisis {run.Id}", "");
        }
        var layer = FindLayer(id);
        var q = await NilaiAsync(http.Request, tiles, ct);
        return (q.Length > 0 ? [.. FeatureSchema.Wilayah, .. FeatureSchema.Nilai] : FeatureSchema.Wilayah, layer.Title, q);
    }

    private static JsonObject PropertySchemas(IEnumerable<FeatureProperty> properties)
    {
        var result = new JsonObject();
        foreach (var p in properties)
        {
            var schema = new JsonObject { ["type"] = p.Type, ["description"] = p.Description };
            if (p.Enum is { } values) schema["enum"] = new JsonArray([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);
            if (p.Name == "gi_bin") { schema["minimum"] = -3; schema["maximum"] = 3; }
            result[p.Name] = schema;
        }
        return result;
    }

    /// <summary>The validated indicator pair as the query string every link carries ("" without one).</summary>
    private static async Task<string> NilaiAsync(HttpRequest request, TileQueries tiles, CancellationToken ct)
    {
        var nilai = NilaiParameter.Read(request.Query);
        if (nilai is not null) await tiles.EnsureIndikatorAsync(nilai, ct);
        return NilaiParameter.QueryString(nilai);
    }

    private static long? RunId(string id) =>
        !id.StartsWith(AnalisisPrefix, StringComparison.Ordinal) ? null
        : long.TryParse(id.AsSpan(AnalisisPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var runId) && runId > 0 ? runId
        : throw GeoException.NotFound($"koleksi '{UserTextShort(id)}' tidak ada: analisis-{{id}} memakai id bilangan bulat dari /api/analisis");

    private static async Task<AnalysisRunInfo> FindRunAsync(AnalysisFeatures runs, Caller caller, long id, CancellationToken ct) =>
        await runs.FindAsync(caller, id, ct)
        ?? throw GeoException.NotFound($"koleksi analisis-{id} tidak ada (mungkin sudah diganti oleh analisis yang lebih baru atau dihapus dari simpanan karena lama tidak dipakai; minta lagi lewat /api/analisis)");

    private static PetaLayer FindLayer(string id) => PetaLayer.Find(id) ?? throw GeoException.NotFound(
        $"koleksi '{UserTextShort(id)}' tidak ada; pilih salah satu: {string.Join(", ", PetaLayer.All.Select(l => l.Name))}, atau analisis-{{id}}");

    private static string UserTextShort(string text) => UserText.Shorten(text);

    private static string? Enumerated(string name, string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        var allowed = FeatureSchema.Analisis.Single(p => p.Name == name).Enum!;
        return allowed.Contains(value) ? value : throw GeoException.Parameter(name, $"pilih salah satu: {string.Join(", ", allowed)}");
    }

    private static int? GiBin(int? bin) =>
        bin is null or (>= -3 and <= 3) ? bin : throw GeoException.Parameter("gi_bin", $"harus bilangan bulat -3..3: {bin}");

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
}
