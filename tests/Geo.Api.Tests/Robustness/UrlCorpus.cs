namespace Geo.Api.Tests.Robustness;

/// <summary>
/// Malformed URLs for every GET endpoint but the analysis (which has its own corpus): each parameter
/// and route value crossed with the families of bad values a hostile or careless client sends, each
/// with the status it must get. Generated, so a new family reaches every parameter at once.
/// </summary>
public static class UrlCorpus
{
    public sealed record BadUrl(string Url, int Status)
    {
        public override string ToString() => $"{Status} {Url}";
    }

    /// <summary>Values no parameter of ours accepts as a number, a code or a period.</summary>
    private static readonly string[] Garbage =
    [
        "NaN", "Infinity", "-Infinity", "1e308", "-1", "99999999999999999999", "abc", "%E2%98%83", "..%2F..%2Fetc%2Fpasswd",
        "%27%20OR%201%3D1--", "%20", new string('9', 300), "1.5", "0x10", "%F0%9F%92%A9", "%C3%28",
    ];

    /// <summary>
    /// A NUL byte, only in query values: in a path, Kestrel refuses the request line itself (a bare 400)
    /// before any of our code runs.
    /// </summary>
    private const string Nul = "%00";

    public static IEnumerable<BadUrl> All()
    {
        yield return new($"/api/wilayah?induk={Nul}", 400);
        yield return new($"/ogc/collections/desa/items?kode={Nul}", 400);
        yield return new($"/ogc/collections/desa/items?limit={Nul}", 400);
        yield return new($"/api/nilai?induk=18.72&indikator=PREV_STUNTING&periode={Nul}", 400);
        yield return new($"/tiles/desa.json?indikator={Nul}&periode=2022-08", 400);
        yield return new($"/api/nilai?induk=18.72&indikator={Nul}&periode=2022-08", 400);

        // Kepmendagri codes: in a query or in the path, always a 400.
        string[] badCodes = [.. Garbage, "1", "18.7", "18.72.01.", "18.72.01.0001", "18.72.01.9001", "18-72", "18.72.01.10011"];
        foreach (var kode in badCodes)
        {
            yield return new($"/api/wilayah?induk={kode}", 400);
            yield return new($"/api/wilayah/{kode}", 400);
            yield return new($"/api/wilayah/{kode}/anak.geojson", 400);
            yield return new($"/ogc/collections/desa/items?induk={kode}", 400);
            yield return new($"/api/nilai?induk={kode}&indikator=PREV_STUNTING&periode=2022-08", 400);
        }

        // Periods.
        string[] badPeriods = [.. Garbage, "2022-13", "2022-00", "2022-S3", "22", "2022/08", "2022-8-1"];
        foreach (var periode in badPeriods)
        {
            yield return new($"/api/nilai?induk=18.72&indikator=PREV_STUNTING&periode={periode}", 400);
            yield return new($"/tiles/desa.json?indikator=PREV_STUNTING&periode={periode}", 400);
            yield return new($"/tiles/desa/12/3300/2100.mvt?indikator=PREV_STUNTING&periode={periode}", 400);
            yield return new($"/ogc/collections/desa/items?indikator=PREV_STUNTING&periode={periode}", 400);
        }

        // Indicators: an unknown code is a 404, half of the pair a 400.
        foreach (var indikator in new[] { "TIDAK_ADA", "abc", "%E2%98%83", new string('X', 300), "%27%3B%20DROP%20TABLE%20nilai--" })
        {
            yield return new($"/api/nilai?induk=18.72&indikator={indikator}&periode=2022-08", 404);
            yield return new($"/tiles/desa.json?indikator={indikator}&periode=2022-08", 404);
            yield return new($"/ogc/collections/desa/items/18.72.01.1001?indikator={indikator}&periode=2022-08", 404);
        }
        yield return new("/tiles/desa.json?indikator=PREV_STUNTING", 400);
        yield return new("/tiles/desa.json?periode=2022-08", 400);
        yield return new("/api/nilai?induk=18.72&periode=2022-08", 400);
        yield return new("/api/nilai?induk=18.72&indikator=PREV_STUNTING", 400);
        yield return new("/api/nilai?induk=18.72&indikator=PREV_STUNTING&periode=2022-08&tampilan=mungkin", 400);

        // Tile addresses.
        foreach (var bad in Garbage)
        {
            yield return new($"/tiles/desa/{bad}/0/0.mvt", 400);
            yield return new($"/tiles/desa/12/{bad}/0.mvt", 400);
            yield return new($"/tiles/desa/12/0/{bad}.mvt", 400);
            yield return new($"/tiles/analisis/{bad}/0/0/0.mvt", 400);
            yield return new($"/tiles/analisis/{bad}.json", 400);
        }
        yield return new("/tiles/desa/31/0/0.mvt", 400);
        yield return new("/tiles/desa/3/8/0.mvt", 400);
        yield return new("/tiles/desa/3/0/8.mvt", 400);
        yield return new("/tiles/analisis/999999/0/0/0.mvt", 404);
        yield return new("/tiles/analisis/999999.json", 404);
        foreach (var layer in new[] { "negara", "DESA", "desa2", "%E2%98%83", new string('a', 300) })
        {
            yield return new($"/tiles/{layer}.json", 404);
            yield return new($"/tiles/{layer}/0/0/0.mvt", 404);
            yield return new($"/ogc/collections/{layer}", 404);
            yield return new($"/ogc/collections/{layer}/items", 404);
        }

        // OGC items paging and filters.
        foreach (var bad in Garbage.Where(g => g != "%20"))
        {
            yield return new($"/ogc/collections/desa/items?limit={bad}", 400);
            yield return new($"/ogc/collections/desa/items?offset={bad}", 400);
            yield return new($"/ogc/collections/desa/items?bbox={bad}", 400);
            if (bad != "1.5") yield return new($"/ogc/collections/desa/items?kode={bad}", 400);
        }
        foreach (var bbox in new[] { "1,2,3", "1,2,3,4,5", "200,0,201,1", "0,-100,1,1", "10,10,0,0", "NaN,0,1,1", "0,0,Infinity,1" })
        {
            yield return new($"/ogc/collections/desa/items?bbox={bbox}", 400);
        }
        yield return new("/ogc/collections/desa/items?limit=0", 400);
        yield return new("/ogc/collections/desa/items?bbox-crs=EPSG:3857&bbox=0,0,1,1", 400);
        yield return new("/ogc/collections/desa/items/18.72.99.1999", 404);
        yield return new("/api/wilayah/18.72.99.1999", 404);
        yield return new("/api/wilayah/18.72.99", 404);

        // Batches: ids that are no route are 404; batch history needs a signed-in account, so a
        // well-formed id is 401 whether or not the batch exists (role holders get 404 for a missing one).
        foreach (var id in new[] { "abc", "1.5", "99999999999999999999", "NaN" })
        {
            yield return new($"/api/impor/indikator/batch/{id}", 404);
        }
        yield return new("/api/impor/indikator/batch/-1", 401);
        yield return new("/api/impor/indikator/batch/999999", 401);
        yield return new("/tidak/ada", 404);
    }
}
