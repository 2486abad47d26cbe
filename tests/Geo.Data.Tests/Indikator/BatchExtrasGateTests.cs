using Geo.Data.Indikator;
using Geo.Data.Indikator.Import;
using Geo.Data.Tests.Support;

namespace Geo.Data.Tests.Indikator;

/// <summary>
/// What an import batch brings besides values (targets, puskesmas member lists) is unverified too:
/// it counts in the public view once the batch is published.
/// </summary>
public sealed class BatchExtrasGateTests : PostgisTest
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await KotaMetroData.LoadBoundariesAsync(Db);
    }

    private Task<string?> SourceOfTargetAsync() =>
        Db.ScalarAsync<string>("SELECT asal FROM target_berlaku('PREV_STUNTING', '18.72.01.1001', 2024)");

    [Fact]
    public async Task A_target_from_a_draft_batch_applies_only_once_the_batch_is_published()
    {
        var report = await new IndikatorImporter(Db.DataSource).ImportAsync(KotaMetroData.TsvPath,
            new IndikatorImportOptions("PREV_STUNTING", "2022-08", "e-PPGBM", "18.72", "uji"));
        Assert.True(report.TargetDitulis > 0);

        Assert.Equal("nasional", await SourceOfTargetAsync());

        await Uji.TerbitkanAsync(Db, report);
        Assert.Equal("18.72.01.1001", await SourceOfTargetAsync());

        await new BatchStore(Db.DataSource).StepAsync(Uji.Lokal, report.Batch!.Value, Core.Akun.LangkahBatch.Tarik);
        Assert.Equal("nasional", await SourceOfTargetAsync());
    }

    [Fact]
    public async Task Puskesmas_groupings_of_a_draft_batch_count_in_the_public_view_only_once_published()
    {
        var report = await new IndikatorImporter(Db.DataSource).ImportAsync(KotaMetroData.TsvPath,
            new IndikatorImportOptions("PREV_STUNTING", "2022-08", "e-PPGBM", "18.72", "uji"));
        var queries = new NilaiQueries(Db.DataSource);
        Task<IReadOnlyList<WilayahRollUp>> PuskesmasAsync(Core.Akun.Tampilan tampilan) => queries.RollUpGroupsAsync(
            Uji.Lokal, Core.Wilayah.KodeWilayah.Parse("18.72"), "puskesmas", "PREV_STUNTING", Core.Indikator.Periode.Parse("2022-08"), tampilan);

        Assert.Empty(await PuskesmasAsync(Core.Akun.Tampilan.Terbit));
        Assert.NotEmpty(await PuskesmasAsync(Core.Akun.Tampilan.Draf));

        await Uji.TerbitkanAsync(Db, report);
        Assert.Equal((await PuskesmasAsync(Core.Akun.Tampilan.Draf)).Count, (await PuskesmasAsync(Core.Akun.Tampilan.Terbit)).Count);
    }
}
