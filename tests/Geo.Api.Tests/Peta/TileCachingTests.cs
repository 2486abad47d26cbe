using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Geo.Api.Tests.Support;
using Geo.Core.Wilayah;
using Geo.Data.Tests.Support;
using Geo.Data.Wilayah.Import;
using Npgsql;

namespace Geo.Api.Tests.Peta;

/// <summary>ETag, 304 and invalidation by imports. Imports change this class's own database only.</summary>
public sealed class TileCachingTests(GeoApiFactory factory) : IClassFixture<GeoApiFactory>
{
    private const string Kode = "18.72.01.1001";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task An_import_that_changes_a_desa_changes_the_ETag_and_the_tile_while_a_no_op_import_changes_nothing()
    {
        var (lon, lat) = (105.31, -5.12);
        var (x, y) = TileMath.TileOf(lon, lat, 12);
        var url = $"/tiles/desa/12/{x}/{y}.mvt";

        var first = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag!;
        Assert.Contains("max-age", first.Headers.CacheControl!.ToString());
        Assert.Contains(MvtDecoder.Decode(await first.Content.ReadAsByteArrayAsync(), 12, x, y).Single().Features,
            f => (string)f.Attributes["kode"]! == Kode && (string)f.Attributes["nama"]! == "Metro");

        var revalidated = await ConditionalGetAsync(url, etag.ToString());
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());

        // Re-importing the same file upserts no row: the statement triggers leave the version alone.
        var versionBefore = await factory.Database.ScalarAsync<long>("SELECT versi FROM data_versi WHERE nama = 'wilayah'");
        var importer = new BoundaryImporter(factory.Database.DataSource);
        var noop = await importer.ImportAsync(DataFiles.Boundaries("kota-metro-kelurahan.geojson"), new BoundaryImportOptions(Tingkat.Desa));
        Assert.Equal(22, noop.Unchanged);
        Assert.Equal(versionBefore, await factory.Database.ScalarAsync<long>("SELECT versi FROM data_versi WHERE nama = 'wilayah'"));
        Assert.Equal(HttpStatusCode.NotModified, (await ConditionalGetAsync(url, etag.ToString())).StatusCode);

        var renamed = await RenamedCopyAsync(Kode, "Metro Pusat");
        try
        {
            var report = await importer.ImportAsync(renamed, new BoundaryImportOptions(Tingkat.Desa));
            Assert.Equal(1, report.Updated);
        }
        finally
        {
            File.Delete(renamed);
        }

        // The server learns of the commit by LISTEN/NOTIFY, a moment after it.
        var changed = await PollAsync(async () =>
        {
            var response = await ConditionalGetAsync(url, etag.ToString());
            return response.StatusCode == HttpStatusCode.OK ? response : null;
        });
        Assert.NotEqual(etag, changed.Headers.ETag);
        Assert.Contains(MvtDecoder.Decode(await changed.Content.ReadAsByteArrayAsync(), 12, x, y).Single().Features,
            f => (string)f.Attributes["kode"]! == Kode && (string)f.Attributes["nama"]! == "Metro Pusat");
        Assert.Equal(HttpStatusCode.NotModified, (await ConditionalGetAsync(url, changed.Headers.ETag!.ToString())).StatusCode);
    }

    [Fact]
    public async Task Server_Timing_gives_the_query_time_of_a_built_tile_and_only_the_handler_time_of_a_cached_one()
    {
        var (x, y) = TileMath.TileOf(105.30, -5.11, 14); // a tile no other test of this class asks for
        var url = $"/tiles/desa/14/{x}/{y}.mvt";

        var built = ServerTiming(await _client.GetAsync(url));
        var cached = ServerTiming(await _client.GetAsync(url));

        Assert.Equal(["db", "app"], built.Keys);
        Assert.InRange(built["db"], 0.001, built["app"]);
        Assert.Equal(["app"], cached.Keys);
    }

    private static Dictionary<string, double> ServerTiming(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return string.Join(",", response.Headers.GetValues("Server-Timing"))
            .Split(',', StringSplitOptions.TrimEntries)
            .Select(metric => metric.Split(';'))
            .ToDictionary(parts => parts[0], parts => double.Parse(parts.Single(p => p.StartsWith("dur=", StringComparison.Ordinal))[4..], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Concurrent_requests_for_one_uncached_tile_share_one_query()
    {
        var (x, y) = TileMath.TileOf(105.31, -5.12, 14);
        var url = $"/tiles/desa/14/{x}/{y}.mvt";

        // Tile queries read data_versi: holding it locked parks them where they can be counted.
        await using var blocker = await factory.Database.DataSource.OpenConnectionAsync();
        await using var tx = await blocker.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE data_versi IN ACCESS EXCLUSIVE MODE", blocker, tx))
        {
            await lockTable.ExecuteNonQueryAsync();
        }

        var requests = Enumerable.Range(0, 6).Select(_ => _client.GetAsync(url)).ToList();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await WaitingTileQueriesAsync() == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "no tile query reached the database within 10 s");
            await Task.Delay(20);
        }
        await Task.Delay(1000);
        Assert.Equal(1L, await WaitingTileQueriesAsync());

        await tx.CommitAsync();
        var responses = await Task.WhenAll(requests);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsByteArrayAsync()));
        Assert.NotEmpty(bodies[0]);
        Assert.All(bodies, b => Assert.Equal(bodies[0], b));
    }

    private Task<long> WaitingTileQueriesAsync() => factory.Database.ScalarAsync<long>("""
        SELECT count(*) FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = 'geo-peta' AND wait_event_type = 'Lock'
        """);

    private async Task<HttpResponseMessage> ConditionalGetAsync(string url, string etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        return await _client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> PollAsync(Func<Task<HttpResponseMessage?>> attempt)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            if (await attempt() is { } done) return done;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("tile did not change within 10 s of the import");
            await Task.Delay(20);
        }
    }

    private static async Task<string> RenamedCopyAsync(string kode, string nama)
    {
        var collection = JsonNode.Parse(await File.ReadAllTextAsync(DataFiles.Boundaries("kota-metro-kelurahan.geojson")))!;
        var feature = collection["features"]!.AsArray().Single(f => (string?)f!["properties"]!["kode"] == kode)!;
        feature["properties"]!["nama"] = nama;
        var path = Path.Combine(Path.GetTempPath(), $"metro-{Guid.NewGuid():N}.geojson");
        await File.WriteAllTextAsync(path, collection.ToJsonString());
        return path;
    }
}
