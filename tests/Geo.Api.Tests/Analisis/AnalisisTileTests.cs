using System.Net;
using System.Text.Json;
using Geo.Api.Tests.Peta;

namespace Geo.Api.Tests.Analisis;

public sealed class AnalisisTileTests(MetroAnalysisFixture fixture) : IClassFixture<MetroAnalysisFixture>
{
    private readonly HttpClient _client = fixture.Factory.CreateClient();

    private async Task<JsonElement> RunAsync(int seed)
    {
        var response = await _client.GetAsync($"/api/analisis?wilayah=18.72&periode=2022-08&permutasi=99&seed={seed}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task A_tile_over_Kota_Metro_carries_every_kelurahan_with_the_classes_of_the_run()
    {
        var run = await RunAsync(11);
        var id = run.GetProperty("id").GetInt64();
        var tileJson = JsonDocument.Parse(await _client.GetStringAsync($"/tiles/analisis/{id}.json")).RootElement;
        var bounds = tileJson.GetProperty("bounds").EnumerateArray().Select(b => b.GetDouble()).ToArray();
        Assert.Equal("analisis", tileJson.GetProperty("vector_layers")[0].GetProperty("id").GetString());
        Assert.Contains("SINTETIS", tileJson.GetProperty("description").GetString());
        Assert.EndsWith($"/tiles/analisis/{id}/{{z}}/{{x}}/{{y}}.mvt", tileJson.GetProperty("tiles")[0].GetString());

        var (x, y) = TileMath.TileOf((bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, 10);
        var mvt = await _client.GetByteArrayAsync($"/tiles/analisis/{id}/10/{x}/{y}.mvt");
        var layer = Assert.Single(MvtDecoder.Decode(mvt, 10, x, y));

        Assert.Equal("analisis", layer.Name);
        Assert.Equal(22, layer.Features.Count);
        var rows = run.GetProperty("unit").EnumerateArray().ToDictionary(r => r.GetProperty("kode").GetString()!);
        foreach (var f in layer.Features)
        {
            var row = rows[(string)f.Attributes["kode"]!];
            Assert.Equal(row.GetProperty("kelas").GetString(), f.Attributes["kelas"]);
            Assert.Equal(row.GetProperty("lisa").GetString(), f.Attributes["lisa"]);
            Assert.Equal(true, f.Attributes["sintetis"]);
            var kode = ((string)f.Attributes["kode"]!).Replace(".", "");
            Assert.Equal(4_000_000_0000L + long.Parse(kode), f.Id);
        }
    }

    [Fact]
    public async Task A_new_run_changes_the_ETag_so_cached_analysis_tiles_are_revalidated()
    {
        var id = (await RunAsync(12)).GetProperty("id").GetInt64();
        var first = await _client.GetAsync($"/tiles/analisis/{id}/0/0/0.mvt");
        var etag = first.Headers.ETag!;

        var again = new HttpRequestMessage(HttpMethod.Get, $"/tiles/analisis/{id}/0/0/0.mvt");
        again.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await _client.SendAsync(again)).StatusCode);

        await RunAsync(13);
        var after = new HttpRequestMessage(HttpMethod.Get, $"/tiles/analisis/{id}/0/0/0.mvt");
        after.Headers.IfNoneMatch.Add(etag);
        var response = await _client.SendAsync(after);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(etag, response.Headers.ETag);
    }

    [Theory]
    [InlineData("/tiles/analisis/999999.json", HttpStatusCode.NotFound)]
    [InlineData("/tiles/analisis/999999/0/0/0.mvt", HttpStatusCode.NotFound)]
    [InlineData("/tiles/analisis/abc/0/0/0.mvt", HttpStatusCode.BadRequest)]
    [InlineData("/tiles/analisis/1/3/9/0.mvt", HttpStatusCode.BadRequest)]
    public async Task Unknown_runs_and_bad_addresses_are_problem_details(string url, HttpStatusCode status)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
