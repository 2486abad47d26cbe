using Geo.Core.Akun;
using System.Text;
using Geo.Data.Indikator;
using Geo.Data.Indikator.Import;
using Geo.Data.Tests.Support;

namespace Geo.Data.Tests.Indikator;

/// <summary>Withdrawing a batch takes back the puskesmas member lists it wrote, as it does its values.</summary>
public sealed class GroupingWithdrawalTests : PostgisTest
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await KotaMetroData.LoadBoundariesAsync(Db);
    }

    private async Task<long> ImportAsync(string name, params (string Kode, string Puskesmas)[] rows)
    {
        var csv = new StringBuilder("Kode;Puskesmas;L17 pembilang;L17 penyebut\n");
        foreach (var (kode, puskesmas) in rows) csv.Append($"{kode};{puskesmas};1;10\n");
        var report = await new IndikatorImporter(Db.DataSource).ImportAsync(Encoding.UTF8.GetBytes(csv.ToString()), name,
            new IndikatorImportOptions(Periode: "2024", Sumber: "uji", Wilayah: "18.72"));
        Assert.Equal(ImportStatus.Diimpor, report.Status);
        return report.Batch!.Value;
    }

    private Task<ImportBatch> WithdrawAsync(long batch) => new BatchStore(Db.DataSource).StepAsync(Uji.Lokal, batch, LangkahBatch.Tarik);

    private Task<string?> MembersAsync(string puskesmas) => Db.ScalarAsync<string>($"""
        SELECT string_agg(a.wilayah, ',' ORDER BY a.wilayah)
        FROM kelompok_wilayah g JOIN kelompok_wilayah_anggota a ON a.kelompok = g.id
        WHERE g.jenis = 'puskesmas' AND g.induk = '18.72' AND g.nama = '{puskesmas}'
        """);

    private Task<long> GroupCountAsync() => Db.ScalarAsync<long>("SELECT count(*) FROM kelompok_wilayah");

    [Fact]
    public async Task Withdrawing_the_batch_that_created_a_grouping_removes_it()
    {
        var batch = await ImportAsync("a.csv", ("18.72.01.1001", "Yosomulyo"), ("18.72.01.1002", "Yosomulyo"));
        Assert.Equal("18.72.01.1001,18.72.01.1002", await MembersAsync("Yosomulyo"));

        await WithdrawAsync(batch);

        Assert.Equal(0L, await GroupCountAsync());
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM kelompok_wilayah_anggota"));
    }

    [Fact]
    public async Task Withdrawing_a_later_batch_restores_the_member_list_it_replaced()
    {
        await ImportAsync("a.csv", ("18.72.01.1001", "Yosomulyo"), ("18.72.01.1002", "Yosomulyo"));
        var later = await ImportAsync("b.csv", ("18.72.01.1001", "Yosomulyo"), ("18.72.01.1003", "Yosomulyo"));
        Assert.Equal("18.72.01.1001,18.72.01.1003", await MembersAsync("Yosomulyo"));

        await WithdrawAsync(later);

        Assert.Equal("18.72.01.1001,18.72.01.1002", await MembersAsync("Yosomulyo"));
    }

    [Fact]
    public async Task Withdrawing_an_earlier_batch_keeps_the_later_list_and_the_later_withdrawal_then_removes_the_grouping()
    {
        var first = await ImportAsync("a.csv", ("18.72.01.1001", "Yosomulyo"), ("18.72.01.1002", "Yosomulyo"));
        var second = await ImportAsync("b.csv", ("18.72.01.1003", "Yosomulyo"));

        await WithdrawAsync(first);
        Assert.Equal("18.72.01.1003", await MembersAsync("Yosomulyo"));

        await WithdrawAsync(second);
        Assert.Equal(0L, await GroupCountAsync());
    }
}
