using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Geo.Data.Akun;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Geo.Web.Tests;

/// <summary>/embed framed by a portal on another origin: drawn, public data only, refused where not allowed.</summary>
[Collection(PetaKoleksi.Name)]
public sealed class EmbedPageTests(PetaFixture fixture)
{
    private const string Desa = "18.72.01.1001";

    /// <summary>The map's background (#f7f8fa), under the 0.88-opaque fill.</summary>
    private static readonly int[] Latar = [0xf7, 0xf8, 0xfa];
    private string EmbedUrl => $"{fixture.BaseUrl}/embed?wilayah=18.72&indikator=PREV_STUNTING&periode=2022-08&lapisan=nilai";

    [Fact]
    public async Task The_embed_draws_its_tiles_inside_a_frame_on_another_origin_without_the_viewers_cookie()
    {
        using (var scope = fixture.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<AkunAdministrasi>().CreateAsync("analis-sematan", "18.72", ["analis"], "Sandi-Sematan-2026");
        }
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1000, Height = 700 } });
        // The viewer is signed in to Geo: the embed must still read as the public.
        var masuk = await context.APIRequest.PostAsync($"{fixture.BaseUrl}/api/akun/masuk",
            new APIRequestContextOptions { DataObject = new { nama = "analis-sematan", sandi = "Sandi-Sematan-2026" } });
        Assert.True(masuk.Ok, $"sign-in: {masuk.Status}");
        Assert.Contains((await context.CookiesAsync([fixture.BaseUrl])), c => c.HttpOnly);

        var page = await context.NewPageAsync();
        var requests = new List<IRequest>();
        page.Request += (_, r) => { if (r.Url.StartsWith(fixture.BaseUrl, StringComparison.Ordinal)) requests.Add(r); };
        await page.GotoAsync(AsalLain.Page(fixture.Lain.Diizinkan, EmbedUrl));
        var frame = await EmbedFrame(page);
        await frame.WaitForSelectorAsync("body[data-status=siap]", new FrameWaitForSelectorOptions { Timeout = 60_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PetaFixture.ScreenshotFolder, "sematan-portal.png") });

        // Legend and source, no controls but zoom.
        var rows = await frame.Locator("#legenda li").AllInnerTextsAsync();
        Assert.Equal(6, rows.Count);
        Assert.Contains("Sumber: e-PPGBM", await frame.InnerTextAsync("#sumber"));
        Assert.Contains("Prevalensi stunting", await frame.InnerTextAsync("#judul"));
        Assert.Equal(0, await frame.Locator("select, input").CountAsync());

        // The desa's pixel is in the colour of its WHO class, as the legend shows it.
        var nilai = (await fixture.Http.GetFromJsonAsync<JsonElement>("/api/nilai?induk=18.72&indikator=PREV_STUNTING&periode=2022-08&tingkat=desa"))
            .GetProperty("nilai").EnumerateArray().Single(n => n.GetProperty("kode").GetString() == Desa).GetProperty("nilai").GetDouble();
        var kelas = nilai < 2.5 ? 0 : nilai < 10 ? 1 : nilai < 20 ? 2 : nilai < 30 ? 3 : 4;
        var swatch = await frame.Locator("#legenda li .swatch").Nth(kelas).EvaluateAsync<int[]>(
            "e => getComputedStyle(e).backgroundColor.match(/\\d+/g).slice(0, 3).map(Number)");
        var pixel = await PixelAtLabel(frame, Desa);
        for (var i = 0; i < 3; i++)
        {
            var expected = (int)Math.Round(swatch[i] * 0.88 + Latar[i] * 0.12);
            Assert.True(Math.Abs(pixel[i] - expected) <= 12, $"pixel rgb({string.Join(",", pixel)}) vs class colour rgb({string.Join(",", swatch)})");
        }

        // Every data request to Geo, tiles included, went without the session cookie and asked for no drafts
        // (the page and its static files may carry it: they are the same for everyone).
        var data = requests.Where(r => r.Url.StartsWith(fixture.BaseUrl + "/api/", StringComparison.Ordinal)
            || r.Url.StartsWith(fixture.BaseUrl + "/tiles/", StringComparison.Ordinal)).ToList();
        Assert.Contains(data, r => r.Url.Contains("/tiles/desa/", StringComparison.Ordinal));
        Assert.Contains(data, r => r.Url.Contains("/api/nilai", StringComparison.Ordinal));
        foreach (var r in data)
        {
            var headers = await r.AllHeadersAsync();
            Assert.False(headers.ContainsKey("cookie"), $"{r.Url} carried the viewer's cookie");
            Assert.DoesNotContain("tampilan=draf", r.Url, StringComparison.Ordinal);
        }

        // The allowed origin may also fetch tiles itself (CORS); the embed's link opens the full page.
        // The embed fetched the same TileJSON moments ago without an Origin: the cached answer must not be reused (Vary: Origin).
        Assert.Equal(200, await page.EvaluateAsync<int>($"async () => (await fetch('{fixture.BaseUrl}/tiles/desa.json')).status"));
        Assert.StartsWith("/?wilayah=18.72&indikator=PREV_STUNTING&periode=2022-08", await frame.GetAttributeAsync("#buka", "href"));
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_site_not_allowed_cannot_frame_the_embed_or_fetch_tiles_and_nobody_may_frame_the_map_page()
    {
        var context = await fixture.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var refused = new List<string>();
        page.Console += (_, m) => refused.Add(m.Text);

        await page.GotoAsync(AsalLain.Page(fixture.Lain.Ditolak, EmbedUrl));
        await page.WaitForFunctionAsync("() => document.readyState === 'complete'");
        await Task.Delay(500);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PetaFixture.ScreenshotFolder, "sematan-ditolak.png") });
        Assert.DoesNotContain(page.Frames, f => f.Url.StartsWith(fixture.BaseUrl, StringComparison.Ordinal));
        Assert.True(refused.Any(t => t.Contains("frame-ancestors", StringComparison.Ordinal)),
            $"console: {string.Join(" | ", refused)}; frames: {string.Join(" ", page.Frames.Select(f => f.Url))}");
        var cors = await page.EvaluateAsync<string>($"async () => {{ try {{ await fetch('{fixture.BaseUrl}/tiles/desa.json'); return 'ok'; }} catch (e) {{ return 'ditolak'; }} }}");
        Assert.Equal("ditolak", cors);

        // The map page itself is never framed, not even by the allowed site.
        refused.Clear();
        await page.GotoAsync(AsalLain.Page(fixture.Lain.Diizinkan, fixture.BaseUrl + "/"));
        await page.WaitForFunctionAsync("() => document.readyState === 'complete'");
        await Task.Delay(500);
        Assert.DoesNotContain(page.Frames, f => f.Url.StartsWith(fixture.BaseUrl, StringComparison.Ordinal));
        Assert.NotEmpty(refused);
        await context.CloseAsync();
    }

    [Theory]
    [InlineData("kelas", 5, "Kelas kesenjangan")]
    [InlineData("gi", 8, "Titik panas Gi*")]
    public async Task The_embed_shows_an_analysis_layer_with_its_legend(string lapisan, int rows, string judul)
    {
        var context = await fixture.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{fixture.BaseUrl}/embed?wilayah=18.72&indikator=PREV_STUNTING&periode=2022-08&lapisan={lapisan}");
        await page.WaitForSelectorAsync("body[data-status=siap]", new PageWaitForSelectorOptions { Timeout = 60_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PetaFixture.ScreenshotFolder, $"sematan-{lapisan}.png") });
        Assert.Equal(rows, await page.Locator("#legenda li").CountAsync());
        Assert.StartsWith(judul, await page.InnerTextAsync("#judul strong"));
        Assert.Equal(22, (await page.Locator("#legenda li .jumlah").AllInnerTextsAsync()).Sum(t => int.Parse(t.Split(' ')[0], CultureInfo.InvariantCulture)));
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_map_page_offers_the_iframe_snippet_of_its_view()
    {
        var page = await fixture.OpenAsync("?wilayah=18.72&indikator=L14&lapisan=nilai");
        await page.ClickAsync("#sematan summary");
        await page.WaitForFunctionAsync("() => document.querySelector('#kode-sematan').value.length > 0");
        var kode = await page.InputValueAsync("#kode-sematan");
        Assert.StartsWith($"<iframe src=\"{fixture.BaseUrl}/embed?wilayah=18.72&amp;indikator=L14&amp;periode=2022-08&amp;tingkat=desa&amp;lapisan=nilai\"", kode);
        Assert.Contains("title=\"Peta TPPS: ", kode);
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await page.ClickAsync("#salin-sematan");
        await page.WaitForSelectorAsync("#salin-sematan:has-text('disalin')");
        Assert.Equal(kode, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
    }

    private static async Task<IFrame> EmbedFrame(IPage page)
    {
        for (var i = 0; i < 100; i++)
        {
            if (page.Frames.FirstOrDefault(f => f.Url.Contains("/embed?", StringComparison.Ordinal)) is { } frame) return frame;
            await Task.Delay(100);
        }
        throw new TimeoutException("no embed frame on the portal page");
    }

    private async Task<int[]> PixelAtLabel(IFrame frame, string kode)
    {
        await using var cmd = fixture.Database.DataSource.CreateCommand("SELECT ST_X(titik_label), ST_Y(titik_label) FROM wilayah WHERE kode = $1");
        cmd.Parameters.AddWithValue(kode);
        await using var reader = await cmd.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var lng = reader.GetDouble(0).ToString(CultureInfo.InvariantCulture);
        var lat = reader.GetDouble(1).ToString(CultureInfo.InvariantCulture);
        return await frame.EvaluateAsync<int[]>($$"""
            () => {
              const m = window.geoSematan.map;
              const p = m.project([{{lng}}, {{lat}}]);
              const src = m.getCanvas();
              const s = src.width / src.clientWidth;
              const c = document.createElement('canvas');
              c.width = src.width; c.height = src.height;
              const ctx = c.getContext('2d');
              ctx.drawImage(src, 0, 0);
              const d = ctx.getImageData(Math.round(p.x * s), Math.round(p.y * s), 1, 1).data;
              return [d[0], d[1], d[2]];
            }
            """);
    }
}
