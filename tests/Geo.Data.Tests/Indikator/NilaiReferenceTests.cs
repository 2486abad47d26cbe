using Geo.Data.Tests.Support;
using Npgsql;

namespace Geo.Data.Tests.Indikator;

/// <summary>
/// nilai's references to indikator and impor_batch are checked per statement (migration 0012), not
/// by foreign keys: these tests hold them to what the foreign keys guaranteed.
/// </summary>
public sealed class NilaiReferenceTests : PostgisTest
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await KotaMetroData.LoadBoundariesAsync(Db);
        await Db.ExecuteAsync("INSERT INTO impor_batch (id, berkas, hash, sumber, pengguna) VALUES (7, 'a.csv', 'h', 'uji', 'ani')");
    }

    private Task InsertAsync(string indikator, long batch, string wilayah = "18.72.01.1001") => Db.ExecuteAsync($"""
        INSERT INTO nilai (indikator, periode, wilayah, pembilang, penyebut, nilai, sumber, batch)
        VALUES ('{indikator}', '2024', '{wilayah}', 1, 10, 10, 'uji', {batch})
        """);

    private static async Task<PostgresException> ViolationAsync(Func<Task> action)
    {
        var e = await Assert.ThrowsAsync<PostgresException>(action);
        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, e.SqlState);
        return e;
    }

    [Fact]
    public async Task A_value_of_an_unknown_indicator_is_refused()
    {
        var e = await ViolationAsync(() => InsertAsync("TIDAK_ADA", 7));
        Assert.Contains("TIDAK_ADA", e.MessageText);
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM nilai"));
    }

    [Fact]
    public async Task A_value_of_an_unknown_batch_is_refused_also_when_set_by_update()
    {
        await ViolationAsync(() => InsertAsync("L14", 8));
        await InsertAsync("L14", 7);
        await ViolationAsync(() => Db.ExecuteAsync("UPDATE nilai SET batch = 8"));
        Assert.Equal(7L, await Db.ScalarAsync<long>("SELECT batch FROM nilai"));
    }

    [Fact]
    public async Task One_bad_row_among_many_refuses_the_whole_statement()
    {
        var e = await ViolationAsync(() => Db.ExecuteAsync("""
            INSERT INTO nilai (indikator, periode, wilayah, pembilang, penyebut, sumber, batch)
            SELECT CASE WHEN kode = (SELECT max(kode) FROM wilayah WHERE tingkat = 4) THEN 'L99' ELSE 'L14' END, '2024', kode, 1, 10, 'uji', 7
            FROM wilayah WHERE tingkat = 4
            """));
        Assert.Contains("L99", e.MessageText);
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM nilai"));
    }

    [Fact]
    public async Task Referenced_indicators_and_batches_cannot_be_deleted_unreferenced_ones_can()
    {
        await InsertAsync("L14", 7);
        await ViolationAsync(() => Db.ExecuteAsync("DELETE FROM indikator WHERE kode = 'L14'"));
        await ViolationAsync(() => Db.ExecuteAsync("DELETE FROM impor_batch WHERE id = 7"));
        await ViolationAsync(() => Db.ExecuteAsync("UPDATE impor_batch SET id = 9 WHERE id = 7"));

        await Db.ExecuteAsync("DELETE FROM nilai");
        await Db.ExecuteAsync("DELETE FROM impor_batch WHERE id = 7");
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM impor_batch"));
    }

    [Fact]
    public async Task Renaming_an_indicator_carries_its_values_along()
    {
        await Db.ExecuteAsync("INSERT INTO indikator (kode, nama, kelompok, satuan, polaritas) VALUES ('LAMA', 'Uji', 'pengguna', 'persen', 'naik')");
        await InsertAsync("LAMA", 7);
        await Db.ExecuteAsync("UPDATE indikator SET kode = 'BARU' WHERE kode = 'LAMA'");
        Assert.Equal("BARU", await Db.ScalarAsync<string>("SELECT indikator FROM nilai"));
    }

    [Fact]
    public async Task An_import_holds_its_indicator_against_a_concurrent_delete_until_it_commits()
    {
        await Db.ExecuteAsync("INSERT INTO indikator (kode, nama, kelompok, satuan, polaritas) VALUES ('SEMENTARA', 'Uji', 'pengguna', 'persen', 'naik')");
        await using var importer = await Db.DataSource.OpenConnectionAsync();
        await using var tx = await importer.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO nilai (indikator, periode, wilayah, pembilang, penyebut, sumber, batch)
            VALUES ('SEMENTARA', '2024', '18.72.01.1001', 1, 10, 'uji', 7)
            """, importer))
        {
            await insert.ExecuteNonQueryAsync();
        }

        var delete = ViolationAsync(() => Db.ExecuteAsync("DELETE FROM indikator WHERE kode = 'SEMENTARA'"));
        await Task.Delay(300);
        Assert.False(delete.IsCompleted, "the delete must wait for the importer's lock on the indicator");
        await tx.CommitAsync();
        await delete;
        Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT count(*) FROM nilai WHERE indikator = 'SEMENTARA'"));
    }
}
