using Geo.Data.Indikator.Import;
using Geo.Data.Tests.Corpus;
using Geo.Data.Tests.Support;
using Npgsql;

namespace Geo.Data.Tests.Indikator;

/// <summary>The same file uploaded several times at the same moment makes one batch; the others answer "sudah ada".</summary>
public sealed class ConcurrentImportTests : PostgisTest
{
    private const int Uploads = 8;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await KotaMetroData.LoadBoundariesAsync(Db);
    }

    [Fact]
    public async Task Identical_simultaneous_imports_make_one_batch_and_the_rest_find_it()
    {
        var content = IndikatorCorpus.ValidLong(5);
        await using var holder = await Db.DataSource.OpenConnectionAsync();
        await using var hold = await holder.BeginTransactionAsync();
        // Nobody can create a batch until this lock goes, so every import is under way at once.
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE impor_batch IN SHARE ROW EXCLUSIVE MODE", holder)) await lockTable.ExecuteNonQueryAsync();

        var imports = Enumerable.Range(0, Uploads)
            .Select(i => Task.Run(() => new IndikatorImporter(Db.DataSource).ImportAsync(content, $"sama-{i}.csv", IndikatorCorpus.Options(""))))
            .ToList();
        await WaitForWaitingAsync(Uploads, imports);
        await hold.CommitAsync();
        var reports = await Task.WhenAll(imports);

        Assert.Single(reports, r => r.Status == ImportStatus.Diimpor);
        Assert.Equal(Uploads - 1, reports.Count(r => r.Status == ImportStatus.SudahAda));
        Assert.All(reports, r => Assert.Equal(reports.Single(x => x.Status == ImportStatus.Diimpor).Batch, r.Batch));
        Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT count(*) FROM impor_batch"));
        Assert.Equal(5L, await Db.ScalarAsync<long>("SELECT count(*) FROM nilai"));
    }

    /// <summary>Until every import waits on a lock in this database (the table's, or the one on the file's hash).</summary>
    private async Task WaitForWaitingAsync(int count, IReadOnlyList<Task> imports)
    {
        for (var tries = 0; tries < 600; tries++)
        {
            var failed = imports.FirstOrDefault(t => t.IsFaulted);
            if (failed is not null) await failed;
            var waiting = await Db.ScalarAsync<long>(
                $"SELECT count(*) FROM pg_stat_activity WHERE datname = '{Db.Name}' AND wait_event_type = 'Lock'");
            if (waiting >= count) return;
            await Task.Delay(50);
        }
        Assert.Fail($"the {count} imports never all waited at once");
    }
}
