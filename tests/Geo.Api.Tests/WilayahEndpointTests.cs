using System.Net;
using System.Text.Json;
using Geo.Api.Tests.Support;

namespace Geo.Api.Tests;

public sealed class WilayahEndpointTests(GeoApiFactory factory) : IClassFixture<GeoApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Kota_Metro_has_five_kecamatan_whose_children_are_the_22_kelurahan()
    {
        var kecamatan = await GetJson("/api/wilayah?induk=18.72");

        Assert.Equal(5, kecamatan.GetArrayLength());
        Assert.All(kecamatan.EnumerateArray(), k => Assert.Equal("kecamatan", k.GetProperty("tingkat").GetString()));

        var total = 0;
        foreach (var k in kecamatan.EnumerateArray())
        {
            var children = await GetJson($"/api/wilayah/{k.GetProperty("kode").GetString()}/anak.geojson");
            Assert.Equal("FeatureCollection", children.GetProperty("type").GetString());
            foreach (var f in children.GetProperty("features").EnumerateArray())
            {
                Assert.Equal("MultiPolygon", f.GetProperty("geometry").GetProperty("type").GetString());
                Assert.StartsWith(k.GetProperty("kode").GetString()!, f.GetProperty("properties").GetProperty("kode").GetString());
                total++;
            }
        }
        Assert.Equal(22, total);
    }

    [Fact]
    public async Task One_wilayah_is_a_GeoJSON_feature()
    {
        var feature = await GetJson("/api/wilayah/18.72.01.1001");

        Assert.Equal("Feature", feature.GetProperty("type").GetString());
        Assert.Equal("Metro", feature.GetProperty("properties").GetProperty("nama").GetString());
        Assert.Equal("kelurahan", feature.GetProperty("properties").GetProperty("jenis").GetString());
    }

    [Theory]
    [InlineData("/api/wilayah/18.72.09", HttpStatusCode.NotFound)]
    [InlineData("/api/wilayah/18.7x", HttpStatusCode.BadRequest)]
    [InlineData("/api/wilayah?induk=abc", HttpStatusCode.BadRequest)]
    [InlineData("/api/wilayah/99.99/anak.geojson", HttpStatusCode.NotFound)]
    public async Task Errors_are_problem_details(string url, HttpStatusCode status)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Health_reports_postgis()
    {
        var health = await GetJson("/health");
        Assert.Equal("sehat", health.GetProperty("status").GetString());
        Assert.StartsWith("3.", health.GetProperty("postgis").GetString());
    }

    private async Task<JsonElement> GetJson(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
