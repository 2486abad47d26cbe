using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Geo.Api.Tests.Peta;
using Geo.Api.Tests.Support;
using Geo.Core.Akun;
using Geo.Data.Indikator.Import;

namespace Geo.Api.Tests.Analisis;

/// <summary>Analyses read the public values unless a role holder of the area asks for drafts; a run on drafts stays private.</summary>
public sealed class AnalisisTampilanTests(MetroAnalysisFixture fixture) : IClassFixture<MetroAnalysisFixture>, IAsyncLifetime
{
    private const string Query = "/api/analisis?wilayah=18.72&periode=2022-08&permutasi=9&seed=5";

    public async Task InitializeAsync()
    {
        // Drafts: a changed prevalence for one kelurahan, and a period that exists only as a draft.
        var csv = "kode,indikator,periode,pembilang,penyebut,nilai\n18.72.01.1001,PREV_STUNTING,2022-08,,,99.5\n18.72.01.1001,PREV_STUNTING,2023-08,,,12\n";
        var report = await new IndikatorImporter(fixture.Factory.Database.DataSource).ImportAsync(Encoding.UTF8.GetBytes(csv), "draf.csv",
            new IndikatorImportOptions(Sumber: "uji"));
        Assert.True(report.Berhasil);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static double UnitValue(JsonElement run, string kode) =>
        run.GetProperty("unit").EnumerateArray().Single(u => u.GetProperty("kode").GetString() == kode).GetProperty("nilai").GetDouble();

    [Fact]
    public async Task Anonymous_analyses_never_compute_on_drafts_and_may_not_ask_for_them()
    {
        var anonim = fixture.Factory.CreateClient();

        var run = await anonim.GetFromJsonAsync<JsonElement>(Query);
        Assert.Equal("terbit", run.GetProperty("tampilan").GetString());
        Assert.Equal(8.17, UnitValue(run, "18.72.01.1001"), 6);
        Assert.Equal(HttpStatusCode.NotFound, (await anonim.GetAsync("/api/analisis?wilayah=18.72&periode=2023-08&permutasi=9")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await anonim.GetAsync(Query + "&tampilan=draf")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await anonim.GetAsync(Query.Replace("/api/analisis?", "/api/analisis.geojson?") + "&tampilan=draf")).StatusCode);
    }

    [Fact]
    public async Task A_run_on_drafts_is_labelled_private_and_its_tiles_are_not_found_for_callers_outside_the_area_or_without_a_role()
    {
        var auth = fixture.Factory;
        var analis = auth.ClientAs("ana", "18.72", Peran.Analis);
        var lain = auth.ClientAs("lain", "18.71", Peran.Analis);
        var anonim = auth.CreateClient();

        Assert.Equal(HttpStatusCode.Forbidden, (await lain.GetAsync(Query + "&tampilan=draf")).StatusCode);
        var response = await analis.GetAsync(Query + "&tampilan=draf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl!.Private);
        Assert.False(response.Headers.CacheControl.Public);
        var run = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("draf", run.GetProperty("tampilan").GetString());
        Assert.Contains("DRAF", run.GetProperty("peringatan").GetString());
        Assert.Equal(99.5, UnitValue(run, "18.72.01.1001"), 6);
        var id = run.GetProperty("id").GetInt64();

        var tileJson = JsonDocument.Parse(await analis.GetStringAsync($"/tiles/analisis/{id}.json")).RootElement;
        Assert.Contains("DRAF", tileJson.GetProperty("description").GetString());
        var b = tileJson.GetProperty("bounds").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var (x, y) = TileMath.TileOf((b[0] + b[2]) / 2, (b[1] + b[3]) / 2, 10);
        var tile = $"/tiles/analisis/{id}/10/{x}/{y}.mvt";
        Assert.Equal(HttpStatusCode.OK, (await analis.GetAsync(tile)).StatusCode);

        foreach (var client in new[] { anonim, lain })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/tiles/analisis/{id}.json")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(tile)).StatusCode);
        }

        // The public run of the same parameters is another run, on the published values.
        var publik = await anonim.GetFromJsonAsync<JsonElement>(Query);
        Assert.NotEqual(id, publik.GetProperty("id").GetInt64());
        Assert.Equal(HttpStatusCode.OK, (await anonim.GetAsync($"/tiles/analisis/{publik.GetProperty("id").GetInt64()}.json")).StatusCode);
    }
}
