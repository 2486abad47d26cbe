using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Geo.Web.Tests;

/// <summary>The map page in a real browser, over the Kota Metro demo: what a TPPS analyst does first.</summary>
[Collection(PetaKoleksi.Name)]
public sealed class PetaPageTests(PetaFixture fixture)
{
    // Metro (18.72.01.1001) in Metro Pusat: 8.17 % stunting in August 2022, WHO class 2.5–< 10.
    private const string Desa = "18.72.01.1001";

    [Fact]
    public async Task The_page_opens_on_Kota_Metro_stunting_with_WHO_classes_and_counts()
    {
        var page = await fixture.OpenAsync();
        await Shot(page, "awal");

        Assert.Contains("Prevalensi stunting", await page.InnerTextAsync("#legenda h2"));
        var rows = await page.Locator("#legenda li").AllInnerTextsAsync();
        Assert.Equal(6, rows.Count); // five WHO classes and "Tanpa data"
        Assert.Contains("Sangat tinggi", rows[4]);
        Assert.Equal(22, rows.Sum(r => int.Parse(r.Split('\n', '\t').Last().Split(' ')[0].Trim(), CultureInfo.InvariantCulture)));

        var url = new Uri(page.Url);
        Assert.Contains("wilayah=18.72", url.Query);
        Assert.Contains("indikator=PREV_STUNTING", url.Query);
        Assert.Contains("periode=2022-08", url.Query);
        Assert.Contains("tingkat=desa", url.Query);
        Assert.Equal("Kota Metro", await page.Locator("#pilih-kabkota option:checked").InnerTextAsync(), ignoreCase: true);
        Assert.True(await page.IsVisibleAsync("#lencana-sintetis") is false, "PREV_STUNTING in Kota Metro is real data");
    }

    [Fact]
    public async Task The_tiles_draw_each_desa_in_the_colour_of_its_class()
    {
        var page = await fixture.OpenAsync();
        var nilai = await DesaValue("PREV_STUNTING");
        var kelas = await page.EvaluateAsync<int>($"window.geoPeta.klasifikasi().kelasUnit.get('{Desa}')");
        Assert.Equal(nilai < 2.5 ? 0 : nilai < 10 ? 1 : nilai < 20 ? 2 : nilai < 30 ? 3 : 4, kelas);
        var warna = await page.EvaluateAsync<string>($"window.geoPeta.klasifikasi().kelas[{kelas}].warna");

        var (x, y) = await LabelPoint(page, Desa);
        var pixel = await CanvasPixel(page, x, y);
        await Shot(page, "warna-desa");
        // The fill is 0.88 opaque over the page background (#f7f8fa).
        var expected = Blend(warna, "#f7f8fa", 0.88);
        for (var i = 0; i < 3; i++)
        {
            Assert.True(Math.Abs(pixel[i] - expected[i]) <= 12,
                $"pixel at the label point of {Desa} is rgb({string.Join(",", pixel)}), expected about rgb({string.Join(",", expected)}) for {warna}");
        }
    }

    [Fact]
    public async Task Choosing_another_indicator_changes_the_legend_and_shows_the_synthetic_badge()
    {
        var page = await fixture.OpenAsync();
        var before = await page.InnerTextAsync("#legenda");
        await page.SelectOptionAsync("#pilih-indikator", "L14");
        await page.WaitForFunctionAsync("() => document.querySelector('#legenda h2')?.textContent.includes('ASI eksklusif') && document.body.dataset.status === 'siap'");
        await Shot(page, "indikator-l14");

        var after = await page.InnerTextAsync("#legenda");
        Assert.NotEqual(before, after);
        Assert.Contains("Kuantil", after);
        Assert.Contains("Makin rendah makin buruk", after);
        Assert.True(await page.IsVisibleAsync("#lencana-sintetis"), "synthetic coverage must carry the DATA SINTETIS badge");
        Assert.Contains("indikator=L14", page.Url);

        await page.SelectOptionAsync("#pilih-klasifikasi", "target");
        await page.WaitForFunctionAsync("() => document.querySelector('#legenda')?.textContent.includes('Memenuhi target') && document.body.dataset.status === 'siap'");
        Assert.Contains("klasifikasi=target", page.Url);
    }

    [Fact]
    public async Task A_shared_link_reopens_the_same_view_at_kecamatan_level()
    {
        var page = await fixture.OpenAsync("?wilayah=18.72&indikator=L14&tingkat=kecamatan&klasifikasi=target");
        await Shot(page, "kecamatan-target");
        Assert.True(await page.IsCheckedAsync("input[name=tingkat][value=kecamatan]"));
        Assert.Equal("target", await page.InputValueAsync("#pilih-klasifikasi"));
        var rows = await page.Locator("#legenda li").AllInnerTextsAsync();
        Assert.Contains("Memenuhi target", string.Join("|", rows));
        Assert.Equal(5, rows.Sum(r => int.Parse(r.Split('\n', '\t').Last().Split(' ')[0].Trim(), CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Clicking_a_desa_opens_its_panel_with_the_values_of_the_API()
    {
        var page = await fixture.OpenAsync();
        var (x, y) = await LabelPoint(page, Desa);
        var box = (await page.Locator("#peta").BoundingBoxAsync())!;
        await page.Mouse.ClickAsync((float)(box.X + x), (float)(box.Y + y));
        await page.WaitForSelectorAsync("#panel:not([hidden]) tr[data-indikator=PREV_STUNTING]");
        await Shot(page, "panel-desa");

        Assert.Contains(Desa, await page.InnerTextAsync("#panel .kode"));
        var nilai = await DesaValue("PREV_STUNTING");
        var shown = await page.InnerTextAsync("#panel tr[data-indikator=PREV_STUNTING] .nilai");
        Assert.Equal(Indonesian(nilai) + "%", shown.Trim());
        var l14 = await DesaValue("L14");
        Assert.Equal(Indonesian(l14) + "%",
            (await page.InnerTextAsync("#panel tr[data-indikator=L14] .nilai")).Trim());
        Assert.Contains("Data sintetis", await page.InnerTextAsync("#panel"));
        Assert.Contains($"desa={Desa}", page.Url);
    }

    [Fact]
    public async Task The_PNG_download_holds_the_map_and_legend()
    {
        var page = await fixture.OpenAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#unduh"));
        var path = Path.Combine(PetaFixture.ScreenshotFolder, "unduhan.png");
        await download.SaveAsAsync(path);
        Assert.StartsWith("peta-18.72-PREV_STUNTING-2022-08", download.SuggestedFilename);
        Assert.True(new FileInfo(path).Length > 20_000, "the PNG is too small to hold a map");

        // Colours in the image: the map's classes must be there, not only white and text.
        var stats = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const img = new Image();
              img.src = window.geoPeta.png();
              await img.decode();
              const c = document.createElement('canvas');
              c.width = img.width; c.height = img.height;
              const ctx = c.getContext('2d');
              ctx.drawImage(img, 0, 0);
              const d = ctx.getImageData(0, 0, c.width, c.height).data;
              const colours = new Set();
              let coloured = 0;
              for (let i = 0; i < d.length; i += 16) {
                colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
                if (Math.max(d[i], d[i + 1], d[i + 2]) - Math.min(d[i], d[i + 1], d[i + 2]) > 40) coloured++;
              }
              return { width: c.width, height: c.height, colours: colours.size, coloured };
            }
            """);
        Assert.True(stats.GetProperty("colours").GetInt32() > 20, $"the PNG looks blank: {stats}");
        Assert.True(stats.GetProperty("coloured").GetInt32() > 1000, $"the PNG has too few coloured pixels: {stats}");
    }

    /// <summary>One decimal with a decimal comma, as the page writes numbers (the tests run with invariant globalization).</summary>
    private static string Indonesian(double v) => v.ToString("0.#", CultureInfo.InvariantCulture).Replace('.', ',');

    private async Task<double> DesaValue(string indikator)
    {
        var json = await fixture.Http.GetFromJsonAsync<JsonElement>($"/api/nilai?induk=18.72&indikator={indikator}&periode=2022-08&tingkat=desa&terbit=true");
        return json.GetProperty("nilai").EnumerateArray().Single(n => n.GetProperty("kode").GetString() == Desa).GetProperty("nilai").GetDouble();
    }

    /// <summary>The desa's label point (inside it by construction) in map-container pixels.</summary>
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

    private static async Task<int[]> CanvasPixel(IPage page, double x, double y) =>
        await page.EvaluateAsync<int[]>($$"""
            () => {
              const src = window.geoPeta.map.getCanvas();
              const s = src.width / src.clientWidth;
              const c = document.createElement('canvas');
              c.width = src.width; c.height = src.height;
              const ctx = c.getContext('2d');
              ctx.drawImage(src, 0, 0);
              const d = ctx.getImageData(Math.round({{x.ToString(CultureInfo.InvariantCulture)}} * s), Math.round({{y.ToString(CultureInfo.InvariantCulture)}} * s), 1, 1).data;
              return [d[0], d[1], d[2]];
            }
            """);

    private static int[] Blend(string hex, string background, double alpha)
    {
        int Channel(string h, int i) => Convert.ToInt32(h.Substring(1 + 2 * i, 2), 16);
        return [.. Enumerable.Range(0, 3).Select(i => (int)Math.Round(Channel(hex, i) * alpha + Channel(background, i) * (1 - alpha)))];
    }

    private static async Task Shot(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PetaFixture.ScreenshotFolder, $"{name}.png") });
}
