using System.Diagnostics;
using System.Globalization;
using Geo.Bench.Statistik;
using Geo.Core.Statistics;
using Geo.Core.Wilayah;
using Geo.Data.Database;
using Geo.Data.Statistics;
using Npgsql;

// Benchmark of the spatial statistics on every desa of Indonesia:
//   1. queen weights for all desa in PostGIS (goal <= 30 s);
//   2. LISA + Gi* with 999 conditional permutations (goal <= 6 s on 2 cores, <= 2 GiB);
//   3. spdep localmoran_perm on one provinsi, same weights and permutations (goal: ours >= 10x faster).
// Usage: GEO_DATABASE_URL=$(./geo db url) dotnet run -c Release --project bench/statistik [-- --provinsi 64]
// With -- --waktu: the analysis over time and under uncertainty instead (see WaktuBench).
// Loads the national desa file into a scratch database geo_bench_statistik once, then reuses it.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var options = BenchOptions.Parse(args);
var url = Environment.GetEnvironmentVariable("GEO_DATABASE_URL")
    ?? throw new InvalidOperationException("set GEO_DATABASE_URL, e.g. GEO_DATABASE_URL=$(./geo db url)");
var server = new NpgsqlConnectionStringBuilder(DatabaseUrl.ToConnectionString(url));
var scratch = await ScratchDatabase.PrepareAsync(server, options.DesaFile);
await using var dataSource = GeoDataSource.Create(scratch);
var builder = new SpatialWeightsBuilder(dataSource);

if (options.Waktu)
{
    Console.WriteLine($"# machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {File.ReadAllText("/proc/loadavg").Trim()}");
    await WaktuBench.RunAsync(dataSource, options);
    return;
}

var cpu = await CpuMeter.ForAsync(dataSource);
Console.WriteLine($"# machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {File.ReadAllText("/proc/loadavg").Trim()}");

// 1. queen weights, whole country
var queenTimes = new List<double>();
var queenCpu = new List<double>();
SpatialWeights queen = null!;
for (var run = 0; run < options.QueenRuns; run++)
{
    var cpuBefore = cpu?.PostgresSeconds() ?? double.NaN;
    var sw = Stopwatch.StartNew();
    queen = await builder.BuildAsync(WilayahScope.Nasional, Tingkat.Desa, WeightsSpec.Queen);
    queenTimes.Add(sw.Elapsed.TotalSeconds);
    queenCpu.Add((cpu?.PostgresSeconds() ?? double.NaN) - cpuBefore);
    Console.WriteLine($"queen run {run + 1}: {sw.Elapsed.TotalSeconds:F2} s wall, {queenCpu[^1]:F1} s PostgreSQL CPU");
}
Console.WriteLine($"queen: {queen.Count} desa, {queen.LinkCount} links, {queen.Islands.Count} islands, median {Median(queenTimes):F2} s wall, {Median(queenCpu):F1} s CPU");

// 2. LISA + Gi*, 999 permutations, whole country
var x = await SyntheticValues.ForAsync(dataSource, queen);
var w = queen.RowStandardised();
var permutations = new PermutationOptions { Permutations = options.Permutations, Seed = 1 };
var statTimes = new List<double>();
var statCpu = new List<double>();
var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
for (var run = 0; run < options.StatRuns; run++)
{
    var cpuBefore = CpuMeter.OwnSeconds();
    var sw = Stopwatch.StartNew();
    var lisa = LocalMoran.Compute(x, w, new LocalMoranOptions { Permutations = permutations });
    var gi = GetisOrdGiStar.Compute(x, queen, new GetisOrdOptions { Permutations = permutations });
    statTimes.Add(sw.Elapsed.TotalSeconds);
    statCpu.Add(CpuMeter.OwnSeconds() - cpuBefore);
    Console.WriteLine($"LISA + Gi* run {run + 1}: {sw.Elapsed.TotalSeconds:F2} s wall, {statCpu[^1]:F2} s CPU ({lisa.Cluster.Count(c => c != LisaQuadrant.None)} LISA clusters, {gi.Bin.Count(b => b != 0)} Gi* hot/cold)");
}
var allocatedPerRun = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (double)options.StatRuns;
var draws = 2.0 * options.Permutations * queen.LinkCount;
var oneThread = new PermutationOptions { Permutations = options.Permutations, Seed = 1, MaxDegreeOfParallelism = 1 };
var single = Stopwatch.StartNew();
LocalMoran.Compute(x, w, new LocalMoranOptions { Permutations = oneThread });
GetisOrdGiStar.Compute(x, queen, new GetisOrdOptions { Permutations = oneThread });
var singleSeconds = single.Elapsed.TotalSeconds;
Console.WriteLine($"LISA + Gi*: median {Median(statTimes):F2} s wall, {Median(statCpu):F2} s CPU on {Environment.ProcessorCount} cores; {singleSeconds:F2} s wall on 1 core; " +
    $"{draws / 1e6:F0} M neighbour draws, {draws / Median(statCpu) / 1e6:F1} M draws per CPU second; allocated {allocatedPerRun / 1048576:F0} MiB per run; " +
    $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MiB");

// 3. spdep localmoran_perm against ours on one provinsi
var provinsi = WilayahScope.Within(KodeWilayah.Parse(options.Provinsi));
var pw = await builder.BuildAsync(provinsi, Tingkat.Desa, WeightsSpec.Queen);
var px = await SyntheticValues.ForAsync(dataSource, pw);
var r = await SpdepRun.LocalMoranPermAsync(pw, px, options.Permutations, options.RRuns);
var rWall = Median(r.Select(t => t.Wall).ToList());
var rCpu = Median(r.Select(t => t.Cpu).ToList());
var ours2 = new List<double>();
var ours2Cpu = new List<double>();
var ours1 = new List<double>();
for (var run = 0; run < 5; run++)
{
    var cpuBefore = CpuMeter.OwnSeconds();
    var sw = Stopwatch.StartNew();
    LocalMoran.Compute(px, pw.RowStandardised(), new LocalMoranOptions { Permutations = permutations });
    ours2.Add(sw.Elapsed.TotalSeconds);
    ours2Cpu.Add(CpuMeter.OwnSeconds() - cpuBefore);
    sw.Restart();
    LocalMoran.Compute(px, pw.RowStandardised(), new LocalMoranOptions { Permutations = oneThread });
    ours1.Add(sw.Elapsed.TotalSeconds);
}
Console.WriteLine($"provinsi {options.Provinsi}: {pw.Count} desa, {pw.LinkCount} links, {options.Permutations} permutations");
Console.WriteLine($"  spdep localmoran_perm: median {rWall:F3} s wall, {rCpu:F3} s CPU ({options.RRuns} runs)");
Console.WriteLine($"  ours LocalMoran:       median {Median(ours2):F4} s wall ({Environment.ProcessorCount} cores), {Median(ours1):F4} s wall (1 core), {Median(ours2Cpu):F4} s CPU");
Console.WriteLine($"  ratio: {rWall / Median(ours2):F0}x wall ({Environment.ProcessorCount} cores), {rWall / Median(ours1):F0}x wall (1 core each), {rCpu / Median(ours2Cpu):F0}x CPU");

static double Median(List<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}
