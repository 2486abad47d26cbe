using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Geo.Api.Tests.Peta;
using Geo.Core.Wilayah;
using Geo.Data.Database;
using Geo.Data.Indikator;
using Geo.Data.Indikator.Import;
using Geo.Data.Tests.Indikator;
using Geo.Data.Tests.Support;
using Geo.Data.Wilayah.Import;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Geo.Api.Tests.Replika;

/// <summary>
/// A primary and a streaming standby (pg_basebackup -R) on loopback, and two API instances that
/// read what may lag from the standby: Kota Metro with the real 2022-08 prevalence, published.
/// </summary>
public sealed class ReplicatedTopology : IAsyncLifetime
{
    public DisposableCluster Primary { get; private set; } = null!;
    public DisposableCluster Standby { get; private set; } = null!;
    public NpgsqlDataSource PrimaryData { get; private set; } = null!;
    public IReadOnlyList<WebApplicationFactory<Program>> Instances { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Primary = await DisposableCluster.CreateAsync();
        PrimaryData = GeoDataSource.Create(Primary.Url("geo"));
        await DatabaseMigrator.MigrateAsync(PrimaryData);
        var boundaries = new BoundaryImporter(PrimaryData);
        await boundaries.ImportAsync(DataFiles.Boundaries("kota-metro-kecamatan.geojson"), new BoundaryImportOptions(Tingkat.Kecamatan));
        await boundaries.ImportAsync(DataFiles.Boundaries("kota-metro-kelurahan.geojson"), new BoundaryImportOptions(Tingkat.Desa));
        await ImportPrevalenceAsync();

        Standby = await Primary.CreateStandbyAsync();
        Instances = [Instance(), Instance()];
    }

    private WebApplicationFactory<Program> Instance() => new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
        .UseSetting("GEO_DATABASE_URL", Primary.Url("geo"))
        .UseSetting("GEO_STANDBY_DATABASE_URL", Standby.Url("geo"))
        .UseSetting("Geo:Database:StandbyPollMilliseconds", "100")
        .UseSetting("Geo:RateLimit:PermintaanPerMenit", "100000"));

    /// <summary>The real Kota Metro prevalence of 2022-08, imported and published on the primary.</summary>
    private async Task ImportPrevalenceAsync()
    {
        var report = await new IndikatorImporter(PrimaryData).ImportAsync(KotaMetroData.TsvPath,
            new IndikatorImportOptions("PREV_STUNTING", "2022-08", "e-PPGBM", "18.72", "uji"));
        Assert.True(report.Berhasil, string.Join("; ", report.Penolakan));
        await new BatchStore(PrimaryData).PublishThroughAsync(Uji.Lokal, report.Batch!.Value);
    }

    /// <summary>Synthetic prevalence for every kelurahan under <paramref name="periode"/>, imported and published on the primary.</summary>
    public async Task ImportSyntheticAsync(string periode)
    {
        var csv = new StringBuilder("kode,indikator,periode,pembilang,penyebut\n");
        await using (var codes = PrimaryData.CreateCommand("SELECT kode FROM wilayah WHERE tingkat = 4 ORDER BY kode"))
        await using (var reader = await codes.ExecuteReaderAsync())
        {
            for (var i = 1; await reader.ReadAsync(); i++) csv.Append(CultureInfo.InvariantCulture, $"{reader.GetString(0)},PREV_STUNTING,{periode},{i},100\n");
        }
        var report = await new IndikatorImporter(PrimaryData).ImportAsync(Encoding.UTF8.GetBytes(csv.ToString()), $"nilai-{periode}.csv",
            new IndikatorImportOptions(Sumber: "sintetis"));
        Assert.True(report.Berhasil, string.Join("; ", report.Penolakan));
        await new BatchStore(PrimaryData).PublishThroughAsync(Uji.Lokal, report.Batch!.Value);
        await using var count = PrimaryData.CreateCommand($"""
            SELECT count(*) FROM nilai n JOIN impor_batch b ON b.id = n.batch
            WHERE b.status = 'terbit' AND n.indikator = 'PREV_STUNTING' AND n.periode = '{periode}'
            """);
        Assert.Equal(22L, await count.ExecuteScalarAsync());
    }

    public Task PauseReplayAsync() => Standby.PsqlAsync("geo", "SELECT pg_wal_replay_pause()");

    public Task ResumeReplayAsync() => Standby.PsqlAsync("geo", "SELECT pg_wal_replay_resume()");

    public async Task DisposeAsync()
    {
        foreach (var instance in Instances) await instance.DisposeAsync();
        await PrimaryData.DisposeAsync();
        await Standby.DisposeAsync();
        await Primary.DisposeAsync();
    }
}

public sealed class ReplicationTests(ReplicatedTopology topology) : IClassFixture<ReplicatedTopology>
{
    private readonly HttpClient[] _clients = topology.Instances.Select(i => i.CreateClient()).ToArray();

    /// <summary>What one instance answered for the 2023-08 values: the tile and the features, each with its ETag.</summary>
    private sealed record Seen(string TileETag, int TileValues, string FeaturesETag, int FeatureValues, int NilaiValues);

    /// <param name="z">The zoom of a tile over Metro: 8 holds all its kelurahan; a zoom not asked before is built, not cached.</param>
    private static async Task<Seen> SeeAsync(HttpClient client, string periode, int z = 8)
    {
        var query = $"?indikator=PREV_STUNTING&periode={periode}";
        var (x, y) = TileMath.TileOf(105.31, -5.12, z);
        using var tile = await client.GetAsync($"/tiles/desa/{z}/{x}/{y}.mvt{query}");
        Assert.Equal(HttpStatusCode.OK, tile.StatusCode);
        var layer = Assert.Single(MvtDecoder.Decode(await tile.Content.ReadAsByteArrayAsync(), z, x, y));

        using var features = await client.GetAsync($"/ogc/collections/desa/items{query}&limit=1000");
        Assert.Equal(HttpStatusCode.OK, features.StatusCode);
        var items = JsonDocument.Parse(await features.Content.ReadAsStringAsync()).RootElement.GetProperty("features").EnumerateArray()
            .Count(f => f.GetProperty("properties").GetProperty("nilai").ValueKind == JsonValueKind.Number);

        var nilai = JsonDocument.Parse(await client.GetStringAsync($"/api/nilai?induk=18.72&indikator=PREV_STUNTING&periode={periode}"))
            .RootElement.GetProperty("nilai").EnumerateArray().Count(v => v.GetProperty("nilai").ValueKind == JsonValueKind.Number);

        return new Seen(tile.Headers.ETag!.Tag, layer.Features.Count(f => f.Attributes.ContainsKey("nilai")),
            features.Headers.ETag!.Tag, items, nilai);
    }

    [Fact]
    public async Task An_import_reaches_both_instances_once_replayed_and_no_new_ETag_ever_comes_with_old_data()
    {
        var published = await SeeAsync(_clients[0], "2022-08");
        Assert.Equal(22, published.FeatureValues);
        var before = await Task.WhenAll(_clients.Select(c => SeeAsync(c, "2023-08")));
        Assert.All(before, s => Assert.Equal((0, 0, 0), (s.TileValues, s.FeatureValues, s.NilaiValues)));
        Assert.Equal(before[0].TileETag, before[1].TileETag);

        await topology.PauseReplayAsync();
        try
        {
            await topology.ImportSyntheticAsync("2023-08");
            // Several polls of the standby's data_versi, and LISTEN notifications had there been any.
            for (var round = 0; round < 5; round++)
            {
                await Task.Delay(150);
                foreach (var client in _clients)
                {
                    // The standby has not replayed the import: old data, under the old ETags, from the
                    // cache (z8) and from a tile built now (a zoom not asked before).
                    Assert.Equal(before[0], await SeeAsync(client, "2023-08"));
                    var built = await SeeAsync(client, "2023-08", 9 + round);
                    Assert.Equal((before[0].TileETag, 0), (built.TileETag, built.TileValues));
                }
            }
        }
        finally
        {
            await topology.ResumeReplayAsync();
        }

        // An ETag names one content: every answer under one ETag carries the same values, whichever
        // instance gave it and however far the standby had replayed (the import and the publication
        // are separate commits, so an intermediate version with no published values may be seen).
        var tileContent = new Dictionary<string, int> { [before[0].TileETag] = 0 };
        var featureContent = new Dictionary<string, int> { [before[0].FeaturesETag] = 0 };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var converged = new bool[_clients.Length];
        var seen = new Seen[_clients.Length];
        while (!converged.All(c => c))
        {
            Assert.True(DateTime.UtcNow < deadline, $"the instances did not see the replayed import within 30 s: {string.Join("; ", seen)}");
            for (var i = 0; i < _clients.Length; i++)
            {
                var s = seen[i] = await SeeAsync(_clients[i], "2023-08");
                Assert.Equal(tileContent.GetValueOrDefault(s.TileETag, s.TileValues), tileContent[s.TileETag] = s.TileValues);
                Assert.Equal(featureContent.GetValueOrDefault(s.FeaturesETag, s.FeatureValues), featureContent[s.FeaturesETag] = s.FeatureValues);
                converged[i] = s.TileValues > 0 && s.FeatureValues > 0 && s.NilaiValues > 0;
            }
            await Task.Delay(50);
        }
        Assert.Equal(seen[0], seen[1]);
        Assert.Equal(22, seen[0].FeatureValues);
        Assert.Equal(22, seen[0].NilaiValues);
    }

    [Fact]
    public async Task A_run_stored_on_the_primary_is_tiled_at_once_though_the_standby_has_not_replayed_it()
    {
        await topology.PauseReplayAsync();
        try
        {
            // Computed and stored by one instance (on the primary), drawn by the other straight after.
            var run = JsonDocument.Parse(await _clients[0].GetStringAsync("/api/analisis?wilayah=18.72&periode=2022-08&permutasi=99&seed=11")).RootElement;
            var id = run.GetProperty("id").GetInt64();
            var (x, y) = TileMath.TileOf(105.31, -5.12, 8);
            using var tile = await _clients[1].GetAsync($"/tiles/analisis/{id}/8/{x}/{y}.mvt");
            Assert.Equal(HttpStatusCode.OK, tile.StatusCode);
            var layer = Assert.Single(MvtDecoder.Decode(await tile.Content.ReadAsByteArrayAsync(), 8, x, y));
            Assert.Equal(22, layer.Features.Count(f => f.Attributes.ContainsKey("kelas")));
        }
        finally
        {
            await topology.ResumeReplayAsync();
        }
    }

    [Fact]
    public async Task A_session_protected_by_one_instance_is_read_by_the_other_with_the_key_ring_in_the_database()
    {
        var protectors = topology.Instances
            .Select(i => i.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("geo.uji.replika")).ToArray();
        var sealedByFirst = protectors[0].Protect("sesi 18.72");
        Assert.Equal("sesi 18.72", protectors[1].Unprotect(sealedByFirst));
        // In the database, not in a folder of one machine (both test instances share this process's home folder).
        await using var keys = topology.PrimaryData.CreateCommand("SELECT count(*) FROM kunci_perlindungan WHERE xml LIKE '<key %'");
        Assert.True((long)(await keys.ExecuteScalarAsync())! >= 1);
    }

    [Fact]
    public async Task A_write_that_reaches_a_standby_is_503_not_a_server_error()
    {
        // As during a failover when the primary's address still points at a server in recovery.
        await using var misrouted = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("GEO_DATABASE_URL", topology.Standby.Url("geo"))
            .UseSetting("Geo:MigrateOnStartup", "false"));
        using var write = await misrouted.CreateClient().GetAsync("/api/analisis?wilayah=18.72&periode=2022-08&permutasi=99&seed=21");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, write.StatusCode);
        Assert.Equal("application/problem+json", write.Content.Headers.ContentType?.MediaType);
    }
}
