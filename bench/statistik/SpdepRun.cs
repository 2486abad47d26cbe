using System.Diagnostics;
using System.Globalization;
using System.Text;
using Geo.Core.Statistics;

namespace Geo.Bench.Statistik;

/// <summary>Runs spdep's localmoran_perm in R on the same weights and values, timed inside R.</summary>
internal static class SpdepRun
{
    /// <returns>wall and CPU seconds per run, as timed inside R</returns>
    public static async Task<List<(double Wall, double Cpu)>> LocalMoranPermAsync(SpatialWeights weights, double[] x, int permutations, int runs)
    {
        var dir = Directory.CreateTempSubdirectory("geo-bench-statistik-");
        try
        {
            var gal = new StringBuilder().AppendLine(weights.Count.ToString(CultureInfo.InvariantCulture));
            for (var i = 0; i < weights.Count; i++)
            {
                gal.AppendLine($"{i + 1} {weights.Cardinality(i)}");
                gal.AppendLine(string.Join(' ', weights.NeighboursOf(i).ToArray().Select(j => j + 1)));
            }
            var galPath = Path.Combine(dir.FullName, "w.gal");
            await File.WriteAllTextAsync(galPath, gal.ToString());
            var valuesPath = Path.Combine(dir.FullName, "x.csv");
            await File.WriteAllLinesAsync(valuesPath, x.Select(v => v.ToString("R", CultureInfo.InvariantCulture)).Prepend("x"));

            var script = Path.Combine(AppContext.BaseDirectory, "localmoran_perm.R");
            var start = new ProcessStartInfo("Rscript", [script, galPath, valuesPath, permutations.ToString(CultureInfo.InvariantCulture), runs.ToString(CultureInfo.InvariantCulture)])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0) throw new InvalidOperationException($"Rscript failed: {error}");
            return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => line.Split(' '))
                .Select(f => (double.Parse(f[0], CultureInfo.InvariantCulture), double.Parse(f[1], CultureInfo.InvariantCulture)))
                .ToList();
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
