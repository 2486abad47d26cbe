using Geo.Core.Errors;
using Geo.Core.Wilayah;
using Geo.Data.Tests.Support;
using Geo.Data.Wilayah.Import;

namespace Geo.Data.Tests.Wilayah;

/// <summary>tests/data/rejections.geojson holds one feature of each kind the importer must refuse; see make-fixtures.sh.</summary>
public sealed class BoundaryRejectionTests : PostgisTest
{
    [Fact]
    public async Task Every_bad_feature_is_reported_with_file_number_and_reason_and_nothing_is_written()
    {
        var importer = new BoundaryImporter(Db.DataSource);
        await importer.ImportAsync(DataFiles.Boundaries("kota-metro-kelurahan.geojson"), new BoundaryImportOptions(Tingkat.Desa));
        var before = await Db.ScalarAsync<string>(BoundarySource.WilayahChecksumSql);
        var rowsBefore = await Db.ScalarAsync<long>("SELECT count(*) FROM wilayah");

        var report = await importer.ImportAsync(DataFiles.TestData("rejections.geojson"), new BoundaryImportOptions(Tingkat.Desa));

        Assert.False(report.Succeeded);
        Assert.Equal(10, report.Read);
        Assert.All(report.Rejected, r => Assert.Equal("rejections.geojson", r.File));
        var reasons = report.Rejected.ToDictionary(r => r.Feature, r => r.Reason);
        Assert.Equal([2, 3, 4, 5, 6, 7, 8, 9, 10], reasons.Keys.Order());
        Assert.Contains("kolom 'kode' kosong", reasons[2]);
        Assert.Contains("bukan kode Kepmendagri", reasons[3]);
        Assert.Contains("tingkat kecamatan, bukan desa", reasons[4]);
        Assert.Contains("geometri kosong", reasons[5]);
        Assert.Contains("Point bukan poligon", reasons[6]);
        Assert.Contains("lintang dan bujur tertukar", reasons[7]);
        Assert.Contains("di luar wilayah Indonesia (bujur 165", reasons[8]);
        Assert.Contains("kode ganda: sudah ada pada fitur 1", reasons[9]);
        Assert.Contains("kolom 'nama' kosong", reasons[10]);
        Assert.Equal("18.72.01.1001", report.Rejected.Single(r => r.Feature == 9).Kode);

        // The valid first feature carries another name than the stored one: had anything been written, it would show.
        Assert.Equal(before, await Db.ScalarAsync<string>(BoundarySource.WilayahChecksumSql));
        Assert.Equal(rowsBefore, await Db.ScalarAsync<long>("SELECT count(*) FROM wilayah"));
        Assert.Equal(0L, await Db.ScalarAsync<long>(StagingTablesSql));
    }

    // The staging table is an ordinary (unlogged) table, so neither a commit nor a rollback may leave one behind.
    private const string StagingTablesSql = "SELECT count(*) FROM pg_class WHERE relname LIKE 'impor\\_wilayah%' AND relkind = 'r'";

    [Fact]
    public async Task A_successful_import_leaves_no_staging_table_behind()
    {
        var report = await new BoundaryImporter(Db.DataSource).ImportAsync(
            DataFiles.Boundaries("kota-metro-kelurahan.geojson"), new BoundaryImportOptions(Tingkat.Desa));

        Assert.True(report.Succeeded);
        Assert.Equal(0L, await Db.ScalarAsync<long>(StagingTablesSql));
    }

    [Fact]
    public async Task Without_tingkat_a_kecamatan_code_is_accepted_and_only_the_other_problems_remain()
    {
        var report = await new BoundaryImporter(Db.DataSource).ImportAsync(DataFiles.TestData("rejections.geojson"), new BoundaryImportOptions());

        Assert.Equal([2, 3, 5, 6, 7, 8, 9, 10], report.Rejected.Select(r => r.Feature));
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM wilayah"));
    }

    [Fact]
    public async Task An_unknown_code_column_stops_the_file_and_names_the_columns_there_are()
    {
        var error = await Assert.ThrowsAsync<GeoException>(() => new BoundaryImporter(Db.DataSource).ImportAsync(
            DataFiles.TestData("kota-metro-kelurahan.gpkg"), new BoundaryImportOptions(KolomKode: "KDEPUM")));

        Assert.Contains("kode_wilayah", error.Message);
    }
}
