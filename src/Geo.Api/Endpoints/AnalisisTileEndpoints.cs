using System.Diagnostics;
using System.Globalization;
using Geo.Api.Hosting;
using Geo.Api.Peta;
using Geo.Core.Errors;
using Geo.Data.Peta;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Geo.Api.Endpoints;

/// <summary>
/// Vector tiles of a stored analysis run (<c>/api/analisis</c> returns its id): kelas, lisa,
/// gi_bin, nilai and smoothed rates per unit, with the same caching as the wilayah tiles.
/// </summary>
public static class AnalisisTileEndpoints
{
    public static void MapAnalisisTileEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/tiles/analisis").WithTags("Peta");
        group.MapGet("/{id}.json", TileJson).WithSummary("TileJSON 3.0.0 hasil analisis (kelas kesenjangan, LISA, Gi*, EB)");
        group.MapGet("/{id}/{z}/{x}/{y}.mvt", Tile)
            .WithSummary("Petak vektor hasil analisis; petak tanpa fitur: 200 dengan badan kosong")
            .Produces(StatusCodes.Status200OK, contentType: PetaHttp.MvtContentType);
    }

    private static async Task<IResult> Tile(string id, string z, string x, string y, HttpContext http, TileQueries tiles,
        TileCache cache, DataVersiTracker versions, WilayahScopeResolver scopes, NpgsqlDataSource dataSource,
        IOptions<PetaOptions> options, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        if (!TryLong(id, out var runId)) throw GeoException.Invalid($"id analisis harus bilangan bulat: {id}");
        if (!TryLong(z, out var zi) || !TryLong(x, out var xi) || !TryLong(y, out var yi) || zi > int.MaxValue || xi > int.MaxValue || yi > int.MaxValue)
        {
            throw GeoException.Invalid($"z, x dan y harus bilangan bulat: {z}/{x}/{y}");
        }
        var address = new TileAddress((int)zi, (int)xi, (int)yi);
        if (address.Problem() is { } outOfRange) throw GeoException.Invalid($"petak {address} di luar jangkauan: {outOfRange}");

        var scope = scopes.Resolve(http);
        var current = versions.Current;
        var currentETag = PetaHttp.AnalysisETag(current);
        var maxAge = options.Value.MaxAgeSeconds;
        if (PetaHttp.Matches(http.Request, currentETag))
        {
            PetaHttp.SetCaching(http.Response, currentETag, maxAge);
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        var key = $"analisis/{runId}/{address}/{scope.RootCode}";
        bool IsFresh(DataVersi v) => v.Wilayah == versions.Current.Wilayah && v.Analisis == versions.Current.Analisis;
        var served = cache.Get(key, IsFresh);
        TimeSpan? query = null;
        if (served is null)
        {
            if (await AnalysisLayer.FindAsync(dataSource, runId, ct) is not { } run) throw UnknownRun(runId);
            (served, query) = await cache.GetOrBuildAsync(key, IsFresh, async () =>
            {
                var tile = await tiles.GetAnalysisAsync(run, address, scope, CancellationToken.None);
                versions.Observe(tile.Versi);
                return new ServedTile(tile.Mvt, tile.Versi, PetaHttp.AnalysisETag(tile.Versi));
            });
        }

        return PetaHttp.TileResponse(http, served, maxAge, started, query);
    }

    private static async Task<IResult> TileJson(string id, HttpContext http, NpgsqlDataSource dataSource, WilayahScopeResolver scopes, CancellationToken ct)
    {
        if (!TryLong(id, out var runId)) throw GeoException.Invalid($"id analisis harus bilangan bulat: {id}");
        if (await AnalysisLayer.FindAsync(dataSource, runId, ct) is not { } run
            || !scopes.Resolve(http).Contains(Geo.Core.Wilayah.KodeWilayah.Parse(run.Wilayah)))
        {
            throw UnknownRun(runId);
        }

        var b = run.Bounds;
        var description = $"Analisis {run.Indikator} periode {run.Periode} di {run.Wilayah} per {run.Layer.Title.ToLowerInvariant()}"
            + (run.Sintetis ? " — memuat data SINTETIS" : "");
        return Results.Json(new Dictionary<string, object?>
        {
            ["tilejson"] = "3.0.0",
            ["name"] = $"analisis-{run.Id}",
            ["description"] = description,
            ["attribution"] = "Batas wilayah: wilayah_boundaries oleh cahya dsn (MIT), Kepmendagri 300.2.2-2430/2025",
            ["scheme"] = "xyz",
            ["tiles"] = new[] { $"{PetaHttp.BaseUrl(http.Request)}/tiles/analisis/{run.Id}/{{z}}/{{x}}/{{y}}.mvt" },
            ["minzoom"] = 0,
            ["maxzoom"] = run.Layer.MaxZoom,
            ["bounds"] = b,
            ["center"] = new[] { (b[0] + b[2]) / 2, (b[1] + b[3]) / 2, 10 },
            ["vector_layers"] = new[]
            {
                new Dictionary<string, object>
                {
                    ["id"] = AnalysisLayer.MvtName,
                    ["description"] = description,
                    ["minzoom"] = 0,
                    ["maxzoom"] = run.Layer.MaxZoom,
                    ["fields"] = new Dictionary<string, string>(AnalysisLayer.Fields) { ["kode"] = "String: kode Kepmendagri", ["nama"] = "String: nama wilayah" },
                },
            },
        });
    }

    private static GeoException UnknownRun(long id) =>
        GeoException.NotFound($"analisis {id} tidak ada (mungkin sudah diganti oleh analisis yang lebih baru atau dihapus dari simpanan karena lama tidak dipakai; minta lagi lewat /api/analisis)");

    private static bool TryLong(string text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
