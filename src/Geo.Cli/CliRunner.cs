using System.CommandLine;
using Geo.Data.Indikator;
using Geo.Data.Indikator.Import;
using Geo.Data.Wilayah.Import;

namespace Geo.Cli;

public static class CliRunner
{
    /// <summary>Expected failures (bad files, bad input) print one clear line; anything else keeps its stack trace.</summary>
    public static async Task<int> RunAsync(RootCommand root, string[] args)
    {
        try
        {
            return await root.Parse(args).InvokeAsync();
        }
        catch (Exception e) when (e is BoundaryFileException or CliException or FileNotFoundException or IndikatorFileException or BatchException)
        {
            Console.Error.WriteLine($"geo: {e.Message}");
            return 2;
        }
    }
}

/// <summary>A user error the CLI reports without a stack trace.</summary>
public sealed class CliException(string message) : Exception(message);
