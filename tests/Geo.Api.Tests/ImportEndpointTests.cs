using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Geo.Api.Tests.Support;
using Geo.Data.Tests.Support;

namespace Geo.Api.Tests;

public sealed class ImportEndpointTests(GeoApiFactory factory) : IClassFixture<GeoApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_zipped_utm_shapefile_is_imported_and_its_desa_are_served()
    {
        using var response = await Upload("kab-paser-utm50s-utf8.zip", "?tingkat=desa");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(report.GetProperty("berhasil").GetBoolean());
        Assert.Equal(16, report.GetProperty("ditambahkan").GetInt32() + report.GetProperty("diperbarui").GetInt32() + report.GetProperty("tidakBerubah").GetInt32());
        Assert.Equal("kab-paser-utm50s-utf8.zip", report.GetProperty("berkas").GetString());

        using var children = await _client.GetAsync("/api/wilayah?induk=64.01.02");
        var desa = JsonDocument.Parse(await children.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(7, desa.GetArrayLength());
        Assert.Contains(desa.EnumerateArray(), d => d.GetProperty("nama").GetString() == "Kéladén");
    }

    [Fact]
    public async Task A_rejected_file_answers_422_with_the_report_and_changes_nothing()
    {
        var before = await factory.Database.ScalarAsync<string>(BoundarySource.WilayahChecksumSql);

        using var response = await Upload("rejections.geojson", "?tingkat=desa");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.False(report.GetProperty("berhasil").GetBoolean());
        var rejected = report.GetProperty("ditolak").EnumerateArray().ToList();
        Assert.Equal(9, rejected.Count);
        Assert.All(rejected, r => Assert.Equal("rejections.geojson", r.GetProperty("berkas").GetString()));
        Assert.Contains(rejected, r => r.GetProperty("fitur").GetInt32() == 7 && r.GetProperty("alasan").GetString()!.Contains("tertukar"));
        Assert.Equal(before, await factory.Database.ScalarAsync<string>(BoundarySource.WilayahChecksumSql));
    }

    private async Task<HttpResponseMessage> Upload(string fixture, string query)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(await File.ReadAllBytesAsync(DataFiles.TestData(fixture)));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "berkas", fixture);
        return await _client.PostAsync("/api/impor/wilayah" + query, form);
    }
}
