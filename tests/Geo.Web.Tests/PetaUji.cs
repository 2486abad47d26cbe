using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Geo.Web.Tests;

/// <summary>What the browser tests read from the page: pixels at a desa, the API's values, screenshots.</summary>
public static class PetaUji
{
    /// <summary>One decimal with a decimal comma, as the page writes numbers (the tests run with invariant globalization).</summary>
    public static string Indonesian(double v, int digits = 1) =>
        v.ToString(digits == 1 ? "0.#" : "0.##", CultureInfo.InvariantCulture).Replace('.', ',');

    public static async Task Shot(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PetaFixture.ScreenshotFolder, $"{name}.png") });

    /// <summary>Waits until the map has drawn what was last set on it.</summary>
    public static Task Idle(IPage page) =>
        page.EvaluateAsync("() => new Promise(r => { window.geoPeta.map.once('idle', () => r(null)); window.geoPeta.map.triggerRepaint(); })");

    public static async Task<JsonElement> Json(PetaFixture fixture, string path) =>
        await fixture.Http.GetFromJsonAsync<JsonElement>(path);

    /// <summary>Every desa of Kota Metro with its label point.</summary>
    public static async Task<IReadOnlyList<(string Kode, string Nama, double Lng, double Lat)>> Desa(PetaFixture fixture, string induk = "18.72")
    {
        await using var cmd = fixture.Database.DataSource.CreateCommand(
            "SELECT kode, nama, ST_X(titik_label), ST_Y(titik_label) FROM wilayah WHERE tingkat = 4 AND kode LIKE $1 ORDER BY kode");
        cmd.Parameters.AddWithValue(induk + ".%");
        await using var reader = await cmd.ExecuteReaderAsync();
        var list = new List<(string, string, double, double)>();
        while (await reader.ReadAsync()) list.Add((reader.GetString(0), reader.GetString(1), reader.GetDouble(2), reader.GetDouble(3)));
        return list;
    }

    /// <summary>The pixels (rgb) of the map canvas at the label point of each desa, by kode, with the names hidden.</summary>
    public static async Task<Dictionary<string, int[]>> Pixels(IPage page, IEnumerable<(string Kode, string Nama, double Lng, double Lat)> desa)
    {
        var points = JsonSerializer.Serialize(desa.Select(d => new object[] { d.Kode, d.Lng, d.Lat }));
        var result = await page.EvaluateAsync<Dictionary<string, int[]>>($$"""
            async () => {
              // The fill under the names: labels are tested on their own.
              const map = window.geoPeta.map;
              const labels = ['label-desa', 'label-kecamatan'].filter(l => map.getLayer(l));
              for (const l of labels) map.setLayoutProperty(l, 'visibility', 'none');
              await new Promise(r => { map.once('idle', () => r(null)); map.triggerRepaint(); });
              const src = map.getCanvas();
              const s = src.width / src.clientWidth;
              const c = document.createElement('canvas');
              c.width = src.width; c.height = src.height;
              const ctx = c.getContext('2d');
              ctx.drawImage(src, 0, 0);
              const out = {};
              for (const [kode, lng, lat] of {{points}}) {
                const [x, y] = window.geoPeta.proyeksi(lng, lat);
                const d = ctx.getImageData(Math.round(x * s), Math.round(y * s), 1, 1).data;
                out[kode] = [d[0], d[1], d[2]];
              }
              for (const l of labels) map.setLayoutProperty(l, 'visibility', 'visible');
              return out;
            }
            """);
        return result;
    }

    public static int[] Blend(string hex, string background = "#f7f8fa", double alpha = 0.88)
    {
        int Channel(string h, int i) => Convert.ToInt32(h.Substring(1 + 2 * i, 2), 16);
        return [.. Enumerable.Range(0, 3).Select(i => (int)Math.Round(Channel(hex, i) * alpha + Channel(background, i) * (1 - alpha)))];
    }

    public static bool Near(int[] pixel, int[] expected, int tolerance = 12) =>
        Enumerable.Range(0, 3).All(i => Math.Abs(pixel[i] - expected[i]) <= tolerance);

    public static string Rgb(int[] p) => $"rgb({string.Join(",", p)})";
}
