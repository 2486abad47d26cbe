using Geo.Data.Tests.Corpus;
using Geo.Data.Tests.Wilayah;
using Geo.Data.Tests.Support;

namespace Geo.Cli.Tests;

/// <summary>
/// The malformed-file corpora replayed through `geo import`: a file the importer refuses as a whole
/// ends in one Indonesian line and the exit code of its kind; a file with rejected rows or features
/// prints its report and exits <see cref="CliRunner.Rejected"/>. Nothing is written either way.
/// </summary>
public sealed class CorpusReplayTests(MetroBoundaryDatabase database) : IClassFixture<MetroBoundaryDatabase>
{
    // One database for the class: no case may write, and each checks that none did.
    private PostgisDatabase Db => database.Db;

    [Theory]
    [MemberData(nameof(BoundaryCorpus.Names), MemberType = typeof(BoundaryCorpus))]
    public Task A_malformed_boundary_file_fails_in_one_line(string name) => ReplayAsync("wilayah", BoundaryCorpus.Get(name));

    public static TheoryData<string> IndikatorCases() => IndikatorCorpus.Cases();

    [Theory]
    [MemberData(nameof(IndikatorCases))]
    public Task A_malformed_indicator_file_fails_in_one_line(string name) => ReplayAsync("indikator", IndikatorCorpus.Find(name));

    /// <summary>The one replay: the file under its corpus name in a folder of its own, the query's options as flags.</summary>
    private async Task ReplayAsync(string what, MalformedFile file)
    {
        var folder = Directory.CreateTempSubdirectory("geo-cli-korpus-");
        try
        {
            var path = Path.Combine(folder.FullName, SafeName(file.FileName));
            await File.WriteAllBytesAsync(path, file.Content);
            var before = await DatabaseState.SnapshotAsync(Db);

            var run = await CliRun.RunAsync(Db, ["import", what, path, .. Flags(file.Query)]);

            if (file.Kind is { } kind)
            {
                run.AssertOneLineError(CliRunner.ExitCode(kind), file.DetailContains);
            }
            else
            {
                Assert.True(CliRunner.Rejected == run.ExitCode, $"exit {run.ExitCode}: {run.Error}{run.Out}");
                Assert.Contains(file.DetailContains, run.Out, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("   at ", run.Error);
            }
            Assert.Equal(before, await DatabaseState.SnapshotAsync(Db));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The upload name as a file name the CLI can be given: path separators and NUL dropped, a
    /// leading dot or an empty name prefixed, at most 250 characters (a file system allows 255 bytes).
    /// </summary>
    private static string SafeName(string name)
    {
        var safe = string.Concat(name.Where(c => c is not ('/' or '\\' or '\0')));
        if (safe.Length == 0 || safe.StartsWith('.')) safe = "berkas" + safe;
        return safe.Length <= 250 ? safe : safe[..(250 - Path.GetExtension(safe).Length)] + Path.GetExtension(safe);
    }

    /// <summary>"tingkat=desa&amp;kolomKode=KODE" as "--tingkat desa --kolom-kode KODE".</summary>
    private static IEnumerable<string> Flags(string query) =>
        query.Split('&', StringSplitOptions.RemoveEmptyEntries).SelectMany(pair =>
        {
            var (key, value) = (pair.Split('=', 2)[0], pair.Split('=', 2) is [_, var v] ? Uri.UnescapeDataString(v) : "");
            var flag = "--" + string.Concat(key.Select(c => char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : c.ToString()));
            return new[] { flag, value };
        });
}
