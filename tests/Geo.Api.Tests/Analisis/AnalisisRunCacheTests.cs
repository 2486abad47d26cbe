using System.Net;
using System.Text.Json;
using Npgsql;

namespace Geo.Api.Tests.Analisis;

/// <summary>Stored runs as a cache of reads: bounded, revalidated by ETag, and stored once under concurrency.</summary>
public sealed class AnalisisRunCacheTests(MetroAnalysisFixture fixture) : IClassFixture<MetroAnalysisFixture>
{
    private readonly HttpClient _client = fixture.Factory.CreateClient();

    private static string Url(int seed, string path = "/api/analisis") => $"{path}?wilayah=18.72&periode=2022-08&permutasi=9&seed={seed}";

    [Fact]
    public async Task Runs_beyond_the_cap_are_evicted_least_recently_used_first_and_kept_runs_are_exempt()
    {
        const int cap = 3;
        using var capped = fixture.Factory.WithWebHostBuilder(b => b.UseSetting("Geo:Analisis:MaksimumTersimpan", cap.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var client = capped.CreateClient();

        var kept = await RunIdAsync(client, Url(100));
        await fixture.Factory.Database.ExecuteAsync($"UPDATE analisis SET disimpan_oleh = 'uji' WHERE id = {kept}");

        var ids = new List<long>();
        foreach (var seed in Enumerable.Range(101, 3)) ids.Add(await RunIdAsync(client, Url(seed)));
        // Used again: now the most recent, so the next eviction passes it over for 102.
        Assert.Equal(ids[0], await RunIdAsync(client, Url(101)));
        ids.Add(await RunIdAsync(client, Url(104)));
        Assert.Equal(1L, await fixture.Factory.Database.ScalarAsync<long>($"SELECT count(*) FROM analisis WHERE id = {ids[0]}"));
        Assert.Equal(0L, await fixture.Factory.Database.ScalarAsync<long>($"SELECT count(*) FROM analisis WHERE id = {ids[1]}"));
        foreach (var seed in Enumerable.Range(105, 4)) ids.Add(await RunIdAsync(client, Url(seed)));

        var cached = await fixture.Factory.Database.ScalarAsync<long>("SELECT count(*) FROM analisis WHERE disimpan_oleh IS NULL");
        Assert.InRange(cached, 1, cap);
        Assert.Equal(1L, await fixture.Factory.Database.ScalarAsync<long>($"SELECT count(*) FROM analisis WHERE id = {kept}"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/tiles/analisis/{kept}.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/tiles/analisis/{ids[1]}.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/tiles/analisis/{ids[^1]}.json")).StatusCode);
    }

    [Fact]
    public async Task The_same_request_revalidates_to_304_until_the_input_changes()
    {
        foreach (var path in new[] { "/api/analisis", "/api/analisis.geojson" })
        {
            var first = await _client.GetAsync(Url(200, path));
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            var etag = first.Headers.ETag!;
            Assert.True(etag.IsWeak);
            var caching = first.Headers.CacheControl!;
            Assert.True(caching.Public && caching.MustRevalidate && caching.MaxAge == TimeSpan.FromSeconds(30), caching.ToString());

            var again = await ConditionalGetAsync(Url(200, path), etag.ToString());
            Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
            Assert.Empty(await again.Content.ReadAsByteArrayAsync());
            Assert.Equal(etag, again.Headers.ETag);
        }

        var before = await _client.GetAsync(Url(201));
        var oldEtag = before.Headers.ETag!.ToString();
        // A new target for a coverage indicator with data in Kota Metro changes the input.
        await fixture.Factory.Database.ExecuteAsync("""
            INSERT INTO target (indikator, wilayah, tahun, nilai)
            SELECT indikator, '18.72', 2022, 77.7 FROM nilai WHERE indikator <> 'PREV_STUNTING' AND periode = '2022-08' ORDER BY indikator LIMIT 1
            ON CONFLICT (indikator, wilayah, tahun) DO UPDATE SET nilai = target.nilai + 1
            """);

        var after = await ConditionalGetAsync(Url(201), oldEtag);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(oldEtag, after.Headers.ETag!.ToString());
        Assert.NotEmpty(await after.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Identical_first_requests_at_once_store_one_run()
    {
        const int requests = 8;
        // Every request looks for its stored run in analisis first: holding the table parks them
        // all there, so they compute and store at the same moment once it is released.
        await using var blocker = await fixture.Factory.Database.DataSource.OpenConnectionAsync();
        await using var tx = await blocker.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE analisis IN ACCESS EXCLUSIVE MODE", blocker, tx))
        {
            await lockTable.ExecuteNonQueryAsync();
        }

        var pending = Enumerable.Range(0, requests).Select(_ => _client.GetAsync(Url(300))).ToList();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await WaitingOnAnalisisAsync() < requests)
        {
            Assert.True(DateTime.UtcNow < deadline, $"only {await WaitingOnAnalisisAsync()} of {requests} requests reached the lock within 30 s");
            await Task.Delay(20);
        }
        await tx.CommitAsync();

        var responses = await Task.WhenAll(pending);
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.All(responses.Zip(bodies), rb => Assert.True(rb.First.StatusCode == HttpStatusCode.OK, rb.Second));
        var ids = bodies.Select(b => JsonDocument.Parse(b).RootElement.GetProperty("id").GetInt64()).Distinct().ToList();
        Assert.Single(ids);
        Assert.Equal(1L, await fixture.Factory.Database.ScalarAsync<long>("SELECT count(*) FROM analisis WHERE parameter->>'seed' = '300'"));
    }

    private Task<long> WaitingOnAnalisisAsync() => fixture.Factory.Database.ScalarAsync<long>("""
        SELECT count(*) FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%analisis%'
        """);

    private static async Task<long> RunIdAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64();
    }

    private async Task<HttpResponseMessage> ConditionalGetAsync(string url, string etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        return await _client.SendAsync(request);
    }
}
