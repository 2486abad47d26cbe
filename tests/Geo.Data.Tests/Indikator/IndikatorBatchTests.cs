using Geo.Core.Akun;
using System.Text;
using Geo.Core.Errors;
using Geo.Data.Indikator;
using Geo.Data.Indikator.Import;
using Geo.Data.Tests.Support;

namespace Geo.Data.Tests.Indikator;

public sealed class IndikatorBatchTests : PostgisTest
{
    private static readonly Caller Citra = Uji.Dengan("citra", null, Peran.Approver);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await KotaMetroData.LoadBoundariesAsync(Db);
    }

    private Task<IndikatorImportReport> ImportAsync(string name, string rows, string user = "ani") =>
        new IndikatorImporter(Db.DataSource).ImportAsync(Encoding.UTF8.GetBytes("kode,indikator,periode,pembilang,penyebut\n" + rows), name,
            new IndikatorImportOptions(Sumber: "web aksi bangda", Pengguna: user));

    private Task<string?> ValueAsync(string kode) =>
        Db.ScalarAsync<string>($"SELECT pembilang || '/' || penyebut || '@' || batch FROM nilai WHERE indikator = 'L14' AND periode = '2024' AND wilayah = '{kode}'");

    [Fact]
    public async Task History_records_who_when_file_hash_and_replaced_values()
    {
        var a = await ImportAsync("a.csv", "18.72.01.1001,L14,2024,1,10\n18.72.01.1002,L14,2024,2,10\n");
        var b = await ImportAsync("b.csv", "18.72.01.1002,L14,2024,5,10\n18.72.01.1003,L14,2024,6,10\n", "budi");

        var store = new BatchStore(Db.DataSource);
        var batch = await store.FindAsync(Uji.Lokal, b.Batch!.Value);
        Assert.Equal(("b.csv", "budi", "web aksi bangda", "draf", 2, 1), (batch.Berkas, batch.Pengguna, batch.Sumber, batch.Status, batch.JumlahNilai, batch.JumlahDiganti));
        Assert.Equal(b.Hash, batch.Hash);
        Assert.Equal(64, batch.Hash.Length);
        Assert.InRange(batch.Diimpor, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1));
        var replaced = Assert.Single(await store.ReplacedAsync(Uji.Lokal, b.Batch!.Value));
        Assert.Equal(("18.72.01.1002", 2.0, 10.0, a.Batch), (replaced.Wilayah, replaced.Pembilang!.Value, replaced.Penyebut!.Value, replaced.BatchLama));
    }

    [Fact]
    public async Task Withdrawing_a_batch_restores_what_it_replaced_and_removes_what_it_added()
    {
        var a = await ImportAsync("a.csv", "18.72.01.1001,L14,2024,1,10\n18.72.01.1002,L14,2024,2,10\n");
        var b = await ImportAsync("b.csv", "18.72.01.1002,L14,2024,5,10\n18.72.01.1003,L14,2024,6,10\n");

        var withdrawn = await new BatchStore(Db.DataSource).StepAsync(Citra, b.Batch!.Value, LangkahBatch.Tarik);

        Assert.Equal("citra", withdrawn.DitarikOleh);
        Assert.NotNull(withdrawn.Ditarik);
        Assert.Equal($"1/10@{a.Batch}", await ValueAsync("18.72.01.1001"));
        Assert.Equal($"2/10@{a.Batch}", await ValueAsync("18.72.01.1002"));
        Assert.Null(await ValueAsync("18.72.01.1003"));
        await Assert.ThrowsAsync<GeoException>(() => new BatchStore(Db.DataSource).StepAsync(Citra, b.Batch!.Value, LangkahBatch.Tarik));
    }

    [Fact]
    public async Task Withdrawing_an_earlier_batch_keeps_later_values_and_a_later_withdrawal_then_restores_the_state_before_both()
    {
        var zero = await ImportAsync("0.csv", "18.72.01.1002,L14,2024,9,10\n");
        var a = await ImportAsync("a.csv", "18.72.01.1002,L14,2024,2,10\n");
        var b = await ImportAsync("b.csv", "18.72.01.1002,L14,2024,5,10\n");
        var store = new BatchStore(Db.DataSource);

        await store.StepAsync(Uji.Lokal, a.Batch!.Value, LangkahBatch.Tarik);
        Assert.Equal($"5/10@{b.Batch}", await ValueAsync("18.72.01.1002"));

        await store.StepAsync(Uji.Lokal, b.Batch!.Value, LangkahBatch.Tarik);
        Assert.Equal($"9/10@{zero.Batch}", await ValueAsync("18.72.01.1002"));
    }

    [Fact]
    public async Task Withdrawing_restores_replaced_targets_too_and_a_withdrawn_file_can_be_imported_again()
    {
        var options = new IndikatorImportOptions("PREV_STUNTING", "2022-08", "e-PPGBM", "18.72");
        var importer = new IndikatorImporter(Db.DataSource);
        await new IndikatorCatalog(Db.DataSource).SetTargetAsync(Uji.Lokal, "PREV_STUNTING", "18.72.05.1002", 2023, 9.9, "manual");
        var first = await importer.ImportAsync(KotaMetroData.TsvPath, options);
        Assert.Equal(3.27, await Db.ScalarAsync<double>("SELECT nilai FROM target WHERE wilayah = '18.72.05.1002' AND tahun = 2023"), 6);

        await new BatchStore(Db.DataSource).StepAsync(Uji.Lokal, first.Batch!.Value, LangkahBatch.Tarik);
        Assert.Equal(9.9, await Db.ScalarAsync<double>("SELECT nilai FROM target WHERE wilayah = '18.72.05.1002' AND tahun = 2023"), 6);
        Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT count(*) FROM target"));
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM nilai"));

        var again = await importer.ImportAsync(KotaMetroData.TsvPath, options);
        Assert.Equal(ImportStatus.Diimpor, again.Status);
        Assert.NotEqual(first.Batch, again.Batch);
    }

    [Fact]
    public async Task Publication_state_is_draft_until_published_through_the_gate_and_public_views_see_only_published_values()
    {
        var a = await ImportAsync("a.csv", "18.72.01.1001,L14,2024,1,10\n");
        var store = new BatchStore(Db.DataSource);
        Assert.Equal("draf", (await store.FindAsync(Uji.Lokal, a.Batch!.Value)).Status);
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM nilai_terbit"));

        Assert.Equal("diverifikasi", (await store.StepAsync(Uji.Lokal, a.Batch!.Value, LangkahBatch.Verifikasi)).Status);
        Assert.Equal("disetujui", (await store.StepAsync(Uji.Lokal, a.Batch!.Value, LangkahBatch.Setujui)).Status);
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM nilai_terbit"));
        var published = await store.StepAsync(Uji.Lokal, a.Batch!.Value, LangkahBatch.Terbitkan);
        Assert.Equal("terbit", published.Status);
        Assert.NotNull(published.Diterbitkan);
        Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT count(*) FROM nilai_terbit"));

        Assert.Equal(GeoErrorKind.NotFound, (await Assert.ThrowsAsync<GeoException>(() => store.StepAsync(Uji.Lokal, 999, LangkahBatch.Terbitkan))).Kind);
    }
}
