using Geo.Core.Errors;
using Geo.Core.Statistics;
using Geo.Core.Wilayah;
using Geo.Data.Statistics;
using Geo.Data.Tests.Support;
using Geo.Data.Wilayah.Import;

namespace Geo.Data.Tests.Statistics;

/// <summary>
/// Weights built in PostGIS on real boundaries against spdep's poly2nb (snap = 1 m in degrees) and
/// knearneigh(longlat = TRUE) on the same boundaries: Kab Paser (64.01, 144 desa, all connected)
/// and Kota Tual (81.72, 30 desa, four of them islands). Kota Metro is loaded too, to show that
/// the scope keeps other kab/kota out.
/// </summary>
public sealed class SpatialWeightsBuilderTests : PostgisTest
{
    private static readonly WilayahScope Paser = WilayahScope.Within(KodeWilayah.Parse("64.01"));
    private static readonly WilayahScope Tual = WilayahScope.Within(KodeWilayah.Parse("81.72"));

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var importer = new BoundaryImporter(Db.DataSource);
        foreach (var file in new[] { "kab-paser-desa.geojson", "kota-tual-desa.geojson", "kota-metro-kelurahan.geojson" })
        {
            var report = await importer.ImportAsync(DataFiles.Shared(Path.Combine("boundaries", file)), new BoundaryImportOptions(Tingkat.Desa));
            Assert.True(report.Succeeded);
        }
    }

    private SpatialWeightsBuilder Builder => new(Db.DataSource);

    [Theory]
    [InlineData("64.01", "knn:6", "paser-knn6")]
    [InlineData("81.72", "knn:4", "tual-knn4")]
    public async Task Knn_equals_spdep_knearneigh_on_the_same_label_points(string kode, string bobot, string fixture)
    {
        var w = await Builder.BuildAsync(WilayahScope.Within(KodeWilayah.Parse(kode)), Tingkat.Desa, WeightsSpec.Parse(bobot));

        var differences = SpdepNeighbours.Differences(SpdepNeighbours.Of(w), SpdepNeighbours.Load(fixture));

        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    /// <summary>
    /// spdep's poly2nb looks only at vertices: queen = a vertex of each unit within the snap
    /// distance, rook = two such vertices. The real boundaries have hairline gaps, small overlaps
    /// and T-junctions, where neighbours share no vertex: spdep misses them, PostGIS does not; and
    /// two units touching at two separate points only are rook for spdep but share no boundary.
    /// Our lists differ from spdep's in exactly these ways, each checked here independently
    /// (metres on geography rather than the builder's degrees), and in no other.
    /// </summary>
    [Theory]
    [InlineData("64.01", "queen", "paser-queen", 5, 0)]
    [InlineData("64.01", "rook", "paser-rook", 12, 1)]
    [InlineData("81.72", "queen", "tual-queen", 0, 0)]
    [InlineData("81.72", "rook", "tual-rook", 1, 0)]
    public async Task Contiguity_differs_from_spdep_only_where_spdep_looks_at_vertices_alone(
        string kode, string bobot, string fixture, int expectedExtra, int expectedMissing)
    {
        var w = await Builder.BuildAsync(WilayahScope.Within(KodeWilayah.Parse(kode)), Tingkat.Desa, WeightsSpec.Parse(bobot));
        var ours = Pairs(SpdepNeighbours.Of(w));
        var spdep = Pairs(SpdepNeighbours.Load(fixture));
        var spdepVertices = bobot == "queen" ? 1 : 2;

        var extra = ours.Except(spdep).ToList();
        var missing = spdep.Except(ours).ToList();

        Assert.True(extra.Count == expectedExtra, "extra: " + string.Join(", ", extra));
        Assert.True(missing.Count == expectedMissing, "missing: " + string.Join(", ", missing));
        foreach (var (a, b) in extra)
        {
            Assert.True(await SharedVerticesAsync(a, b) < spdepVertices, $"{a} {b} share enough vertices for spdep");
            Assert.True(await Db.ScalarAsync<bool>(PairSql(a, b, "ST_DWithin(a.geom::geography, b.geom::geography, 1.0)")), $"{a} {b} are apart");
            if (bobot == "rook")
            {
                // the stretch of b's boundary within 1 m of a is longer than 1 m
                Assert.True(await Db.ScalarAsync<double>(PairSql(a, b,
                    "ST_Length(ST_Intersection(ST_Buffer(a.geom::geography, 1.0)::geometry, ST_Boundary(b.geom))::geography)")) > 1.0, $"{a} {b} share no boundary");
            }
        }
        foreach (var (a, b) in missing)
        {
            // they touch at separate points only: no stretch of boundary is shared
            Assert.Equal(0, await Db.ScalarAsync<int>(PairSql(a, b, "ST_Dimension(ST_Intersection(a.geom, b.geom))")));
            Assert.True(await SharedVerticesAsync(a, b) >= 2);
        }
    }

    private static string PairSql(string a, string b, string expression) =>
        $"SELECT {expression} FROM wilayah a, wilayah b WHERE a.kode = '{a}' AND b.kode = '{b}'";

    /// <summary>Distinct vertices of a within the snap distance of a vertex of b: what poly2nb counts.</summary>
    private Task<long> SharedVerticesAsync(string a, string b) => Db.ScalarAsync<long>($"""
        SELECT count(DISTINCT ST_AsText(pa.geom))
        FROM wilayah wa, wilayah wb, ST_DumpPoints(wa.geom) pa, ST_DumpPoints(wb.geom) pb
        WHERE wa.kode = '{a}' AND wb.kode = '{b}' AND ST_DWithin(pa.geom, pb.geom, {WeightsSpec.DefaultSnapMetres / SpatialWeightsBuilder.MetresPerDegree})
        """);

    private static HashSet<(string, string)> Pairs(Dictionary<string, SortedSet<string>> lists) =>
        lists.SelectMany(p => p.Value.Select(n => string.CompareOrdinal(p.Key, n) < 0 ? (p.Key, n) : (n, p.Key))).ToHashSet();

    [Fact]
    public async Task Islands_of_kota_tual_are_kept_and_listed()
    {
        var w = await Builder.BuildAsync(Tual, Tingkat.Desa, WeightsSpec.Queen);

        Assert.Equal(30, w.Count);
        var islands = w.Islands.Select(i => w.Ids[i]).ToArray();
        var spdep = SpdepNeighbours.Load("tual-queen").Where(p => p.Value.Count == 0).Select(p => p.Key).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(spdep, islands);
        Assert.Equal(4, islands.Length);
        // no neighbour is drawn from Kota Metro or Kab Paser, also loaded
        Assert.All(w.Ids, id => Assert.StartsWith("81.72.", id));
    }

    [Fact]
    public async Task Snap_tolerance_bridges_a_gap_between_two_desa()
    {
        // Pull one desa of Paser 0.5 m east (4.5e-6 degrees): it no longer touches its western
        // neighbours exactly, but still within the 1 m tolerance; with 0.1 m they are lost.
        var before = await Builder.BuildAsync(Paser, Tingkat.Desa, WeightsSpec.Queen);
        var kode = before.Ids[Enumerable.Range(0, before.Count).MaxBy(before.Cardinality)];
        await Db.ExecuteAsync($"UPDATE wilayah SET geom = ST_Translate(geom, 0.0000045, 0) WHERE kode = '{kode}'");

        var tolerant = await Builder.BuildAsync(Paser, Tingkat.Desa, WeightsSpec.Queen);
        var strict = await Builder.BuildAsync(Paser, Tingkat.Desa, WeightsSpec.Queen with { SnapMetres = 0.1 });

        var i = before.Ids.ToList().IndexOf(kode);
        Assert.Equal(before.NeighboursOf(i).ToArray(), tolerant.NeighboursOf(i).ToArray());
        Assert.True(strict.Cardinality(i) < before.Cardinality(i));
    }

    [Fact]
    public async Task Rook_is_queen_without_the_corner_only_neighbours()
    {
        var queen = await Builder.BuildAsync(Paser, Tingkat.Desa, WeightsSpec.Queen);
        var rook = await Builder.BuildAsync(Paser, Tingkat.Desa, WeightsSpec.Rook);

        Assert.True(queen.IsSymmetric && rook.IsSymmetric);
        Assert.True(rook.LinkCount < queen.LinkCount);
        for (var i = 0; i < rook.Count; i++)
        {
            Assert.Subset(new HashSet<int>(queen.NeighboursOf(i).ToArray()), new HashSet<int>(rook.NeighboursOf(i).ToArray()));
        }
    }

    [Fact]
    public async Task Distance_band_matches_great_circle_distances_between_label_points()
    {
        const double metres = 5000;
        var w = await Builder.BuildAsync(Paser, Tingkat.Desa, WeightsSpec.Parse("jarak:5000"));
        var points = await LabelPointsAsync("64.01.%");

        // the same band computed another way: haversine on a sphere (R = 6371008.8 m); the builder
        // measures on the spheroid, which differs by under 0.7%, so pairs that close to 5 km are left aside
        var expected = new HashSet<(string, string)>();
        var borderline = new HashSet<(string, string)>();
        foreach (var (a, pa) in points)
        {
            foreach (var (b, pb) in points)
            {
                if (a == b) continue;
                var d = Haversine(pa, pb);
                if (d <= metres) expected.Add((a, b));
                if (Math.Abs(d - metres) < 0.007 * metres) borderline.Add((a, b));
            }
        }
        var actual = new HashSet<(string, string)>();
        for (var i = 0; i < w.Count; i++)
        {
            foreach (var j in w.NeighboursOf(i)) actual.Add((w.Ids[i], w.Ids[j]));
        }
        expected.SymmetricExceptWith(actual);
        expected.ExceptWith(borderline);
        Assert.Empty(expected);
        Assert.True(actual.Count > 0);
        Assert.True(w.IsSymmetric);
    }

    [Fact]
    public async Task Knn_gives_every_unit_exactly_k_neighbours_even_islands()
    {
        var w = await Builder.BuildAsync(Tual, Tingkat.Desa, WeightsSpec.Parse("knn:4"));

        Assert.All(Enumerable.Range(0, w.Count), i => Assert.Equal(4, w.Cardinality(i)));
        Assert.Empty(w.Islands);
        var tooMany = await Assert.ThrowsAsync<GeoException>(() => Builder.BuildAsync(Tual, Tingkat.Desa, WeightsSpec.Parse("knn:30")));
        Assert.Equal("bobot", tooMany.Lokasi?.Parameter);
    }

    private async Task<List<(string Kode, (double Lon, double Lat) Point)>> LabelPointsAsync(string pattern)
    {
        await using var cmd = Db.DataSource.CreateCommand($"SELECT kode, ST_X(titik_label), ST_Y(titik_label) FROM wilayah WHERE tingkat = 4 AND kode LIKE '{pattern}'");
        await using var reader = await cmd.ExecuteReaderAsync();
        var points = new List<(string, (double, double))>();
        while (await reader.ReadAsync()) points.Add((reader.GetString(0), (reader.GetDouble(1), reader.GetDouble(2))));
        return points;
    }

    private static double Haversine((double Lon, double Lat) a, (double Lon, double Lat) b)
    {
        const double radius = 6371008.8;
        double Rad(double d) => d * Math.PI / 180;
        var dLat = Rad(b.Lat - a.Lat);
        var dLon = Rad(b.Lon - a.Lon);
        var h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(Rad(a.Lat)) * Math.Cos(Rad(b.Lat)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * radius * Math.Asin(Math.Sqrt(h));
    }
}
