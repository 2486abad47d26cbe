using Geo.Core.Import;
using Geo.Core.Wilayah;
using Geo.Data.Tests.Support;
using Geo.Data.Wilayah.Import;

namespace Geo.Data.Tests.Wilayah;

/// <summary>Parents dissolved from children whose simplified edges do not quite meet (real Kota Metro data).</summary>
public sealed class DerivedLevelTests : PostgisTest
{
    [Fact]
    public async Task Dissolved_kecamatan_cover_their_kelurahan_without_the_sliver_holes_a_plain_union_leaves()
    {
        await new BoundaryImporter(Db.DataSource).ImportAsync(DataFiles.Boundaries("kota-metro-kelurahan.geojson"), new BoundaryImportOptions(Tingkat.Desa));

        // A plain ST_Union of the same kelurahan, computed here, has gaps between neighbours as tiny holes.
        const string plainHoles = """
            SELECT count(*) FROM (SELECT ST_Union(geom) AS g FROM wilayah WHERE tingkat = 4 GROUP BY induk) u,
                LATERAL ST_Dump(u.g) p, LATERAL generate_series(1, ST_NumInteriorRings(p.geom)) i
            WHERE ST_Area(ST_MakePolygon(ST_InteriorRingN(p.geom, i))) < 1e-6
            """;
        Assert.True(await Db.ScalarAsync<long>(plainHoles) > 0);
        const string derivedHoles = """
            SELECT count(*) FROM wilayah w, LATERAL ST_Dump(w.geom) p, LATERAL generate_series(1, ST_NumInteriorRings(p.geom)) i
            WHERE w.turunan AND ST_Area(ST_MakePolygon(ST_InteriorRingN(p.geom, i))) < 1e-6
            """;
        Assert.Equal(0L, await Db.ScalarAsync<long>(derivedHoles));

        // Every child lies inside its parent, up to the rounding of computed intersection points.
        Assert.Equal(0L, await Db.ScalarAsync<long>("""
            SELECT count(*) FROM wilayah c JOIN wilayah p ON p.kode = c.induk
            WHERE ST_Area(ST_Difference(c.geom, p.geom)) > 1e-12 * ST_Area(c.geom)
            """));
        // And a parent holds nothing beyond its children but the filled gaps, each under 1e-6 square degrees.
        Assert.Equal(0L, await Db.ScalarAsync<long>("""
            SELECT count(*) FROM wilayah p,
                LATERAL ST_Dump(ST_Difference(p.geom, (SELECT ST_Union(c.geom) FROM wilayah c WHERE c.induk = p.kode))) extra
            WHERE p.turunan AND ST_Area(extra.geom) >= 1e-6
            """));
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM wilayah WHERE turunan AND NOT ST_IsValid(geom)"));
        Assert.Equal(7L, await Db.ScalarAsync<long>("SELECT count(*) FROM wilayah WHERE turunan")); // 5 kecamatan, the kota, the provinsi

        // Area and label point come from the parallel dissolve together with the shape: they must be the shape's own.
        Assert.Equal(0L, await Db.ScalarAsync<long>("""
            SELECT count(*) FROM wilayah
            WHERE turunan AND (abs(luas_km2 - ST_Area(geom::geography) / 1e6) > 1e-9 * luas_km2 OR NOT ST_Intersects(titik_label, geom))
            """));
    }

    [Fact]
    public async Task Progress_names_each_stage_and_each_level_derived()
    {
        var stages = new List<string>();
        await new BoundaryImporter(Db.DataSource).ImportAsync(DataFiles.Boundaries("kota-metro-kelurahan.geojson"),
            new BoundaryImportOptions(Tingkat.Desa), progress: new Recorder(stages));

        Assert.Collection(stages,
            s => Assert.Equal("kota-metro-kelurahan.geojson: 22 fitur dibaca; memeriksa geometri", s),
            s => Assert.StartsWith("kota-metro-kelurahan.geojson: menyimpan wilayah", s),
            s => Assert.Equal("menurunkan 5 kecamatan dari gabungan anak", s),
            s => Assert.Equal("menurunkan 1 kabkota dari gabungan anak", s),
            s => Assert.Equal("menurunkan 1 provinsi dari gabungan anak", s));
    }

    private sealed class Recorder(List<string> into) : IProgress<Kemajuan>
    {
        public void Report(Kemajuan value) => into.Add(value.Tahap);
    }
}
