using System.Net;
using System.Text.Json;
using Geo.Api.Tests.Support;

namespace Geo.Api.Tests.Peta;

public sealed class OgcFeatureTests(GeoApiFactory factory) : IClassFixture<GeoApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Landing_page_links_conformance_and_collections()
    {
        var landing = await GetJsonAsync("/ogc");
        var rels = landing.GetProperty("links").EnumerateArray().Select(l => l.GetProperty("rel").GetString()).ToList();
        Assert.Contains("conformance", rels);
        Assert.Contains("data", rels);
        Assert.Contains("service-desc", rels);

        var conformance = await GetJsonAsync("/ogc/conformance");
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            conformance.GetProperty("conformsTo").EnumerateArray().Select(c => c.GetString()));

        var collections = await GetJsonAsync("/ogc/collections");
        Assert.Equal(["provinsi", "kabkota", "kecamatan", "desa"],
            collections.GetProperty("collections").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        var desa = await GetJsonAsync("/ogc/collections/desa");
        Assert.Equal("http://www.opengis.net/def/crs/OGC/1.3/CRS84", desa.GetProperty("extent").GetProperty("spatial").GetProperty("crs").GetString());
        Assert.Contains(desa.GetProperty("links").EnumerateArray(), l => l.GetProperty("rel").GetString() == "items");
    }

    [Fact]
    public async Task Walking_next_links_returns_every_desa_once()
    {
        var expected = await KodesAsync("SELECT kode FROM wilayah WHERE tingkat = 4 ORDER BY kode");
        var seen = new List<string>();
        string? url = "/ogc/collections/desa/items?limit=5";
        var pages = 0;
        while (url is not null)
        {
            var page = await GetJsonAsync(url, "application/geo+json");
            pages++;
            Assert.Equal("FeatureCollection", page.GetProperty("type").GetString());
            Assert.Equal(expected.Count, page.GetProperty("numberMatched").GetInt32());
            var features = page.GetProperty("features").EnumerateArray().ToList();
            Assert.Equal(features.Count, page.GetProperty("numberReturned").GetInt32());
            Assert.InRange(features.Count, 1, 5);
            foreach (var f in features)
            {
                Assert.Equal("MultiPolygon", f.GetProperty("geometry").GetProperty("type").GetString());
                Assert.Equal(f.GetProperty("id").GetString(), f.GetProperty("properties").GetProperty("kode").GetString());
                seen.Add(f.GetProperty("id").GetString()!);
            }
            url = page.GetProperty("links").EnumerateArray()
                .Where(l => l.GetProperty("rel").GetString() == "next")
                .Select(l => new Uri(l.GetProperty("href").GetString()!).PathAndQuery)
                .SingleOrDefault();
        }
        Assert.Equal(expected, seen);
        Assert.Equal((expected.Count + 4) / 5, pages);
    }

    [Fact]
    public async Task Filters_by_bbox_kode_prefix_and_induk_agree_with_SQL()
    {
        var box = (Lon0: 105.28, Lat0: -5.14, Lon1: 105.31, Lat1: -5.10);
        var inBox = await KodesAsync($"SELECT kode FROM wilayah WHERE tingkat = 4 AND ST_Intersects(geom, ST_MakeEnvelope({box.Lon0}, {box.Lat0}, {box.Lon1}, {box.Lat1}, 4326)) ORDER BY kode");
        var byBox = await AllKodesAsync($"/ogc/collections/desa/items?bbox={box.Lon0},{box.Lat0},{box.Lon1},{box.Lat1}&limit=1000");
        Assert.NotEmpty(inBox);
        Assert.Equal(inBox, byBox);
        Assert.True(byBox.Count < await factory.Database.ScalarAsync<long>("SELECT count(*) FROM wilayah WHERE tingkat = 4"));

        var kecamatan = (await KodesAsync("SELECT kode FROM wilayah WHERE tingkat = 3 ORDER BY kode")).First();
        var children = await KodesAsync($"SELECT kode FROM wilayah WHERE induk = '{kecamatan}' ORDER BY kode");
        Assert.Equal(children, await AllKodesAsync($"/ogc/collections/desa/items?induk={kecamatan}"));
        Assert.Equal(children, await AllKodesAsync($"/ogc/collections/desa/items?kode={kecamatan}."));
    }

    [Fact]
    public async Task One_item_by_kode()
    {
        var feature = await GetJsonAsync("/ogc/collections/desa/items/18.72.01.1001", "application/geo+json");
        Assert.Equal("Feature", feature.GetProperty("type").GetString());
        Assert.Equal("18.72.01.1001", feature.GetProperty("id").GetString());
        Assert.Equal("Metro", feature.GetProperty("properties").GetProperty("nama").GetString());
    }

    [Fact]
    public async Task Items_revalidate_with_their_ETag()
    {
        var first = await _client.GetAsync("/ogc/collections/desa/items?limit=3");
        Assert.NotNull(first.Headers.ETag);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/ogc/collections/desa/items?limit=3");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await _client.SendAsync(request)).StatusCode);
    }

    [Theory]
    [InlineData("/ogc/collections/jalan", HttpStatusCode.NotFound)]
    [InlineData("/ogc/collections/jalan/items", HttpStatusCode.NotFound)]
    [InlineData("/ogc/collections/desa/items/18.72.01", HttpStatusCode.NotFound)]
    [InlineData("/ogc/collections/desa/items/18.72.01.2999", HttpStatusCode.NotFound)]
    [InlineData("/ogc/collections/desa/items/abc", HttpStatusCode.BadRequest)]
    [InlineData("/ogc/collections/desa/items?limit=0", HttpStatusCode.BadRequest)]
    [InlineData("/ogc/collections/desa/items?limit=x", HttpStatusCode.BadRequest)]
    [InlineData("/ogc/collections/desa/items?bbox=1,2,3", HttpStatusCode.BadRequest)]
    [InlineData("/ogc/collections/desa/items?kode=18%25", HttpStatusCode.BadRequest)]
    public async Task Bad_requests_are_problem_details(string url, HttpStatusCode status)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<List<string>> AllKodesAsync(string url)
    {
        var page = await GetJsonAsync(url, "application/geo+json");
        Assert.DoesNotContain(page.GetProperty("links").EnumerateArray(), l => l.GetProperty("rel").GetString() == "next");
        return page.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()!).ToList();
    }

    private async Task<JsonElement> GetJsonAsync(string url, string mediaType = "application/json")
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private async Task<List<string>> KodesAsync(string sql)
    {
        var kodes = new List<string>();
        await using var cmd = factory.Database.DataSource.CreateCommand(sql);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) kodes.Add(reader.GetString(0));
        return kodes;
    }
}
