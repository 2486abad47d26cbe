using System.Net;
using System.Text.Json;
using Geo.Api.Tests.Peta;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Geo.Api.Tests.Replika;

/// <summary>
/// The standby goes away under two running instances configured with a plain standby URL: reads
/// that went to it are served by the primary (DatabaseUrl.WithFallback, and one retry on fresh
/// connections for a read cut by the failure), the instances say so in their log, and reads go
/// back to the standby once it answers again.
/// </summary>
public sealed class StandbyFallbackTests : IAsyncLifetime
{
    private readonly ReplicatedTopology _topology = new();
    private readonly LogSink[] _logs = [new(), new()];
    private WebApplicationFactory<Program>[] _instances = [];

    public async Task InitializeAsync()
    {
        await _topology.InitializeAsync();
        // The first instance polls the standby every 100 ms, as a server would; the second once an
        // hour, so that only a read (not a poll) can find its pooled connections dead.
        _instances = _logs.Select((log, i) => new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("GEO_DATABASE_URL", _topology.Primary.Url("geo"))
            .UseSetting("GEO_STANDBY_DATABASE_URL", $"Host=127.0.0.1;Port={_topology.Standby.Port};Username=geo;Database=geo;Host Recheck Seconds=2")
            .UseSetting("Geo:Database:StandbyPollMilliseconds", i == 0 ? "100" : "3600000")
            .UseSetting("Geo:MigrateOnStartup", "false")
            .UseSetting("Geo:RateLimit:PermintaanPerMenit", "0")
            .ConfigureServices(s => s.AddSingleton<ILoggerProvider>(log)))).ToArray();
    }

    public async Task DisposeAsync()
    {
        foreach (var instance in _instances) await instance.DisposeAsync();
        await _topology.DisposeAsync();
    }

    /// <summary>Every read kind routed to the standby, each checked for its values; z picks a tile not cached yet.</summary>
    private static async Task ReadAllAsync(HttpClient client, int z)
    {
        var (x, y) = TileMath.TileOf(105.31, -5.12, z);
        using var tile = await client.GetAsync($"/tiles/desa/{z}/{x}/{y}.mvt?indikator=PREV_STUNTING&periode=2022-08");
        Assert.Equal(HttpStatusCode.OK, tile.StatusCode);
        var layer = Assert.Single(MvtDecoder.Decode(await tile.Content.ReadAsByteArrayAsync(), z, x, y));
        // Past z8 a tile holds part of Metro: every kelurahan in it, each with its value.
        Assert.NotEmpty(layer.Features);
        Assert.All(layer.Features, f => Assert.True(f.Attributes.ContainsKey("nilai")));

        using var features = await client.GetAsync("/ogc/collections/desa/items?indikator=PREV_STUNTING&periode=2022-08&limit=1000");
        Assert.Equal(HttpStatusCode.OK, features.StatusCode);
        Assert.Equal(22, JsonDocument.Parse(await features.Content.ReadAsStringAsync()).RootElement.GetProperty("features").GetArrayLength());

        using var nilai = await client.GetAsync("/api/nilai?induk=18.72&indikator=PREV_STUNTING&periode=2022-08");
        Assert.Equal(HttpStatusCode.OK, nilai.StatusCode);
        Assert.Equal(22, JsonDocument.Parse(await nilai.Content.ReadAsStringAsync()).RootElement.GetProperty("nilai").EnumerateArray()
            .Count(v => v.GetProperty("nilai").ValueKind == JsonValueKind.Number));
    }

    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"not within 30 s: {what}");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Reads_fall_back_to_the_primary_while_the_standby_is_down_and_return_to_it_after()
    {
        var clients = _instances.Select(i => i.CreateClient()).ToArray();
        // Warm: each instance's pools hold idle connections to the standby, which die with it.
        foreach (var client in clients) await ReadAllAsync(client, 8);

        await _topology.Standby.StopAsync();

        // At once, before any poll noticed: every read answers, with all its values, from the primary.
        for (var z = 9; z <= 12; z++)
        {
            foreach (var client in clients) await ReadAllAsync(client, z);
        }
        // The polling instance says that reads fell back; the other, that it repeated a read cut by the failure.
        await WaitForAsync(() => _logs[0].Contains("kini dilayani primary"), "the polling instance logs that reads fell back to the primary");
        Assert.True(_logs[1].Contains("diulang sekali"), string.Join("\n", _logs[1].Lines));
        // Writes were never on the standby: they go on.
        using var run = await clients[1].GetAsync("/api/analisis?wilayah=18.72&periode=2022-08&permutasi=99&seed=31");
        Assert.Equal(HttpStatusCode.OK, run.StatusCode);

        await _topology.Standby.StartAsync();
        await WaitForAsync(() => _logs[0].Contains("kembali ke standby"), "the polling instance logs that reads are back on the standby");
        foreach (var client in clients) await ReadAllAsync(client, 13);
    }
}
