using Geo.Data.Tests.Support;

// The CLI writes to the process's Console and reads GEO_DATABASE_URL from its environment: one
// command at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Geo.Cli.Tests;

/// <summary>Runs `geo` in-process against a database of the test's own, capturing what it prints.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    /// <summary>The last line on stderr, where the CLI says what went wrong.</summary>
    public string LastErrorLine => Error.TrimEnd().Split('\n')[^1];

    public static async Task<CliRun> RunAsync(PostgisDatabase? database, params string[] args)
    {
        var previousUrl = Environment.GetEnvironmentVariable("GEO_DATABASE_URL");
        var (stdout, stderr) = (Console.Out, Console.Error);
        using var output = new StringWriter();
        using var error = new StringWriter();
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            if (database is not null) Environment.SetEnvironmentVariable("GEO_DATABASE_URL", database.ConnectionString);
            var code = await GeoCommandLine.RunAsync(args);
            return new CliRun(code, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
            Environment.SetEnvironmentVariable("GEO_DATABASE_URL", previousUrl);
        }
    }

    /// <summary>The one check of a failed command: exit code, and the last stderr line is "geo: …" with the detail; no trace.</summary>
    public void AssertOneLineError(int exitCode, string detail)
    {
        Assert.True(exitCode == ExitCode, $"exit {ExitCode}, expected {exitCode}: {Error}");
        Assert.StartsWith("geo: ", LastErrorLine);
        Assert.Contains(detail, LastErrorLine, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", Error);
        Assert.DoesNotContain("Exception", Error);
    }
}
