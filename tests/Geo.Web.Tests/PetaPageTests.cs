using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Geo.Data.Akun;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Geo.Web.Tests;

/// <summary>The map page in a real browser, over the Kota Metro demo: what a TPPS analyst does first.</summary>
[Collection(PetaKoleksi.Name)]
public sealed partial class PetaPageTests(PetaFixture fixture)
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

    // The gap-class colours as web/README.md documents them.
    private static readonly Dictionary<string, string> WarnaKelas = new()
    {
        ["tinggi_cakupan_rendah"] = "#b2182b",
        ["tinggi_cakupan_baik"] = "#f4a582",
        ["rendah_cakupan_rendah"] = "#4393c3",
        ["rendah_cakupan_baik"] = "#d1e5f0",
    };

    [Fact]
    public async Task Switching_to_gap_classes_shows_the_counts_of_the_API_and_colours_each_desa_by_its_class()
    {
        var page = await fixture.OpenAsync();
        await page.SelectOptionAsync("#pilih-lapisan", "kelas");
        await page.WaitForFunctionAsync("() => document.querySelector('#legenda ul.analisis') && document.body.dataset.status === 'siap'");
        Assert.Contains("lapisan=kelas", page.Url);
        Assert.True(await page.IsVisibleAsync("#parameter-analisis"), "the analysis parameters show with an analysis layer");

        var json = await fixture.Http.GetFromJsonAsync<JsonElement>(
            "/api/analisis?wilayah=18.72&periode=2022-08&indikator=PREV_STUNTING&tingkat=desa&bobot=queen&permutasi=999&ambang=median&fdr=false");
        var units = json.GetProperty("unit").EnumerateArray().ToList();
        var perKelas = units.GroupBy(u => u.GetProperty("kelas").GetString()!).ToDictionary(g => g.Key, g => g.Count());

        // One row per gap class and data_kurang, each with the count of the run.
        var rows = page.Locator("#legenda li");
        Assert.Equal(5, await rows.CountAsync());
        var seen = new Dictionary<string, int>();
        for (var i = 0; i < 5; i++)
        {
            var kunci = (await rows.Nth(i).GetAttributeAsync("data-kunci"))!;
            var jumlah = int.Parse((await rows.Nth(i).Locator(".jumlah").InnerTextAsync()).Split(' ')[0], CultureInfo.InvariantCulture);
            seen[kunci] = jumlah;
            Assert.Equal(perKelas.GetValueOrDefault(kunci), jumlah);
        }
        Assert.Equal([.. WarnaKelas.Keys, "data_kurang"], seen.Keys.ToArray());
        Assert.Equal(units.Count, seen.Values.Sum());
        foreach (var (kunci, n) in json.GetProperty("ringkasan").GetProperty("jumlah_per_kelas").EnumerateObject().Select(p => (p.Name, p.Value.GetInt32())))
        {
            Assert.Equal(n, seen.GetValueOrDefault(kunci));
        }
        var legend = await page.InnerTextAsync("#legenda");
        Assert.Contains("Prevalensi tinggi, cakupan rendah", legend);
        Assert.Contains("Bobot Queen", legend);
        await page.Locator("#legenda").ScrollIntoViewIfNeededAsync();
        await Shot(page, "lapisan-kelas-legenda");
        await page.EvaluateAsync("() => document.getElementById('sisi').scrollTop = 0");

        // The desa's pixel at its label point has its class colour.
        var row = units.Single(u => u.GetProperty("kode").GetString() == Desa);
        var kelas = row.GetProperty("kelas").GetString()!;
        Assert.True(WarnaKelas.ContainsKey(kelas), $"{Desa} is {kelas} in the demo; the test needs a coloured class");
        var (x, y) = await LabelPoint(page, Desa);
        var pixel = await CanvasPixel(page, x, y);
        await Shot(page, "lapisan-kelas");
        var expected = Blend(WarnaKelas[kelas], "#f7f8fa", 0.88);
        for (var i = 0; i < 3; i++)
        {
            Assert.True(Math.Abs(pixel[i] - expected[i]) <= 12,
                $"pixel at the label point of {Desa} is rgb({string.Join(",", pixel)}), expected about rgb({string.Join(",", expected)}) for {kelas}");
        }

        // Its panel shows the class and the reasons in words.
        var box = (await page.Locator("#peta").BoundingBoxAsync())!;
        await page.Mouse.ClickAsync((float)(box.X + x), (float)(box.Y + y));
        await page.WaitForSelectorAsync("#panel:not([hidden]) section.analisis");
        await Shot(page, "lapisan-kelas-panel");
        var panel = await page.InnerTextAsync("#panel section.analisis");
        Assert.Contains(row.GetProperty("alasan").GetString()!, panel);
        Assert.Contains(await page.InnerTextAsync($"#legenda li[data-kunci={kelas}] .label"), panel);

        // A shared link reopens the layer.
        var again = await fixture.OpenAsync("?wilayah=18.72&indikator=PREV_STUNTING&lapisan=kelas");
        Assert.Equal("kelas", await again.InputValueAsync("#pilih-lapisan"));
        Assert.Equal(5, await again.Locator("#legenda li").CountAsync());
    }

    [Fact]
    public async Task LISA_and_GiStar_layers_count_every_unit_of_the_run()
    {
        var page = await fixture.OpenAsync("?wilayah=18.72&indikator=PREV_STUNTING&lapisan=lisa");
        Assert.Equal(7, await page.Locator("#legenda li").CountAsync()); // HH LL HL LH, not significant, no neighbour, no data
        Assert.Equal(22, await LegendTotal(page));
        await page.SelectOptionAsync("#pilih-lapisan", "gi");
        await page.WaitForFunctionAsync("() => document.querySelector('#legenda li[data-kunci=\"-3\"]') && document.body.dataset.status === 'siap'");
        Assert.Equal(8, await page.Locator("#legenda li").CountAsync()); // bins -3..3 and no data
        Assert.Equal(22, await LegendTotal(page));
        await Shot(page, "lapisan-gi");
    }

    [Fact]
    public async Task An_API_error_on_an_analysis_layer_shows_its_detail_and_keeps_the_value_map()
    {
        var page = await fixture.OpenAsync();
        await page.RouteAsync("**/api/analisis/ringkas?**", route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 400,
            ContentType = "application/problem+json",
            Body = """{"title":"Parameter tidak valid","detail":"bobot 'x' tidak dikenal","jenis":"tidak_valid"}""",
        }));
        await page.SelectOptionAsync("#pilih-lapisan", "lisa");
        await page.WaitForFunctionAsync("() => document.body.dataset.status === 'galat'");
        await Shot(page, "lapisan-galat");
        Assert.Contains("bobot 'x' tidak dikenal", await page.InnerTextAsync("#pesan"));
        Assert.Contains("Klaster LISA tidak dapat dihitung", await page.InnerTextAsync("#pesan"));
        Assert.Equal(6, await page.Locator("#legenda li").CountAsync()); // the WHO legend stays
    }

    private static async Task<int> LegendTotal(IPage page) =>
        (await page.Locator("#legenda li .jumlah").AllInnerTextsAsync()).Sum(t => int.Parse(t.Split(' ')[0], CultureInfo.InvariantCulture));

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

    [Fact]
    public async Task A_user_signs_in_from_the_page_stays_signed_in_after_reload_and_signs_out()
    {
        using (var scope = fixture.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<AkunAdministrasi>()
                .CreateAsync("analis-peta", "18.72", ["analis"], "Sandi-Peta-2026");
        }
        var page = await fixture.OpenAsync();

        await page.ClickAsync("#akun summary");
        await page.FillAsync("#akun-masuk input[name=nama]", "analis-peta");
        await page.FillAsync("#akun-masuk input[name=sandi]", "salah-sekali-1234");
        await page.ClickAsync("#akun-masuk button[type=submit]");
        await page.WaitForSelectorAsync("#akun-masuk .galat:not([hidden])");
        Assert.Contains("salah", await page.InnerTextAsync("#akun-masuk .galat"));

        await page.FillAsync("#akun-masuk input[name=sandi]", "Sandi-Peta-2026");
        await page.ClickAsync("#akun-masuk button[type=submit]");
        await page.WaitForSelectorAsync("#akun-nama");
        Assert.Contains("analis-peta", await page.InnerTextAsync("#akun-nama"));
        await Shot(page, "akun-masuk");

        await page.ReloadAsync();
        await PetaFixture.WaitReadyAsync(page);
        await page.ClickAsync("#akun summary");
        await page.WaitForSelectorAsync("#akun-nama");

        await page.ClickAsync("#akun-keluar");
        await page.WaitForSelectorAsync("#akun-masuk");
        Assert.Equal(401, (await page.APIRequest.GetAsync($"{fixture.BaseUrl}/api/akun/saya")).Status);
    }

    private static async Task Shot(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PetaFixture.ScreenshotFolder, $"{name}.png") });
}
