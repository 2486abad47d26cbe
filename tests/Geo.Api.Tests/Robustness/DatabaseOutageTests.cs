using System.Net;
using System.Text.Json;
using Geo.Core.Wilayah;
using Geo.Data.Database;
using Geo.Data.Tests.Support;
using Geo.Data.Wilayah.Import;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Geo.Api.Tests.Robustness;

/// <summary>
/// The database stopped and started under a running server: 503 with Retry-After and an Indonesian
/// detail while it is down (no connection details leak), and service again once it is back, without
/// restarting the server.
/// </summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private DisposableCluster _cluster = null!;
    private WebApplicationFactory<Program> _api = null!;

    public async Task InitializeAsync()
    {
        _cluster = await DisposableCluster.CreateAsync();
        var url = _cluster.Url("geo");
        await using (var dataSource = GeoDataSource.Create(url))
        {
            await DatabaseMigrator.MigrateAsync(dataSource);
            await new BoundaryImporter(dataSource).ImportAsync(DataFiles.Boundaries("kota-metro-kelurahan.geojson"), new BoundaryImportOptions(Tingkat.Desa));
        }
        _api = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseSetting("GEO_DATABASE_URL", url));
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task Requests_answer_503_while_the_database_is_down_and_recover_without_a_restart()
    {
        var client = _api.CreateClient();
        string[] reads = ["/health", "/api/wilayah?induk=18.72", "/ogc/collections/desa/items?limit=5", "/api/nilai?induk=18.72&indikator=PREV_STUNTING&periode=2022-08"];
        foreach (var url in reads) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);

        await _cluster.StopAsync();

        foreach (var url in reads)
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"{url}: Retry-After");
            var body = await response.Content.ReadAsStringAsync();
            Assert.Contains("basis data", JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString());
            Assert.DoesNotContain("127.0.0.1", body);
            Assert.DoesNotContain(_cluster.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), body);
        }

        await _cluster.StartAsync();

        // A pooled connection that died with the server may fail one more request; then all answer.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await client.GetAsync("/health")).StatusCode != HttpStatusCode.OK && DateTime.UtcNow < deadline) await Task.Delay(200);
        foreach (var url in reads) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
        var kecamatan = JsonDocument.Parse(await client.GetStringAsync("/api/wilayah?induk=18.72")).RootElement;
        Assert.Equal(5, kecamatan.GetArrayLength()); // the kecamatan dissolved from the 22 kelurahan
    }
}
