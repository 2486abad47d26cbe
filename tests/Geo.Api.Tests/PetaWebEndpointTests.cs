using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Geo.Core.Indikator;
using Geo.Core.Wilayah;
using Geo.Data.Indikator;
using Geo.Data.Indikator.Import;
using Geo.Data.Tests.Indikator;
using Geo.Data.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Geo.Api.Tests;

/// <summary>The API behind the map page, over Kota Metro with published prevalence and a draft of synthetic coverage.</summary>
public sealed class PetaWebFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public PostgisDatabase Database { get; } = new();

    /// <summary>A folder without a build: the page must answer with a problem saying what to run.</summary>
    public string EmptyWebFolder { get; } = Directory.CreateTempSubdirectory("geo-web-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("GEO_DATABASE_URL", Database.ConnectionString);
        builder.UseSetting("Geo:Web:Folder", EmptyWebFolder);
        builder.UseSetting("Geo:Web:Basemap", "https://tile.example/{z}/{x}/{y}.png");
    }

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await KotaMetroData.LoadBoundariesAsync(Database);
        await Uji.TerbitkanAsync(Database, await new IndikatorImporter(Database.DataSource).ImportAsync(KotaMetroData.TsvPath,
            new IndikatorImportOptions("PREV_STUNTING", "2022-08", "e-PPGBM", "18.72", "uji")));
        // Coverage stays a draft: the public reads must not show it.
        await new DemoSintetis(Database.DataSource).GenerateAsync(KodeWilayah.Parse("18.72"), Periode.Parse("2024-08"), 7, Uji.Lokal, terbitkan: false);
        await new DemoSintetis(Database.DataSource).GenerateAsync(KodeWilayah.Parse("18.72"), Periode.Parse("2022-08"), 7, Uji.Lokal, terbitkan: true);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
        Directory.Delete(EmptyWebFolder, recursive: true);
    }
}

public sealed class PetaWebEndpointTests(PetaWebFactory factory) : IClassFixture<PetaWebFactory>
{
    [Fact]
    public async Task Periods_list_only_published_values_under_the_area()
    {
        var client = factory.CreateClient();
        Assert.Equal(["2022-08"], (await client.GetFromJsonAsync<string[]>("/api/indikator/L14/periode?wilayah=18.72"))!);
        Assert.Equal(["2022-08"], (await client.GetFromJsonAsync<string[]>("/api/indikator/prev_stunting/periode?wilayah=18.72.01"))!);
        Assert.Empty((await client.GetFromJsonAsync<string[]>("/api/indikator/PREV_STUNTING/periode?wilayah=18.71"))!);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/indikator/TIDAK_ADA/periode?wilayah=18.72")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/indikator/L14/periode?wilayah=18-72")).StatusCode);
    }

    [Fact]
    public async Task A_desa_has_every_published_indicator_against_its_target_with_polarity()
    {
        var body = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/wilayah/18.72.01.1001/nilai?periode=2022-08");
        Assert.Equal("Metro", body.GetProperty("nama").GetString());
        Assert.True(body.GetProperty("sintetis").GetBoolean());
        var items = body.GetProperty("nilai").EnumerateArray().ToDictionary(i => i.GetProperty("indikator").GetString()!);
        Assert.Equal("PREV_STUNTING", body.GetProperty("nilai")[0].GetProperty("indikator").GetString());

        var prev = items["PREV_STUNTING"];
        Assert.Equal(8.17, prev.GetProperty("nilai").GetDouble(), 6);
        Assert.False(prev.GetProperty("sintetis").GetBoolean());
        Assert.Equal(["e-PPGBM"], prev.GetProperty("sumber").EnumerateArray().Select(s => s.GetString()!).ToArray());
        Assert.True(prev.GetProperty("memenuhiTarget").GetBoolean()); // 8.17 % against 14 %, lower is better

        Assert.Equal(29, items.Keys.Count(k => k.StartsWith('L')));
        foreach (var item in items.Values.Where(i => i.GetProperty("kelompok").GetString() == "layanan"))
        {
            var nilai = item.GetProperty("nilai").GetDouble();
            var target = item.GetProperty("target").GetProperty("nilai").GetDouble();
            var naik = item.GetProperty("polaritas").GetString() == "naik";
            Assert.Equal(naik ? nilai >= target : nilai <= target, item.GetProperty("memenuhiTarget").GetBoolean());
            Assert.True(item.GetProperty("sintetis").GetBoolean());
        }
    }

    [Fact]
    public async Task A_kecamatan_gets_roll_ups_and_an_unpublished_period_nothing()
    {
        var client = factory.CreateClient();
        var kecamatan = await client.GetFromJsonAsync<JsonElement>("/api/wilayah/18.72.01/nilai?periode=2022-08");
        var prev = kecamatan.GetProperty("nilai").EnumerateArray().Single(i => i.GetProperty("indikator").GetString() == "PREV_STUNTING");
        Assert.Equal("tertimbang", prev.GetProperty("metode").GetString());

        var draft = await client.GetFromJsonAsync<JsonElement>("/api/wilayah/18.72.01.1001/nilai?periode=2024-08");
        Assert.Empty(draft.GetProperty("nilai").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/wilayah/18.72.05.2099/nilai?periode=2022-08")).StatusCode);
    }

    [Fact]
    public async Task Without_a_build_the_page_is_a_404_saying_what_to_run()
    {
        var response = await factory.CreateClient().GetAsync("/");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("npm run build", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_configuration_names_the_optional_basemap()
    {
        var config = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/peta/konfigurasi");
        Assert.Equal("https://tile.example/{z}/{x}/{y}.png", config.GetProperty("basemap").GetString());
    }
}

/// <summary>The page and its hashed assets from a build folder, with their cache headers.</summary>
public sealed class PetaWebBuildTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("geo-web-build-").FullName;
    private readonly PostgisDatabase _database = new();
    private WebApplicationFactory<Program> _factory = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        Directory.CreateDirectory(Path.Combine(_folder, "assets"));
        await File.WriteAllTextAsync(Path.Combine(_folder, "index.html"), "<!doctype html><title>Peta TPPS</title><script type=module src=assets/main-ABC123.js></script>");
        await File.WriteAllTextAsync(Path.Combine(_folder, "embed.html"), "<!doctype html><title>Peta TPPS (sematan)</title><script type=module src=assets/embed-ABC123.js></script>");
        await File.WriteAllTextAsync(Path.Combine(_folder, "assets", "main-ABC123.js"), "console.log('peta')");
        await File.WriteAllTextAsync(Path.Combine(_folder, "assets", "maplibre-gl-worker-DEF456.mjs"), "export {}");
        // As the build writes them: the same asset compressed once at the best level.
        await File.WriteAllBytesAsync(Path.Combine(_folder, "assets", "main-ABC123.js.br"), Brotli);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("GEO_DATABASE_URL", _database.ConnectionString);
            b.UseSetting("Geo:Web:Folder", _folder);
        });
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/peta")]
    public async Task The_page_is_served_and_always_revalidated(string path)
    {
        var response = await _factory.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        Assert.Contains("Peta TPPS", await response.Content.ReadAsStringAsync());
    }

    private static readonly byte[] Brotli = [0x0b, 0x09, 0x80, 0x63, 0x6f, 0x6e, 0x73, 0x6f, 0x6c, 0x65, 0x03];

    [Fact]
    public async Task A_browser_that_accepts_brotli_gets_the_builds_precompressed_asset_with_the_originals_type()
    {
        var client = _factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/assets/main-ABC123.js");
        request.Headers.Add("Accept-Encoding", "gzip, deflate, br, zstd");
        using var br = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, br.StatusCode);
        Assert.Equal(["br"], br.Content.Headers.ContentEncoding);
        Assert.Equal("text/javascript", br.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Brotli, await br.Content.ReadAsByteArrayAsync());
        Assert.Equal("public, max-age=31536000, immutable", br.Headers.CacheControl?.ToString());
        Assert.Contains("Accept-Encoding", br.Headers.Vary);

        using var plain = await client.GetAsync("/assets/main-ABC123.js");
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal("console.log('peta')", await plain.Content.ReadAsStringAsync());
        // No precompressed file: the worker is compressed on the fly as before.
        using var worker = new HttpRequestMessage(HttpMethod.Get, "/assets/maplibre-gl-worker-DEF456.mjs");
        worker.Headers.Add("Accept-Encoding", "br");
        using var onTheFly = await client.SendAsync(worker);
        Assert.Equal("text/javascript", onTheFly.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/assets/..%2F..%2Fetc%2Fpasswd")).StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/embed")]
    public async Task A_revalidated_page_keeps_the_policy_it_was_stored_with(string path)
    {
        var client = _factory.CreateClient();
        using var first = await client.GetAsync(path);
        Assert.Contains("script-src 'self'", first.Headers.GetValues("Content-Security-Policy").Single());
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfModifiedSince = first.Content.Headers.LastModified;
        using var again = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        // A 304's headers replace the stored ones: "default-src 'none'" here left the second visit a blank page.
        Assert.False(again.Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public async Task The_embed_is_its_own_page_that_other_sites_may_frame_as_configured()
    {
        using var embed = await _factory.WithWebHostBuilder(b => b.UseSetting("Geo:Embed:FrameAncestors", "https://portal.example.go.id"))
            .CreateClient().GetAsync("/embed?wilayah=18.72&indikator=PREV_STUNTING");
        Assert.Equal(HttpStatusCode.OK, embed.StatusCode);
        Assert.Equal("no-cache", embed.Headers.CacheControl?.ToString());
        Assert.Contains("Peta TPPS (sematan)", await embed.Content.ReadAsStringAsync());
        Assert.EndsWith("frame-ancestors https://portal.example.go.id", embed.Headers.GetValues("Content-Security-Policy").Single());
        Assert.False(embed.Headers.Contains("X-Frame-Options"));

        using var page = await _factory.CreateClient().GetAsync("/");
        Assert.EndsWith("frame-ancestors 'none'", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
    }

    [Theory]
    [InlineData("/assets/main-ABC123.js")]
    [InlineData("/assets/maplibre-gl-worker-DEF456.mjs")]
    public async Task Hashed_assets_are_cached_for_a_year_as_immutable(string path)
    {
        var response = await _factory.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        // A worker runs under its own response's policy: MapLibre's must be allowed to fetch tiles.
        Assert.Contains("connect-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
