using Geo.Api.Pekerjaan;
using Geo.Api.Tests.Support;
using Geo.Core.Akun;
using Geo.Data.Database;
using Geo.Data.Indikator.Import;
using Geo.Data.Pekerjaan;
using Geo.Data.Tests.Indikator;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Geo.Api.Tests.Pekerjaan;

/// <summary>
/// Two API instances over one database, and an instance that goes away mid-job: the job is run to
/// the end by the other, or marked failed with the reason once it has used its attempts. Each test
/// has a database of its own, so that no other instance takes its jobs.
/// </summary>
public sealed class PekerjaanInstansTests : IAsyncLifetime, IDisposable
{
    private readonly GeoApiFactory _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_database).DisposeAsync();

    public void Dispose() => _database.Dispose();

    private static string InstansOf(WebApplicationFactory<Program> instance) =>
        instance.Services.GetServices<IHostedService>().OfType<PekerjaanWorker>().Single().Instans;

    [Fact]
    public async Task An_instance_stopped_mid_import_hands_the_job_to_the_other_which_runs_it_once_to_the_end()
    {
        var file = await File.ReadAllBytesAsync(KotaMetroData.TsvPath);
        var options = new IndikatorImportOptions("PREV_STUNTING", "2022-08", "e-PPGBM", "18.72");
        const string url = "/api/impor/indikator?latar=true&indikator=PREV_STUNTING&periode=2022-08&sumber=e-PPGBM&wilayah=18.72";
        var a = Jobs.Instance(_database);
        var b = Jobs.Instance(_database);
        var clientA = a.ClientAs("operator-metro", "18.72", Peran.Operator);
        var instansA = InstansOf(a);
        string location;
        await using (await Jobs.HoldImportAsync(_database.Database, file, options))
        {
            location = await Jobs.StartAsync(clientA, url, Jobs.Form(file, KotaMetroData.Tsv));
            await Jobs.WaitAsync(clientA, location, j => j.Status() == "berjalan" && j.Tahap().Contains("membaca baris tabel"));

            // B runs beside A for longer than a lease: A's heartbeats renew it, so B never takes the job from A.
            var clientB = b.ClientAs("operator-metro", "18.72", Peran.Operator);
            var instansB = InstansOf(b);
            await Task.Delay(TimeSpan.FromSeconds(4));
            var stillA = await Jobs.WaitAsync(clientB, location, _ => true);
            Assert.Equal(("berjalan", instansA, 1), (stillA.Status(), stillA.Instans(), stillA.GetProperty("percobaan").GetInt32()));

            // A stops mid-import: its transaction rolls back (no batch) and the job goes back to the queue; B takes it.
            await a.DisposeAsync();
            var onB = await Jobs.WaitAsync(clientB, location, j => j.Instans() == instansB && j.Status() == "berjalan");
            Assert.Equal(1, onB.GetProperty("percobaan").GetInt32());
            Assert.Equal(0L, await _database.Database.ScalarAsync<long>("SELECT count(*) FROM impor_batch"));
        }

        var ended = await Jobs.EndedAsync(b.ClientAs("operator-metro", "18.72", Peran.Operator), location);
        Assert.True(ended.Status() == "selesai", ended.ToString());
        Assert.Equal(InstansOf(b), ended.Instans());
        Assert.Equal(1L, await _database.Database.ScalarAsync<long>("SELECT count(*) FROM impor_batch"));
        Assert.Equal(ended.GetProperty("hasil").GetProperty("batch").GetInt64(), await _database.Database.ScalarAsync<long>("SELECT id FROM impor_batch"));
        await b.DisposeAsync();
    }

    /// <summary>
    /// An instance killed mid-job leaves its row running under a lease nobody renews, and its
    /// session (with the job's lock) ends with the process. Here that instance is a claim made on a
    /// connection of its own and then closed, never released; the surviving instance waits out the
    /// lease and then reruns the job, or, its attempts used, marks it failed and says why.
    /// </summary>
    [Theory]
    [InlineData(3, "selesai")]
    [InlineData(1, "gagal")]
    public async Task A_job_whose_instance_was_killed_is_resumed_after_its_lease_or_marked_failed(int maksimumPercobaan, string expected)
    {
        var file = await File.ReadAllBytesAsync(KotaMetroData.TsvPath);
        var caller = new Caller("operator-metro", Core.Wilayah.WilayahScope.Within(Core.Wilayah.KodeWilayah.Parse("18.72")), new HashSet<Peran> { Peran.Operator });
        var killed = GeoDataSource.Create(_database.Database.ConnectionString);
        var store = new PekerjaanStore(killed);
        var job = await store.CreateAsync(caller, JenisPekerjaan.ImporIndikator,
            new ImporIndikatorParameter(KotaMetroData.Tsv, file.Length, "PREV_STUNTING", "2022-08", "e-PPGBM", "18.72"), "18.72",
            new MemoryStream(file), "antri");
        var claim = (await store.ClaimAsync("instans-mati", TimeSpan.FromSeconds(10), maksimumPercobaan))!;
        Assert.Equal(job.Id, claim.Id);
        await claim.DisposeAsync();
        await killed.DisposeAsync();

        var survivor = Jobs.Instance(_database, maksimumPercobaan);
        var client = survivor.ClientAs("operator-metro", "18.72", Peran.Operator);
        var location = $"/api/pekerjaan/{job.Id}";

        var waiting = await Jobs.WaitAsync(client, location, _ => true);
        Assert.Equal(("berjalan", "instans-mati"), (waiting.Status(), waiting.Instans()));

        var ended = await Jobs.EndedAsync(client, location);
        Assert.True(ended.Status() == expected, ended.ToString());
        if (expected == "selesai")
        {
            Assert.Equal(InstansOf(survivor), ended.Instans());
            Assert.Equal(2, ended.GetProperty("percobaan").GetInt32());
            Assert.Equal("diimpor", ended.GetProperty("hasil").GetProperty("status").GetString());
            Assert.Equal(1L, await _database.Database.ScalarAsync<long>("SELECT count(*) FROM impor_batch"));
        }
        else
        {
            var galat = ended.GetProperty("galat");
            Assert.Equal(503, galat.GetProperty("status").GetInt32());
            Assert.Equal("pekerjaan terhenti 1 kali karena instans yang menjalankannya berhenti (terakhir instans-mati); tidak dicoba lagi",
                galat.GetProperty("detail").GetString());
            Assert.Equal(0L, await _database.Database.ScalarAsync<long>("SELECT count(*) FROM impor_batch"));
            Assert.Equal(0L, await _database.Database.ScalarAsync<long>("SELECT count(*) FROM pekerjaan_berkas"));
        }
        await survivor.DisposeAsync();
    }
}
