using Geo.Api.Hosting;
using Geo.Core.Errors;
using Geo.Core.Wilayah;
using Geo.Data.Wilayah;
using NetTopologySuite.Features;

namespace Geo.Api.Endpoints;

public static class WilayahEndpoints
{
    public sealed record WilayahItem(string Kode, string Nama, string Tingkat, string? Jenis, bool Turunan);

    public static void MapWilayahEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/wilayah").WithTags("Wilayah").Publik();

        group.MapGet("", async (string? induk, WilayahQueries queries, CallerResolver callers, HttpContext http, CancellationToken ct) =>
        {
            KodeWilayah? parent = null;
            if (induk is not null)
            {
                var parsed = Problems.ParseKode(induk);
                parent = parsed;
            }
            var children = await queries.ChildrenAsync(callers.Resolve(http).Area, parent, ct);
            return Results.Ok(children.Select(c => new WilayahItem(c.Kode, c.Nama, c.Tingkat.ToName(), c.Jenis, c.Turunan)));
        }).WithSummary("Daftar wilayah anak dari induk (tanpa induk: provinsi)").Produces<IReadOnlyList<WilayahItem>>();

        group.MapGet("/{kode}", async (string kode, WilayahQueries queries, CallerResolver callers, HttpContext http, CancellationToken ct) =>
        {
            var parsed = Problems.ParseKode(kode);
            var wilayah = await queries.FindAsync(callers.Resolve(http).Area, parsed, ct);
            return wilayah is null
                ? throw GeoException.NotFound($"wilayah {parsed} tidak ada")
                : Results.Json(ToFeature(wilayah), contentType: "application/geo+json");
        }).WithSummary("Satu wilayah sebagai GeoJSON Feature").Produces<GeoJsonFeature>(contentType: "application/geo+json");

        group.MapGet("/{kode}/anak.geojson", async (string kode, WilayahQueries queries, CallerResolver callers, HttpContext http, CancellationToken ct) =>
        {
            var parsed = Problems.ParseKode(kode);
            var scope = callers.Resolve(http).Area;
            if (await queries.FindAsync(scope, parsed, ct) is null) throw GeoException.NotFound($"wilayah {parsed} tidak ada");
            var collection = new FeatureCollection();
            foreach (var child in await queries.ChildrenWithGeometryAsync(scope, parsed, ct)) collection.Add(ToFeature(child));
            return Results.Json(collection, contentType: "application/geo+json");
        }).WithSummary("Wilayah anak sebagai GeoJSON FeatureCollection").Produces<GeoJsonFeatureCollectionDoc>(contentType: "application/geo+json");
    }

    private static Feature ToFeature(WilayahEntity w) => new(w.Geom, new AttributesTable
    {
        { "kode", w.Kode },
        { "nama", w.Nama },
        { "tingkat", w.Tingkat.ToName() },
        { "induk", w.Induk },
        { "jenis", w.Jenis },
        { "luas_km2", Math.Round(w.LuasKm2, 4) },
        { "turunan", w.Turunan },
    })
    { BoundingBox = w.Geom.EnvelopeInternal };
}
