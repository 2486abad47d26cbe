using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Geo.Api.Hosting;

/// <summary>How one parameter is documented: an Indonesian description and its schema (type, range, default, choices).</summary>
/// <param name="Type">Overrides the bound type where the handler reads text and parses it itself (tile z/x/y are integers on the wire).</param>
/// <param name="NotFound">An unknown value is a 404 (a code that names something), so operations taking it document 404.</param>
public sealed record ParameterDoc(
    string Description, JsonSchemaType? Type = null, string? Format = null, double? Minimum = null, double? Maximum = null,
    object? Default = null, IReadOnlyList<string>? Enum = null, string? Pattern = null, bool NotFound = false);

/// <summary>Endpoint metadata: this endpoint's parameter <paramref name="Name"/> is documented so (over <see cref="ApiDocumentation.Parameters"/>).</summary>
public sealed record ParameterDocMetadata(string Name, ParameterDoc Doc, bool Query = false);

/// <summary>Endpoint metadata: problem statuses the endpoint can answer beyond those its shape implies (409 for a state change, say).</summary>
public sealed record ProblemStatusMetadata(IReadOnlyList<int> Statuses);

/// <summary>The problem-details body of every error (<see cref="ErrorHandling"/>), as the document describes it.</summary>
public sealed record Problem(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("detail")] string Detail,
    [property: JsonPropertyName("jenis")] string? Jenis,
    [property: JsonPropertyName("lokasi")] IReadOnlyDictionary<string, string>? Lokasi,
    [property: JsonPropertyName("traceId")] string? TraceId);

/// <summary>
/// The OpenAPI document, described once from endpoint metadata rather than per endpoint: an
/// operationId from method and route; parameters described from <see cref="Parameters"/> by name
/// (or <c>.Parameter(...)</c> where an endpoint means something else by it); and the problem
/// responses each operation can give, derived from its access rule, parameters and body (plus
/// <c>.Problems(...)</c> for what only the endpoint knows). A new endpoint gets all of this by
/// using the house parameter names; tests/Geo.Api.Tests/Hosting/ApiDocumentTests says what is missing.
/// </summary>
public static class ApiDocumentation
{
    public const string ProblemJson = "application/problem+json";

    private static readonly string[] Tingkat = ["provinsi", "kabkota", "kecamatan", "desa"];

    /// <summary>Every parameter name the API uses, documented once.</summary>
    public static IReadOnlyDictionary<string, ParameterDoc> Parameters { get; } = new Dictionary<string, ParameterDoc>(StringComparer.Ordinal)
    {
        ["wilayah"] = new("Kode wilayah Kepmendagri (mis. 18.72 Kota Metro, 18.72.01 sebuah kecamatan)", Pattern: @"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$", NotFound: true),
        ["induk"] = new("Kode wilayah induk Kepmendagri: hanya wilayah yang langsung di bawahnya", Pattern: @"^\d{2}(\.\d{2}(\.\d{2})?)?$", NotFound: true),
        ["kode"] = new("Kode wilayah Kepmendagri (mis. 18.72.01.1001)", Pattern: @"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$", NotFound: true),
        ["indikator"] = new("Kode indikator dari katalog (GET /api/indikator), mis. PREV_STUNTING", Pattern: "^[A-Za-z][A-Za-z0-9_]{0,39}$", NotFound: true),
        ["periode"] = new("Periode: tahun (2024), bulan (2024-08) atau semester (2024-S1)", Pattern: @"^\d{4}(-(0[1-9]|1[0-2]|S[12]))?$"),
        ["tingkat"] = new("Tingkat wilayah", Enum: Tingkat),
        ["tampilan"] = new("terbit: nilai yang diterbitkan (bawaan); draf: data kerja, hanya akun berperan di wilayahnya (403 bila tidak)", Enum: ["terbit", "draf"], Default: "terbit"),
        ["cakupan"] = new("Kode indikator layanan dipisah koma (paling banyak 100); kosong: semua indikator layanan yang punya target"),
        ["bobot"] = new("Bobot spasial: queen (bawaan), rook, knn:K (mis. knn:6) atau jarak:METER (mis. jarak:5000)", Default: "queen", Pattern: @"^(queen|rook|knn:\d+|jarak:\d+(\.\d+)?)$"),
        ["permutasi"] = new("Jumlah permutasi untuk nilai p semu (Moran, LISA)", Minimum: 0, Maximum: 99_999, Default: 999),
        ["seed"] = new("Benih acak permutasi: hasil yang sama untuk benih yang sama", Minimum: 0, Default: 1),
        ["alpha"] = new("Taraf signifikansi LISA dan Gi*", Minimum: 0, Maximum: 1, Default: 0.05),
        ["fdr"] = new("true: koreksi False Discovery Rate (Benjamini-Hochberg) untuk LISA", Default: false),
        ["deret"] = new("Deret hasil yang dianalisis: mentah, eb_global atau eb_lokal (Empirical Bayes; perlu pembilang/penyebut)", Enum: ["mentah", "eb_global", "eb_lokal"], Default: "mentah"),
        ["ambang"] = new("Ambang prevalensi tinggi/rendah: median (bawaan), rata, target, atau angka persen (mis. 20)", Default: "median"),
        ["minimumIndikator"] = new("Paling sedikit indikator layanan berdata dan bertarget agar cakupan dinilai", Minimum: 1, Maximum: 100),
        ["porsiTarget"] = new("Porsi indikator layanan yang harus memenuhi target agar cakupan 'baik'", Minimum: 0, Maximum: 1),
        ["dari"] = new("Awal rentang waktu (ISO 8601, mis. 2026-01-01T00:00:00Z)", Format: "date-time"),
        ["sampai"] = new("Akhir rentang waktu (ISO 8601)", Format: "date-time"),
        ["batas"] = new("Jumlah baris paling banyak", Minimum: 1, Maximum: 1000, Default: 100),
        ["tahun"] = new("Tahun (mis. 2025)"),
        ["sumber"] = new("Nama sumber data (mis. e-PPGBM, SSGI); tercatat pada batch"),
        ["kolomKode"] = new("Nama kolom kode wilayah di berkas; kosong: dikenali otomatis"),
        ["kolomNama"] = new("Nama kolom nama wilayah di berkas; kosong: dikenali otomatis"),
        ["lapisan"] = new("Nama lapisan di berkas (GeoPackage berlapis banyak)"),
        ["id"] = new("Id bilangan bulat (dari daftar atau dari jawaban pembuatnya)", Type: JsonSchemaType.Integer, Format: "int64", Minimum: 1, NotFound: true),
        ["layer"] = new("Lapisan peta", Enum: Tingkat, NotFound: true),
        ["z"] = new("Zum petak (skema XYZ)", Type: JsonSchemaType.Integer, Format: "int32", Minimum: 0, Maximum: 22),
        ["x"] = new("Kolom petak, 0..2^z-1", Type: JsonSchemaType.Integer, Format: "int32", Minimum: 0),
        ["y"] = new("Baris petak dari utara, 0..2^z-1", Type: JsonSchemaType.Integer, Format: "int32", Minimum: 0),
        ["bbox"] = new("Kotak minx,miny,maxx,maxy (atau 6 angka dengan tinggi) dalam derajat CRS84; fitur yang berpotongan", Pattern: @"^-?[\d.eE+-]+(,-?[\d.eE+-]+){3}(,-?[\d.eE+-]+,-?[\d.eE+-]+)?$"),
        ["bbox-crs"] = new("CRS bbox; hanya CRS84", Enum: ["http://www.opengis.net/def/crs/OGC/1.3/CRS84"]),
        ["limit"] = new("Fitur per halaman; lebih dari 1000 dibatasi 1000", Minimum: 1, Maximum: 1000, Default: 100),
        ["offset"] = new("Lewati sekian fitur pertama (tautan next menghitungnya)", Minimum: 0, Default: 0),
        ["kelas"] = new("Hanya unit dengan kelas kesenjangan ini", Enum: [.. Core.Analisis.GapClass.All]),
        ["lisa"] = new("Hanya unit dengan klaster LISA ini", Enum: ["HH", "LL", "HL", "LH", "tidak_signifikan", "tanpa_tetangga", "tanpa_data"]),
        ["dasarTinggi"] = new("Dasar 'relatif tinggi': titik (nilai, bawaan), peluang (P(laju > ambang) > 0.8, perlu pembilang/penyebut) atau peluang:P (0.5 < P < 1)", Default: "titik", Pattern: @"^(titik|peluang(:0?\.\d+)?)$"),
        ["prior"] = new("Prior Empirical Bayes untuk posterior dan peluang: global (bawaan) atau lokal", Enum: ["global", "lokal"], Default: "global"),
        ["bivariat"] = new("Kode indikator cakupan untuk Moran lokal bivariat (prevalensi terhadap lag spasial cakupan), mis. L05", Pattern: "^[A-Za-z][A-Za-z0-9_]{0,39}$"),
        ["jendela"] = new("Analisis waktu: berapa periode sebelumnya masuk tetangga ruang-waktu titik panas", Minimum: 0, Default: 1),
        ["halaman"] = new("Nomor halaman, mulai 1", Minimum: 1, Default: 1),
        ["ukuran"] = new("Baris per halaman", Minimum: 1, Maximum: 2000, Default: 500),
        ["format"] = new("Format berkas: gpkg (GeoPackage bergaya QGIS), shp (Shapefile dalam zip), geojson, csv, xlsx", Enum: ["gpkg", "shp", "geojson", "csv", "xlsx"]),
        ["desimal"] = new("CSV: titik (pemisah koma, titik desimal; bawaan) atau koma (pemisah titik koma, koma desimal untuk Excel berbahasa Indonesia)", Enum: ["titik", "koma"], Default: "titik"),
        ["tabel"] = new("CSV analisis: unit (per desa, bawaan) atau peringkat_intervensi"),
        ["jenis"] = new("Jenis pengelompokan, mis. puskesmas"),
        ["klasifikasi"] = new("Klasifikasi nilai: who (kelas WHO prevalensi stunting, bawaan untuk PREV_STUNTING), kuantil, jenks, interval atau target", Enum: ["who", "kuantil", "jenks", "interval", "target"]),
        ["jumlahKelas"] = new("Jumlah kelas (kuantil, jenks, interval)", Minimum: 3, Maximum: 7, Default: 5),
        ["lebar"] = new("Lebar gambar (piksel)", Minimum: 200, Maximum: 4000, Default: 1600),
        ["latar"] = new("true: jalankan sebagai pekerjaan latar (sama dengan header Prefer: respond-async): 202 Accepted dengan Location /api/pekerjaan/{id}; " +
            "tanpa akun masuk diabaikan (jawaban langsung)", Default: false),
        ["gi_bin"] = new("Hanya unit dengan kelas Gi* ini (3 titik panas 99% .. -3 titik dingin 99%)", Minimum: -3, Maximum: 3),
        ["perubahan_arah"] = new("Analisis waktu: hanya unit dengan arah perubahan ini", Enum: [Core.Analisis.ChangeDirection.Membaik, Core.Analisis.ChangeDirection.Memburuk, Core.Analisis.ChangeDirection.Tetap]),
        ["pola_titik_panas"] = new("Analisis waktu: hanya unit dengan pola titik panas yang muncul ini", Enum: [.. Core.Statistics.EmergingPattern.All]),
    };

    private static readonly Dictionary<int, string> ProblemDescriptions = new()
    {
        [400] = "Permintaan tidak valid: detail menyebut parameter dan sebabnya",
        [401] = "Perlu masuk (sesi atau token API)",
        [403] = "Tidak diizinkan: peran atau wilayah akun tidak mencakupnya",
        [404] = "Tidak ditemukan",
        [409] = "Bertentangan dengan keadaan data",
        [413] = "Berkas melebihi batas unggah",
        [415] = "Jenis isi permintaan tidak didukung",
        [429] = "Terlalu banyak permintaan tanpa masuk; coba lagi nanti",
        [500] = "Kesalahan server (tercatat)",
        [503] = "Basis data sementara tidak tersedia; header Retry-After menyebut detik tunggu",
    };

    /// <summary>Documents this parameter of the endpoint (over the house meaning of its name); <paramref name="query"/> adds it when the handler reads it from the query itself.</summary>
    public static TBuilder Parameter<TBuilder>(this TBuilder endpoint, string name, ParameterDoc doc, bool query = false) where TBuilder : IEndpointConventionBuilder =>
        endpoint.WithMetadata(new ParameterDocMetadata(name, doc, query));

    /// <summary>Problem statuses this endpoint can give that its shape does not imply (409 for a state change, say).</summary>
    public static TBuilder Problems<TBuilder>(this TBuilder endpoint, params int[] statuses) where TBuilder : IEndpointConventionBuilder =>
        endpoint.WithMetadata(new ProblemStatusMetadata(statuses));

    public static void Configure(SwaggerGenOptions o)
    {
        o.CustomOperationIds(OperationId);
        o.OperationFilter<GeoOperationFilter>();
    }

    /// <summary>get /api/wilayah/{kode}/anak.geojson → getApiWilayahKodeAnakGeojson: stable, unique per method and route.</summary>
    public static string OperationId(ApiDescription api)
    {
        var words = new List<string> { (api.HttpMethod ?? "get").ToLowerInvariant() };
        foreach (var part in (api.RelativePath ?? "").Split('?')[0].Split(['/', '.', '-', '_', '{', '}', ':'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (part is "long" or "int") continue; // route constraints
            words.Add(char.ToUpperInvariant(part[0]) + part[1..]);
        }
        return string.Concat(words);
    }

    /// <summary>The statuses an operation can answer with a problem, from its shape.</summary>
    public static SortedSet<int> ProblemStatuses(ApiDescription api)
    {
        var metadata = api.ActionDescriptor.EndpointMetadata;
        var statuses = new SortedSet<int> { 500, 503 };
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        // The rate limiter counts anonymous callers only, but every operation admits them until it asks who they are.
        statuses.Add(429);
        var parameters = api.ParameterDescriptions.Where(p => p.Source != BindingSource.Services && p.Source != BindingSource.Special).ToList();
        var declared = metadata.OfType<ParameterDocMetadata>().ToList();
        if (parameters.Count > 0 || declared.Any(d => d.Query)) statuses.Add(400);
        if (parameters.Any(p => p.Source == BindingSource.Path)) statuses.Add(404);
        if (parameters.Any(p => DocFor(metadata, Name(p.Name)) is { NotFound: true }) || declared.Any(d => d.Query && d.Doc.NotFound)) statuses.Add(404);
        if (!anonymous) { statuses.Add(401); statuses.Add(403); }
        if (parameters.Any(p => Name(p.Name) == "tampilan")) statuses.Add(403);
        if (parameters.Any(p => p.Source == BindingSource.Body || p.Source == BindingSource.Form || p.Source == BindingSource.FormFile))
        {
            statuses.Add(400);
            statuses.Add(415);
        }
        if (parameters.Any(p => p.Source == BindingSource.Form || p.Source == BindingSource.FormFile)) statuses.Add(413);
        foreach (var extra in metadata.OfType<ProblemStatusMetadata>().SelectMany(m => m.Statuses)) statuses.Add(extra);
        return statuses;
    }

    /// <summary>Query names as clients write them: the framework binds case-insensitively, records name them in PascalCase.</summary>
    public static string Name(string declared) => declared.Length == 0 ? declared : char.ToLowerInvariant(declared[0]) + declared[1..];

    public static ParameterDoc? DocFor(IEnumerable<object> metadata, string name) =>
        metadata.OfType<ParameterDocMetadata>().LastOrDefault(m => m.Name == name)?.Doc ?? Parameters.GetValueOrDefault(name);

    private sealed class GeoOperationFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
            operation.Parameters ??= [];
            foreach (var parameter in operation.Parameters.OfType<OpenApiParameter>())
            {
                parameter.Name = Name(parameter.Name!);
                if (DocFor(metadata, parameter.Name) is { } doc) Describe(parameter, doc);
            }
            // Parameters the handler reads from the query itself (declared with .Parameter(name, doc, query: true)).
            foreach (var declared in metadata.OfType<ParameterDocMetadata>().Where(d => d.Query))
            {
                if (operation.Parameters.Any(p => p.Name == declared.Name)) continue;
                var parameter = new OpenApiParameter { Name = declared.Name, In = ParameterLocation.Query, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
                Describe(parameter, declared.Doc);
                operation.Parameters.Add(parameter);
            }

            operation.Responses ??= [];
            var problem = context.SchemaGenerator.GenerateSchema(typeof(Problem), context.SchemaRepository);
            foreach (var status in ProblemStatuses(context.ApiDescription))
            {
                var key = status.ToString(CultureInfo.InvariantCulture);
                if (operation.Responses.TryGetValue(key, out var existing) && existing.Content?.Count > 0) continue;
                operation.Responses[key] = new OpenApiResponse
                {
                    Description = ProblemDescriptions[status],
                    Content = new Dictionary<string, IOpenApiMediaType> { [ProblemJson] = new OpenApiMediaType { Schema = problem } },
                };
            }
        }

        private static void Describe(OpenApiParameter parameter, ParameterDoc doc)
        {
            parameter.Description = doc.Description;
            var schema = parameter.Schema as OpenApiSchema ?? new OpenApiSchema();
            if (doc.Type is { } type) { schema.Type = type; schema.Format = doc.Format; }
            else if (doc.Format is { } format) schema.Format = format;
            if (doc.Minimum is { } min) schema.Minimum = min.ToString(CultureInfo.InvariantCulture);
            if (doc.Maximum is { } max) schema.Maximum = max.ToString(CultureInfo.InvariantCulture);
            if (doc.Default is { } value) schema.Default = JsonValue.Create(value);
            if (doc.Enum is { } values) schema.Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))];
            if (doc.Pattern is { } pattern) schema.Pattern = pattern;
            parameter.Schema = schema;
        }
    }
}
