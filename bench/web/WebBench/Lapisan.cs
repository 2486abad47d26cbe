// `dotnet WebBench.dll BASE_URL lapisan`: what one frame of the drawn map costs, and what each
// layer adds to it. Per view, once the map is ready: the whole map redrawn (MapLibre's render
// then one pixel read back, which waits until the GPU process has drawn it), then the same with
// each layer hidden in turn. A screenshot of each view goes to /tmp/geo-bench-web-lapisan-N.png. In a software-rendered browser the GPU process is most of a frame.
using System.Text.Json;
using Microsoft.Playwright;

static class Lapisan
{
    private const string Measure = """
        async () => {
          const m = window.geoPeta.map, gl = m.painter.context.gl;
          const finish = () => gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
          const idle = () => new Promise((r) => { if (m.loaded() && !m.isMoving()) { m.once('idle', r); m.triggerRepaint(); } else m.once('idle', r); });
          const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
          const frame = async () => {
            const js = [], all = [];
            for (let i = 0; i < 7; i++) {
              finish();
              const t0 = performance.now();
              const rendered = new Promise((r) => m.once('render', r));
              m.triggerRepaint();
              await rendered;
              const t1 = performance.now();
              finish();
              js.push(t1 - t0); all.push(performance.now() - t0);
            }
            return { js: median(js), semua: median(all) };
          };
          const out = [{ lapisan: '(semua)', ...(await frame()) }];
          for (const l of m.getStyle().layers) {
            if ((l.layout?.visibility ?? 'visible') === 'none') continue;
            m.setLayoutProperty(l.id, 'visibility', 'none');
            await idle();
            out.push({ lapisan: l.id, ...(await frame()) });
            m.setLayoutProperty(l.id, 'visibility', 'visible');
            await idle();
          }
          return out;
        }
        """;

    public static async Task Run(IBrowser browser, string baseUrl, (string Name, string Query, string Next)[] views)
    {
        var n = 0;
        foreach (var (name, query, _) in views)
        {
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
            var page = await context.NewPageAsync();
            await page.GotoAsync(baseUrl + "/" + query);
            await page.WaitForSelectorAsync("body[data-status=siap]", new PageWaitForSelectorOptions { Timeout = 120_000 });
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = $"/tmp/geo-bench-web-lapisan-{++n}.png" });
            var rows = await page.EvaluateAsync<JsonElement>(Measure);
            Console.WriteLine($"== {name}: satu bingkai (median dari 7, ms): render MapLibre, sampai piksel tergambar");
            var all = rows[0].GetProperty("semua").GetDouble();
            foreach (var r in rows.EnumerateArray())
            {
                var semua = r.GetProperty("semua").GetDouble();
                var note = r.GetProperty("lapisan").GetString() == "(semua)" ? "" : $"  tanpa lapisan ini: {all - semua,6:F0} lebih cepat";
                Console.WriteLine($"  {r.GetProperty("lapisan").GetString(),-22} {r.GetProperty("js").GetDouble(),6:F0} {semua,7:F0}{note}");
            }
        }
    }
}
