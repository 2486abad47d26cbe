// `dotnet WebBench.dll BASE_URL jejak`: where the time of one first load and one indicator change
// goes, per view, from a Chromium trace (CDP Tracing, every thread of the page's renderer: the main
// thread and MapLibre's workers) and the page's own marks (MapLibre events, data-status). Writes
// the raw trace to /tmp/geo-bench-web-jejak-N.json (open it in chrome://tracing or Perfetto).
using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

static class Jejak
{
    // MapLibre's events as performance marks, so the trace and Resource Timing share one clock.
    public const string Marks = """
        (() => {
          const mark = (n) => { try { performance.mark(n); } catch { } };
          new MutationObserver(() => mark('geo:status ' + document.body.dataset.status))
            .observe(document, { attributes: true, subtree: true, attributeFilter: ['data-status'] });
          let gp;
          Object.defineProperty(window, 'geoPeta', { configurable: true, get() { return gp; }, set(v) {
            gp = v;
            const m = v.map, seen = new Set();
            const first = (n) => { if (!seen.has(n)) { seen.add(n); mark('ml:' + n); } };
            m.on('styledata', () => mark('ml:styledata'));
            m.on('data', (e) => { if (e.dataType === 'source' && e.sourceId === 'unit' && e.tile) first('petak unit pertama'); });
            m.on('render', () => { first('render pertama'); window.__render = (window.__render ?? 0) + 1; });
            m.on('move', () => first('kamera bergerak pertama'));
            m.on('dataloading', (e) => { if (e.dataType === 'source' && e.sourceId === 'unit' && e.tile) first('petak unit diminta pertama'); });
            m.on('idle', () => mark('ml:idle'));
          } });
        })();
        """;

    public static async Task Run(IBrowser browser, string baseUrl, (string Name, string Query, string Next)[] views)
    {
        var n = 0;
        foreach (var (name, query, next) in views)
        {
            n++;
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
            await context.AddInitScriptAsync(Marks);
            var page = await context.NewPageAsync();
            var cdp = await context.NewCDPSessionAsync(page);
            var events = new List<JsonElement>();
            var done = new TaskCompletionSource();
            cdp.Event("Tracing.dataCollected").OnEvent += (_, e) =>
            {
                if (e is { } v) lock (events) foreach (var x in v.GetProperty("value").EnumerateArray()) events.Add(x.Clone());
            };
            cdp.Event("Tracing.tracingComplete").OnEvent += (_, _) => done.TrySetResult();
            await cdp.SendAsync("Tracing.start", new Dictionary<string, object>
            {
                // GEO_JEJAK_KATEGORI adds categories, e.g. "gpu,viz,cc" for what the GPU process does.
                ["categories"] = "devtools.timeline,disabled-by-default-devtools.timeline,toplevel,v8.execute,blink.user_timing,loading,v8,disabled-by-default-v8.cpu_profiler"
                    + (Environment.GetEnvironmentVariable("GEO_JEJAK_KATEGORI") is { Length: > 0 } extra ? "," + extra : ""),
                ["transferMode"] = "ReportEvents",
            });
            await page.GotoAsync(baseUrl + "/" + query);
            await page.WaitForSelectorAsync("body[data-status=siap]", new PageWaitForSelectorOptions { Timeout = 120_000 });
            var siap = await page.EvaluateAsync<double>("() => performance.getEntriesByName('geo:status siap')[0].startTime");
            // What "siap" found drawn: the zoom, and the units of the choropleth on screen at that moment.
            var drawn = await page.EvaluateAsync<string>("() => { const m = window.geoPeta.map; return `zoom ${m.getZoom().toFixed(2)}, ${new Set(m.queryRenderedFeatures({ layers: ['isi'] }).map(f => f.properties.kode)).size} unit terwarnai di layar, petak label ${m.getSource('label') ? 'ada' : 'tidak'}`; }");
            Console.WriteLine($"== {name}: saat siap: {drawn}");
            await page.EvaluateAsync($$"""
                async () => {
                  performance.mark('geo:ganti');
                  const s = document.getElementById('pilih-indikator');
                  s.value = '{{next}}';
                  s.dispatchEvent(new Event('change'));
                  await new Promise((resolve) => {
                    const o = new MutationObserver(() => { if (document.body.dataset.status === 'siap') { o.disconnect(); resolve(); } });
                    o.observe(document.body, { attributes: true, attributeFilter: ['data-status'] });
                  });
                  performance.mark('geo:ganti siap');
                }
                """);
            var marks = await page.EvaluateAsync<JsonElement>("() => performance.getEntriesByType('mark').map(m => ({ name: m.name, t: m.startTime }))");
            var resources = await page.EvaluateAsync<JsonElement>("""
                () => performance.getEntriesByType('resource').map(e => ({ name: e.name, start: e.startTime, end: e.responseEnd, bytes: e.transferSize, st: e.serverTiming.map(s => `${s.name}=${s.duration}`).join(' ') }))
                """);
            // The tile requests run in MapLibre's workers: their own Resource Timing, shifted to the page's clock.
            var pageOrigin = await page.EvaluateAsync<double>("() => performance.timeOrigin");
            var workerResources = new List<(string Name, double Start, double End, double Bytes)>();
            foreach (var w in page.Workers)
            {
                var r = await w.EvaluateAsync<JsonElement>("() => ({ o: performance.timeOrigin, r: performance.getEntriesByType('resource').map(e => ({ name: e.name, start: e.startTime, end: e.responseEnd, bytes: e.transferSize })) })");
                var shift = r.GetProperty("o").GetDouble() - pageOrigin;
                foreach (var e in r.GetProperty("r").EnumerateArray())
                    workerResources.Add((e.GetProperty("name").GetString()!, e.GetProperty("start").GetDouble() + shift, e.GetProperty("end").GetDouble() + shift, e.GetProperty("bytes").GetDouble()));
            }
            await cdp.SendAsync("Tracing.end");
            await done.Task.WaitAsync(TimeSpan.FromSeconds(60));
            var path = $"/tmp/geo-bench-web-jejak-{n}.json";
            await File.WriteAllTextAsync(path, JsonSerializer.Serialize(new { traceEvents = events }));
            Report(name, path, siap, marks, resources, workerResources, events);
        }
    }

    private static void Report(string name, string path, double siap, JsonElement marks, JsonElement resources,
        List<(string Name, double Start, double End, double Bytes)> workerResources, List<JsonElement> events)
    {
        Console.WriteLine($"== {name}: jejak ({path}); peta siap {siap:F0} ms");
        var rows = new List<(double Start, double End, string What)>();
        foreach (var m in marks.EnumerateArray()) rows.Add((m.GetProperty("t").GetDouble(), m.GetProperty("t").GetDouble(), "• " + m.GetProperty("name").GetString()));
        foreach (var r in resources.EnumerateArray())
        {
            var u = new Uri(r.GetProperty("name").GetString()!);
            var st = r.GetProperty("st").GetString();
            rows.Add((r.GetProperty("start").GetDouble(), r.GetProperty("end").GetDouble(),
                $"{r.GetProperty("bytes").GetDouble(),9:N0}  {Short(u)}{(string.IsNullOrEmpty(st) ? "" : "  [" + st + "]")}"));
        }
        foreach (var g in workerResources.GroupBy(w => new Uri(w.Name).AbsolutePath.Contains("/tiles/", StringComparison.Ordinal) && w.Name.EndsWith(".mvt", StringComparison.Ordinal) || w.Name.Contains(".mvt?", StringComparison.Ordinal)))
        {
            if (!g.Key) { foreach (var w in g) rows.Add((w.Start, w.End, $"{w.Bytes,9:N0}  (pekerja) {Short(new Uri(w.Name))}")); continue; }
            // Tiles by burst: a first load and an indicator change are reported apart.
            foreach (var burst in Bursts(g.OrderBy(w => w.Start).ToList()))
                rows.Add((burst.Min(w => w.Start), burst.Max(w => w.End), $"{burst.Sum(w => w.Bytes),9:N0}  (pekerja) {burst.Count} petak vektor"));
        }
        foreach (var r in rows.OrderBy(r => r.Start)) Console.WriteLine($"  {r.Start,7:F0} → {r.End,7:F0}  {r.What}");

        // CPU per thread of the renderer that ran the page, in the two windows.
        var siapMark = events.FirstOrDefault(e => e.GetProperty("name").GetString() == "geo:status siap");
        if (siapMark.ValueKind == JsonValueKind.Undefined) { Console.WriteLine("  (the trace has no marks)"); return; }
        var pid = siapMark.GetProperty("pid").GetInt32();
        var zero = siapMark.GetProperty("ts").GetDouble() / 1000 - siap;  // trace ms of navigation start
        double At(string mark) => marks.EnumerateArray().First(m => m.GetProperty("name").GetString() == mark).GetProperty("t").GetDouble();
        var threads = events.Where(e => e.GetProperty("ph").GetString() == "M" && e.GetProperty("name").GetString() == "thread_name" && e.GetProperty("pid").GetInt32() == pid)
            .ToDictionary(e => e.GetProperty("tid").GetInt32(), e => e.GetProperty("args").GetProperty("name").GetString()!);
        var profiles = Profiles(events, pid, zero);
        foreach (var (from, to, label) in new[] { (0.0, siap, "navigasi → siap"), (At("geo:ganti"), At("geo:ganti siap"), "ganti indikator → siap") })
        {
            Console.WriteLine($"  -- CPU {label} ({to - from:F0} ms), per utas: tugas teratas (ms)");
            var inWindow = events.Where(e => e.GetProperty("pid").GetInt32() == pid && e.GetProperty("ph").GetString() == "X" && e.TryGetProperty("dur", out _))
                .Select(e => (E: e, T: e.GetProperty("ts").GetDouble() / 1000 - zero, D: e.GetProperty("dur").GetDouble() / 1000))
                .Where(x => x.T >= from && x.T < to).ToList();
            foreach (var byThread in inWindow.GroupBy(x => x.E.GetProperty("tid").GetInt32()))
            {
                var tn = threads.GetValueOrDefault(byThread.Key, byThread.Key.ToString(CultureInfo.InvariantCulture));
                if (!tn.StartsWith("CrRendererMain", StringComparison.Ordinal) && !tn.Contains("Worker", StringComparison.Ordinal)) continue;
                var top = byThread.Where(x => x.E.GetProperty("name").GetString() is "ThreadControllerImpl::RunTask").ToList();
                var busy = top.Sum(x => x.D);
                if (busy < 5) continue;
                var kinds = byThread.Where(x => x.E.GetProperty("name").GetString() is "EvaluateScript" or "v8.compile" or "v8.compileModule" or "FunctionCall" or "TimerFire" or "FireAnimationFrame" or "MajorGC" or "MinorGC" or "V8.GC_SCAVENGER" or "ParseHTML" or "Layout" or "UpdateLayoutTree" or "Paint" or "v8.evaluateModule" or "RunMicrotasks" or "EventDispatch" or "XHRReadyStateChange" or "v8.parseOnBackground")
                    .GroupBy(x => Kind(x.E)).Select(k => (k.Key, Ms: k.Sum(x => x.D))).OrderByDescending(k => k.Ms).Take(8);
                Console.WriteLine($"    {tn}: sibuk {busy:F0} ms dalam {top.Count} tugas; " + string.Join(", ", kinds.Select(k => $"{k.Key} {k.Ms:F0}")));
                foreach (var t in top.Where(x => x.D >= 40).OrderBy(x => x.T).Take(14))
                {
                    var inner = byThread.Where(x => x.T >= t.T && x.T < t.T + t.D && x.E.GetProperty("name").GetString() is not ("ThreadControllerImpl::RunTask" or "RunTask"))
                        .OrderByDescending(x => x.D).FirstOrDefault();
                    var fns = Samples(profiles, byThread.Key, t.T, t.T + t.D).Take(3).Select(f => $"{f.Fn} {f.Ms:F0}");
                    Console.WriteLine($"      {t.T,7:F0} +{t.D,5:F0}  {(inner.E.ValueKind == JsonValueKind.Undefined ? "" : Kind(inner.E))}  [{string.Join("; ", fns)}]");
                }
                Console.WriteLine("      fungsi (waktu sendiri, ms): " + string.Join("; ", Samples(profiles, byThread.Key, from, to).Take(14).Select(f => $"{f.Fn} {f.Ms:F0}")));
            }
        }
    }

    /// <summary>The V8 sampling profile of each thread: (ms since navigation, function) per sample.</summary>
    private static Dictionary<int, List<(double T, double Dt, string Fn)>> Profiles(List<JsonElement> events, int pid, double zero)
    {
        var result = new Dictionary<int, List<(double, double, string)>>();
        var starts = new Dictionary<string, (int Tid, double T)>();
        var nodes = new Dictionary<(string, int), (string Fn, int Parent)>();
        foreach (var e in events.Where(e => e.GetProperty("pid").GetInt32() == pid && e.GetProperty("ph").GetString() == "P"))
        {
            var id = e.TryGetProperty("id", out var i) ? i.ToString() : "";
            var data = e.GetProperty("args").GetProperty("data");
            if (e.GetProperty("name").GetString() == "Profile") { starts[id] = (e.GetProperty("tid").GetInt32(), data.GetProperty("startTime").GetDouble() / 1000 - zero); continue; }
            if (e.GetProperty("name").GetString() != "ProfileChunk" || !starts.TryGetValue(id, out var start)) continue;
            if (!data.TryGetProperty("cpuProfile", out var cpu)) continue;
            if (cpu.TryGetProperty("nodes", out var ns))
                foreach (var node in ns.EnumerateArray())
                {
                    var cf = node.GetProperty("callFrame");
                    var url = cf.TryGetProperty("url", out var u) ? u.GetString() ?? "" : "";
                    var fn = cf.GetProperty("functionName").GetString() is { Length: > 0 } f ? f : "(anonim)";
                    var file = url.Length == 0 ? "" : url[(url.LastIndexOf('/') + 1)..].Split('-')[0];
                    nodes[(id, node.GetProperty("id").GetInt32())] = (file.Length == 0 ? fn : $"{file}:{fn}", node.TryGetProperty("parent", out var p) ? p.GetInt32() : 0);
                }
            if (!cpu.TryGetProperty("samples", out var samples) || !data.TryGetProperty("timeDeltas", out var deltas)) continue;
            if (!result.TryGetValue(start.Tid, out var list)) result[start.Tid] = list = [];
            var t = list.Count > 0 ? list[^1].Item1 : start.T;
            foreach (var (sample, delta) in samples.EnumerateArray().Zip(deltas.EnumerateArray()))
            {
                var dt = delta.GetDouble() / 1000;
                t += dt;
                list.Add((t, dt, nodes.TryGetValue((id, sample.GetInt32()), out var n) ? n.Fn : "?"));
            }
        }
        return result;
    }

    private static IEnumerable<(string Fn, double Ms)> Samples(Dictionary<int, List<(double T, double Dt, string Fn)>> profiles, int tid, double from, double to) =>
        profiles.TryGetValue(tid, out var list)
            ? list.Where(s => s.T >= from && s.T < to && s.Fn is not "(idle)" and not "(program)").GroupBy(s => s.Fn)
                .Select(g => (g.Key, g.Sum(s => Math.Min(s.Dt, 5)))).OrderByDescending(g => g.Item2)
            : [];

    private static string Kind(JsonElement e)
    {
        var name = e.GetProperty("name").GetString()!;
        if (e.TryGetProperty("args", out var a) && a.ValueKind == JsonValueKind.Object && a.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object)
        {
            var url = d.TryGetProperty("url", out var u) ? u.GetString() : null;
            var fn = d.TryGetProperty("functionName", out var f) ? f.GetString() : null;
            var type = d.TryGetProperty("type", out var t) ? t.GetString() : null;
            var file = string.IsNullOrEmpty(url) ? "" : url[(url.LastIndexOf('/') + 1)..];
            if (file.Length > 0 || !string.IsNullOrEmpty(type)) return $"{name}({type}{(type is null ? "" : " ")}{file}{(string.IsNullOrEmpty(fn) ? "" : ":" + fn)})".Replace("( ", "(", StringComparison.Ordinal);
        }
        return name;
    }

    private static string Short(Uri u) => u.AbsolutePath + (u.Query.Length > 70 ? u.Query[..70] + "…" : u.Query);

    private static List<List<(string Name, double Start, double End, double Bytes)>> Bursts(List<(string Name, double Start, double End, double Bytes)> tiles)
    {
        var result = new List<List<(string, double, double, double)>>();
        foreach (var t in tiles)
        {
            if (result.Count == 0 || t.Start > result[^1].Max(x => x.Item3) + 150) result.Add([]);
            result[^1].Add(t);
        }
        return result;
    }
}
