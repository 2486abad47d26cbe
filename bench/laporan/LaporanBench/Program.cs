using System.Diagnostics;
using System.Globalization;
using Geo.Core.Akun;
using Geo.Data.Analisis;
using Geo.Data.Database;
using Geo.Data.Indikator;
using Geo.Data.Lokus;
using Geo.Data.Peta;
using Geo.Data.Statistics;
using Geo.Publication.Laporan;
using Geo.Publication.Peta;

// In-process timing of one area's report, as the API server makes it (warm, one process): the
// facts (the stored run found again after the first, the other reads, the analysis over time and
// all the maps), the composition and each writer, in wall time and in this process's CPU time
// (which a busy machine inflates far less; PostgreSQL's share is not in it). Args: DATABASE_URL
// WILAYAH PERIODE [RUNS] [hitung]; with "hitung" every run asks for a new seed, so the analysis (999
// permutations) is computed each time, as on a first request. Each run is made twice, side by side:
// "sekali" draws every map from one load (PetaLaporan, issue 14), "per peta" as before: each map
// loads its shapes, run and values again (a new PetaGambarQueries per map, so nothing is kept).
var (url, wilayah, periode) = (args[0], args[1], args[2]);
var runs = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 7;
await using var source = GeoDataSource.Create(DatabaseUrl.ToConnectionString(url));
var nilai = new NilaiQueries(source);
var catalog = new IndikatorCatalog(source);
var analysis = new SituationAnalysisService(new AnalysisInputLoader(nilai, catalog), new SpatialWeightsBuilder(source),
    new AnalysisStore(source, AnalysisRetention.Default));
var temporal = new TemporalAnalysisService(nilai, catalog, new SpatialWeightsBuilder(source));
var maps = new PetaLaporan(new PetaGambarService(new PetaGambarQueries(source), nilai, catalog, analysis, temporal));
var perMap = new PerPeta(() => new PetaGambarService(new PetaGambarQueries(source), nilai, catalog, analysis, temporal));
var compute = args.Length > 4 && args[4] == "hitung";
var baseSeed = (ulong)DateTime.UtcNow.Ticks;

var phases = new Dictionary<string, List<(double Wall, double Cpu)>>();
void Add(string phase, (double, double) t)
{
    if (!phases.TryGetValue(phase, out var list)) phases[phase] = list = [];
    list.Add(t);
}
static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;

for (var i = 0; i <= runs; i++)
{
    foreach (var (mode, peta) in new (string, IPetaLaporan)[] { ("sekali", maps), ("per peta", perMap) })
    {
        // A new seed per run and mode in "hitung": both modes compute their run.
        var seed = compute ? baseSeed + (ulong)(2 * i + (mode == "sekali" ? 0 : 1)) : (ulong?)null;
        var request = AnalysisRequestParser.Parse(new AnalysisOptionsText(wilayah, periode, Seed: seed));
        var service = new LaporanService(analysis, nilai, catalog, new LokusStore(source), peta, temporal);
        var (c0, clock) = (Cpu(), Stopwatch.StartNew());
        if (!compute) await analysis.RunAsync(Caller.Anonim, request);
        var run = (clock.Elapsed.TotalMilliseconds, (Cpu() - c0).TotalMilliseconds);
        (c0, clock) = (Cpu(), Stopwatch.StartNew());
        var facts = await service.CollectAsync(Caller.Anonim, request);
        var collect = (clock.Elapsed.TotalMilliseconds, (Cpu() - c0).TotalMilliseconds);
        (c0, clock) = (Cpu(), Stopwatch.StartNew());
        var document = LaporanComposer.Compose(facts);
        var compose = (clock.Elapsed.TotalMilliseconds, (Cpu() - c0).TotalMilliseconds);
        (c0, clock) = (Cpu(), Stopwatch.StartNew());
        var docx = DocxWriter.Write(document);
        var docxMs = (clock.Elapsed.TotalMilliseconds, (Cpu() - c0).TotalMilliseconds);
        (c0, clock) = (Cpu(), Stopwatch.StartNew());
        var pdf = PdfWriter.Write(document);
        var pdfMs = (clock.Elapsed.TotalMilliseconds, (Cpu() - c0).TotalMilliseconds);
        var label = i == 0 ? "pertama" : "ulang";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label} ({mode}) peta {facts.Peta.Count(p => p.Png is not null)}, kumpul {collect.Item1:0} ms (CPU {collect.Item2:0}), susun {compose.Item1:0}, docx {docxMs.Item1:0} (CPU {docxMs.Item2:0}; {docx.Length / 1024} KiB), pdf {pdfMs.Item1:0} (CPU {pdfMs.Item2:0}; {pdf.Length / 1024} KiB)"));
        if (i == 0) continue;
        if (!compute) Add($"run analisis tersimpan ({mode})", run);
        Add($"kumpul fakta + peta ({mode})", collect);
        Add($"susun dokumen ({mode})", compose);
        Add($"tulis docx ({mode})", docxMs);
        Add($"tulis pdf ({mode})", pdfMs);
        Add($"laporan docx ({mode})", (collect.Item1 + compose.Item1 + docxMs.Item1, collect.Item2 + compose.Item2 + docxMs.Item2));
        Add($"laporan pdf ({mode})", (collect.Item1 + compose.Item1 + pdfMs.Item1, collect.Item2 + compose.Item2 + pdfMs.Item2));
    }
}
Console.WriteLine($"--- median dari {runs} putaran ulang ({wilayah} {periode}{(compute ? ", analisis dihitung setiap putaran" : "")}); load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
Console.WriteLine($"{"",-38} {"dinding",9} {"CPU proses",11}");
foreach (var (phase, values) in phases)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{phase,-38} {Median(values.Select(v => v.Wall)),6:0} ms {Median(values.Select(v => v.Cpu)),8:0} ms  (dinding {values.Min(v => v.Wall):0}-{values.Max(v => v.Wall):0})"));
}

static double Median(IEnumerable<double> xs)
{
    var s = xs.Order().ToArray();
    return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
}

/// <summary>The report's maps as before issue 14's fix: each drawn on its own, loading everything again.</summary>
internal sealed class PerPeta(Func<PetaGambarService> fresh) : IPetaLaporan
{
    public async Task<IReadOnlyList<PetaFakta>> GambarAsync(PetaLaporanPermintaan p, CancellationToken ct = default)
    {
        var list = new List<PetaFakta>();
        foreach (var kunci in p.Lapisan)
        {
            if (!LapisanAnalisis.TryParse(kunci, out var lapisan)) throw new ArgumentException(kunci);
            var waktu = LapisanAnalisis.Waktu(lapisan) ? p.Waktu?.Request : null;
            var request = new PermintaanPeta(p.Analisis.Wilayah, p.Analisis.Indikator, p.Analisis.Periode, lapisan, null, 5, p.Lebar, p.Tinggi, p.Analisis, waktu);
            var gambar = await fresh().RenderAsync(p.Caller, request, ct);
            list.Add(new PetaFakta(kunci, gambar.Png, p.Lebar, p.Tinggi));
        }
        return list;
    }
}
