// `dotnet WebBench.dll BASE_URL shader`: when MapLibre compiles each shader program of a first
// load, and how long the page waited for it (a software-rendered browser compiles in its GPU
// process; the page blocks on the link status). Programs are listed in the order they were linked,
// for a first load in a new browser and for a load in a browser that has drawn the page before.
using System.Text.Json;
using Microsoft.Playwright;

static class Shader
{
    private const string Hook = """
        (() => {
          window.__link = [];
          for (const C of [WebGLRenderingContext, WebGL2RenderingContext]) {
            const link = C.prototype.linkProgram, param = C.prototype.getProgramParameter;
            C.prototype.linkProgram = function (p) { p.__t0 = performance.now(); return link.call(this, p); };
            C.prototype.getProgramParameter = function (p, name) {
              const r = param.call(this, p, name);
              if (p.__t0 !== undefined && name === this.LINK_STATUS) { window.__link.push({ t: p.__t0, ms: performance.now() - p.__t0 }); p.__t0 = undefined; }
              return r;
            };
          }
          new MutationObserver(() => { if (document.body?.dataset.status === 'siap' && window.__siap === undefined) window.__siap = performance.now(); })
            .observe(document, { attributes: true, subtree: true, attributeFilter: ['data-status'] });
        })();
        """;

    public static async Task Run(IBrowser browser, string baseUrl, (string Name, string Query, string Next)[] views)
    {
        // Twice through the views in one browser: the first load compiles (cold), the later ones
        // find the GPU process's program cache warm, as the timed rounds of the benchmark do.
        foreach (var (name, query, pass) in views.Select(v => (v.Name, v.Query, "dingin")).Concat(views.Select(v => (v.Name, v.Query, "hangat"))))
        {
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
            await context.AddInitScriptAsync(Hook);
            var page = await context.NewPageAsync();
            await page.GotoAsync(baseUrl + "/" + query);
            await page.WaitForFunctionAsync("() => window.__siap !== undefined", null, new PageWaitForFunctionOptions { Timeout = 120_000 });
            var r = await page.EvaluateAsync<JsonElement>("() => ({ siap: window.__siap, link: window.__link, keys: Object.keys(window.geoPeta.map.painter.programCache.programs) })");
            var links = r.GetProperty("link").EnumerateArray().ToArray();
            var keys = r.GetProperty("keys").EnumerateArray().Select(k => k.GetString()).ToArray();
            Console.WriteLine($"== {name} ({pass}): siap {r.GetProperty("siap").GetDouble():F0} ms; {links.Length} program, menunggu {links.Sum(l => l.GetProperty("ms").GetDouble()):F0} ms");
            for (var i = 0; i < links.Length; i++)
            {
                var key = i < keys.Length ? keys[i] : "?";
                Console.WriteLine($"  {links[i].GetProperty("t").GetDouble(),7:F0} +{links[i].GetProperty("ms").GetDouble(),5:F0}  {(key!.Length > 110 ? key[..110] + "…" : key)}");
            }
        }
    }
}
