using System.Net;
using System.Text.Json;
using Geo.Api.Tests.Support;
using Geo.Core.Akun;
using Geo.Core.Indikator;
using Geo.Core.Wilayah;
using Geo.Data.Indikator;
using Geo.Data.Indikator.Import;
using Geo.Data.Tests.Indikator;
using Geo.Data.Tests.Support;

namespace Geo.Api.Tests.Ogc;

/// <summary>
/// Kota Metro as `./geo up` loads it (real 2022-08 prevalence, published; synthetic coverage), served
/// on Kestrel so that GDAL can connect as QGIS users do.
/// </summary>
public sealed class LiveMetroFixture : IAsyncLifetime
{
    public GeoApiFactory Factory { get; } = new();
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)Factory).InitializeAsync();
        var source = Factory.Database.DataSource;
        var prevalence = await new IndikatorImporter(source).ImportAsync(KotaMetroData.TsvPath,
            new IndikatorImportOptions("PREV_STUNTING", "2022-08", "e-PPGBM", "18.72", "uji"));
        await Uji.TerbitkanAsync(Factory.Database, prevalence);
        var coverage = await new DemoSintetis(source).GenerateAsync(KodeWilayah.Parse("18.72"), Periode.Parse("2022-08"), 1872, Uji.Lokal, true);
        Assert.True(coverage.Berhasil);
        Factory.UseKestrel(0);
        Factory.StartServer();
        BaseUrl = Factory.CreateClient().BaseAddress!.ToString().TrimEnd('/');
    }

    public Task DisposeAsync() => ((IAsyncLifetime)Factory).DisposeAsync();
}

public sealed class OgcAnalisisTests(LiveMetroFixture fixture) : IClassFixture<LiveMetroFixture>
{
    private const string Run = "/api/analisis?wilayah=18.72&periode=2022-08&permutasi=99";

    private static async Task<long> RunIdAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync(query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
    }

    [Fact]
    public async Task Ogr2ogr_pages_through_the_analysis_collection_by_next_links_and_types_every_field()
    {
        var id = await RunIdAsync(fixture.Factory.CreateClient(), $"{Run}&seed=11");
        var url = $"OAPIF:{fixture.BaseUrl}/ogc/collections/analisis-{id}";
        var folder = Directory.CreateTempSubdirectory("geo-ogc-");
        try
        {
            var output = Path.Combine(folder.FullName, "analisis.gpkg");
            // Pages of 5: 22 kelurahan take five requests, each found through the previous page's next link.
            var log = await Gdal.OkAsync("ogr2ogr", "--config", "CPL_DEBUG", "ON", "-oo", "PAGE_SIZE=5", "-f", "GPKG", output, url);
            var pages = log.Split('\n').Count(l => l.Contains($"/ogc/collections/analisis-{id}/items?limit=5", StringComparison.Ordinal));
            Assert.True(pages >= 5, log);
            Assert.Contains("offset=20", log);

            var summary = await Gdal.OkAsync("ogrinfo", "-ro", "-so", output, $"analisis-{id}");
            Assert.Contains("Feature Count: 22", summary);
            var fields = Gdal.Fields(summary);
            foreach (var real in new[] { "nilai", "eb_global", "eb_lokal", "local_i", "local_z", "local_p", "gi_z", "gi_p" }) Assert.Equal("Real", fields[real]);
            Assert.Equal("Integer", fields["gi_bin"]);
            Assert.Equal("Integer(Boolean)", fields["sintetis"]);
            foreach (var text in new[] { "kode", "nama", "lisa", "kelas", "alasan" }) Assert.Equal("String", fields[text]);

            // Values as the run stored them: the real 2022-08 prevalence of Metro, no smoothing (percentages only).
            var metro = await Gdal.OkAsync("ogrinfo", "-ro", "-al", "-where", "kode = '18.72.01.1001'", output);
            Assert.Contains("nilai (Real) = 8.17", metro);
            Assert.Contains("eb_global (Real) = (null)", metro);
            var kodes = await fixture.Factory.Database.ScalarAsync<long>($"SELECT count(DISTINCT kode) FROM analisis_unit WHERE analisis = {id}");
            Assert.Equal(22, kodes);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Ogrinfo_finds_the_analysis_among_the_collections_of_the_landing_page()
    {
        var id = await RunIdAsync(fixture.Factory.CreateClient(), $"{Run}&seed=12");
        var layers = await Gdal.OkAsync("ogrinfo", "-ro", "-q", $"OAPIF:{fixture.BaseUrl}/ogc");
        Assert.Contains($"analisis-{id}", layers);
        Assert.Contains("desa", layers);
    }

    [Fact]
    public async Task Indicator_values_reach_GDAL_from_the_collection_URL_and_from_the_landing_page_typed()
    {
        foreach (var url in new[]
        {
            $"OAPIF:{fixture.BaseUrl}/ogc/collections/desa?indikator=PREV_STUNTING&periode=2022-08",
            $"OAPIF:{fixture.BaseUrl}/ogc?indikator=PREV_STUNTING&periode=2022-08",
        })
        {
            var summary = await Gdal.OkAsync("ogrinfo", "-ro", "-so", url, "desa");
            var fields = Gdal.Fields(summary);
            Assert.Equal("Real", fields["nilai"]);
            // Percentages only: every pembilang is empty, and GDAL still makes it a number.
            Assert.Equal("Real", fields["pembilang"]);
            var metro = await Gdal.OkAsync("ogrinfo", "-ro", "-al", "-where", "kode = '18.72.01.1001'", url, "desa");
            Assert.Contains("nilai (Real) = 8.17", metro);
        }
    }

    [Fact]
    public async Task QGIS_connects_as_the_README_says_and_draws_the_styles_over_the_tiles()
    {
        const string qgis = "/usr/lib/python3/dist-packages/qgis";
        Assert.True(Directory.Exists(qgis), $"{qgis} is missing: this test drives QGIS (apt-get install python3-qgis; ./geo test installs it as root)");
        var id = await RunIdAsync(fixture.Factory.CreateClient(), $"{Run}&seed=17");
        var start = new System.Diagnostics.ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[]
        {
            Path.Combine(DataFiles.ProjectRoot, "tests", "reference", "qgis", "connect.py"), fixture.BaseUrl,
            id.ToString(System.Globalization.CultureInfo.InvariantCulture), "22", Path.Combine(DataFiles.ProjectRoot, "styles"),
        })
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["QT_QPA_PLATFORM"] = "offscreen";
        start.Environment["no_proxy"] = "127.0.0.1,localhost";
        start.Environment["NO_PROXY"] = "127.0.0.1,localhost";
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(3)).Token);
        var text = await output + await errors;
        Assert.True(process.ExitCode == 0, text);
        Assert.Contains($"typename=analisis-{id}: 22 features", text);
        Assert.Equal(2, text.Split('\n').Count(l => l.StartsWith("XYZ ", StringComparison.Ordinal) && !l.Contains(": 0 of", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task GDAL_reads_one_vector_tile_with_the_indicator_values_typed()
    {
        // z12 tile over Kota Metro.
        var summary = await Gdal.OkAsync("ogrinfo", "-ro", "-so", "-al", $"MVT:{fixture.BaseUrl}/tiles/desa/12/3246/2106.mvt?indikator=PREV_STUNTING&periode=2022-08");
        Assert.Contains("Layer name: desa", summary);
        Assert.DoesNotContain("Feature Count: 0", summary);
        Assert.Equal("Real", Gdal.Fields(summary)["nilai"]);
    }

    [Fact]
    public async Task The_analysis_GeoJSON_never_gives_GDAL_a_text_column_for_an_empty_number()
    {
        await RunIdAsync(fixture.Factory.CreateClient(), $"{Run}&seed=13");
        var summary = await Gdal.OkAsync("ogrinfo", "-ro", "-so", "-al", $"{fixture.BaseUrl}/api/analisis.geojson?wilayah=18.72&periode=2022-08&permutasi=99&seed=13");
        var fields = Gdal.Fields(summary);
        Assert.Equal("Real", fields["nilai"]);
        Assert.Equal("Integer", fields["gi_bin"]);
        foreach (var (name, type) in fields.Where(f => f.Key is not ("kode" or "nama" or "lisa" or "kelas" or "alasan")))
        {
            Assert.True(type != "String", $"{name} is String in analisis.geojson");
        }
    }

    [Fact]
    public async Task A_draft_run_is_a_collection_only_for_role_holders_of_its_area()
    {
        var analis = fixture.Factory.ClientAs("ana-ogc", "18.72", Peran.Analis);
        var tetangga = fixture.Factory.ClientAs("lain-ogc", "18.71", Peran.Analis);
        var anonim = fixture.Factory.CreateClient();
        var draft = await RunIdAsync(analis, $"{Run}&seed=14&tampilan=draf");
        var published = await RunIdAsync(anonim, $"{Run}&seed=14");

        foreach (var path in new[] { "", "/items", "/items/18.72.01.1001", "/schema", "/queryables" })
        {
            Assert.Equal(HttpStatusCode.OK, (await analis.GetAsync($"/ogc/collections/analisis-{draft}{path}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await anonim.GetAsync($"/ogc/collections/analisis-{draft}{path}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await tetangga.GetAsync($"/ogc/collections/analisis-{draft}{path}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await anonim.GetAsync($"/ogc/collections/analisis-{published}{path}")).StatusCode);
        }
        var items = await analis.GetAsync($"/ogc/collections/analisis-{draft}/items");
        Assert.True(items.Headers.CacheControl!.Private);

        Assert.DoesNotContain($"analisis-{draft}", await CollectionIdsAsync(anonim));
        Assert.DoesNotContain($"analisis-{draft}", await CollectionIdsAsync(tetangga));
        Assert.Contains($"analisis-{draft}", await CollectionIdsAsync(analis));
    }

    [Fact]
    public async Task The_collection_list_names_one_run_per_area_indicator_and_period_the_last_used()
    {
        var anonim = fixture.Factory.CreateClient();
        var ids = new List<long>();
        foreach (var seed in new[] { 21, 22, 23, 24 }) ids.Add(await RunIdAsync(anonim, $"{Run}&seed={seed}&alpha=0.1"));
        var last = ids[^1];
        var listed = await CollectionIdsAsync(anonim);

        Assert.Contains($"analisis-{last}", listed);
        foreach (var older in ids[..^1]) Assert.DoesNotContain($"analisis-{older}", listed);
        Assert.Equal(listed.Distinct().Count(), listed.Count);
        Assert.InRange(listed.Count(c => c.StartsWith("analisis-", StringComparison.Ordinal)), 1, 20);
        // Unlisted runs stay reachable by their id.
        Assert.Equal(HttpStatusCode.OK, (await anonim.GetAsync($"/ogc/collections/analisis-{ids[0]}")).StatusCode);
    }

    [Fact]
    public async Task Queryables_name_the_filters_that_items_honour()
    {
        var client = fixture.Factory.CreateClient();
        var id = await RunIdAsync(client, $"{Run}&seed=15");
        var queryables = JsonDocument.Parse(await client.GetStringAsync($"/ogc/collections/analisis-{id}/queryables")).RootElement;
        var names = queryables.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["lisa", "gi_bin", "kelas", "perubahan_arah", "pola_titik_panas"], names);

        var all = await FeaturesAsync(client, $"/ogc/collections/analisis-{id}/items?limit=1000");
        foreach (var name in names)
        {
            foreach (var value in all.Select(f => f.GetProperty("properties").GetProperty(name).ToString()).Where(v => v.Length > 0).Distinct())
            {
                var filtered = await FeaturesAsync(client, $"/ogc/collections/analisis-{id}/items?{name}={Uri.EscapeDataString(value)}&limit=1000");
                var expected = all.Where(f => f.GetProperty("properties").GetProperty(name).ToString() == value).Select(f => f.GetProperty("id").GetString()).ToList();
                Assert.Equal(expected, filtered.Select(f => f.GetProperty("id").GetString()).ToList());
            }
        }
    }

    [Theory]
    [InlineData("/ogc/collections/analisis-{id}/items?kelas=parah", HttpStatusCode.BadRequest)]
    [InlineData("/ogc/collections/analisis-{id}/items?gi_bin=4", HttpStatusCode.BadRequest)]
    [InlineData("/ogc/collections/analisis-{id}/items?gi_bin=x", HttpStatusCode.BadRequest)]
    [InlineData("/ogc/collections/analisis-{id}/items?limit=0", HttpStatusCode.BadRequest)]
    [InlineData("/ogc/collections/analisis-{id}/items?offset=-1", HttpStatusCode.BadRequest)]
    [InlineData("/ogc/collections/analisis-{id}/items/18.71.01.1001", HttpStatusCode.NotFound)]
    [InlineData("/ogc/collections/analisis-999999", HttpStatusCode.NotFound)]
    [InlineData("/ogc/collections/analisis-x/items", HttpStatusCode.NotFound)]
    [InlineData("/ogc/collections/analisis-999999/schema", HttpStatusCode.NotFound)]
    public async Task Bad_analysis_requests_are_problem_details(string url, HttpStatusCode status)
    {
        var client = fixture.Factory.CreateClient();
        var id = await RunIdAsync(client, $"{Run}&seed=16");
        var response = await client.GetAsync(url.Replace("{id}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/ogc")]
    [InlineData("/ogc/collections")]
    [InlineData("/ogc/collections/desa")]
    [InlineData("/ogc/collections/desa/items")]
    [InlineData("/ogc/collections/desa/items/18.72.01.1001")]
    [InlineData("/ogc/collections/desa/schema")]
    [InlineData("/ogc/collections/desa/queryables")]
    public async Task Every_OGC_URL_takes_the_indicator_pair_the_same_way(string path)
    {
        var client = fixture.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{path}?indikator=PREV_STUNTING&periode=2022-08")).StatusCode);
        // The same value twice (GDAL repeats the query our links already carry) is that value.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{path}?indikator=PREV_STUNTING&periode=2022-08&indikator=PREV_STUNTING&periode=2022-08")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{path}?indikator=TIDAK_ADA&periode=2022-08")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"{path}?indikator=PREV_STUNTING&periode=2022-13")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"{path}?indikator=PREV_STUNTING")).StatusCode);

        if (path is "/ogc" or "/ogc/collections" or "/ogc/collections/desa")
        {
            // Links keep the pair, so a client that follows them keeps the values.
            var body = JsonDocument.Parse(await client.GetStringAsync($"{path}?indikator=PREV_STUNTING&periode=2022-08")).RootElement;
            var links = (path == "/ogc/collections" ? body.GetProperty("collections")[3] : body).GetProperty("links").EnumerateArray()
                .Where(l => l.GetProperty("rel").GetString() is "data" or "items" or "describedBy")
                .Select(l => l.GetProperty("href").GetString()!).ToList();
            Assert.NotEmpty(links);
            Assert.All(links, l => Assert.EndsWith("?indikator=PREV_STUNTING&periode=2022-08", l));
        }
    }

    private static async Task<List<string>> CollectionIdsAsync(HttpClient client)
    {
        var body = JsonDocument.Parse(await client.GetStringAsync("/ogc/collections")).RootElement;
        return body.GetProperty("collections").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToList();
    }

    private static async Task<List<JsonElement>> FeaturesAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return page.GetProperty("features").EnumerateArray().ToList();
    }
}
