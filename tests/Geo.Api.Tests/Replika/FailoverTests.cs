using System.Globalization;
using System.Net;
using Geo.Core.Wilayah;
using Geo.Data.Database;
using Geo.Data.Indikator;
using Geo.Data.Indikator.Import;
using Geo.Data.Tests.Indikator;
using Geo.Data.Tests.Support;
using Geo.Data.Wilayah.Import;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Geo.Api.Tests.Replika;

/// <summary>
/// The primary goes away and the standby is promoted under running instances configured with
/// Npgsql multi-host connection strings (the primary by Target Session Attributes=primary, reads
/// by prefer-standby): writes are 503 in between, reads go on, and writes work again on the
/// promoted server without restarting the instances.
/// </summary>
public sealed class FailoverTests : IAsyncLifetime
{
    private DisposableCluster _primary = null!;
    private DisposableCluster _standby = null!;
    private WebApplicationFactory<Program> _api = null!;

    public async Task InitializeAsync()
    {
        _primary = await DisposableCluster.CreateAsync();
        await using (var data = GeoDataSource.Create(_primary.Url("geo")))
        {
            await DatabaseMigrator.MigrateAsync(data);
            var boundaries = new BoundaryImporter(data);
            await boundaries.ImportAsync(DataFiles.Boundaries("kota-metro-kecamatan.geojson"), new BoundaryImportOptions(Tingkat.Kecamatan));
            await boundaries.ImportAsync(DataFiles.Boundaries("kota-metro-kelurahan.geojson"), new BoundaryImportOptions(Tingkat.Desa));
            var report = await new IndikatorImporter(data).ImportAsync(KotaMetroData.TsvPath,
                new IndikatorImportOptions("PREV_STUNTING", "2022-08", "e-PPGBM", "18.72", "uji"));
            await new BatchStore(data).PublishThroughAsync(Uji.Lokal, report.Batch!.Value);
        }
        _standby = await _primary.CreateStandbyAsync();
        var hosts = string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1:{_primary.Port},127.0.0.1:{_standby.Port};Username=geo;Database=geo;Host Recheck Seconds=1");
        _api = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("GEO_DATABASE_URL", $"{hosts};Target Session Attributes=primary")
            .UseSetting("GEO_STANDBY_DATABASE_URL", $"{hosts};Target Session Attributes=prefer-standby")
            .UseSetting("Geo:Database:StandbyPollMilliseconds", "100")
            .UseSetting("Geo:RateLimit:PermintaanPerMenit", "0"));
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _standby.DisposeAsync();
        await _primary.DisposeAsync();
    }

    [Fact]
    public async Task Writes_are_503_while_there_is_no_primary_and_work_again_on_the_promoted_standby_without_a_restart()
    {
        var client = _api.CreateClient();
        // GET /api/analisis computes and stores a run on the primary: a write anyone may make.
        static string Analysis(int seed) => $"/api/analisis?wilayah=18.72&periode=2022-08&permutasi=99&seed={seed}";
        const string Tile = "/tiles/desa/8/202/131.mvt?indikator=PREV_STUNTING&periode=2022-08";
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Analysis(1))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Tile)).StatusCode);

        await _primary.StopAsync();

        // Every write, not only the first on a dead pooled connection: none may reach the read-only standby.
        for (var seed = 2; seed < 5; seed++)
        {
            using var write = await client.GetAsync(Analysis(seed));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, write.StatusCode);
            Assert.Equal("application/problem+json", write.Content.Headers.ContentType?.MediaType);
        }
        // Reads that may lag go on from the standby.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Tile)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/ogc/collections/desa/items?limit=5")).StatusCode);

        await _standby.PromoteAsync();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        HttpStatusCode status;
        do
        {
            await Task.Delay(200);
            status = (await client.GetAsync(Analysis(5))).StatusCode;
        }
        while (status != HttpStatusCode.OK && DateTime.UtcNow < deadline);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Tile)).StatusCode);
    }
}
