using Geo.Core.Akun;
using Geo.Core.Errors;
using Geo.Data.Pekerjaan;
using Geo.Data.Tests.Support;

namespace Geo.Data.Tests.Pekerjaan;

/// <summary>The job table's claim, lease, takeover and visibility rules, on the real database with several claimers.</summary>
public sealed class PekerjaanStoreTests : PostgisTest
{
    private static readonly TimeSpan Sewa = TimeSpan.FromSeconds(30);

    private PekerjaanStore Store => new(Db.DataSource);

    private Task<PekerjaanInfo> QueueAsync(Caller? caller = null, string? wilayah = "18.72", Stream? upload = null) =>
        Store.CreateAsync(caller ?? Uji.Lokal, JenisPekerjaan.Analisis, new { wilayah }, wilayah, upload, "antri");

    [Fact]
    public async Task Of_many_instances_claiming_one_queued_job_at_once_exactly_one_gets_it()
    {
        var job = await QueueAsync();

        // Separate data sources: separate instances, each with its own pool and sessions.
        var sources = Enumerable.Range(0, 8).Select(_ => Geo.Data.Database.GeoDataSource.Create(Db.ConnectionString)).ToList();
        try
        {
            using var start = new ManualResetEventSlim();
            var tasks = sources.Select((s, i) => Task.Run(async () =>
            {
                start.Wait();
                return await new PekerjaanStore(s).ClaimAsync($"instans-{i}", Sewa, 3);
            })).ToList();
            start.Set();
            var claims = await Task.WhenAll(tasks);

            var winner = Assert.Single(claims, c => c is not null)!;
            Assert.Equal(job.Id, winner.Id);
            Assert.Equal(1, winner.Percobaan);
            var row = await Store.FindAsync(job.Id);
            Assert.Equal((StatusPekerjaan.Berjalan, winner.Instans, 1), (row!.Status, row.Instans, row.Percobaan));
            await winner.DisposeAsync();
        }
        finally
        {
            foreach (var s in sources) await s.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_job_whose_lease_ran_out_is_not_taken_while_its_runner_lives_and_is_taken_once_it_is_gone()
    {
        var job = await QueueAsync();
        var first = (await Store.ClaimAsync("instans-lambat", TimeSpan.FromMilliseconds(100), 3))!;
        await Task.Delay(400);

        // The lease ran out (a runner too busy to renew it), but its session still holds the job's lock: never run twice at once.
        Assert.Null(await Store.ClaimAsync("instans-lain", Sewa, 3));

        // Its process dies: the session, and the lock with it, is gone.
        await first.DisposeAsync();
        var second = await Store.ClaimAsync("instans-lain", Sewa, 3);

        Assert.NotNull(second);
        await using (second)
        {
            Assert.True(second.Diulang);
            Assert.Equal(2, second.Percobaan);
            var row = (await Store.FindAsync(job.Id))!;
            Assert.Contains("instans-lambat berhenti", row.Tahap);
        }
    }

    [Fact]
    public async Task A_job_taken_over_too_many_times_is_marked_failed_with_the_reason()
    {
        var job = await QueueAsync();
        await using (await Store.ClaimAsync("instans-1", TimeSpan.FromMilliseconds(50), 2)) { }
        await Task.Delay(200);
        await using (await Store.ClaimAsync("instans-2", TimeSpan.FromMilliseconds(50), 2)) { }
        await Task.Delay(200);

        Assert.Null(await Store.ClaimAsync("instans-3", Sewa, 2));

        var row = (await Store.FindAsync(job.Id))!;
        Assert.Equal(StatusPekerjaan.Gagal, row.Status);
        Assert.Equal(2, row.Percobaan);
        var detail = row.Galat!.Value.GetProperty("detail").GetString()!;
        Assert.Contains("terhenti 2 kali", detail);
        Assert.Contains("instans-2", detail);
        Assert.NotNull(row.Berakhir);
    }

    [Fact]
    public async Task A_runner_whose_job_was_taken_over_can_neither_renew_nor_end_it()
    {
        var job = await QueueAsync();
        await using var stale = (await Store.ClaimAsync("instans-lama", Sewa, 3))!;
        Assert.Equal((true, false), await stale.HeartbeatAsync(Sewa, new Core.Import.Kemajuan("membaca", 10, 100, "baris")));
        var seen = (await Store.FindAsync(job.Id))!;
        Assert.Equal(("membaca", 10L, 100L, "baris"), (seen.Tahap, seen.Kemajuan.Selesai, seen.Kemajuan.Jumlah, seen.Kemajuan.Satuan));

        // What another instance's claim leaves in the row (the lock cannot be taken from a live session, so the row is set by hand).
        await Db.ExecuteAsync($"UPDATE pekerjaan SET instans = 'instans-baru', percobaan = 2 WHERE id = {job.Id}");

        Assert.Equal((false, false), await stale.HeartbeatAsync(Sewa, new Core.Import.Kemajuan("basi")));
        Assert.False(await stale.FinishAsync(StatusPekerjaan.Gagal, "basi", null, null));
        await stale.ReleaseAsync("basi", hitungPercobaan: true);
        var row = (await Store.FindAsync(job.Id))!;
        Assert.Equal(("instans-baru", StatusPekerjaan.Berjalan, 2, "membaca"), (row.Instans, row.Status, row.Percobaan, row.Tahap));
    }

    [Fact]
    public async Task An_upload_is_stored_in_pieces_and_read_back_whole_then_dropped_when_the_job_ends()
    {
        var bytes = new byte[PekerjaanStore.UkuranPotongan * 2 + 12345];
        new Random(7).NextBytes(bytes);
        var job = await QueueAsync(upload: new MemoryStream(bytes));
        Assert.Equal(3L, await Db.ScalarAsync<long>($"SELECT count(*) FROM pekerjaan_berkas WHERE pekerjaan = {job.Id}"));

        await using var claim = (await Store.ClaimAsync("instans", Sewa, 3))!;
        using var copy = new MemoryStream();
        await Store.CopyUploadAsync(job.Id, copy, bytes.Length, null);
        Assert.Equal(bytes, copy.ToArray());

        Assert.True(await claim.FinishAsync(StatusPekerjaan.Selesai, "selesai", "{}", null));
        Assert.Equal(0L, await Db.ScalarAsync<long>($"SELECT count(*) FROM pekerjaan_berkas WHERE pekerjaan = {job.Id}"));
    }

    [Fact]
    public async Task A_job_is_seen_by_its_starter_and_by_role_holders_of_its_area_only()
    {
        var operatorMetro = Uji.Dengan("operator-metro", "18.72", Peran.Operator);
        var job = await QueueAsync(operatorMetro);

        Assert.Equal(job.Id, (await Store.FindAsync(operatorMetro, job.Id)).Id);
        Assert.Equal(job.Id, (await Store.FindAsync(Uji.Dengan("analis-lampung", "18", Peran.Analis), job.Id)).Id);
        var neighbour = await Assert.ThrowsAsync<GeoException>(() => Store.FindAsync(Uji.Dengan("admin-tetangga", "18.71", Peran.Admin), job.Id));
        Assert.Equal(GeoErrorKind.Forbidden, neighbour.Kind);
        var roleless = await Assert.ThrowsAsync<GeoException>(() => Store.FindAsync(Uji.Dengan("tamu-metro", "18.72"), job.Id));
        Assert.Equal(GeoErrorKind.Forbidden, roleless.Kind);
        Assert.Empty(await Store.ListAsync(Uji.Dengan("admin-tetangga", "18.71", Peran.Admin), 10));

        // A national job (boundaries) is for national accounts only.
        var national = await QueueAsync(Uji.Lokal, wilayah: null);
        await Assert.ThrowsAsync<GeoException>(() => Store.FindAsync(Uji.Dengan("analis-metro", "18.72", Peran.Analis), national.Id));
        Assert.Equal([national.Id, job.Id], (await Store.ListAsync(Uji.Dengan("analis-nasional", null, Peran.Analis), 10)).Select(j => j.Id));
    }

    [Fact]
    public async Task Cancelling_a_queued_job_ends_it_and_an_ended_job_cannot_be_cancelled()
    {
        var starter = Uji.Dengan("operator-metro", "18.72", Peran.Operator);
        var job = await QueueAsync(starter);

        var other = await Assert.ThrowsAsync<GeoException>(() => Store.CancelAsync(Uji.Dengan("operator-lain", "18.72", Peran.Operator), job.Id));
        Assert.Equal(GeoErrorKind.Forbidden, other.Kind);

        var cancelled = await Store.CancelAsync(starter, job.Id);
        Assert.Equal(StatusPekerjaan.Dibatalkan, cancelled.Status);
        Assert.Null(await Store.ClaimAsync("instans", Sewa, 3));
        var again = await Assert.ThrowsAsync<GeoException>(() => Store.CancelAsync(starter, job.Id));
        Assert.Equal(GeoErrorKind.Conflict, again.Kind);
    }
}
