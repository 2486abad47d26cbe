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

/// <summary>Kota Metro with real prevalence (2022-08, with its puskesmas column), synthetic coverage published for two periods and a draft third.</summary>
public sealed class PetaDataFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public PostgisDatabase Database { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseSetting("GEO_DATABASE_URL", Database.ConnectionString);

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await KotaMetroData.LoadBoundariesAsync(Database);
        await Uji.TerbitkanAsync(Database, await new IndikatorImporter(Database.DataSource).ImportAsync(KotaMetroData.TsvPath,
            new IndikatorImportOptions("PREV_STUNTING", "2022-08", "e-PPGBM", "18.72", "uji")));
        var metro = KodeWilayah.Parse("18.72");
        await new DemoSintetis(Database.DataSource).GenerateAsync(metro, Periode.Parse("2022-02"), 5, Uji.Lokal, terbitkan: true);
        await new DemoSintetis(Database.DataSource).GenerateAsync(metro, Periode.Parse("2022-08"), 7, Uji.Lokal, terbitkan: true);
        await new DemoSintetis(Database.DataSource).GenerateAsync(metro, Periode.Parse("2024-08"), 9, Uji.Lokal, terbitkan: false);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }
}

public sealed class PetaDataEndpointTests(PetaDataFactory factory) : IClassFixture<PetaDataFactory>
{
    private const string Desa = "18.72.01.1001";

    [Fact]
    public async Task A_desa_series_holds_every_published_period_with_the_values_of_each_period_and_no_draft()
    {
        var client = factory.CreateClient();
        var body = await client.GetFromJsonAsync<JsonElement>($"/api/wilayah/{Desa}/deret");
        Assert.Equal("Metro", body.GetProperty("nama").GetString());
        Assert.True(body.GetProperty("sintetis").GetBoolean());
        var deret = body.GetProperty("deret").EnumerateArray().ToDictionary(d => d.GetProperty("indikator").GetString()!);
        Assert.Equal("PREV_STUNTING", body.GetProperty("deret")[0].GetProperty("indikator").GetString());

        var prev = deret["PREV_STUNTING"].GetProperty("titik").EnumerateArray().ToList();
        Assert.Equal(["2022-08"], prev.Select(t => t.GetProperty("periode").GetString()));
        Assert.Equal(8.17, prev[0].GetProperty("nilai").GetDouble(), 6);
        Assert.False(prev[0].GetProperty("sintetis").GetBoolean());
        Assert.Equal("e-PPGBM", prev[0].GetProperty("sumber").GetString());
        // The regulation's targets for the years ahead (Lampiran II, Perwali Metro 32/2022).
        var row = KotaMetroData.Rows().Single(r => r.Kelurahan == "Metro");
        var years = deret["PREV_STUNTING"].GetProperty("targetTahunan").EnumerateArray().ToList();
        Assert.Equal([2023, 2024], years.Select(y => y.GetProperty("tahun").GetInt32()));
        Assert.Equal(row.Target2023, years[0].GetProperty("nilai").GetDouble(), 6);
        Assert.Equal(row.Target2024, years[1].GetProperty("nilai").GetDouble(), 6);
        Assert.Equal(Desa, years[0].GetProperty("asal").GetString());

        // Each coverage point equals the panel's value of its period; the draft 2024-08 is not there.
        foreach (var periode in new[] { "2022-02", "2022-08" })
        {
            var panel = await client.GetFromJsonAsync<JsonElement>($"/api/wilayah/{Desa}/nilai?periode={periode}");
            foreach (var item in panel.GetProperty("nilai").EnumerateArray().Where(i => i.GetProperty("kelompok").GetString() == "layanan"))
            {
                var titik = deret[item.GetProperty("indikator").GetString()!].GetProperty("titik").EnumerateArray()
                    .Single(t => t.GetProperty("periode").GetString() == periode);
                Assert.Equal(item.GetProperty("nilai").GetDouble(), titik.GetProperty("nilai").GetDouble(), 9);
                Assert.Equal(item.GetProperty("target").GetProperty("nilai").GetDouble(), titik.GetProperty("target").GetDouble(), 9);
            }
        }
        Assert.All(deret.Values.Where(d => d.GetProperty("indikator").GetString()!.StartsWith('L')),
            d => Assert.Equal(["2022-02", "2022-08"], d.GetProperty("titik").EnumerateArray().Select(t => t.GetProperty("periode").GetString())));

        var some = await client.GetFromJsonAsync<JsonElement>($"/api/wilayah/{Desa}/deret?indikator=l14,PREV_STUNTING");
        Assert.Equal(["PREV_STUNTING", "L14"], some.GetProperty("deret").EnumerateArray().Select(d => d.GetProperty("indikator").GetString()));
    }

    [Fact]
    public async Task A_kecamatan_series_is_the_roll_up_of_each_period_and_needs_one_indicator()
    {
        var client = factory.CreateClient();
        var body = await client.GetFromJsonAsync<JsonElement>("/api/wilayah/18.72.01/deret?indikator=L14");
        var titik = body.GetProperty("deret").EnumerateArray().Single().GetProperty("titik").EnumerateArray().ToList();
        Assert.Equal(["2022-02", "2022-08"], titik.Select(t => t.GetProperty("periode").GetString()));
        foreach (var t in titik)
        {
            var rollUp = await client.GetFromJsonAsync<JsonElement>($"/api/nilai?induk=18.72&indikator=L14&periode={t.GetProperty("periode").GetString()}&tingkat=kecamatan");
            var kec = rollUp.GetProperty("nilai").EnumerateArray().Single(n => n.GetProperty("kode").GetString() == "18.72.01");
            Assert.Equal(kec.GetProperty("nilai").GetDouble(), t.GetProperty("nilai").GetDouble(), 9);
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/wilayah/18.72.01/deret")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/wilayah/{Desa}/deret?indikator=a;b")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/wilayah/18.72.05.2099/deret")).StatusCode);
    }

    [Fact]
    public async Task Puskesmas_groupings_come_from_the_published_table_with_their_desa_and_match_the_roll_up_codes()
    {
        var client = factory.CreateClient();
        var groups = (await client.GetFromJsonAsync<JsonElement>("/api/kelompok?induk=18.72&jenis=puskesmas")).EnumerateArray().ToList();
        var expected = KotaMetroData.Rows().GroupBy(r => r.Puskesmas).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(expected.Keys.Order(), groups.Select(g => g.GetProperty("nama").GetString()!).Order());
        foreach (var g in groups)
        {
            Assert.Equal(expected[g.GetProperty("nama").GetString()!], g.GetProperty("anggota").GetArrayLength());
        }
        Assert.Equal(22, groups.Sum(g => g.GetProperty("anggota").GetArrayLength()));

        var rollUp = await client.GetFromJsonAsync<JsonElement>("/api/nilai?induk=18.72&indikator=PREV_STUNTING&periode=2022-08&tingkat=puskesmas");
        Assert.Equal(groups.Select(g => g.GetProperty("kode").GetString()).Order(),
            rollUp.GetProperty("nilai").EnumerateArray().Select(n => n.GetProperty("kode").GetString()).Order());

        Assert.Empty((await client.GetFromJsonAsync<JsonElement>("/api/kelompok?induk=18.71&jenis=puskesmas")).EnumerateArray());
        // Kota Metro's groupings are defined for the city: a kecamatan view has none, as its roll-up has none.
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>("/api/kelompok?induk=18.72.01&jenis=puskesmas")).EnumerateArray());
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>("/api/nilai?induk=18.72.01&indikator=PREV_STUNTING&periode=2022-08&tingkat=puskesmas")).GetProperty("nilai").EnumerateArray());
        Assert.Equal(groups.Count, (await client.GetFromJsonAsync<JsonElement>("/api/kelompok?induk=18&jenis=puskesmas")).GetArrayLength());
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>("/api/kelompok?induk=18.72&jenis=posyandu")).EnumerateArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/kelompok?induk=18-72")).StatusCode);
    }

    [Fact]
    public async Task Label_points_name_every_kecamatan_and_desa_of_the_area()
    {
        var body = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/wilayah/18.72/titik-label");
        var features = body.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(5, features.Count(f => f.GetProperty("properties").GetProperty("tingkat").GetString() == "kecamatan"));
        Assert.Equal(22, features.Count(f => f.GetProperty("properties").GetProperty("tingkat").GetString() == "desa"));
        Assert.Contains(features, f => f.GetProperty("properties").GetProperty("nama").GetString() == "Metro Pusat");
        foreach (var f in features)
        {
            var c = f.GetProperty("geometry").GetProperty("coordinates");
            Assert.InRange(c[0].GetDouble(), 105.2, 105.4);
            Assert.InRange(c[1].GetDouble(), -5.2, -5.0);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync("/api/wilayah/18.71/titik-label")).StatusCode);
    }

    [Theory]
    [InlineData("kecamatan", 5)]
    [InlineData("desa", 22)]
    public async Task Label_points_of_one_level(string tingkat, int expected)
    {
        var body = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/wilayah/18.72/titik-label?tingkat={tingkat}");
        var levels = body.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("tingkat").GetString()).ToList();
        Assert.Equal(expected, levels.Count);
        Assert.All(levels, l => Assert.Equal(tingkat, l));
    }

    [Theory]
    [InlineData("provinsi")]
    [InlineData("dusun")]
    public async Task Label_points_of_another_level_are_refused_in_Indonesian(string tingkat)
    {
        var response = await factory.CreateClient().GetAsync($"/api/wilayah/18.72/titik-label?tingkat={tingkat}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("kecamatan atau desa", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }
}
