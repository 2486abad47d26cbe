using System.Net;
using System.Text.Json;
using Geo.Api.Tests.Support;
using Geo.Core.Analisis;
using Geo.Core.Indikator;
using Geo.Core.Wilayah;
using Geo.Data.Indikator;
using Geo.Data.Indikator.Import;
using Geo.Data.Tests.Indikator;
using Geo.Data.Tests.Support;

namespace Geo.Api.Tests.Analisis;

/// <summary>Kota Metro as `./geo up` loads it: real 2022-08 prevalence, synthetic coverage for the same period.</summary>
public sealed class MetroAnalysisFixture : IAsyncLifetime
{
    public GeoApiFactory Factory { get; } = new();

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)Factory).InitializeAsync();
        var source = Factory.Database.DataSource;
        var prevalence = await new IndikatorImporter(source).ImportAsync(KotaMetroData.TsvPath,
            new IndikatorImportOptions("PREV_STUNTING", "2022-08", "e-PPGBM", "18.72", "uji"));
        await Uji.TerbitkanAsync(Factory.Database, prevalence);
        var coverage = await new DemoSintetis(source).GenerateAsync(KodeWilayah.Parse("18.72"), Periode.Parse("2022-08"), 1872, Uji.Lokal, true);
        Assert.True(coverage.Berhasil);
    }

    public Task DisposeAsync() => ((IAsyncLifetime)Factory).DisposeAsync();
}

public sealed class AnalisisEndpointTests(MetroAnalysisFixture fixture) : IClassFixture<MetroAnalysisFixture>
{
    private readonly HttpClient _client = fixture.Factory.CreateClient();

    private const string Query = "wilayah=18.72&periode=2022-08&permutasi=99&seed=3";

    [Fact]
    public async Task Every_kelurahan_is_classified_against_the_median_of_the_real_prevalence()
    {
        var result = await GetJson($"/api/analisis?{Query}");

        var units = result.GetProperty("unit").EnumerateArray().ToList();
        Assert.Equal(22, units.Count);
        var median = GapClassifier.Median(KotaMetroData.Rows().Select(r => r.Capaian).ToArray());
        var threshold = result.GetProperty("ringkasan").GetProperty("ambang_prevalensi").GetDouble();
        Assert.Equal(median, threshold, 9);
        foreach (var u in units)
        {
            var kelas = u.GetProperty("kelas").GetString()!;
            Assert.NotEqual(GapClass.DataKurang, kelas);
            Assert.Equal(u.GetProperty("nilai").GetDouble() > threshold, kelas.StartsWith("tinggi_"));
            Assert.False(string.IsNullOrWhiteSpace(u.GetProperty("alasan").GetString()));
        }
        Assert.True(result.GetProperty("sintetis").GetBoolean());
        // Percentages only (the regulation prints no counts): no smoothing, and the reason is given.
        Assert.Contains("persentase", result.GetProperty("ringkasan").GetProperty("penghalusan_tidak_tersedia").GetString());
    }

    [Fact]
    public async Task Interventions_are_ranked_for_the_kota_and_each_kecamatan()
    {
        var result = await GetJson($"/api/analisis?{Query}");

        var areas = result.GetProperty("intervensi").EnumerateArray().ToList();
        Assert.Equal(["18.72", "18.72.01", "18.72.02", "18.72.03", "18.72.04", "18.72.05"], areas.Select(a => a.GetProperty("kode").GetString()));
        var kota = areas[0].GetProperty("intervensi").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, kota.Count), kota.Select(i => i.GetProperty("peringkat").GetInt32()));
        var achievements = kota.Where(i => i.GetProperty("capaian").ValueKind == JsonValueKind.Number).Select(i => i.GetProperty("capaian").GetDouble()).ToList();
        Assert.Equal(achievements.Order(), achievements);
        foreach (var i in kota.Where(i => i.GetProperty("bermasalah").GetBoolean() && i.GetProperty("selisih").GetDouble() > 0))
        {
            Assert.NotEmpty(i.GetProperty("penarik_ke_bawah").EnumerateArray());
        }
    }

    [Fact]
    public async Task GeoJSON_carries_the_classes_and_the_synthetic_flag_on_every_feature()
    {
        var response = await _client.GetAsync($"/api/analisis.geojson?{Query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var collection = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        var features = collection.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(22, features.Count);
        Assert.All(features, f =>
        {
            Assert.Equal("MultiPolygon", f.GetProperty("geometry").GetProperty("type").GetString());
            Assert.Contains(f.GetProperty("properties").GetProperty("kelas").GetString(), GapClass.All);
            Assert.True(f.GetProperty("properties").GetProperty("sintetis").GetBoolean());
        });
    }

    [Fact]
    public async Task The_same_request_returns_the_stored_run()
    {
        var first = await GetJson($"/api/analisis?{Query}");
        var second = await GetJson($"/api/analisis?{Query}");

        Assert.Equal(first.GetProperty("id").GetInt64(), second.GetProperty("id").GetInt64());
        Assert.Equal(first.GetProperty("dihitung").GetString(), second.GetProperty("dihitung").GetString());
    }

    [Theory]
    [InlineData("wilayah=18.72&periode=2022-08&bobot=hexagon", HttpStatusCode.BadRequest)]
    [InlineData("wilayah=18.72&periode=2022-08&indikator=TIDAK_ADA", HttpStatusCode.NotFound)]
    [InlineData("wilayah=18.72&periode=2022-13", HttpStatusCode.BadRequest)]
    [InlineData("wilayah=18.72.01.1001&periode=2022-08", HttpStatusCode.BadRequest)]
    [InlineData("wilayah=18.72&periode=2019-08", HttpStatusCode.NotFound)]
    public async Task Bad_requests_are_problem_details(string query, HttpStatusCode expected)
    {
        var response = await _client.GetAsync($"/api/analisis?{query}");

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<JsonElement> GetJson(string url)
    {
        var response = await _client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement;
    }
}
