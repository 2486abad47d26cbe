using System.Text;
using Geo.Core.Akun;
using Geo.Core.Errors;
using Geo.Core.Indikator;
using Geo.Core.Wilayah;
using Geo.Data.Akun;
using Geo.Data.Indikator;
using Geo.Data.Indikator.Import;
using Geo.Data.Tests.Support;

namespace Geo.Data.Tests.Indikator;

/// <summary>The publication gate in the data layer: states, roles, areas, the public values and the audit log.</summary>
public sealed class PublicationGateTests : PostgisTest
{
    private static readonly Caller Operator = Uji.Dengan("oni", "18.72", Peran.Operator);
    private static readonly Caller Verifikator = Uji.Dengan("vera", "18.72", Peran.Verifikator);
    private static readonly Caller Approver = Uji.Dengan("aldo", "18.72", Peran.Approver);
    private static readonly Caller ApproverLain = Uji.Dengan("lain", "18.71", Peran.Approver);
    private static readonly Caller Admin = Uji.Dengan("adi", "18.72", Peran.Admin);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await KotaMetroData.LoadBoundariesAsync(Db);
    }

    private BatchStore Store => new(Db.DataSource);

    private async Task<long> ImportAsync(string name, string rows, string? wilayah = null)
    {
        var report = await new IndikatorImporter(Db.DataSource).ImportAsync(Encoding.UTF8.GetBytes("kode,indikator,periode,pembilang,penyebut\n" + rows), name,
            new IndikatorImportOptions(Sumber: "uji", Wilayah: wilayah, Pengguna: Operator.Nama));
        Assert.Equal(ImportStatus.Diimpor, report.Status);
        return report.Batch!.Value;
    }

    private async Task PublishAsync(long batch)
    {
        await Store.StepAsync(Verifikator, batch, LangkahBatch.Verifikasi);
        await Store.StepAsync(Approver, batch, LangkahBatch.Setujui);
        await Store.StepAsync(Approver, batch, LangkahBatch.Terbitkan);
    }

    private async Task<double?> PublicAsync(string kode)
    {
        var values = await new NilaiQueries(Db.DataSource).ValuesAsync(Caller.Anonim, KodeWilayah.Parse("18.72.01"), Tingkat.Desa, "L14", Periode.Parse("2024"));
        return values.Single(v => v.Kode == kode).Pembilang;
    }

    private async Task<double?> WorkingAsync(string kode)
    {
        var values = await new NilaiQueries(Db.DataSource).ValuesAsync(Verifikator, KodeWilayah.Parse("18.72.01"), Tingkat.Desa, "L14", Periode.Parse("2024"), Tampilan.Draf);
        return values.Single(v => v.Kode == kode).Pembilang;
    }

    [Fact]
    public async Task A_newer_draft_never_hides_the_published_value_until_it_is_published_and_withdrawal_restores_it()
    {
        var first = await ImportAsync("a.csv", "18.72.01.1001,L14,2024,1,10\n");
        await PublishAsync(first);
        var draft = await ImportAsync("b.csv", "18.72.01.1001,L14,2024,7,10\n18.72.01.1002,L14,2024,3,10\n");

        Assert.Equal(1, await PublicAsync("18.72.01.1001"));
        Assert.Null(await PublicAsync("18.72.01.1002"));
        Assert.Equal(7, await WorkingAsync("18.72.01.1001"));

        await Store.StepAsync(Verifikator, draft, LangkahBatch.Verifikasi);
        await Store.StepAsync(Approver, draft, LangkahBatch.Setujui);
        Assert.Equal(1, await PublicAsync("18.72.01.1001"));
        await Store.StepAsync(Approver, draft, LangkahBatch.Terbitkan);
        Assert.Equal(7, await PublicAsync("18.72.01.1001"));
        Assert.Equal(3, await PublicAsync("18.72.01.1002"));

        await Store.StepAsync(Approver, draft, LangkahBatch.Tarik);
        Assert.Equal(1, await PublicAsync("18.72.01.1001"));
        Assert.Null(await PublicAsync("18.72.01.1002"));
        Assert.Equal(1, await WorkingAsync("18.72.01.1001"));
        Assert.Equal(first, await Db.ScalarAsync<long>("SELECT batch FROM nilai_terbit WHERE wilayah = '18.72.01.1001'"));
    }

    [Fact]
    public async Task A_batch_replaced_in_the_working_values_by_a_later_draft_still_publishes_its_own_values()
    {
        var older = await ImportAsync("a.csv", "18.72.01.1001,L14,2024,2,10\n");
        await ImportAsync("b.csv", "18.72.01.1001,L14,2024,9,10\n");

        await PublishAsync(older);

        Assert.Equal(2, await PublicAsync("18.72.01.1001"));
        Assert.Equal(9, await WorkingAsync("18.72.01.1001"));
    }

    [Fact]
    public async Task Withdrawing_an_earlier_publication_keeps_a_later_one_and_a_later_withdrawal_then_restores_the_state_before_both()
    {
        var zero = await ImportAsync("0.csv", "18.72.01.1001,L14,2024,1,10\n");
        await PublishAsync(zero);
        var a = await ImportAsync("a.csv", "18.72.01.1001,L14,2024,2,10\n");
        await PublishAsync(a);
        var b = await ImportAsync("b.csv", "18.72.01.1001,L14,2024,3,10\n");
        await PublishAsync(b);

        await Store.StepAsync(Approver, a, LangkahBatch.Tarik);
        Assert.Equal(3, await PublicAsync("18.72.01.1001"));
        await Store.StepAsync(Approver, b, LangkahBatch.Tarik);
        Assert.Equal(1, await PublicAsync("18.72.01.1001"));
    }

    [Fact]
    public async Task A_batch_belongs_to_its_wilayah_option_or_the_common_prefix_of_its_codes()
    {
        var prefix = await ImportAsync("a.csv", "18.72.01.1001,L14,2024,1,10\n18.72.01.1002,L14,2024,1,10\n");
        var two = await ImportAsync("b.csv", "18.72.01.1001,L14,2024,2,10\n18.72.02.1001,L14,2024,1,10\n");
        var option = await ImportAsync("c.csv", "18.72.01.1001,L14,2024,3,10\n", wilayah: "18.72");

        Assert.Equal("18.72.01", (await Store.FindAsync(Uji.Lokal, prefix)).Wilayah);
        Assert.Equal("18.72", (await Store.FindAsync(Uji.Lokal, two)).Wilayah);
        Assert.Equal("18.72", (await Store.FindAsync(Uji.Lokal, option)).Wilayah);
    }

    [Fact]
    public async Task Each_step_by_the_wrong_role_is_forbidden_from_the_wrong_state_a_conflict_and_outside_the_area_forbidden()
    {
        var batch = await ImportAsync("a.csv", "18.72.01.1001,L14,2024,1,10\n");

        async Task<GeoErrorKind> Refused(Caller caller, LangkahBatch langkah, string? alasan = null) =>
            (await Assert.ThrowsAsync<GeoException>(() => Store.StepAsync(caller, batch, langkah, alasan))).Kind;

        Assert.Equal(GeoErrorKind.Forbidden, await Refused(Caller.Anonim, LangkahBatch.Verifikasi));
        Assert.Equal(GeoErrorKind.Forbidden, await Refused(Operator, LangkahBatch.Verifikasi));
        Assert.Equal(GeoErrorKind.Forbidden, await Refused(Approver, LangkahBatch.Verifikasi));
        Assert.Equal(GeoErrorKind.Forbidden, await Refused(Approver, LangkahBatch.Tolak, "salah"));
        Assert.Equal(GeoErrorKind.Conflict, await Refused(Approver, LangkahBatch.Setujui));
        Assert.Equal(GeoErrorKind.Conflict, await Refused(Approver, LangkahBatch.Terbitkan));
        Assert.Equal(GeoErrorKind.Forbidden, await Refused(Uji.Dengan("v2", "18.71", Peran.Verifikator), LangkahBatch.Verifikasi));

        await Store.StepAsync(Verifikator, batch, LangkahBatch.Verifikasi);
        Assert.Equal(GeoErrorKind.Conflict, await Refused(Verifikator, LangkahBatch.Verifikasi));
        Assert.Equal(GeoErrorKind.Forbidden, await Refused(Verifikator, LangkahBatch.Setujui));
        Assert.Equal(GeoErrorKind.Forbidden, await Refused(Verifikator, LangkahBatch.Tolak, "salah"));
        Assert.Equal(GeoErrorKind.Forbidden, await Refused(ApproverLain, LangkahBatch.Setujui));
        Assert.Equal(GeoErrorKind.Conflict, await Refused(Approver, LangkahBatch.Terbitkan));

        await Store.StepAsync(Approver, batch, LangkahBatch.Setujui);
        Assert.Equal(GeoErrorKind.Forbidden, await Refused(Verifikator, LangkahBatch.Terbitkan));
        Assert.Equal(GeoErrorKind.Forbidden, await Refused(ApproverLain, LangkahBatch.Terbitkan));
        await Store.StepAsync(Approver, batch, LangkahBatch.Terbitkan);
        Assert.Equal(GeoErrorKind.Conflict, await Refused(Approver, LangkahBatch.Terbitkan));
        Assert.Equal(GeoErrorKind.Conflict, await Refused(Approver, LangkahBatch.Tolak, "terlambat"));
        Assert.Equal(GeoErrorKind.Forbidden, await Refused(ApproverLain, LangkahBatch.Tarik));

        await Store.StepAsync(Approver, batch, LangkahBatch.Tarik);
        Assert.Equal(GeoErrorKind.Conflict, await Refused(Approver, LangkahBatch.Tarik));
        Assert.Equal("ditarik", (await Store.FindAsync(Approver, batch)).Status);
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_takes_the_values_back_and_frees_the_file()
    {
        var batch = await ImportAsync("a.csv", "18.72.01.1001,L14,2024,1,10\n");

        var noReason = await Assert.ThrowsAsync<GeoException>(() => Store.StepAsync(Verifikator, batch, LangkahBatch.Tolak, "  "));
        Assert.Equal(GeoErrorKind.Invalid, noReason.Kind);
        var rejected = await Store.StepAsync(Verifikator, batch, LangkahBatch.Tolak, "penyebut tidak sesuai register");

        Assert.Equal(("ditolak", "penyebut tidak sesuai register"), (rejected.Status, rejected.Alasan));
        Assert.Null(await WorkingAsync("18.72.01.1001"));
        Assert.NotEqual(batch, await ImportAsync("a.csv", "18.72.01.1001,L14,2024,1,10\n"));
    }

    [Fact]
    public async Task Every_step_and_the_import_are_in_the_audit_log_with_who_when_from_to_and_why()
    {
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);
        var batch = await ImportAsync("a.csv", "18.72.01.1001,L14,2024,1,10\n", wilayah: "18.72");
        await PublishAsync(batch);
        await Store.StepAsync(Approver, batch, LangkahBatch.Tarik);
        var rejected = await ImportAsync("b.csv", "18.72.01.1001,L14,2024,5,10\n", wilayah: "18.72");
        await Store.StepAsync(Verifikator, rejected, LangkahBatch.Tolak, "angka ganda");

        var log = (await new AuditLog(Db.DataSource).ListAsync(Admin)).Reverse().ToList();

        Assert.Equal(
        [
            ("oni", "impor", batch.ToString(), null, "draf", null),
            ("vera", "verifikasi", batch.ToString(), "draf", "diverifikasi", null),
            ("aldo", "setujui", batch.ToString(), "diverifikasi", "disetujui", null),
            ("aldo", "terbitkan", batch.ToString(), "disetujui", "terbit", null),
            ("aldo", "tarik", batch.ToString(), "terbit", "ditarik", null),
            ("oni", "impor", rejected.ToString(), null, "draf", null),
            ("vera", "tolak", rejected.ToString(), "draf", "ditolak", "angka ganda"),
        ], log.Select(e => (e.Pengguna, e.Aksi, e.ObjekId, e.DariStatus, e.KeStatus, e.Alasan)));
        Assert.All(log, e => Assert.Equal(("batch", "18.72"), (e.Objek, e.Wilayah)));
        Assert.All(log, e => Assert.InRange(e.Waktu, before, DateTimeOffset.UtcNow.AddMinutes(1)));
    }

    [Fact]
    public async Task A_refused_step_writes_nothing_not_even_to_the_audit_log()
    {
        var batch = await ImportAsync("a.csv", "18.72.01.1001,L14,2024,1,10\n");
        var before = await DatabaseState.SnapshotAsync(Db);

        await Assert.ThrowsAsync<GeoException>(() => Store.StepAsync(Approver, batch, LangkahBatch.Terbitkan));

        Assert.Equal(before, await DatabaseState.SnapshotAsync(Db));
    }

    [Fact]
    public async Task The_audit_log_is_read_only_by_admins_of_the_area_and_only_within_it()
    {
        await ImportAsync("a.csv", "18.72.01.1001,L14,2024,1,10\n");
        await new IndikatorCatalog(Db.DataSource).SetTargetAsync(Approver, "L14", "18.72", 2024, 90);
        var log = new AuditLog(Db.DataSource);

        Assert.Equal(GeoErrorKind.Forbidden, (await Assert.ThrowsAsync<GeoException>(() => log.ListAsync(Caller.Anonim))).Kind);
        Assert.Equal(GeoErrorKind.Forbidden, (await Assert.ThrowsAsync<GeoException>(() => log.ListAsync(Approver))).Kind);
        Assert.Equal(GeoErrorKind.Forbidden, (await Assert.ThrowsAsync<GeoException>(() => log.ListAsync(Admin, KodeWilayah.Parse("18.71")))).Kind);
        Assert.Equal(GeoErrorKind.Forbidden, (await Assert.ThrowsAsync<GeoException>(() => log.ListAsync(Uji.Dengan("x", "18.71", Peran.Admin), KodeWilayah.Parse("18.72")))).Kind);

        Assert.Equal(["impor", "tetapkan_target"], (await log.ListAsync(Admin)).Select(e => e.Aksi).Order());
        Assert.Equal(["impor"], (await log.ListAsync(Admin, KodeWilayah.Parse("18.72.01"))).Select(e => e.Aksi));
        Assert.Empty(await log.ListAsync(Uji.Dengan("x", "18.71", Peran.Admin)));
        Assert.Empty(await log.ListAsync(Admin, dari: DateTimeOffset.UtcNow.AddMinutes(5)));
    }

    [Fact]
    public async Task Two_simultaneous_publications_of_one_batch_publish_once_and_the_other_is_a_conflict()
    {
        var batch = await ImportAsync("a.csv", "18.72.01.1001,L14,2024,1,10\n");
        await Store.StepAsync(Verifikator, batch, LangkahBatch.Verifikasi);
        await Store.StepAsync(Approver, batch, LangkahBatch.Setujui);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            try
            {
                await Store.StepAsync(Approver, batch, LangkahBatch.Terbitkan);
                return (GeoErrorKind?)null;
            }
            catch (GeoException e)
            {
                return e.Kind;
            }
        })));

        Assert.Equal([null, GeoErrorKind.Conflict], attempts.OrderBy(k => k.HasValue));
        Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT count(*) FROM audit WHERE aksi = 'terbitkan'"));
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM riwayat_terbit"));
    }

    [Fact]
    public async Task The_draft_view_is_only_for_callers_with_a_role_in_the_area_and_batch_history_never_for_anonymous()
    {
        var queries = new NilaiQueries(Db.DataSource);
        var metro = KodeWilayah.Parse("18.72");
        async Task<GeoErrorKind> Refused(Func<Task> read) => (await Assert.ThrowsAsync<GeoException>(read)).Kind;

        Assert.Equal(GeoErrorKind.Forbidden, await Refused(() => queries.ValuesAsync(Caller.Anonim, metro, Tingkat.Desa, "L14", Periode.Parse("2024"), Tampilan.Draf)));
        Assert.Equal(GeoErrorKind.Forbidden, await Refused(() => queries.RollUpAsync(ApproverLain, metro, [Tingkat.Kecamatan], "L14", Periode.Parse("2024"), Tampilan.Draf)));
        Assert.Equal(GeoErrorKind.Forbidden, await Refused(() => queries.ValuesAsync(Uji.Dengan("tanpa", "18.72", []), metro, Tingkat.Desa, "L14", Periode.Parse("2024"), Tampilan.Draf)));
        // Without induk the area asked for is the caller's own.
        Assert.NotEmpty(await queries.ValuesAsync(Approver, null, Tingkat.Desa, "L14", Periode.Parse("2024"), Tampilan.Draf));
        Assert.NotEmpty(await queries.ValuesAsync(Approver, metro, Tingkat.Desa, "L14", Periode.Parse("2024"), Tampilan.Draf));

        var batch = await ImportAsync("a.csv", "18.72.01.1001,L14,2024,1,10\n");
        Assert.Equal(GeoErrorKind.Forbidden, await Refused(() => Store.ListAsync(Caller.Anonim)));
        Assert.Equal(GeoErrorKind.Forbidden, await Refused(() => Store.FindAsync(Caller.Anonim, batch)));
        Assert.Equal(GeoErrorKind.Forbidden, await Refused(() => Store.FindAsync(ApproverLain, batch)));
        Assert.Empty(await Store.ListAsync(ApproverLain));
        Assert.Equal([batch], (await Store.ListAsync(Operator)).Select(b => b.Id));
    }
}
