using Geo.Data.Indikator;
using Geo.Data.Indikator.Import;
using Geo.Data.Tests.Support;

namespace Geo.Data.Tests.Indikator;

/// <summary>Targets imported in a batch are unverified numbers too: they apply once the batch is published.</summary>
public sealed class TargetGateTests : PostgisTest
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
}
