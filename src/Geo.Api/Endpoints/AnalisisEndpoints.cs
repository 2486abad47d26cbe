using Geo.Api.Hosting;
using Geo.Api.Pekerjaan;
using Geo.Api.Peta;
using System.Globalization;
using System.Text.Json.Serialization;
using Geo.Core.Akun;
using Geo.Core.Analisis;
using Geo.Core.Errors;
using Geo.Core.Text;
using Geo.Core.Wilayah;
using Geo.Data.Analisis;
using Geo.Data.Pekerjaan;
using Microsoft.Extensions.Options;

namespace Geo.Api.Endpoints;

public static class AnalisisEndpoints
{
    public static void MapAnalisisEndpoints(this IEndpointRouteBuilder app)
    {
        // Public: an anonymous caller gets runs on published values; the draft view asks for a role in the area.
        var group = app.MapGroup("/api").WithTags("Analisis").Publik();

        group.MapGet("/analisis", async ([AsParameters] AnalysisQuery query, bool? latar, SituationAnalysisService service, AnalysisStore store,
            PekerjaanStore jobs, CallerResolver callers, IOptions<PetaOptions> options, HttpContext http, CancellationToken ct) =>
        {
            if (LatarBelakang.Diminta(http, latar, callers.Resolve(http))) return await QueueAsync(query, jobs, callers, http, ct);
            var (request, run) = await EnsureAsync(query, service, callers, http, ct);
            if (Revalidated(http, request, run, options.Value) is { } notModified) return notModified;
            var result = await store.LoadAsync(callers.Resolve(http), run.Id, ct) ?? throw SituationAnalysisService.Evicted(run.Id);
            return Results.Json(result, AnalysisJson.Options);
        }).WithSummary("Analisis situasi (kelas kesenjangan, Moran's I, LISA, Gi*, Empirical Bayes) sebagai JSON, dari nilai terbit (tampilan=draf: dari data kerja, hanya akun berperan di wilayahnya, disimpan privat); hasil disimpan dan dipakai ulang bila masukan tidak berubah; " +
            "dengan Prefer: respond-async atau latar=true (akun masuk) dihitung sebagai pekerjaan latar: 202 dan Location /api/pekerjaan/{id}")
          .Produces<StoredAnalysis>()
          .Produces<PekerjaanInfo>(StatusCodes.Status202Accepted);

        group.MapGet("/analisis.geojson", async ([AsParameters] AnalysisQuery query, SituationAnalysisService service, AnalysisStore store,
            CallerResolver callers, IOptions<PetaOptions> options, HttpContext http, CancellationToken ct) =>
        {
            var (request, run) = await EnsureAsync(query, service, callers, http, ct);
            if (Revalidated(http, request, run, options.Value) is { } notModified) return notModified;
            var geojson = await store.GeoJsonAsync(callers.Resolve(http), run.Id, ct) ?? throw SituationAnalysisService.Evicted(run.Id);
            return Results.Text(geojson, "application/geo+json");
        }).WithSummary("Analisis situasi sebagai GeoJSON FeatureCollection, satu fitur per unit").Produces<GeoJsonFeatureCollectionDoc>(contentType: "application/geo+json");

        group.MapGet("/analisis/waktu", async ([AsParameters] TemporalQuery q, TemporalRunStore runs,
            CallerResolver callers, HttpContext http, CancellationToken ct) =>
        {
            var request = q.ToRequest();
            var run = await runs.EnsureAsync(callers.Resolve(http), request, ct);
            // Stored like an ordinary run (its id: tiles and OGC); revalidated on every use, as the data may have moved.
            http.Response.Headers.CacheControl = request.Dasar.Tampilan == Tampilan.Draf ? "private, no-store" : "no-cache";
            return Results.Text(run.Json, "application/json");
        }).WithSummary("Analisis waktu: perubahan periode pertama ke terakhir (uji dua proporsi, arah menurut polaritas), tren Mann-Kendall dan kemiringan Sen, titik panas yang muncul (Emerging Hot Spot) per desa/kecamatan dan agregat; periode=2023-08,2024-08,...; "
            + "disimpan sebagai analisis (id di 'analisis': petak /tiles/analisis/{id}, koleksi OGC analisis-{id}) dengan unit analisis biasa periode terakhir").Produces<TemporalResult>();

        group.MapGet("/analisis/ringkas", async ([AsParameters] AnalysisQuery query, SituationAnalysisService service, AnalysisStore store,
            CallerResolver callers, IOptions<PetaOptions> options, HttpContext http, CancellationToken ct) =>
        {
            var (request, run) = await EnsureAsync(query, service, callers, http, ct);
            if (Revalidated(http, request, run, options.Value) is { } notModified) return notModified;
            var page = await store.PageAsync(callers.Resolve(http), run.Id, ct) ?? throw SituationAnalysisService.Evicted(run.Id);
            return GzipJson(http, page);
        }).WithSummary("Ringkasan analisis yang dimuat halaman peta lebih dulu: parameter, ringkasan, intervensi (dibatasi) dan kolom per unit " +
            "(kode, kelas, nilai, eb_lokal, lisa, gi_bin, cakupan dinilai/memenuhi target, moran_z, moran_lag); rincian per desa di /api/analisis/{id}/unit/{kode}")
          .Produces<AnalysisPage>();

        group.MapGet("/analisis/{id:long}/unit/{kode}", async (long id, string kode, AnalysisStore store, CallerResolver callers,
            IOptions<PetaOptions> options, HttpContext http, CancellationToken ct) =>
        {
            var run = await HeadAsync(store, callers, http, id, options.Value, ct);
            if (run is null) return Results.StatusCode(StatusCodes.Status304NotModified);
            var row = await store.UnitAsync(id, kode, ct) ?? throw GeoException.NotFound($"unit {UserText.Shorten(kode)} tidak ada dalam analisis {id}");
            return Results.Json(row, AnalysisJson.Options);
        }).WithSummary("Satu unit hasil analisis dengan semua kolom dan alasan kelasnya").Produces<AnalysisRow>();

        group.MapGet("/analisis/{id:long}/unit", async (long id, int? halaman, int? ukuran, AnalysisStore store, CallerResolver callers,
            IOptions<PetaOptions> options, HttpContext http, CancellationToken ct) =>
        {
            var page = halaman ?? 1;
            var size = ukuran ?? 500;
            if (page < 1) throw GeoException.Parameter("halaman", "halaman mulai dari 1");
            if (size is < 1 or > MaksimumUkuran) throw GeoException.Parameter("ukuran", $"ukuran halaman 1 sampai {MaksimumUkuran}");
            var run = await HeadAsync(store, callers, http, id, options.Value, ct);
            if (run is null) return Results.StatusCode(StatusCodes.Status304NotModified);
            var (rows, total) = await store.UnitsAsync(id, (int)Math.Min(int.MaxValue, (long)(page - 1) * size), size, ct);
            return Results.Json(new UnitPage(id, page, size, total, rows), AnalysisJson.Options);
        }).WithSummary("Baris hasil analisis per halaman, urut kode (halaman=1.., ukuran=1..2000, bawaan 500)").Produces<UnitPage>();

        group.MapGet("/analisis/{id:long}/intervensi/{kode}", async (long id, string kode, AnalysisStore store, CallerResolver callers,
            IOptions<PetaOptions> options, HttpContext http, CancellationToken ct) =>
        {
            var run = await HeadAsync(store, callers, http, id, options.Value, ct);
            if (run is null) return Results.StatusCode(StatusCodes.Status304NotModified);
            var area = await store.InterventionsAsync(id, kode, ct)
                ?? throw GeoException.NotFound($"analisis {id} tidak memuat intervensi untuk {UserText.Shorten(kode)}");
            return Results.Json(area, AnalysisJson.Options);
        }).WithSummary("Semua intervensi wilayah analisis atau satu kecamatannya, berperingkat, dengan desa penarik ke bawah").Produces<AreaInterventions>();
    }

    private const int MaksimumUkuran = 2000;

    /// <summary>
    /// An analysis as a job (a province's takes seconds): refused now for what the direct request
    /// would refuse before computing (parameters, area, view), computed by a worker of any instance.
    /// </summary>
    private static async Task<IResult> QueueAsync(AnalysisQuery query, PekerjaanStore jobs, CallerResolver callers, HttpContext http, CancellationToken ct)
    {
        var caller = callers.Resolve(http);
        var request = query.ToRequest();
        SituationAnalysisService.EnsureAllowed(caller, request);
        var link = "/api/analisis/ringkas" + QueryWithout(http.Request.QueryString, "latar");
        var job = await jobs.CreateAsync(caller, JenisPekerjaan.Analisis, new AnalisisParameter(query, link), request.Wilayah.Value, upload: null,
            $"antri: analisis situasi {request.Wilayah} per {request.Tingkat.ToName()}", ct);
        return LatarBelakang.Diterima(http, job);
    }

    private static string QueryWithout(QueryString query, string name)
    {
        var kept = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query.Value)
            .Where(p => !string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)));
        return QueryString.Create(kept).ToString();
    }

    public sealed record UnitPage(
        [property: JsonPropertyName("analisis")] long Analisis,
        [property: JsonPropertyName("halaman")] int Halaman,
        [property: JsonPropertyName("ukuran")] int Ukuran,
        [property: JsonPropertyName("jumlah")] int Jumlah,
        [property: JsonPropertyName("unit")] IReadOnlyList<AnalysisRow> Unit);

    /// <summary>
    /// The run an id names, with caching headers set, or null when the client holds it (then 304).
    /// A stored run never changes (a changed input makes a new run), so its ETag serves every view of it.
    /// </summary>
    private static async Task<StoredRunRef?> HeadAsync(AnalysisStore store, CallerResolver callers, HttpContext http, long id,
        PetaOptions options, CancellationToken ct)
    {
        var (run, tampilan) = await store.HeadAsync(callers.Resolve(http), id, ct) ?? throw GeoException.NotFound($"analisis {id} tidak ditemukan");
        var etag = ETag(run);
        PetaHttp.SetCaching(http.Response, etag, options.MaxAgeSeconds, shared: tampilan != Tampilan.Draf);
        return PetaHttp.Matches(http.Request, etag) ? null : run;
    }

    /// <summary>Stored gzip bytes as they are to clients that accept gzip (most), unpacked for the rest.</summary>
    private static IResult GzipJson(HttpContext http, byte[] gzip)
    {
        http.Response.Headers.Vary = "Accept-Encoding";
        if (PetaHttp.AcceptsGzip(http.Request))
        {
            http.Response.Headers.ContentEncoding = "gzip";
            return Results.Bytes(gzip, "application/json");
        }
        return Results.Bytes(AnalysisPage.Gunzip(gzip), "application/json");
    }

    private static async Task<(AnalysisRequest, StoredRunRef)> EnsureAsync(AnalysisQuery q, SituationAnalysisService service,
        CallerResolver callers, HttpContext http, CancellationToken ct)
    {
        var request = q.ToRequest();
        var run = await service.EnsureAsync(callers.Resolve(http), request, ct);
        http.Response.Headers["Server-Timing"] = string.Join(", ", service.Timings.Select(t =>
            string.Create(CultureInfo.InvariantCulture, $"{t.Phase};dur={t.Milliseconds:F1}")));
        return (request, run);
    }

    /// <summary>
    /// Caching headers as the tiles', and 304 when the client holds this run. The ETag names the run
    /// (its id is in the body, and tiles are asked for by it), the input and parameters it was
    /// computed from, and the boundaries' version (names and shapes are read with it); weak, as the
    /// body may leave gzip-encoded.
    /// </summary>
    private static IResult? Revalidated(HttpContext http, AnalysisRequest request, StoredRunRef run, PetaOptions options)
    {
        var etag = ETag(run);
        // A run on drafts must never sit in a shared cache that answers anonymous callers.
        PetaHttp.SetCaching(http.Response, etag, options.MaxAgeSeconds, shared: request.Tampilan != Tampilan.Draf);
        return PetaHttp.Matches(http.Request, etag) ? Results.StatusCode(StatusCodes.Status304NotModified) : null;
    }

    public sealed record TemporalQuery(
        string? Wilayah, string? Periode, string? Indikator, string? Tingkat, string? Bobot,
        int? Permutasi, ulong? Seed, double? Alpha, bool? Fdr, int? Jendela, string? Tampilan)
    {
        /// <summary>The analysis over time these parameters name, parsed as the CLI parses its options.</summary>
        public TemporalRequest ToRequest() => TemporalRequestParser.Parse(new AnalysisOptionsText(
            Wilayah, Periode, Indikator, Tingkat, Bobot: Bobot, Permutasi: Permutasi, Seed: Seed, Alpha: Alpha,
            Fdr: Fdr ?? false, Tampilan: Tampilan), Jendela);
    }

    private static string ETag(StoredRunRef run) => $"W/\"a{run.Id}.{run.InputVersion}.{run.ParameterHash[..16]}.w{run.WilayahVersi}\"";

    public sealed record AnalysisQuery(
        string? Wilayah, string? Periode, string? Indikator, string? Tingkat, string? Cakupan, string? Bobot,
        int? Permutasi, ulong? Seed, double? Alpha, bool? Fdr, string? Deret, string? Ambang,
        int? MinimumIndikator, double? PorsiTarget, string? Tampilan, string? DasarTinggi, string? Prior, string? Bivariat)
    {
        /// <summary>The request these parameters name, parsed as the CLI parses its options.</summary>
        public AnalysisRequest ToRequest() => AnalysisRequestParser.Parse(new AnalysisOptionsText(
            Wilayah, Periode, Indikator, Tingkat, Cakupan, Bobot, Permutasi, Seed, Alpha, Fdr ?? false,
            Deret, Ambang, MinimumIndikator, PorsiTarget, Tampilan, DasarTinggi, Prior, Bivariat));
    }
}
