using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Geo.Api.Tests.Support;

/// <summary>
/// Debian's gdal-bin (ogrinfo, ogr2ogr), run as a QGIS or GDAL user would against a live server.
/// ./geo test installs it; without it these tests fail and say so.
/// </summary>
public static partial class Gdal
{
    public sealed record Run(int ExitCode, string Output, string Errors);

    public static async Task<Run> ExecAsync(string tool, params string[] args)
    {
        var path = $"/usr/bin/{tool}";
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing: these tests need Debian's gdal-bin (apt-get install gdal-bin; ./geo test installs it as root)");
        }
        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        // No proxy between GDAL and the test server on loopback.
        start.Environment["no_proxy"] = "127.0.0.1,localhost";
        start.Environment["NO_PROXY"] = "127.0.0.1,localhost";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Run(process.ExitCode, await output, await errors);
    }

    public static async Task<string> OkAsync(string tool, params string[] args)
    {
        var run = await ExecAsync(tool, args);
        Assert.True(run.ExitCode == 0, $"{tool} {string.Join(' ', args)} exited {run.ExitCode}:\n{run.Errors}\n{run.Output}");
        return run.Output + run.Errors;
    }

    /// <summary>Field name → OGR type as <c>ogrinfo -so</c> prints them ("Real", "Integer", "Integer(Boolean)", "String").</summary>
    public static Dictionary<string, string> Fields(string ogrinfoSummary) =>
        FieldLine().Matches(ogrinfoSummary).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["type"].Value);

    [GeneratedRegex(@"^(?<name>[A-Za-z_][\w]*): (?<type>[A-Za-z0-9]+(\([A-Za-z0-9]+\))?) \(", RegexOptions.Multiline)]
    private static partial Regex FieldLine();
}
