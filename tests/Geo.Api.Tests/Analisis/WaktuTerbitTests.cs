using System.Net;
using System.Text.Json;
using Geo.Api.Tests.Ekspor;
using SkiaSharp;

namespace Geo.Api.Tests.Analisis;

/// <summary>
/// Where the analysis over time and under uncertainty shows outside the page (issue 15): its
/// export, opened by GDAL as QGIS would; the new layers of /api/peta.png with the analysis
/// parameters /api/analisis takes; the report over several periods.
/// </summary>
public sealed class WaktuTerbitTests(MetroPeriodsFixture fixture) : IClassFixture<MetroPeriodsFixture>, IDisposable
{
    private static readonly string AllPeriods = string.Join(',', MetroPeriodsFixture.Periods);
    private readonly HttpClient _client = fixture.Factory.CreateClient();
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("geo-waktu-");

    public void Dispose() => _dir.Delete(true);

    private async Task<JsonElement> GetJson(string url)
    {
        using var response = await _client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<string> DownloadAsync(string url, string name)
    {
        using var response = await _client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var path = Path.Combine(_dir.FullName, name);
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
        return path;
    }

    [Fact]
    public async Task The_temporal_GeoPackage_opens_in_GDAL_with_the_API_s_values_method_parameters_and_styles()
    {
        var query = $"wilayah=18.72&periode={AllPeriods}&permutasi=99&seed=5";
        var r = await GetJson($"/api/analisis/waktu?{query}");
        var path = await DownloadAsync($"/api/ekspor/waktu.gpkg?{query}", "waktu.gpkg");
        var layer = "analisis_waktu_18_72_prev_stunting_2023_02_2024_08";

        var summary = Gdal.Summary(path, layer);
        Assert.Equal(22, Gdal.FeatureCount(summary));
        var types = Gdal.FieldTypes(summary);
        foreach (var field in new[] { "nilai_2023_02", "nilai_2024_08", "selisih", "perubahan_p", "tren_tau", "sen_per_tahun" }) Assert.Equal("Real", types[field]);
        Assert.Equal("Integer", types["tren_n"]);
        Assert.Equal("String", types["perubahan_arah"]);
        // Method and parameters travel with the file.
        Assert.Contains("Mann-Kendall", summary);
        Assert.Contains("jendela", summary);
        Assert.Contains("dua proporsi", summary);
        Assert.Contains($"\"sintetis\": {(r.GetProperty("sintetis").GetBoolean() ? "true" : "false")}", summary);

        var rows = Gdal.Rows(path, layer).ToDictionary(x => x["kode"]);
        foreach (var u in r.GetProperty("unit").EnumerateArray())
        {
            var row = rows[u.GetProperty("kode").GetString()!];
            var change = u.GetProperty("perubahan");
            Assert.Equal(change.GetProperty("arah").GetString() ?? "", row["perubahan_arah"]);
            Assert.Equal(change.GetProperty("selisih").GetDouble(), Gdal.D(row["selisih"]), 9);
            Assert.Equal(u.GetProperty("titik_panas").ValueKind == JsonValueKind.Null ? "" : u.GetProperty("titik_panas").GetProperty("pola").GetString(), row["pola_titik_panas"]);
        }
        var styles = Gdal.Rows(path, "", "SELECT styleName, useAsDefault FROM layer_styles ORDER BY id");
        Assert.Equal(["perubahan-arah", "titik-panas-muncul"], styles.Select(s => s["styleName"]));

        // The roll-ups as a second table in CSV, and the XLSX readable by GDAL.
        var csv = await _client.GetStringAsync($"/api/ekspor/waktu.csv?{query}&tabel=agregat");
        var area = r.GetProperty("agregat").EnumerateArray().Single(a => a.GetProperty("kode").GetString() == "18.72");
        var line = csv.Split("\r\n").Single(l => l.StartsWith("18.72,", StringComparison.Ordinal));
        Assert.Contains(area.GetProperty("perubahan").GetProperty("arah").GetString()!, line);
        var xlsx = await DownloadAsync($"/api/ekspor/waktu.xlsx?{query}", "waktu.xlsx");
        Assert.Contains("Per unit", Gdal.Run("ogrinfo", "-ro", "-q", xlsx));
    }

    [Fact]
    public async Task The_analysis_export_carries_the_posterior_fields_of_its_run()
    {
        var query = "wilayah=18.72&periode=2024-08&permutasi=99&dasarTinggi=peluang:0.9&prior=lokal";
        var run = await GetJson($"/api/analisis?{query}");
        var path = await DownloadAsync($"/api/ekspor/analisis.gpkg?{query}", "analisis.gpkg");
        var layer = $"analisis_{run.GetProperty("id").GetInt64()}";
        var types = Gdal.FieldTypes(Gdal.Summary(path, layer));
        Assert.Equal("Real", types["peluang_tinggi"]);
        Assert.Equal("Real", types["ki_bawah"]);
        var rows = Gdal.Rows(path, layer).ToDictionary(x => x["kode"]);
        var checkedRows = 0;
        foreach (var u in run.GetProperty("unit").EnumerateArray())
        {
            var row = rows[u.GetProperty("kode").GetString()!];
            if (u.GetProperty("peluang_tinggi").ValueKind != JsonValueKind.Number) continue;
            Assert.Equal(u.GetProperty("peluang_tinggi").GetDouble(), Gdal.D(row["peluang_tinggi"]), 9);
            Assert.Equal(u.GetProperty("ki_atas").GetDouble(), Gdal.D(row["ki_atas"]), 9);
            Assert.Equal(u.GetProperty("tidak_pasti").GetBoolean() ? "1" : "0", row["tidak_pasti"]);
            checkedRows++;
        }
        Assert.Equal(22, checkedRows);
    }

    [Theory]
    [InlineData("lapisan=perubahan&periode=2023-02,2024-08")]
    [InlineData("lapisan=titik_panas_muncul&periode=2023-02,2023-08,2024-02,2024-08&permutasi=99&jendela=1")]
    [InlineData("lapisan=peluang&periode=2024-08&dasarTinggi=peluang:0.9&prior=lokal")]
    [InlineData("lapisan=kelas&periode=2024-08&dasarTinggi=peluang&bivariat=L05")]
    public async Task The_new_layers_and_analysis_parameters_draw_a_PNG_whose_tag_follows_them(string query)
    {
        var url = $"/api/peta.png?wilayah=18.72&indikator=PREV_STUNTING&lebar=800&tinggi=600&{query}";
        using var response = await _client.GetAsync(url);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
        using var bitmap = SKBitmap.Decode(body);
        Assert.Equal((800, 600), (bitmap.Width, bitmap.Height));
        // Another value of a parameter the layer reads is another image, so another tag.
        var other = query.Contains("prior=lokal", StringComparison.Ordinal) ? url.Replace("prior=lokal", "prior=global", StringComparison.Ordinal)
            : query.Contains("jendela=1", StringComparison.Ordinal) ? url.Replace("jendela=1", "jendela=2", StringComparison.Ordinal)
            : url + "&alpha=0.1";
        using var second = await _client.GetAsync(other);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotEqual(response.Headers.ETag, second.Headers.ETag);
    }

    [Theory]
    [InlineData("lapisan=perubahan&periode=2024-08", "periode")]
    [InlineData("lapisan=nilai&periode=2024-08&jendela=1", "jendela")]
    [InlineData("lapisan=peluang&periode=2024-08&prior=acak", "prior")]
    [InlineData("lapisan=kelas&periode=2024-08&dasarTinggi=peluang:2", "dasarTinggi")]
    public async Task Bad_layer_parameters_are_400_naming_the_parameter(string query, string parameter)
    {
        using var response = await _client.GetAsync($"/api/peta.png?wilayah=18.72&indikator=PREV_STUNTING&{query}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"{parameter}\"", body);
    }
}
