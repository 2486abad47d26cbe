using System.Diagnostics;
using Geo.Core.Statistics;
using Geo.Core.Wilayah;
using Geo.Data.Statistics;
using Npgsql;

namespace Geo.Bench.Statistik;

/// <summary>
/// Analysis over time and under uncertainty (issue 15), with `--waktu`:
///   1. emerging hot spots for every desa of Jawa Tengah (provinsi 33) over 8 periods, 999 permutations (goal ≤ 10 s on 2 cores);
///   2. posteriors and exceedance probabilities for 83,402 desa (goal ≤ 1 s), and their 95% intervals.
/// Values and counts are synthetic (sintetis); timings do not depend on them.
/// </summary>
internal static class WaktuBench
{
    public static async Task RunAsync(NpgsqlDataSource dataSource, BenchOptions options)
    {
        var builder = new SpatialWeightsBuilder(dataSource);
        var jateng = await builder.BuildAsync(WilayahScope.Within(KodeWilayah.Parse(options.WaktuProvinsi)), Tingkat.Desa, WeightsSpec.Queen);
        var x = await SyntheticValues.ForAsync(dataSource, jateng);
        const int periodCount = 8;
        var periods = Enumerable.Range(0, periodCount).Select(t => $"{2021 + t / 2}-{(t % 2 == 0 ? "02" : "08")}").ToArray();
        // each desa drifts by its own slope, with hashed noise per period
        var values = Enumerable.Range(0, periodCount).Select(t => (IReadOnlyList<double>)x.Select((v, i) =>
            v + (Noise((ulong)i, 0) - 0.5) * t + 2 * Noise((ulong)i, (ulong)t + 1)).ToArray()).ToArray();
        var ehsaOptions = new EmergingHotSpotOptions { Permutations = new PermutationOptions { Permutations = options.Permutations, Seed = 1 } };
        Console.WriteLine($"emerging hot spots: provinsi {options.WaktuProvinsi}, {jateng.Count} desa x {periodCount} periods = {jateng.Count * periodCount} bins, {options.Permutations} permutations");
        var times = new List<double>();
        var cpu = new List<double>();
        for (var run = 0; run < options.StatRuns; run++)
        {
            var cpuBefore = CpuMeter.OwnSeconds();
            var sw = Stopwatch.StartNew();
            var r = EmergingHotSpots.Compute(values, jateng, periods, ehsaOptions);
            times.Add(sw.Elapsed.TotalSeconds);
            cpu.Add(CpuMeter.OwnSeconds() - cpuBefore);
            var patterns = r.Pattern.GroupBy(p => p).OrderByDescending(g => g.Count()).Take(4).Select(g => $"{g.Key} {g.Count()}");
            Console.WriteLine($"  run {run + 1}: {times[^1]:F2} s wall, {cpu[^1]:F2} s CPU ({string.Join(", ", patterns)})");
        }
        Console.WriteLine($"emerging hot spots: median {Median(times):F2} s wall, {Median(cpu):F2} s CPU on {Environment.ProcessorCount} cores");

        // 2. every desa of Indonesia: synthetic counts, the global EB prior, posteriors and P(rate > 20%)
        const int desa = 83_402;
        var population = Enumerable.Range(0, desa).Select(i => 10.0 + Math.Floor(400 * Noise((ulong)i, 100))).ToArray();
        var events = population.Select((n, i) => Math.Floor(n * (0.05 + 0.35 * Noise((ulong)i, 101)))).ToArray();
        var exceedTimes = new List<double>();
        var intervalTimes = new List<double>();
        for (var run = 0; run < options.StatRuns; run++)
        {
            var sw = Stopwatch.StartNew();
            var prior = EmpiricalBayes.Global(events, population);
            var posteriors = RatePosterior.Global(events, population, prior);
            var p = new double[desa];
            for (var i = 0; i < desa; i++) p[i] = posteriors[i].Exceedance(0.2);
            exceedTimes.Add(sw.Elapsed.TotalSeconds);
            sw.Restart();
            var width = 0.0;
            for (var i = 0; i < desa; i++)
            {
                var (lo, hi) = posteriors[i].Interval(0.95);
                width += hi - lo;
            }
            intervalTimes.Add(sw.Elapsed.TotalSeconds);
            Console.WriteLine($"  run {run + 1}: EB + posteriors + exceedance {exceedTimes[^1]:F3} s, 95% intervals {intervalTimes[^1]:F3} s " +
                $"({posteriors[0].Family}, {p.Count(v => v > 0.8)} desa with P > 0.8, mean width {width / desa:F4})");
        }
        Console.WriteLine($"exceedance for {desa} desa: median {Median(exceedTimes):F3} s (one thread); intervals median {Median(intervalTimes):F3} s");
    }

    private static double Noise(ulong i, ulong stream)
    {
        var z = i * 0x9E3779B97F4A7C15UL + stream * 0xD1B54A32D192ED03UL + 0x632BE59BD9B4E019UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (z ^ (z >> 31)) / (double)ulong.MaxValue;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
