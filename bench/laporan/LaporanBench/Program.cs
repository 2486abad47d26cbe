using System.Diagnostics;
using System.Globalization;
using Geo.Core.Akun;
using Geo.Data.Analisis;
using Geo.Data.Database;
using Geo.Data.Indikator;
using Geo.Data.Lokus;
using Geo.Data.Statistics;
using Geo.Data.Peta;
using Geo.Publication.Laporan;
using Geo.Publication.Peta;

// In-process timing of one area's report, as the API server makes it (warm, one process): the
// stored analysis run (found again, not recomputed, after the first), the other reads, the
// composition and each writer. Args: DATABASE_URL WILAYAH PERIODE [RUNS] [hitung]; with "hitung"
// every run asks for a new seed, so the analysis (999 permutations) is computed each time. The maps are
// drawn as the API draws them (PetaLaporan over PetaGambarService: one load, all maps).
var (url, wilayah, periode) = (args[0], args[1], args[2]);
var runs = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 7;
await using var source = GeoDataSource.Create(DatabaseUrl.ToConnectionString(url));
var nilai = new NilaiQueries(source);
var catalog = new IndikatorCatalog(source);
var analysis = new SituationAnalysisService(new AnalysisInputLoader(nilai, catalog), new SpatialWeightsBuilder(source),
    new AnalysisStore(source, AnalysisRetention.Default));
var temporal = new TemporalAnalysisService(nilai, catalog, new SpatialWeightsBuilder(source));
var maps = new PetaLaporan(new PetaGambarService(new PetaGambarQueries(source), nilai, catalog, analysis, temporal));
var service = new LaporanService(analysis, nilai, catalog, new LokusStore(source), maps, temporal);
var compute = args.Length > 4 && args[4] == "hitung";
var baseSeed = (ulong)DateTime.UtcNow.Ticks;

var phases = new Dictionary<string, List<double>>();
void Add(string phase, double ms)
{
    if (!phases.TryGetValue(phase, out var list)) phases[phase] = list = [];
    list.Add(ms);
}

for (var i = 0; i <= runs; i++)
{
    var request = AnalysisRequestParser.Parse(new AnalysisOptionsText(wilayah, periode, Seed: compute ? baseSeed + (ulong)i : null));
    var clock = Stopwatch.StartNew();
    // With a new seed each time, the run is computed inside CollectAsync, as on a first request.
    if (!compute) await analysis.RunAsync(Caller.Anonim, request);
    var run = clock.Elapsed.TotalMilliseconds;
    clock.Restart();
    var facts = await service.CollectAsync(Caller.Anonim, request);
    var collect = clock.Elapsed.TotalMilliseconds;
    clock.Restart();
    var document = LaporanComposer.Compose(facts);
    var compose = clock.Elapsed.TotalMilliseconds;
    clock.Restart();
    var docx = DocxWriter.Write(document);
    var docxMs = clock.Elapsed.TotalMilliseconds;
    clock.Restart();
    var pdf = PdfWriter.Write(document);
    var pdfMs = clock.Elapsed.TotalMilliseconds;
    // CollectAsync reads (or computes) the run itself: "run" alone shows what finding the stored one costs.
    var label = i == 0 ? "pertama" : "ulang";
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{label} run {run:0} ms, peta {facts.Peta.Count(p => p.Png is not null)}, kumpul (termasuk run) {collect:0} ms, susun {compose:0} ms, docx {docxMs:0} ms ({docx.Length / 1024} KiB), pdf {pdfMs:0} ms ({pdf.Length / 1024} KiB); laporan docx {collect + compose + docxMs:0} ms, pdf {collect + compose + pdfMs:0} ms"));
    if (i == 0) continue;
    if (!compute) Add("run analisis (tersimpan)", run);
    Add("kumpul fakta (termasuk run)", collect);
    Add("susun dokumen", compose);
    Add("tulis docx", docxMs);
    Add("tulis pdf", pdfMs);
    Add("laporan docx", collect + compose + docxMs);
    Add("laporan pdf", collect + compose + pdfMs);
}
Console.WriteLine($"--- median dari {runs} putaran ulang ({wilayah} {periode}{(compute ? ", analisis dihitung setiap putaran" : "")})");
foreach (var (phase, values) in phases)
{
    var sorted = values.Order().ToArray();
    var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{phase,-30} {median,8:0} ms  ({sorted[0]:0}-{sorted[^1]:0})"));
}
