using Geo.Core.Errors;
using Geo.Data.Tests.Indikator;
using Geo.Data.Tests.Support;

namespace Geo.Cli.Tests;

/// <summary>The CLI takes the gate's steps as the local operator, named after the OS user in the audit log.</summary>
public sealed class CliGateTests : PostgisTest
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await KotaMetroData.LoadBoundariesAsync(Db);
    }

    [Fact]
    public async Task Import_with_terbitkan_walks_every_step_each_audited_as_the_local_operator()
    {
        var run = await CliRun.RunAsync(Db, "import", "indikator", KotaMetroData.TsvPath, "--indikator", "PREV_STUNTING", "--periode", "2022-08",
            "--wilayah", "18.72", "--sumber", "e-PPGBM", "--terbitkan");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(22L, await Db.ScalarAsync<long>("SELECT count(*) FROM nilai_terbit"));
        Assert.Equal($"impor,verifikasi,setujui,terbitkan|lokal:{Environment.UserName}|18.72", await Db.ScalarAsync<string>(
            "SELECT string_agg(aksi, ',' ORDER BY id) || '|' || min(pengguna) || '|' || min(wilayah) FROM audit"));
    }

    [Fact]
    public async Task A_rejection_needs_its_reason_and_a_withdrawn_batch_cannot_be_published()
    {
        var run = await CliRun.RunAsync(Db, "import", "indikator", KotaMetroData.TsvPath, "--indikator", "PREV_STUNTING", "--periode", "2022-08",
            "--wilayah", "18.72");
        Assert.True(run.ExitCode == 0, run.Error);
        var id = (await Db.ScalarAsync<long>("SELECT max(id) FROM impor_batch")).ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.NotEqual(0, (await CliRun.RunAsync(Db, "batch", "tolak", id)).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync(Db, "batch", "tarik", id)).ExitCode);
        (await CliRun.RunAsync(Db, "batch", "verifikasi", id)).AssertOneLineError(CliRunner.ExitCode(GeoErrorKind.Conflict), "ditarik");
        Assert.Contains("ditarik", (await CliRun.RunAsync(Db, "batch", "daftar")).Out);
    }

    [Fact]
    public async Task Demo_metro_leaves_the_real_prevalence_and_the_synthetic_coverage_published_and_audited()
    {
        var run = await CliRun.RunAsync(Db, "demo", "metro");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(22L, await Db.ScalarAsync<long>("SELECT count(*) FROM nilai_terbit WHERE indikator = 'PREV_STUNTING' AND sumber = 'e-PPGBM'"));
        Assert.True(await Db.ScalarAsync<long>("SELECT count(*) FROM nilai_terbit WHERE indikator LIKE 'L%' AND sintetis") > 0);
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM impor_batch WHERE status <> 'terbit'"));
        Assert.Equal(8L, await Db.ScalarAsync<long>($"SELECT count(*) FROM audit WHERE pengguna = 'lokal:{Environment.UserName}'"));
    }
}
