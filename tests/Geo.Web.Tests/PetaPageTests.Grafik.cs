using Microsoft.Playwright;

namespace Geo.Web.Tests;

/// <summary>The linked views (issue 12): brushing the charts highlights desa on the map, read back from the map canvas.</summary>
public sealed partial class PetaPageTests
{
    [Fact]
    public async Task Brushing_the_quadrant_chart_highlights_its_desa_on_the_map_and_a_click_clears_it()
    {
        var page = await fixture.OpenAsync("?wilayah=18.72&indikator=PREV_STUNTING&lapisan=kelas");
        await page.WaitForFunctionAsync("() => document.querySelector('#grafik-tertaut:not([hidden])') && document.body.dataset.status === 'siap'");
        var (x, y) = await LabelPoint(page, Desa);
        var before = await CanvasPixel(page, x, y);
        Assert.Contains(WarnaKelas.Values, w => PetaUji.Near(before, Blend(w, "#f7f8fa", 0.88)));

        // A rectangle over the whole plot takes every desa with a value and judged coverage.
        var quadrant = page.Locator("#grafik-tertaut figure[data-grafik=kuadran] canvas");
        await Drag(page, quadrant, 0.01, 0.01, 0.99, 0.99);
        Assert.Equal("22", await page.GetAttributeAsync("#grafik-tertaut", "data-tersikat"));
        await MapIdle(page);
        var pixel = await CanvasPixel(page, x, y);
        await page.Locator("#grafik-tertaut").ScrollIntoViewIfNeededAsync();
        await Shot(page, "grafik-tertaut-sikat");
        Assert.True(Yellow(pixel), $"brushed desa {Desa} should be filled yellow on the map, is rgb({string.Join(",", pixel)})");

        // A click without a drag clears the brush, on the chart and on the map.
        await Drag(page, quadrant, 0.5, 0.5, 0.5, 0.5);
        Assert.Equal("0", await page.GetAttributeAsync("#grafik-tertaut", "data-tersikat"));
        await MapIdle(page);
        var after = await CanvasPixel(page, x, y);
        Assert.True(PetaUji.Near(after, before), $"after clearing the desa shows its class colour again: rgb({string.Join(",", after)}), was rgb({string.Join(",", before)})");

        // Half of the Moran scatter takes some desa, not all.
        await Drag(page, page.Locator("#grafik-tertaut figure[data-grafik=moran] canvas"), 0.5, 0.01, 0.99, 0.99);
        var some = int.Parse((await page.GetAttributeAsync("#grafik-tertaut", "data-tersikat"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(some, 1, 21);
        await MapIdle(page);
        await page.Locator("#grafik-tertaut figure[data-grafik=moran]").ScrollIntoViewIfNeededAsync();
        await Shot(page, "grafik-tertaut-moran");
    }

    /// <summary>The brush fill (#ffd400 at 0.9) over any class colour: red and green high, blue low; no class colour is.</summary>
    private static bool Yellow(int[] rgb) => rgb[0] > 220 && rgb[1] > 180 && rgb[2] < 70;

    private static async Task Drag(IPage page, ILocator canvas, double fx0, double fy0, double fx1, double fy1)
    {
        await canvas.ScrollIntoViewIfNeededAsync();
        var box = (await canvas.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync((float)(box.X + fx0 * box.Width), (float)(box.Y + fy0 * box.Height));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((float)(box.X + fx1 * box.Width), (float)(box.Y + fy1 * box.Height), new MouseMoveOptions { Steps = 8 });
        await page.Mouse.UpAsync();
    }

    private static async Task MapIdle(IPage page) => await page.EvaluateAsync("""
        () => new Promise(resolve => {
          const m = window.geoPeta.map;
          m.once('idle', () => resolve(null));
          m.triggerRepaint();
        })
        """);
}
