using Geo.Core.Wilayah;
using Geo.Data.Tests.Support;
using Geo.Data.Wilayah.Import;

namespace Geo.Data.Tests.Wilayah;

/// <summary>invalid-rings-sample.geojson: 51 real desa of Jawa Tengah whose rings overlap or self-intersect as published.</summary>
public sealed class BoundaryRepairTests : PostgisTest
{
    [Fact]
    public async Task Invalid_rings_are_repaired_listed_by_code_and_stored_valid_with_their_area()
    {
        var source = BoundarySource.Geometries("invalid-rings-sample.geojson");
        // NetTopologySuite's validity check, independent of the GEOS one PostGIS uses.
        var invalid = source.Where(s => !s.Value.IsValid).Select(s => s.Key).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(invalid);

        var report = await new BoundaryImporter(Db.DataSource).ImportAsync(
            DataFiles.Shared("boundaries/invalid-rings-sample.geojson"), new BoundaryImportOptions(Tingkat.Desa));

        Assert.True(report.Succeeded, string.Join("; ", report.Rejected.Select(r => r.Reason)));
        Assert.Equal(51, report.Inserted);
        Assert.Equal(invalid, report.Repaired.Select(r => r.Kode));
        Assert.All(report.Repaired, r => Assert.False(string.IsNullOrWhiteSpace(r.Problem)));
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM wilayah WHERE NOT ST_IsValid(geom)"));
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM wilayah WHERE ST_IsEmpty(geom) OR GeometryType(geom) <> 'MULTIPOLYGON'"));

        // Repair keeps each desa's footprint: the stored area is within 1% of the source's own
        // (NTS) buffer(0)-cleaned area, a different repair method.
        foreach (var kode in invalid)
        {
            var cleaned = source[kode].Buffer(0);
            await using var cmd = Db.DataSource.CreateCommand("SELECT ST_Area(geom) FROM wilayah WHERE kode = $1");
            cmd.Parameters.AddWithValue(kode);
            var stored = (double)(await cmd.ExecuteScalarAsync())!;
            Assert.InRange(stored / cleaned.Area, 0.99, 1.01);
        }
    }
}
