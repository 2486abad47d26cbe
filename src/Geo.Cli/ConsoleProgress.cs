using System.Diagnostics;
using System.Globalization;
using Geo.Core.Import;

namespace Geo.Cli;

/// <summary>
/// Stages of long work on standard error, with the seconds since the command started; reported
/// synchronously, so lines come in order, and off standard output, which keeps the report.
/// </summary>
internal sealed class ConsoleProgress : IProgress<Kemajuan>
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public void Report(Kemajuan value) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"geo: [{_clock.Elapsed.TotalSeconds,6:F1} s] {value.Tahap}"));
}
