using Geo.Core.Errors;
using Geo.Data.Errors;
using Geo.Data.Tests.Indikator;
using Geo.Data.Tests.Support;
using Npgsql;

namespace Geo.Data.Tests.Database;

/// <summary>
/// No path may store NaN or Infinity (migration 0050): every floating-point column of every table
/// is guarded by a CHECK, and a violation reaches the caller as a 400, not a 500.
/// </summary>
public sealed class FiniteNumberTests : PostgisTest
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await KotaMetroData.LoadBoundariesAsync(Db);
        await Db.ExecuteAsync("""
            INSERT INTO impor_batch (id, berkas, hash, sumber, pengguna) VALUES (7, 'a.csv', 'h', 'uji', 'ani');
            INSERT INTO nilai (indikator, periode, wilayah, pembilang, penyebut, nilai, sumber, batch)
            VALUES ('PREV_STUNTING', '2024', '18.72.01.1001', 1, 10, 10, 'uji', 7);
            INSERT INTO target (indikator, wilayah, tahun, nilai, sumber) VALUES ('PREV_STUNTING', '18.72', 2024, 14, 'uji');
            """);
    }

    [Fact]
    public async Task Every_floating_point_column_is_guarded()
    {
        var unguarded = await Db.ScalarAsync<string>("""
            SELECT string_agg(c.table_name || '.' || c.column_name, ', ' ORDER BY c.table_name, c.column_name)
            FROM information_schema.columns c
            JOIN information_schema.tables t USING (table_schema, table_name)
            WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
              AND c.data_type IN ('double precision', 'real', 'numeric')
              AND NOT EXISTS (
                  SELECT 1 FROM pg_constraint k
                  WHERE k.conrelid = (quote_ident(c.table_name))::regclass AND k.contype = 'c'
                    AND pg_get_constraintdef(k.oid) LIKE '%hingga(' || c.column_name || ')%')
            """);
        Assert.Null(unguarded);
    }

    [Theory]
    [InlineData("UPDATE nilai SET nilai = 'NaN'")]
    [InlineData("UPDATE nilai SET nilai = 'Infinity'")]
    [InlineData("UPDATE nilai SET nilai = '-Infinity'")]
    [InlineData("UPDATE nilai SET pembilang = 'Infinity', penyebut = 'Infinity'")]
    [InlineData("UPDATE nilai SET penyebut = 'NaN'")]
    [InlineData("UPDATE target SET nilai = 'NaN'")]
    [InlineData("UPDATE target SET nilai = '-Infinity'")]
    [InlineData("UPDATE indikator SET target_nasional = 'NaN' WHERE kode = 'PREV_STUNTING'")]
    [InlineData("UPDATE wilayah SET luas_km2 = 'Infinity' WHERE kode = '18.72'")]
    public async Task A_non_finite_number_is_refused_and_reported_as_bad_input(string sql)
    {
        var before = await DatabaseState.SnapshotAsync(Db);

        var e = await Assert.ThrowsAsync<PostgresException>(() => Db.ExecuteAsync(sql));

        var translated = DatabaseErrors.Translate(e);
        Assert.Equal(GeoErrorKind.Invalid, translated?.Kind);
        Assert.Contains("bilangan hingga", translated!.Detail);
        Assert.Equal(before, await DatabaseState.SnapshotAsync(Db));
    }

    [Fact]
    public async Task Finite_numbers_and_no_value_still_pass()
    {
        await Db.ExecuteAsync("UPDATE target SET nilai = 1e300");
        await Db.ExecuteAsync("UPDATE indikator SET target_nasional = NULL WHERE kode = 'PREV_STUNTING'");
        Assert.Equal(1e300, await Db.ScalarAsync<double>("SELECT nilai FROM target"));
    }
}
