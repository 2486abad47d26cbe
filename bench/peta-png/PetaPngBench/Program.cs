// Static map images (bench/README.md, "Peta PNG"): Kota Metro at 1600×1200 and all desa of Jawa
// Tengah at 2400×1800, rendered in-process as GET /api/peta.png renders them (anonymous caller,
// published values): median of the runs after a warm-up, split into loading (PostGIS, values) and
// drawing + PNG encoding; the CPU time this process spent (the drawing, without PostgreSQL's share),
// which a busy machine inflates less than wall time; and the process's peak resident memory.
using System.Diagnostics;
using Geo.Core.Akun;
using Geo.Data.Analisis;
using Geo.Data.Database;
using Geo.Data.Indikator;
using Geo.Data.Peta;
using Geo.Data.Statistics;
using Geo.Publication.Peta;

var url = args[0];
var outDir = args[1];
var runs = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 9;
await using var dataSource = GeoDataSource.Create(url);
var nilai = new NilaiQueries(dataSource);
var catalog = new IndikatorCatalog(dataSource);
var analysis = new SituationAnalysisService(new AnalysisInputLoader(nilai, catalog), new SpatialWeightsBuilder(dataSource),
    new AnalysisStore(dataSource, AnalysisRetention.Default));
var temporal = new TemporalAnalysisService(nilai, catalog, new SpatialWeightsBuilder(dataSource));
var shared = new PetaGambarQueries(dataSource);
// "simpanan": one PetaGambarQueries for the process, as the server's singleton (shapes kept per
// boundary version); "baru": a new one per image, so every image reads and simplifies its shapes
// again (what every request did before the shapes were kept). Both in the same run, side by side.
PetaGambarService Service(bool keep) => new(keep ? shared : new PetaGambarQueries(dataSource), nilai, catalog, analysis, temporal);

var cases = new[]
{
    ("kota-metro-1600x1200", new OpsiPetaTeks("18.72", "PREV_STUNTING", "2022-08", Lebar: 1600, Tinggi: 1200)),
    ("jawa-tengah-desa-2400x1800", new OpsiPetaTeks("33", Environment.GetEnvironmentVariable("INDIKATOR") ?? "L01", "2024", Lebar: 2400, Tinggi: 1800)),
};
Console.WriteLine($"runs per case: {runs} (after 2 warm-up runs); {Environment.ProcessorCount} cores");
foreach (var (name, options) in cases)
foreach (var keep in new[] { false, true })
{
    var request = PermintaanPetaParser.Parse(options);
    var load = new List<double>();
    var draw = new List<double>();
    var total = new List<double>();
    var cpu = new List<double>();
    GambarPeta? last = null;
    for (var i = 0; i < runs + 2; i++)
    {
        var c0 = Process.GetCurrentProcess().TotalProcessorTime;
        var t0 = Stopwatch.GetTimestamp();
        var isi = await Service(keep).IsiAsync(Caller.Anonim, request);
        var t1 = Stopwatch.GetTimestamp();
        last = PetaRenderer.Render(isi, request.Lebar, request.Tinggi);
        var t2 = Stopwatch.GetTimestamp();
        var c2 = Process.GetCurrentProcess().TotalProcessorTime;
        if (i < 2) continue;
        cpu.Add((c2 - c0).TotalMilliseconds);
        load.Add(Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds);
        draw.Add(Stopwatch.GetElapsedTime(t1, t2).TotalMilliseconds);
        total.Add(Stopwatch.GetElapsedTime(t0, t2).TotalMilliseconds);
    }
    await File.WriteAllBytesAsync(Path.Combine(outDir, name + ".png"), last!.Png);
    Console.WriteLine($"{name} ({(keep ? "simpanan" : "baru")}): median {Median(total):F1} ms (load {Median(load):F1} ms, draw+png {Median(draw):F1} ms), "
        + $"min {total.Min():F1}, max {total.Max():F1}; this process's CPU time median {Median(cpu):F1} ms; png {last.Png.Length / 1024} KiB; sintetis {last.Sintetis}");
}
using var self = Process.GetCurrentProcess();
self.Refresh();
Console.WriteLine($"peak resident memory (VmHWM): {self.PeakWorkingSet64 / (1024.0 * 1024):F0} MiB");

static double Median(List<double> xs)
{
    var s = xs.Order().ToList();
    return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
}
