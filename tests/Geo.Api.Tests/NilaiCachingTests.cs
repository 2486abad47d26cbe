using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Geo.Api.Tests.Support;
using Geo.Core.Akun;
using Geo.Data.Indikator;
using Geo.Data.Tests.Support;

namespace Geo.Api.Tests;

/// <summary>
/// GET /api/nilai's ETag and 304: the tag follows the data versions the answer is read from
/// (values and batch states, targets and catalogue, boundaries), the request and the caller's
/// area; what only an account sees is cached privately. Imports change this class's own database only.
/// </summary>
public sealed class NilaiCachingTests(GeoApiFactory factory) : IClassFixture<GeoApiFactory>
{
    private const string Url = "/api/nilai?induk=18.72&tingkat=desa&indikator=L19&periode=2024";
    private const string Desa = "18.72.02.1001";

    [Fact]
    public async Task A_full_answer_carries_an_ETag_and_revalidation_with_it_gives_304_without_a_body()
    {
        var client = factory.CreateClient();
        using var first = await client.GetAsync(Url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        Assert.True(etag is { IsWeak: true }, $"ETag {etag}");
        Assert.True(first.Headers.CacheControl is { Public: true, NoCache: true, Private: false }, first.Headers.CacheControl?.ToString());
        Assert.Equal(22, (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("nilai").GetArrayLength());

        using var again = await ConditionalGetAsync(client, Url, etag!);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, again.Headers.ETag);
        Assert.True(again.Headers.CacheControl is { Public: true, NoCache: true }, again.Headers.CacheControl?.ToString());
        Assert.Contains("app;dur=", again.Headers.GetValues("Server-Timing").Single());

        // Another request is another answer, with a tag of its own.
        using var other = await client.GetAsync(Url.Replace("L19", "L20", StringComparison.Ordinal));
        Assert.NotEqual(etag, other.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, (await ConditionalGetAsync(client, Url.Replace("L19", "L20", StringComparison.Ordinal), etag!)).StatusCode);
    }

    [Fact]
    public async Task An_import_and_its_publication_change_the_ETag_and_the_values()
    {
        var client = factory.CreateClient();
        const string url = "/api/nilai?induk=18.72.02&tingkat=desa&indikator=L18&periode=2024";
        using var before = await client.GetAsync(url);
        var etag = before.Headers.ETag!;
        Assert.Null(Value(await before.Content.ReadFromJsonAsync<JsonElement>(), Desa, "pembilang"));

        var csv = $"kode,indikator,periode,pembilang,penyebut\n{Desa},L18,2024,30,40\n";
        using var imported = await factory.Nasional().PostAsync("/api/impor/indikator?sumber=uji", Upload(csv));
        var report = await imported.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(imported.StatusCode == HttpStatusCode.OK, report.ToString());
        // A draft changes the working values (and may change batch states shown): the tag moves, the public values do not.
        var drafted = await ChangedAsync(client, url, etag);
        Assert.Null(Value(await drafted.Content.ReadFromJsonAsync<JsonElement>(), Desa, "pembilang"));

        await new BatchStore(factory.Database.DataSource).PublishThroughAsync(Uji.Lokal, report.GetProperty("batch").GetInt64());
        await ChangedAsync(client, url, drafted.Headers.ETag!);
        // One commit may move several data versions, learnt a moment apart: the tag settles on the published values.
        var published = await SettledAsync(client, url);
        Assert.Equal(30, Value(await published.Content.ReadFromJsonAsync<JsonElement>(), Desa, "pembilang"));
        Assert.Equal(HttpStatusCode.NotModified, (await ConditionalGetAsync(client, url, published.Headers.ETag!)).StatusCode);
    }

    [Fact]
    public async Task A_target_change_changes_the_ETag_and_the_target()
    {
        var client = factory.CreateClient();
        const string url = "/api/nilai?induk=18.72.03&tingkat=desa&indikator=L17&periode=2025";
        using var before = await client.GetAsync(url);
        var etag = before.Headers.ETag!;
        var body = await before.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("nasional", Item(body, "18.72.03.1001").GetProperty("target").GetProperty("asal").GetString());

        using var set = await factory.Nasional().PutAsJsonAsync("/api/indikator/L17/target", new { wilayah = "18.72.03", tahun = 2025, nilai = 42.5 });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);

        var changed = await ChangedAsync(client, url, etag);
        var target = Item(await changed.Content.ReadFromJsonAsync<JsonElement>(), "18.72.03.1001").GetProperty("target");
        Assert.Equal((42.5, "18.72.03"), (target.GetProperty("nilai").GetDouble(), target.GetProperty("asal").GetString()));
    }

    /// <summary>
    /// Callers who may get different answers get different tags; the public view of the whole
    /// country is one answer, shared, whoever asks. An account's own answers are private and vary
    /// by its credentials.
    /// </summary>
    [Fact]
    public async Task Areas_and_views_get_tags_of_their_own_and_only_the_public_answer_is_shared()
    {
        var draf = Url + "&tampilan=draf";
        var answers = new (string Name, HttpClient Client, string Url, bool Shared)[]
        {
            ("anonim", factory.CreateClient(), Url, true),
            ("akun nasional, terbit", factory.ClientAs("analis-nasional", "nasional", Peran.Analis), Url, true),
            ("akun 18.72, terbit", factory.ClientAs("analis-metro", "18.72", Peran.Analis), Url, false),
            ("akun 18.72.02, terbit", factory.ClientAs("analis-utara", "18.72.02", Peran.Analis), Url, false),
            ("akun 18.72, draf", factory.ClientAs("operator-metro", "18.72", Peran.Operator), draf, false),
            ("akun nasional, draf", factory.Nasional(), draf, false),
        };
        var tags = new List<(string Name, EntityTagHeaderValue Tag)>();
        foreach (var (name, client, url, shared) in answers)
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name}: {response.StatusCode}");
            var caching = response.Headers.CacheControl!;
            Assert.True(caching.NoCache && caching.Public == shared && caching.Private == !shared, $"{name}: {caching}");
            var vary = response.Headers.Vary.ToList();
            Assert.True(shared ? !vary.Contains("Cookie") : vary.Contains("Cookie") && vary.Contains("Authorization"), $"{name}: Vary {string.Join(", ", vary)}");
            tags.Add((name, response.Headers.ETag!));
        }

        Assert.Equal(tags[0].Tag, tags[1].Tag);
        var distinct = tags.Skip(1).Select(t => t.Tag.Tag).ToList();
        Assert.True(distinct.Distinct().Count() == distinct.Count, string.Join("\n", tags.Select(t => $"{t.Name}: {t.Tag}")));

        // The area's tag revalidates for the area only; the public one never answers an area account with 304.
        var metro = answers[2].Client;
        Assert.Equal(HttpStatusCode.NotModified, (await ConditionalGetAsync(metro, Url, tags[2].Tag)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ConditionalGetAsync(metro, Url, tags[0].Tag)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ConditionalGetAsync(answers[0].Client, Url, tags[2].Tag)).StatusCode);
    }

    [Fact]
    public async Task A_caller_who_may_not_read_the_draft_view_is_refused_even_with_its_tag()
    {
        var draf = Url + "&tampilan=draf";
        using var allowed = await factory.Nasional().GetAsync(draf);
        var etag = allowed.Headers.ETag!;

        Assert.Equal(HttpStatusCode.Forbidden, (await ConditionalGetAsync(factory.CreateClient(), draf, etag)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ConditionalGetAsync(factory.ClientAs("analis-lain", "18.71", Peran.Analis), draf, etag)).StatusCode);
    }

    private static async Task<HttpResponseMessage> ConditionalGetAsync(HttpClient client, string url, EntityTagHeaderValue etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(etag);
        return await client.SendAsync(request);
    }

    /// <summary>The answer whose tag a revalidation a moment later still matches (or the last one after 10 s).</summary>
    private static async Task<HttpResponseMessage> SettledAsync(HttpClient client, string url)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var response = await client.GetAsync(url);
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            using var again = await ConditionalGetAsync(client, url, response.Headers.ETag!);
            if (again.StatusCode == HttpStatusCode.NotModified) return response;
            response.Dispose();
            response = await client.GetAsync(url);
        }
        return response;
    }

    /// <summary>The answer once the server has learnt of a commit (by LISTEN/NOTIFY, a moment after it): a 200 to the old tag.</summary>
    private static async Task<HttpResponseMessage> ChangedAsync(HttpClient client, string url, EntityTagHeaderValue old)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var response = await ConditionalGetAsync(client, url, old);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                Assert.NotEqual(old, response.Headers.ETag);
                return response;
            }
            Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{url} kept its ETag {old} 10 s after the change");
            await Task.Delay(20);
        }
    }

    private static MultipartFormDataContent Upload(string csv)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { file, "berkas", "nilai.csv" } };
    }

    private static JsonElement Item(JsonElement body, string kode) =>
        body.GetProperty("nilai").EnumerateArray().Single(i => i.GetProperty("kode").GetString() == kode);

    private static double? Value(JsonElement body, string kode, string field) =>
        Item(body, kode).GetProperty(field) is { ValueKind: JsonValueKind.Number } v ? v.GetDouble() : null;
}
