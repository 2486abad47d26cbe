using Geo.Data.Indikator.Import;
using Geo.Data.Tests.Support;

namespace Geo.Data.Tests.Indikator;

/// <summary>The acceptance of issue 3 on the real Lampiran II of Peraturan Walikota Metro 32/2022.</summary>
public sealed class KotaMetroIndikatorImportTests : PostgisTest
{
    private static readonly IndikatorImportOptions Options = new("PREV_STUNTING", "2022-08", "e-PPGBM", "18.72", "penguji");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await KotaMetroData.LoadBoundariesAsync(Db);
    }

    [Fact]
    public async Task All_22_kelurahan_match_with_the_five_spelling_differences_listed()
    {
        var report = await new IndikatorImporter(Db.DataSource).ImportAsync(KotaMetroData.TsvPath, Options);

        Assert.True(report.Berhasil, string.Join("\n", report.Penolakan));
        Assert.Equal(22, report.BarisData);
        Assert.Equal(22, report.Cocok);
        var fuzzy = report.TidakPersis.ToDictionary(m => m.NamaBerkas, m => m.NamaWilayah);
        Assert.Equal(new Dictionary<string, string>
        {
            ["Ganjaragung"] = "Ganjar Agung",
            ["Ganjarasri"] = "Ganjar Asri",
            ["Iringmulyo"] = "Iring Mulyo",
            ["Tejoagung"] = "Tejo Agung",
            ["Sumbersari"] = "Sumbersari Bantul",
        }, fuzzy);
    }

    [Fact]
    public async Task Capaian_2022_is_stored_as_percentage_only_prevalence_and_2023_2024_as_kelurahan_targets()
    {
        var report = await new IndikatorImporter(Db.DataSource).ImportAsync(KotaMetroData.TsvPath, Options);
        Assert.True(report.Berhasil, string.Join("\n", report.Penolakan));
        Assert.Equal(22, report.NilaiDitulis);
        Assert.Equal(44, report.TargetDitulis);

        foreach (var row in KotaMetroData.Rows())
        {
            var kode = await Db.ScalarAsync<string>($"""
                SELECT d.kode FROM wilayah d JOIN wilayah k ON k.kode = d.induk
                WHERE k.nama = '{row.Kecamatan}' AND replace(d.nama, ' ', '') ILIKE replace('{row.Kelurahan}', ' ', '') || '%'
                """);
            Assert.NotNull(kode);
            Assert.Equal(row.Capaian, await Db.ScalarAsync<double>(
                $"SELECT nilai FROM nilai WHERE indikator = 'PREV_STUNTING' AND periode = '2022-08' AND wilayah = '{kode}' AND sumber = 'e-PPGBM' AND hanya_persen AND pembilang IS NULL"), 6);
            Assert.Equal(row.Target2023, await Db.ScalarAsync<double>($"SELECT nilai FROM target WHERE indikator = 'PREV_STUNTING' AND tahun = 2023 AND wilayah = '{kode}'"), 6);
            Assert.Equal(row.Target2024, await Db.ScalarAsync<double>($"SELECT nilai FROM target WHERE indikator = 'PREV_STUNTING' AND tahun = 2024 AND wilayah = '{kode}'"), 6);
        }
    }

    [Fact]
    public async Task Total_row_is_skipped_and_checked_against_the_rows()
    {
        var report = await new IndikatorImporter(Db.DataSource).ImportAsync(KotaMetroData.TsvPath, Options);

        var rows = KotaMetroData.Rows();
        Assert.Equal(3, report.Total.Count);
        var capaian = report.Total.Single(t => t.Kolom.StartsWith("E "));
        Assert.Equal(6.67, capaian.Total, 6);
        Assert.Equal(Math.Round(rows.Average(r => r.Capaian), 4), capaian.Dihitung!.Value, 4);
        Assert.Equal(Math.Abs(rows.Average(r => r.Capaian) - 6.67) <= 0.005, capaian.Sesuai);
        Assert.Contains("rata-rata", capaian.Cara);
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM nilai WHERE wilayah NOT LIKE '18.72.%.%'"));
    }

    [Fact]
    public async Task Puskesmas_column_becomes_service_area_groupings()
    {
        await new IndikatorImporter(Db.DataSource).ImportAsync(KotaMetroData.TsvPath, Options);

        var expected = KotaMetroData.Rows().GroupBy(r => r.Puskesmas).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Equal(expected.Count, await Db.ScalarAsync<long>("SELECT count(*) FROM kelompok_wilayah WHERE jenis = 'puskesmas' AND induk = '18.72'"));
        foreach (var (name, count) in expected)
        {
            Assert.Equal(count, await Db.ScalarAsync<long>(
                $"SELECT count(*) FROM kelompok_wilayah g JOIN kelompok_wilayah_anggota a ON a.kelompok = g.id WHERE g.nama = '{name}'"));
        }
    }

    [Fact]
    public async Task Reimporting_the_same_file_is_a_no_op()
    {
        var importer = new IndikatorImporter(Db.DataSource);
        var first = await importer.ImportAsync(KotaMetroData.TsvPath, Options);
        var second = await importer.ImportAsync(KotaMetroData.TsvPath, Options);

        Assert.Equal(ImportStatus.Diimpor, first.Status);
        Assert.Equal(ImportStatus.SudahAda, second.Status);
        Assert.Equal(first.Batch, second.Batch);
        Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT count(*) FROM impor_batch"));
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM riwayat_nilai"));
    }
}
