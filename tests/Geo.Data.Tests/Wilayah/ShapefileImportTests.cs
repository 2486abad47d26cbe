using System.IO.Compression;
using Geo.Core.Wilayah;
using Geo.Data.Tests.Support;
using Geo.Data.Wilayah.Import;
using NetTopologySuite.Geometries;

namespace Geo.Data.Tests.Wilayah;

/// <summary>
/// Zipped Shapefiles as BIG and Dukcapil deliver them: UTM zone 50S with a .prj, BIG's column
/// names, the shapefile in a subfolder, and a .cpg naming the DBF encoding.
/// </summary>
public sealed class ShapefileImportTests : PostgisTest
{
    private static readonly Dictionary<string, Geometry> Source = BoundarySource.Geometries("kab-paser-desa.geojson");

    [Theory]
    [InlineData("kab-paser-utm50s-utf8.zip")]
    [InlineData("kab-paser-utm50s-cp1252.zip")]
    public async Task Utm_50S_shapefile_is_reprojected_to_the_source_geometries_and_decoded_per_cpg(string file)
    {
        var report = await new BoundaryImporter(Db.DataSource).ImportAsync(DataFiles.TestData(file), new BoundaryImportOptions(Tingkat.Desa));

        Assert.True(report.Succeeded, string.Join("; ", report.Rejected.Select(r => r.Reason)));
        Assert.Equal(16, report.Inserted);
        // The fixture spells 64.01.02.2004 "Keladen" as "Kéladén": only the .cpg's encoding decodes it.
        Assert.Equal("Kéladén", await Db.ScalarAsync<string>("SELECT nama FROM wilayah WHERE kode = '64.01.02.2004'"));
        Assert.Equal("Busui", await Db.ScalarAsync<string>("SELECT nama FROM wilayah WHERE kode = '64.01.01.2010'"));

        // GDAL projected the real GeoJSON to UTM; PROJ in PostGIS must bring it back to within a few centimetres.
        foreach (var (kode, geometry) in Source.Where(s => s.Key.StartsWith("64.01.01.") || s.Key.StartsWith("64.01.02.")))
        {
            await using var cmd = Db.DataSource.CreateCommand(
                "SELECT ST_HausdorffDistance(geom, ST_GeomFromText($2, 4326)) FROM wilayah WHERE kode = $1");
            cmd.Parameters.AddWithValue(kode);
            cmd.Parameters.AddWithValue(geometry.AsText());
            var distance = (double)(await cmd.ExecuteScalarAsync())!;
            Assert.True(distance < 1e-6, $"{kode}: {distance} degrees from its source");
        }
        Assert.Equal(["kecamatan", "kabkota", "provinsi"], report.Derived.Select(d => d.Tingkat));
        Assert.Equal(["64.01.01", "64.01.02"], report.Derived[0].Kode);
    }

    [Fact]
    public async Task Shapefile_without_prj_in_utm_metres_is_rejected_feature_by_feature()
    {
        var report = await new BoundaryImporter(Db.DataSource).ImportAsync(DataFiles.TestData("kota-tual-tanpa-prj.zip"), new BoundaryImportOptions());

        Assert.False(report.Succeeded);
        Assert.Equal(30, report.Rejected.Count);
        Assert.All(report.Rejected, r =>
        {
            Assert.Equal("kota-tual-tanpa-prj.zip", r.File);
            Assert.Contains("bukan derajat", r.Reason);
            Assert.Contains(".prj", r.Reason);
        });
        Assert.Equal(Enumerable.Range(1, 30), report.Rejected.Select(r => r.Feature));
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM wilayah"));
    }

    [Fact]
    public async Task A_prj_naming_the_wrong_utm_zone_puts_the_desa_outside_Indonesia_and_says_so()
    {
        // The same file with a .prj that claims UTM zone 40S (central meridian 57 E): Indian Ocean.
        var directory = Directory.CreateTempSubdirectory("geo-test-");
        try
        {
            ZipFile.ExtractToDirectory(DataFiles.TestData("kab-paser-utm50s-utf8.zip"), directory.FullName);
            var prj = Path.Combine(directory.FullName, "batas_desa", "desa_paser.prj");
            var wkt = File.ReadAllText(prj);
            Assert.Contains("PARAMETER[\"Central_Meridian\",117.0]", wkt);
            File.WriteAllText(prj, wkt.Replace("Zone_50S", "Zone_40S").Replace("PARAMETER[\"Central_Meridian\",117.0]", "PARAMETER[\"Central_Meridian\",57.0]"));
            var zip = Path.Combine(directory.FullName, "zona-salah.zip");
            ZipFile.CreateFromDirectory(Path.Combine(directory.FullName, "batas_desa"), zip, CompressionLevel.Fastest, includeBaseDirectory: true);

            var report = await new BoundaryImporter(Db.DataSource).ImportAsync(zip, new BoundaryImportOptions());

            Assert.Equal(16, report.Rejected.Count);
            Assert.All(report.Rejected, r => Assert.Contains("setelah diproyeksikan dari CRS berkas (WGS_1984_UTM_Zone_40S)", r.Reason));
            Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM wilayah"));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Reimporting_the_same_shapefile_changes_nothing()
    {
        var importer = new BoundaryImporter(Db.DataSource);
        await importer.ImportAsync(DataFiles.TestData("kab-paser-utm50s-utf8.zip"), new BoundaryImportOptions());
        var before = await Db.ScalarAsync<string>(BoundarySource.WilayahChecksumSql);

        var again = await importer.ImportAsync(DataFiles.TestData("kab-paser-utm50s-utf8.zip"), new BoundaryImportOptions());

        Assert.True(again.Succeeded);
        Assert.Equal((0, 0, 16), (again.Inserted, again.Updated, again.Unchanged));
        Assert.Equal(before, await Db.ScalarAsync<string>(BoundarySource.WilayahChecksumSql));
    }
}
