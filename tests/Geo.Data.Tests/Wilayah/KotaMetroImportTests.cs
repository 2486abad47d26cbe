using Geo.Core.Wilayah;
using Geo.Data.Tests.Support;
using Geo.Data.Wilayah.Import;

namespace Geo.Data.Tests.Wilayah;

public sealed class KotaMetroImportTests : PostgisTest
{
    [Fact]
    public async Task Kelurahan_alone_derive_kecamatan_kabkota_and_provinsi_with_official_names()
    {
        var importer = new BoundaryImporter(Db.DataSource);

        var report = await importer.ImportAsync(DataFiles.Boundaries("kota-metro-kelurahan.geojson"), new BoundaryImportOptions(Tingkat.Desa));

        Assert.True(report.Succeeded);
        Assert.Equal(22, report.Read);
        Assert.Equal(22, report.Inserted);
        Assert.Equal(["kecamatan", "kabkota", "provinsi"], report.Derived.Select(d => d.Tingkat));
        Assert.Equal(["18.72.01", "18.72.02", "18.72.03", "18.72.04", "18.72.05"], report.Derived[0].Kode);
        Assert.Equal(22, report.MissingParents.Count);
        Assert.Equal("Kota Metro", await Db.ScalarAsync<string>("SELECT nama FROM wilayah WHERE kode = '18.72'"));
        Assert.Equal("Lampung", await Db.ScalarAsync<string>("SELECT nama FROM wilayah WHERE kode = '18'"));

        // The dissolved kota covers exactly its kelurahan: the areas agree to within rounding.
        var kota = await Db.ScalarAsync<double>("SELECT luas_km2 FROM wilayah WHERE kode = '18.72'");
        var kelurahanSum = await Db.ScalarAsync<double>("SELECT sum(luas_km2) FROM wilayah WHERE tingkat = 4");
        Assert.InRange(kota / kelurahanSum, 0.999, 1.001);
    }

    [Fact]
    public async Task Importing_real_kecamatan_after_derived_ones_replaces_them_and_a_second_run_changes_nothing()
    {
        var importer = new BoundaryImporter(Db.DataSource);
        await importer.ImportAsync(DataFiles.Boundaries("kota-metro-kelurahan.geojson"), new BoundaryImportOptions());

        var first = await importer.ImportAsync(DataFiles.Boundaries("kota-metro-kecamatan.geojson"), new BoundaryImportOptions(Tingkat.Kecamatan));
        var second = await importer.ImportAsync(DataFiles.Boundaries("kota-metro-kecamatan.geojson"), new BoundaryImportOptions(Tingkat.Kecamatan));

        Assert.Equal(5, first.Updated);
        Assert.Equal(0, second.Inserted + second.Updated);
        Assert.Equal(5, second.Unchanged);
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM wilayah WHERE tingkat = 3 AND turunan"));
        Assert.Equal(29L, await Db.ScalarAsync<long>("SELECT count(*) FROM wilayah WHERE kode LIKE '18%'"));
    }

    [Fact]
    public async Task Generated_columns_follow_the_code()
    {
        await new BoundaryImporter(Db.DataSource).ImportAsync(DataFiles.Boundaries("kota-metro-kelurahan.geojson"), new BoundaryImportOptions());

        Assert.Equal("18.72.01", await Db.ScalarAsync<string>("SELECT induk FROM wilayah WHERE kode = '18.72.01.1001'"));
        Assert.Equal("kelurahan", await Db.ScalarAsync<string>("SELECT jenis FROM wilayah WHERE kode = '18.72.01.1001'"));
        Assert.Equal(41872011001L, await Db.ScalarAsync<long>("SELECT fid FROM wilayah WHERE kode = '18.72.01.1001'"));
        Assert.Equal(21872000000L, await Db.ScalarAsync<long>("SELECT fid FROM wilayah WHERE kode = '18.72'"));
    }
}
