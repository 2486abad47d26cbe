using System.CommandLine;
using Geo.Core.Errors;
using Geo.Data.Errors;

namespace Geo.Cli;

public static class CliRunner
{
    /// <summary>Exit code of an error nobody foresaw: a bug, reported in one line (the trace with GEO_JEJAK=1).</summary>
    public const int InternalError = 1;

    /// <summary>Exit code of an import whose file was read but refused: the report on stdout lists each rejection; nothing was written.</summary>
    public const int Rejected = 8;

    /// <summary>
    /// The one place where errors become CLI output: one line on stderr, "geo: " and the Indonesian
    /// detail with its place, and an exit code by kind (documented in the README).
    /// </summary>
    public static async Task<int> RunAsync(RootCommand root, string[] args)
    {
        try
        {
            // The default handler would print the exception with its stack trace; errors are ours to say.
            return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (Translate(e) is { } geo)
        {
            Console.Error.WriteLine($"geo: {geo.Describe()}");
            return ExitCode(geo.Kind);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Console.Error.WriteLine($"geo: kesalahan internal ({e.GetType().Name}): {e.Message.ReplaceLineEndings(" ")}");
            if (Environment.GetEnvironmentVariable("GEO_JEJAK") == "1") Console.Error.WriteLine(e);
            else Console.Error.WriteLine("geo: jalankan lagi dengan GEO_JEJAK=1 untuk jejak lengkapnya");
            return InternalError;
        }
    }

    public static int ExitCode(GeoErrorKind kind) => kind switch
    {
        GeoErrorKind.Invalid => 2,
        GeoErrorKind.NotFound => 3,
        GeoErrorKind.Conflict => 4,
        GeoErrorKind.TooLarge => 5,
        GeoErrorKind.Forbidden => 6,
        GeoErrorKind.Unavailable => 7,
        GeoErrorKind.Unauthenticated => 9,
        GeoErrorKind.TooManyRequests => 10,
        _ => InternalError,
    };

    private static GeoException? Translate(Exception e) => e switch
    {
        FileNotFoundException missing => GeoException.NotFound($"berkas tidak ditemukan: {missing.FileName ?? missing.Message}"),
        DirectoryNotFoundException missing => GeoException.NotFound($"folder tidak ditemukan: {missing.Message}"),
        UnauthorizedAccessException denied => GeoException.Forbidden($"berkas tidak dapat dibuka: {denied.Message}"),
        _ => DatabaseErrors.Translate(e),
    };
}
