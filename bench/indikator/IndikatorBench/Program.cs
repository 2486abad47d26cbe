// Indicator benchmark: import of every desa x 30 indicators x 1 period as one long CSV, and the
// roll-up of one province to kecamatan, kab/kota and provinsi. Needs the national desa boundaries
// in the database (loaded here if absent). Usage: IndikatorBench DATABASE_URL DESA_FILE OUT_DIR [PROVINSI]
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Geo.Core.Indikator;
using Geo.Core.Wilayah;
using Geo.Data.Database;
using Geo.Data.Indikator;
using Geo.Data.Indikator.Import;
using Geo.Data.Wilayah.Import;

var (url, desaFile, outDir) = (args[0], args[1], args[2]);
var provinsi = KodeWilayah.Parse(args.Length > 3 ? args[3] : "33");
Directory.CreateDirectory(outDir);
await using var dataSource = GeoDataSource.Create(url);
await DatabaseMigrator.MigrateAsync(dataSource);

async Task<long> Scalar(string sql)
{
    await using var cmd = dataSource.CreateCommand(sql);
    return Convert.ToInt64(await cmd.ExecuteScalarAsync());
}

if (await Scalar("SELECT count(*) FROM wilayah WHERE tingkat = 4") < 80_000)
{
    var load = Stopwatch.StartNew();
    var report = await new BoundaryImporter(dataSource).ImportAsync(desaFile, new BoundaryImportOptions(Tingkat.Desa));
    Console.WriteLine($"batas desa nasional dimuat: {report.Read} fitur, {load.Elapsed.TotalSeconds:F1} s (bukan bagian dari ukuran)");
}

var codes = new List<string>();
await using (var cmd = dataSource.CreateCommand("SELECT kode FROM wilayah WHERE tingkat = 4 ORDER BY kode"))
await using (var reader = await cmd.ExecuteReaderAsync())
{
    while (await reader.ReadAsync()) codes.Add(reader.GetString(0));
}
string[] indikator = ["PREV_STUNTING", .. Enumerable.Range(1, 29).Select(i => $"L{i:00}")];

// A period no other data uses, so the import inserts rather than replaces; a new one per run.
var periode = $"{2030 + (int)(await Scalar("SELECT count(*) FROM impor_batch WHERE berkas LIKE 'bench-%'") % 60)}";
var random = new Random(2024);
var csv = new StringBuilder(codes.Count * indikator.Length * 40);
csv.Append("kode,indikator,periode,pembilang,penyebut\n");
foreach (var kode in codes)
{
    foreach (var ind in indikator)
    {
        var q = random.Next(5, 600);
        csv.Append(kode).Append(',').Append(ind).Append(',').Append(periode).Append(',')
           .Append(random.Next(0, q + 1).ToString(CultureInfo.InvariantCulture)).Append(',').Append(q.ToString(CultureInfo.InvariantCulture)).Append('\n');
    }
}
var bytes = Encoding.UTF8.GetBytes(csv.ToString());
var rows = codes.Count * indikator.Length;
Console.WriteLine($"berkas: {codes.Count} desa x {indikator.Length} indikator = {rows} baris, {bytes.Length / 1e6:F0} MB");

var clock = Stopwatch.StartNew();
var imported = await new IndikatorImporter(dataSource).ImportAsync(bytes, $"bench-{periode}.csv", new IndikatorImportOptions(Sumber: "sintetis", Pengguna: "bench"));
var importSeconds = clock.Elapsed.TotalSeconds;
if (!imported.Berhasil) throw new InvalidOperationException(string.Join("\n", imported.Penolakan.Take(10)));
Console.WriteLine($"impor: {imported.NilaiDitulis} nilai dalam {importSeconds:F1} s ({imported.NilaiDitulis / importSeconds:F0} baris/s)");

clock.Restart();
var again = await new IndikatorImporter(dataSource).ImportAsync(bytes, $"bench-{periode}.csv", new IndikatorImportOptions(Sumber: "sintetis", Pengguna: "bench"));
Console.WriteLine($"impor ulang berkas sama: {again.Status} dalam {clock.Elapsed.TotalSeconds:F2} s");

var queries = new NilaiQueries(dataSource);
var desaInProvinsi = await Scalar($"SELECT count(*) FROM wilayah WHERE tingkat = 4 AND kode LIKE '{provinsi.Value}.%'");
var timings = new List<double>();
IReadOnlyList<WilayahRollUp> units = [];
for (var i = 0; i < 7; i++)
{
    clock.Restart();
    units = await queries.RollUpAsync(WilayahScope.Nasional, provinsi, [Tingkat.Kecamatan, Tingkat.KabKota, Tingkat.Provinsi], "L01", Periode.Parse(periode));
    timings.Add(clock.Elapsed.TotalMilliseconds);
}
timings.Sort();
Console.WriteLine($"agregat provinsi {provinsi} ({desaInProvinsi} desa) ke {units.Count} unit (kecamatan+kabkota+provinsi): " +
                  $"median {timings[timings.Count / 2]:F0} ms, min {timings[0]:F0} ms, maks {timings[^1]:F0} ms (7 kali, termasuk yang pertama)");

// Leave the database as it was: the benchmark batch is withdrawn.
clock.Restart();
await new BatchStore(dataSource).WithdrawAsync(imported.Batch!.Value, "bench");
Console.WriteLine($"tarik batch {imported.Batch}: {clock.Elapsed.TotalSeconds:F1} s");
