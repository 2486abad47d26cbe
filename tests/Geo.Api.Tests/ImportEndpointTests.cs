using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Geo.Api.Tests.Support;
using Geo.Core.Akun;
using Geo.Data.Tests.Support;

namespace Geo.Api.Tests;

public sealed class ImportEndpointTests(GeoApiFactory factory) : IClassFixture<GeoApiFactory>
{
    private readonly HttpClient _client = factory.Nasional();

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

    [Theory]
    [InlineData("/api/impor/wilayah", "batas.geojson")]
    [InlineData("/api/impor/indikator", "nilai.csv")]
    public async Task Uploads_are_limited_by_configuration_with_an_answer_that_says_so(string url, string name)
    {
        // On Kestrel, which enforces request size limits (the in-memory test server does not).
        // 40 MB: over Kestrel's default of 30 MB, under the default import limit; 1 MB: the configured limit.
        using var server = Kestrel(factory.WithWebHostBuilder(_ => { }));
        using (var underDefault = await PostAsync(server.ClientAs("uji-nasional", "nasional", Peran.Operator), url, name, new byte[40 * 1024 * 1024]))
        {
            Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, underDefault.StatusCode);
        }

        using var limited = Kestrel(factory.WithWebHostBuilder(b => b.UseSetting("Geo:Impor:MaksimumMegabyte", "1")));
        using var refused = await PostAsync(limited.ClientAs("uji-nasional", "nasional", Peran.Operator), url, name, new byte[2 * 1024 * 1024]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("batas unggah 1 MB", problem.GetProperty("detail").GetString());
        Assert.Contains("Geo:Impor:MaksimumMegabyte", problem.GetProperty("detail").GetString());
    }

    private static WebApplicationFactory<Program> Kestrel(WebApplicationFactory<Program> host)
    {
        host.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        host.StartServer();
        return host;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string name, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "berkas", name);
        return await client.PostAsync(url, form);
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
