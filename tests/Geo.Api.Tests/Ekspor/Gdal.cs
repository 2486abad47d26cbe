using System.Diagnostics;
using System.Globalization;

namespace Geo.Api.Tests.Ekspor;

/// <summary>Debian's gdal-bin, as a QGIS user's GDAL would open our files (./geo test installs it).</summary>
public static class Gdal
{
    public static string Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} tidak dapat dijalankan");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)}: {stderr}");
        return stdout.Result;
    }

    /// <summary><c>ogrinfo -so</c> of one layer: its summary (count, CRS, field types, metadata).</summary>
    public static string Summary(string path, string layer) => Run("ogrinfo", "-so", "-ro", path, layer);

    /// <summary>Field name to OGR type as ogrinfo prints it ("Real", "String", "Integer(Boolean)").</summary>
    public static Dictionary<string, string> FieldTypes(string summary) =>
        summary.Split('\n')
            .Select(l => System.Text.RegularExpressions.Regex.Match(l, @"^(\w+): (\w+(\(\w+\))?) \("))
            .Where(m => m.Success)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

    public static long FeatureCount(string summary) =>
        long.Parse(System.Text.RegularExpressions.Regex.Match(summary, @"Feature Count: (\d+)").Groups[1].Value, CultureInfo.InvariantCulture);

    /// <summary>The layer's rows as ogr2ogr writes them to CSV (GDAL's reading of the values), by field name.</summary>
    public static List<Dictionary<string, string>> Rows(string path, string layer, string? sql = null)
    {
        var args = new List<string> { "-f", "CSV", "/vsistdout/", path };
        if (sql is null) args.Add(layer); else { args.Add("-sql"); args.Add(sql); }
        var lines = Run("ogr2ogr", [.. args]).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        var header = SplitCsv(lines[0]);
        return lines.Skip(1).Select(l => header.Zip(SplitCsv(l)).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    public static List<string> SplitCsv(string line, char separator = ',')
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == separator) { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(c);
        }
        cells.Add(cell.ToString());
        return cells;
    }

    public static double D(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
