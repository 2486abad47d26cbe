using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Geo.Data.Akun;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Geo.Web.Tests;

/// <summary>Lokus picking on the map page: an analis signs in, picks desa from the analysis ranking and on the map, justifies, saves, reloads.</summary>
[Collection(PetaKoleksi.Name)]
public sealed class LokusPageTests(PetaFixture fixture)
{
    private const string DesaPeta = "18.72.01.1001";

    [Fact]
    public async Task An_analis_picks_two_desa_justifies_and_saves_and_the_list_comes_back_on_the_map_after_reload()
    {
        using (var scope = fixture.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<AkunAdministrasi>()
                .CreateAsync("analis-lokus", "18.72", ["analis"], "Sandi-Lokus-2026");
        }
        var page = await fixture.OpenAsync();
        await SignIn(page, "analis-lokus", "Sandi-Lokus-2026");
        await page.ClickAsync("#lokus summary");
        await page.WaitForSelectorAsync("#lokus-daftar option[value=baru]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        Assert.Equal(0, await PurpleIn(page, DesaPeta));

        // A new list; the ranking needs a run, which the box asks the map for.
        await page.SelectOptionAsync("#lokus-daftar", "baru");
        await page.ClickAsync("#lokus-hitung");
        await page.WaitForSelectorAsync("#lokus-calon tr[data-kode]", new PageWaitForSelectorOptions { Timeout = 60_000 });
        Assert.Contains("lapisan=kelas", page.Url);

        // The first candidate is of the worst gap class the run has.
        var run = await fixture.Http.GetFromJsonAsync<JsonElement>(
            "/api/analisis?wilayah=18.72&periode=2022-08&indikator=PREV_STUNTING&tingkat=desa&bobot=queen&permutasi=999&ambang=median&fdr=false");
        var kelas = run.GetProperty("unit").EnumerateArray().ToDictionary(u => u.GetProperty("kode").GetString()!, u => u.GetProperty("kelas").GetString()!);
        string[] order = ["tinggi_cakupan_rendah", "tinggi_cakupan_baik", "rendah_cakupan_rendah", "rendah_cakupan_baik", "data_kurang"];
        var ranked = await page.Locator("#lokus-calon tr[data-kode]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.kode)");
        Assert.Equal(Math.Min(10, kelas.Keys.Count(k => k.Length == 13)), ranked.Length);
        var ranks = ranked.Select(k => Array.IndexOf(order, kelas[k])).ToArray();
        Assert.Equal(ranks.Order().ToArray(), ranks);
        var dariDaftar = ranked.First(k => k != DesaPeta);
        await page.ClickAsync($"#lokus-calon tr[data-kode='{dariDaftar}'] button.tambah");
        await page.WaitForSelectorAsync($"#lokus-desa li[data-kode='{dariDaftar}']");

        // The second on the map, in picking mode: the click adds the desa and opens no panel.
        await page.ClickAsync("#lokus-pilih-peta");
        var (x, y) = await LabelPoint(page, DesaPeta);
        var box = (await page.Locator("#peta").BoundingBoxAsync())!;
        await page.Mouse.ClickAsync((float)(box.X + x), (float)(box.Y + y));
        await page.WaitForSelectorAsync($"#lokus-desa li[data-kode='{DesaPeta}']");
        Assert.True(await page.IsHiddenAsync("#panel"), "a click while picking must not open the desa panel");
        await page.ClickAsync("#lokus-pilih-peta");

        await page.FillAsync("#lokus-nama", "Lokus uji peramban 2022");
        await page.FillAsync($"#lokus-desa li[data-kode='{dariDaftar}'] textarea", "Kelas kesenjangan terburuk di peringkat analisis");
        await page.FillAsync($"#lokus-desa li[data-kode='{DesaPeta}'] textarea", "Dipilih di peta: pusat kota, banyak balita");
        await page.ClickAsync("#lokus-simpan");
        await page.WaitForSelectorAsync(".pesan-lokus:has-text('Tersimpan')");
        await Shot(page, "lokus-tersimpan");

        await page.ReloadAsync();
        await PetaFixture.WaitReadyAsync(page);
        await page.ClickAsync("#lokus summary");
        await page.WaitForSelectorAsync("#lokus-desa li >> nth=1");
        Assert.Equal("Lokus uji peramban 2022", await page.InputValueAsync("#lokus-nama"));
        Assert.Equal([dariDaftar, DesaPeta], await page.Locator("#lokus-desa li").EvaluateAllAsync<string[]>("li => li.map(e => e.dataset.kode)"));
        Assert.Equal("Dipilih di peta: pusat kota, banyak balita", await page.InputValueAsync($"#lokus-desa li[data-kode='{DesaPeta}'] textarea"));
        Assert.Contains("Draf", await page.InnerTextAsync("#lokus-status"));
        var csv = await page.GetAttributeAsync("#lokus-unduh-csv", "href");
        Assert.Matches(@"^/api/lokus/\d+\.csv$", csv);
        Assert.Equal(200, (await page.APIRequest.GetAsync(fixture.BaseUrl + csv)).Status);
        Assert.Matches(@"^/api/lokus/\d+\.geojson$", await page.GetAttributeAsync("#lokus-unduh-geojson", "href"));
        await page.ClickAsync("#lokus-riwayat summary");
        await page.WaitForSelectorAsync("#lokus-riwayat li");
        Assert.Contains("analis-lokus · dibuat (draf)", await page.InnerTextAsync("#lokus-riwayat"));

        // Both desa are outlined in the lokus colour on the map.
        await page.WaitForFunctionAsync("() => window.geoPeta.map.loaded() && window.geoPeta.map.areTilesLoaded()");
        await page.WaitForTimeoutAsync(300);
        await Shot(page, "lokus-dimuat-ulang");
        foreach (var kode in new[] { dariDaftar, DesaPeta })
        {
            var n = await PurpleIn(page, kode);
            Assert.True(n > 40, $"{kode} has {n} pixels of the lokus outline colour in its box");
        }
    }

    private static async Task SignIn(IPage page, string nama, string sandi)
    {
        await page.ClickAsync("#akun summary");
        await page.FillAsync("#akun-masuk input[name=nama]", nama);
        await page.FillAsync("#akun-masuk input[name=sandi]", sandi);
        await page.ClickAsync("#akun-masuk button[type=submit]");
        await page.WaitForSelectorAsync("#akun-nama");
    }

    /// <summary>Pixels of the lokus outline colour (#6a3d9a) inside the desa's bounding box on the map.</summary>
    private async Task<int> PurpleIn(IPage page, string kode)
    {
        await using var cmd = fixture.Database.DataSource.CreateCommand("SELECT ST_XMin(geom), ST_YMin(geom), ST_XMax(geom), ST_YMax(geom) FROM wilayah WHERE kode = $1");
        cmd.Parameters.AddWithValue(kode);
        await using var reader = await cmd.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var b = Enumerable.Range(0, 4).Select(i => reader.GetDouble(i).ToString(CultureInfo.InvariantCulture)).ToArray();
        return await page.EvaluateAsync<int>($$"""
            () => {
              const m = window.geoPeta.map;
              const a = m.project([{{b[0]}}, {{b[3]}}]), z = m.project([{{b[2]}}, {{b[1]}}]);
              const src = m.getCanvas();
              const s = src.width / src.clientWidth;
              const c = document.createElement('canvas');
              c.width = src.width; c.height = src.height;
              const ctx = c.getContext('2d');
              ctx.drawImage(src, 0, 0);
              const x0 = Math.max(0, Math.floor(a.x * s)), y0 = Math.max(0, Math.floor(a.y * s));
              const w = Math.min(c.width, Math.ceil(z.x * s)) - x0, h = Math.min(c.height, Math.ceil(z.y * s)) - y0;
              if (w <= 0 || h <= 0) return -1;
              const d = ctx.getImageData(x0, y0, w, h).data;
              let n = 0;
              for (let i = 0; i < d.length; i += 4)
                if (Math.abs(d[i] - 106) < 25 && Math.abs(d[i + 1] - 61) < 25 && Math.abs(d[i + 2] - 154) < 25) n++;
              return n;
            }
            """);
    }

    private async Task<(double X, double Y)> LabelPoint(IPage page, string kode)
    {
        await using var cmd = fixture.Database.DataSource.CreateCommand("SELECT ST_X(titik_label), ST_Y(titik_label) FROM wilayah WHERE kode = $1");
        cmd.Parameters.AddWithValue(kode);
        await using var reader = await cmd.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var lng = reader.GetDouble(0).ToString(CultureInfo.InvariantCulture);
        var lat = reader.GetDouble(1).ToString(CultureInfo.InvariantCulture);
        var p = await page.EvaluateAsync<double[]>($"window.geoPeta.proyeksi({lng}, {lat})");
        return (p[0], p[1]);
    }

    private static async Task Shot(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PetaFixture.ScreenshotFolder, $"{name}.png") });
}
