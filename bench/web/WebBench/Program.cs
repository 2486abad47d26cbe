// The map page in Debian's headless Chromium (Playwright for .NET, no browser download), against a
// running API: navigation to the choropleth drawn, indicator change to the map redrawn, and what the
// page downloads on a first and on a second visit. Usage:
//   dotnet WebBench.dll BASE_URL [ROUNDS]   (BASE_URL e.g. http://127.0.0.1:8203)
// Other modes (BASE_URL MODE): jejak, lapisan, shader (see bench/README.md), and lantai [ROUNDS]:
// the floor page of bench/web/lantai.sh, MapLibre alone, navigation to drawn.
using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

var baseUrl = args.Length > 0 ? args[0].TrimEnd('/') : "http://127.0.0.1:8203";
var trace = args.Length > 1 && args[1] == "jejak";
var layers = args.Length > 1 && args[1] == "lapisan";
var shaders = args.Length > 1 && args[1] == "shader";
var floor = args.Length > 1 && args[1] == "lantai";
var rounds = floor && args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture)
    : args.Length > 1 && !trace && !layers && !shaders && !floor ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var chromium = Environment.GetEnvironmentVariable("CHROMIUM") ?? "/usr/bin/chromium";

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = chromium,
    Headless = true,
    Args = ["--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--no-sandbox", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
});

// The page sets body[data-status=siap] once the values are painted and the map is idle (every tile
// in view loaded and drawn with its colour); this records when, on the page's own clock.
const string Recorder = """
    (() => {
      // MapLibre's idle means every draw call is issued, not executed: a software-rendered GPU
      // process may still be drawing. Reading one pixel back waits until it has drawn them all.
      window.piksel = () => {
        const gl = window.geoPeta?.map?.painter?.context?.gl;
        if (gl) gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
        return performance.now();
      };
      const note = () => {
        if (document.body?.dataset.nama === 'siap' && window.__nama === undefined) window.__nama = performance.now();
        if (document.body?.dataset.status !== 'siap' || window.__siap !== undefined) return;
        window.__siap = performance.now();
        window.__piksel = piksel();
      };
      new MutationObserver(note).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-status', 'data-nama'] });
    })();
    """;

var views = new (string Name, string Query, string Next)[]
{
    ("Kota Metro (22 desa), PREV_STUNTING", "?wilayah=18.72&indikator=PREV_STUNTING&periode=2022-08&tingkat=desa&lapisan=nilai", "L14"),
    ("Jawa Tengah (8,563 desa), L14 sintetis", "?wilayah=33&indikator=L14&periode=2022-08&tingkat=desa&lapisan=nilai", "L20"),
};

if (floor)
{
    var drawn = new List<double>();
    var pixels = new List<double>();
    for (var round = 0; round < rounds + 1; round++)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        await context.AddInitScriptAsync(Recorder);
        var page = await context.NewPageAsync();
        await page.GotoAsync(baseUrl + "/index.html");
        await page.WaitForFunctionAsync("() => window.__siap !== undefined", null, new PageWaitForFunctionOptions { Timeout = 120_000 });
        if (round == 0) continue; // the first warms the browser, as run.sh's untimed pass does
        drawn.Add(await page.EvaluateAsync<double>("() => window.__siap"));
        pixels.Add(await page.EvaluateAsync<double>("() => window.__piksel"));
    }
    Console.WriteLine($"== lantai (MapLibre saja, latar belakang), {rounds} putaran, median (min–maks)");
    Console.WriteLine($"  navigasi → peta tergambar (ms): {Median(drawn)}");
    Console.WriteLine($"  navigasi → piksel tergambar (GPU selesai, ms): {Median(pixels)}");
    return;
}

if (shaders)
{
    await Shader.Run(browser, baseUrl, views);
    return;
}

if (layers)
{
    await Lapisan.Run(browser, baseUrl, views);
    return;
}

if (trace)
{
    await Jejak.Run(browser, baseUrl, views);
    return;
}

var results = new Dictionary<string, List<double>>();
void Add(string key, double v) { if (!results.TryGetValue(key, out var l)) results[key] = l = []; l.Add(v); }

for (var round = 0; round < rounds; round++)
{
    foreach (var (name, query, next) in views)
    {
        // A fresh context: a first visit, nothing cached.
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        await context.AddInitScriptAsync(Recorder);
        var page = await context.NewPageAsync();
        await page.GotoAsync(baseUrl + "/" + query);
        await page.WaitForFunctionAsync("() => window.__siap !== undefined", null, new PageWaitForFunctionOptions { Timeout = 120_000 });
        Add($"{name}: navigasi → peta tergambar (ms)", await page.EvaluateAsync<double>("() => window.__siap"));
        Add($"{name}: navigasi → piksel tergambar (GPU selesai, ms)", await page.EvaluateAsync<double>("() => window.__piksel"));
        // The page draws the names just after the choropleth (data-nama): the change starts from a map with its names.
        // (A build of the page from before data-nama sets no such attribute: nothing to wait for.)
        await page.WaitForFunctionAsync("() => window.__nama !== undefined || document.body.dataset.nama === undefined", null, new PageWaitForFunctionOptions { Timeout = 120_000 });
        Add($"{name}: navigasi → nama tergambar (ms)", await page.EvaluateAsync<double>("() => window.__nama ?? window.__siap"));
        if (round == 0) await Waterfall(page, name);

        // Changing the indicator: the change event to the map idle again with the new colours.
        // Drawing of the first load finished first: the change is timed from a drawn map.
        await page.EvaluateAsync("() => window.piksel()");
        var change = await page.EvaluateAsync<double[]>($$"""
            async () => {
              const t0 = performance.now();
              let t1 = 0, t2 = 0;
              const s = document.getElementById('pilih-indikator');
              s.value = '{{next}}';
              s.dispatchEvent(new Event('change'));
              await new Promise((resolve) => {
                const o = new MutationObserver(() => { if (document.body.dataset.status === 'siap') { o.disconnect(); t1 = performance.now(); t2 = window.piksel(); resolve(); } });
                o.observe(document.body, { attributes: true, attributeFilter: ['data-status'] });
              });
              return [t1 - t0, t2 - t0];
            }
            """);
        Add($"{name}: ganti indikator → peta tergambar ulang (ms)", change[0]);
        Add($"{name}: ganti indikator → piksel tergambar (GPU selesai, ms)", change[1]);
    }
}

// What the page downloads: every script and style, first visit and second (same browser cache).
{
    await using var context = await browser.NewContextAsync();
    var page = await context.NewPageAsync();
    var seen = new List<(string Url, IRequest Request)>();
    page.RequestFinished += (_, r) => { if (r.Url.Contains("/assets/", StringComparison.Ordinal)) lock (seen) seen.Add((r.Url, r)); };
    await page.GotoAsync(baseUrl + "/" + views[0].Query);
    await page.WaitForSelectorAsync("body[data-status=siap][data-nama=siap]", new PageWaitForSelectorOptions { Timeout = 120_000 });
    // The bytes of each asset the page fetched, as the server sends them to Chromium (its
    // Accept-Encoding; Playwright reports no body size for the worker's script).
    var first = new List<(string File, long Bytes, string CacheControl)>();
    using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = System.Net.DecompressionMethods.None });
    List<string> urls;
    lock (seen) urls = seen.Select(s => s.Url).Distinct().ToList();
    foreach (var url in urls)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, url);
        message.Headers.Add("Accept-Encoding", "gzip, deflate, br, zstd");
        using var response = await http.SendAsync(message);
        var body = await response.Content.ReadAsByteArrayAsync();
        first.Add(($"{url[(url.LastIndexOf('/') + 1)..]} ({string.Join(",", response.Content.Headers.ContentEncoding)})", body.Length,
            response.Headers.CacheControl?.ToString() ?? ""));
    }
    // Resource Timing says what came over the network: transferSize 0 is the browser's cache.
    // The first tab closes first: a background tab draws no frames, so its map never goes idle.
    await page.CloseAsync();
    var again = await context.NewPageAsync();
    var log = new List<string>();
    again.Console += (_, m) => log.Add(m.Text);
    again.RequestFailed += (_, r) => log.Add($"FAILED {r.Url} {r.Failure}");
    await again.GotoAsync(baseUrl + "/" + views[0].Query);
    try
    {
        await again.WaitForSelectorAsync("body[data-status=siap][data-nama=siap]", new PageWaitForSelectorOptions { Timeout = 120_000 });
    }
    catch (TimeoutException)
    {
        await again.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/geo-bench-web-kedua.png" });
        throw new TimeoutException($"second visit not ready: {await again.EvaluateAsync<string>("() => document.body.dataset.status + ' ' + document.getElementById('pesan').textContent")} {string.Join(" | ", log)}");
    }
    var second = await again.EvaluateAsync<JsonElement>("""
        () => performance.getEntriesByType('resource').filter(e => e.name.includes('/assets/'))
          .map(e => ({ file: e.name.split('/').pop(), transfer: e.transferSize }))
        """);
    Console.WriteLine("== aset, kunjungan pertama (byte yang dikirim server ke Chromium)");
    foreach (var f in first.OrderBy(f => f.File)) Console.WriteLine($"  {f.File,-40} {f.Bytes,9:N0}  {f.CacheControl}");
    Console.WriteLine($"  total {first.Sum(f => f.Bytes):N0} byte");
    Console.WriteLine("== aset, kunjungan kedua (transferSize; 0 = dari cache peramban)");
    foreach (var e in second.EnumerateArray()) Console.WriteLine($"  {e.GetProperty("file").GetString(),-40} {e.GetProperty("transfer").GetDouble(),9:N0}");
}

static async Task Waterfall(IPage page, string name)
{
    // Where the time goes: each request from navigation start (Resource Timing), the tiles summarised.
    var rows = await page.EvaluateAsync<JsonElement>("""
        () => {
          const nav = performance.getEntriesByType('navigation')[0];
          const out = [{ what: 'halaman (HTML)', start: 0, end: nav.responseEnd, bytes: nav.transferSize }];
          const tiles = [];
          for (const e of performance.getEntriesByType('resource')) {
            const u = new URL(e.name);
            const r = { what: u.pathname + (u.search.length > 60 ? u.search.slice(0, 60) + '…' : u.search), start: e.startTime, end: e.responseEnd, bytes: e.transferSize };
            if (/\/tiles\/\w+\/\d+\//.test(u.pathname)) tiles.push(r); else out.push(r);
          }
          if (tiles.length) out.push({ what: `${tiles.length} petak vektor`, start: Math.min(...tiles.map(t => t.start)), end: Math.max(...tiles.map(t => t.end)), bytes: tiles.reduce((n, t) => n + t.bytes, 0) });
          out.push({ what: 'peta siap (data-status=siap)', start: window.__siap, end: window.__siap, bytes: 0 });
          return out.sort((a, b) => a.start - b.start);
        }
        """);
    // What "siap" found drawn (measured after the round, the same view): a map whose level's tiles
    // begin at a higher zoom than the view's draws nothing and would be "ready" at once.
    var drawn = await page.EvaluateAsync<string>("() => { const m = window.geoPeta.map; return `zoom ${m.getZoom().toFixed(2)}, ${new Set(m.queryRenderedFeatures({ layers: ['isi'] }).map(f => f.properties.kode)).size} unit terwarnai di layar`; }");
    Console.WriteLine($"== {name}: {drawn}");
    Console.WriteLine($"== {name}: urutan permintaan (ms sejak navigasi, byte terkirim)");
    foreach (var r in rows.EnumerateArray())
    {
        Console.WriteLine($"  {r.GetProperty("start").GetDouble(),7:F0} → {r.GetProperty("end").GetDouble(),7:F0}  {r.GetProperty("bytes").GetDouble(),10:N0}  {r.GetProperty("what").GetString()}");
    }
}

Console.WriteLine($"== {rounds} putaran, median (min–maks)");
foreach (var (key, values) in results) Console.WriteLine($"  {key}: {Median(values)}");

static string Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    return string.Create(CultureInfo.InvariantCulture, $"{median:F0} ({sorted[0]:F0}–{sorted[^1]:F0})");
}
