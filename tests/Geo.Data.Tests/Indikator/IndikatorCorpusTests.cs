using Geo.Core.Errors;
using Geo.Data.Indikator.Import;
using Geo.Data.Tests.Corpus;
using Geo.Data.Tests.Support;

namespace Geo.Data.Tests.Indikator;

/// <summary>
/// Every malformed indicator file answers as the corpus says (a GeoException of its kind, or a
/// rejection report) with the Indonesian detail, and leaves every table exactly as it was.
/// </summary>
public sealed class IndikatorCorpusTests : PostgisTest
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await KotaMetroData.LoadBoundariesAsync(Db);
        // Data to protect: a batch a bad file could damage.
        var report = await new IndikatorImporter(Db.DataSource).ImportAsync(IndikatorCorpus.ValidLong(5, "2023"), "baik.csv", IndikatorCorpus.Options(""));
        Assert.Equal(ImportStatus.Diimpor, report.Status);
    }

    public static TheoryData<string> Cases() => IndikatorCorpus.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Malformed_file_is_refused_with_its_reason_and_changes_nothing(string name)
    {
        var file = IndikatorCorpus.Find(name);
        var before = await DatabaseState.SnapshotAsync(Db);

        await AssertRefusedAsync(file);

        Assert.Equal(before, await DatabaseState.SnapshotAsync(Db));
    }

    [Fact]
    public async Task The_corpus_builders_make_readable_files_when_nothing_is_broken()
    {
        var importer = new IndikatorImporter(Db.DataSource);
        Assert.Equal(ImportStatus.Diimpor, (await importer.ImportAsync(IndikatorCorpus.ValidXlsx(), "baik.xlsx", IndikatorCorpus.Options(""))).Status);
        Assert.Equal(ImportStatus.Diimpor, (await importer.ImportAsync(IndikatorCorpus.KotaMetroPath, IndikatorCorpus.Options(IndikatorCorpus.KotaMetroQuery))).Status);
    }

    private async Task AssertRefusedAsync(MalformedFile file)
    {
        var import = new IndikatorImporter(Db.DataSource).ImportAsync(file.Content, file.FileName, IndikatorCorpus.Options(file.Query));
        if (file.Kind is { } kind)
        {
            var error = await Assert.ThrowsAsync<GeoException>(() => import);
            Assert.Equal(kind, error.Kind);
            Assert.Contains(file.DetailContains, error.Describe(), StringComparison.OrdinalIgnoreCase);
            return;
        }
        var report = await import;
        Assert.Equal(ImportStatus.Ditolak, report.Status);
        Assert.True(report.Penolakan.Any(r => r.Alasan.Contains(file.DetailContains, StringComparison.OrdinalIgnoreCase)),
            $"no reason with '{file.DetailContains}' in: {string.Join(" | ", report.Penolakan.Select(r => r.Alasan))}");
    }
}
