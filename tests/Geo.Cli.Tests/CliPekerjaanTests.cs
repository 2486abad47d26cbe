using Geo.Core.Akun;
using Geo.Data.Pekerjaan;
using Geo.Data.Tests.Support;

namespace Geo.Cli.Tests;

/// <summary>`geo pekerjaan` reads the job table as the API instances write it.</summary>
public sealed class CliPekerjaanTests : PostgisTest
{
    [Fact]
    public async Task A_job_is_listed_and_shown_with_its_stage_count_and_result()
    {
        var store = new PekerjaanStore(Db.DataSource);
        var job = await store.CreateAsync(Uji.Dengan("operator-metro", "18.72", Peran.Operator), JenisPekerjaan.ImporIndikator,
            new { berkas = "nilai.csv" }, "18.72", null, "antri");
        await using (var claim = (await store.ClaimAsync("instans-uji", TimeSpan.FromSeconds(30), 3))!)
        {
            await claim.HeartbeatAsync(TimeSpan.FromSeconds(30), new Core.Import.Kemajuan("nilai.csv: 22 nilai disalin ke basis data", 22, 22, "nilai"));
            var running = await CliRun.RunAsync(Db, "pekerjaan", "lihat", job.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(0, running.ExitCode);
            Assert.Contains($"pekerjaan {job.Id} impor_indikator 18.72: berjalan [22/22 nilai], nilai.csv: 22 nilai disalin ke basis data; oleh operator-metro, percobaan 1 di instans-uji", running.Out);
            await claim.FinishAsync(StatusPekerjaan.Gagal, "gagal: berkas ditolak", "{\"penolakan\": [1]}",
                PekerjaanStore.Galat(422, "ditolak", "nilai.csv: 1 baris ditolak"));
        }

        var ended = await CliRun.RunAsync(Db, "pekerjaan", "lihat", job.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--ikuti");
        Assert.Equal(1, ended.ExitCode);
        Assert.Contains("\"penolakan\"", ended.Out);
        Assert.Equal($"geo: pekerjaan {job.Id}: nilai.csv: 1 baris ditolak", ended.LastErrorLine);
        Assert.Contains($"pekerjaan {job.Id} impor_indikator 18.72: gagal", (await CliRun.RunAsync(Db, "pekerjaan", "daftar")).Out);
        (await CliRun.RunAsync(Db, "pekerjaan", "lihat", "999")).AssertOneLineError(3, "pekerjaan 999 tidak ada");
    }
}
