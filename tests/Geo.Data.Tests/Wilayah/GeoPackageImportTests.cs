using Geo.Core.Errors;
using Geo.Core.Wilayah;
using Geo.Data.Tests.Support;
using Geo.Data.Wilayah.Import;

namespace Geo.Data.Tests.Wilayah;

public sealed class GeoPackageImportTests : PostgisTest
{
    [Fact]
    public async Task Layer_in_utm_53S_is_reprojected_from_its_srs_id()
    {
        var source = BoundarySource.Geometries("kota-tual-desa.geojson");

        var report = await new BoundaryImporter(Db.DataSource).ImportAsync(DataFiles.TestData("kota-tual-utm53s.gpkg"), new BoundaryImportOptions(Tingkat.Desa));

        Assert.True(report.Succeeded, string.Join("; ", report.Rejected.Select(r => r.Reason)));
        Assert.Equal(source.Count, report.Inserted);
        foreach (var (kode, geometry) in source)
        {
            await using var cmd = Db.DataSource.CreateCommand(
                "SELECT ST_HausdorffDistance(geom, ST_GeomFromText($2, 4326)) FROM wilayah WHERE kode = $1");
            cmd.Parameters.AddWithValue(kode);
            cmd.Parameters.AddWithValue(geometry.AsText());
            Assert.True((double)(await cmd.ExecuteScalarAsync())! < 1e-6, kode);
        }
    }

    [Fact]
    public async Task Wgs84_layer_with_kemendagri_column_names_is_stored_as_it_is()
    {
        var source = BoundarySource.Geometries("kota-metro-kelurahan.geojson");

        var report = await new BoundaryImporter(Db.DataSource).ImportAsync(DataFiles.TestData("kota-metro-kelurahan.gpkg"), new BoundaryImportOptions());

        Assert.True(report.Succeeded, string.Join("; ", report.Rejected.Select(r => r.Reason)));
        Assert.Equal(22, report.Inserted);
        Assert.Equal("Ganjar Agung", await Db.ScalarAsync<string>("SELECT nama FROM wilayah WHERE kode = '18.72.03.1002'"));
        foreach (var (kode, geometry) in source)
        {
            await using var cmd = Db.DataSource.CreateCommand("SELECT ST_Equals(geom, ST_GeomFromText($2, 4326)) FROM wilayah WHERE kode = $1");
            cmd.Parameters.AddWithValue(kode);
            cmd.Parameters.AddWithValue(geometry.AsText());
            Assert.True((bool)(await cmd.ExecuteScalarAsync())!, kode);
        }
    }

    [Fact]
    public async Task A_geopackage_of_several_layers_needs_one_named_and_the_message_lists_them()
    {
        var path = DataFiles.TestData("kota-metro-dua-lapisan.gpkg");
        var importer = new BoundaryImporter(Db.DataSource);

        var unnamed = await Assert.ThrowsAsync<GeoException>(() => importer.ImportAsync(path, new BoundaryImportOptions()));
        Assert.Contains("kecamatan, kelurahan", unnamed.Message);
        Assert.Contains("--lapisan", unnamed.Message);
        var unknown = await Assert.ThrowsAsync<GeoException>(() => importer.ImportAsync(path, new BoundaryImportOptions(Lapisan: "desa")));
        Assert.Contains("kecamatan, kelurahan", unknown.Message);
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM wilayah"));

        var kecamatan = await importer.ImportAsync(path, new BoundaryImportOptions(Tingkat.Kecamatan, Lapisan: "kecamatan"));
        var kelurahan = await importer.ImportAsync(path, new BoundaryImportOptions(Tingkat.Desa, Lapisan: "KELURAHAN"));

        Assert.Equal((5, 22), (kecamatan.Inserted, kelurahan.Inserted));
        Assert.Equal(22L, await Db.ScalarAsync<long>("SELECT count(*) FROM wilayah WHERE tingkat = 4 AND kode LIKE '18.72.%'"));
    }

    [Fact]
    public async Task A_layer_named_for_a_file_that_is_not_a_geopackage_is_refused()
    {
        var e = await Assert.ThrowsAsync<GeoException>(() => new BoundaryImporter(Db.DataSource)
            .ImportAsync(DataFiles.TestData("rejections.geojson"), new BoundaryImportOptions(Lapisan: "desa")));
        Assert.Contains("hanya dapat dipilih dari GeoPackage", e.Message);
    }
}
