using Geo.Core.Errors;
using Geo.Core.Statistics;
using Geo.Core.Text;
using Geo.Core.Wilayah;
using Npgsql;

namespace Geo.Data.Statistics;

/// <summary>
/// Builds <see cref="SpatialWeights"/> for the wilayah of one level within a scope, in PostGIS.
/// Units are ordered by kode; every unit of the level in scope is present, islands included.
/// </summary>
public sealed class SpatialWeightsBuilder(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Metres per degree at the equator: contiguity tolerances are applied in degrees on the stored
    /// lon/lat geometry (so the GiST index serves them). Indonesia lies within 6°N..11°S, where a
    /// degree of longitude is at least 98% of this, so a tolerance is never more than 2% short.
    /// </summary>
    public const double MetresPerDegree = 111_320.0;

    /// <summary>
    /// Neighbour pairs one set of weights may hold. A kab/kota has a few thousand, a provinsi's desa
    /// by queen about 50,000; a distance band wide enough to pass this would make every unit a
    /// neighbour of every other and fill memory, so it is refused instead.
    /// </summary>
    public const int MaxPairs = 2_000_000;

    private static string UnitFilter(string alias) => $"{alias}.tingkat = @tingkat AND (@pola::text IS NULL OR {alias}.kode LIKE @pola)";

    public async Task<SpatialWeights> BuildAsync(WilayahScope scope, Tingkat tingkat, WeightsSpec spec, CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var ids = await UnitsAsync(conn, scope, tingkat, ct);
        var index = new Dictionary<string, int>(ids.Count, StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++) index[ids[i]] = i;

        var (sql, symmetric) = spec.Kind switch
        {
            WeightsKind.Queen => (QueenSql, true),
            WeightsKind.Rook => (RookSql, true),
            WeightsKind.KNearest => (KNearestSql, false),
            WeightsKind.DistanceBand => (DistanceBandSql, true),
            _ => throw new ArgumentOutOfRangeException(nameof(spec)),
        };
        if (spec.Kind == WeightsKind.KNearest && spec.K >= ids.Count)
        {
            throw GeoException.Parameter("bobot", $"knn:{spec.K} butuh lebih dari {spec.K} wilayah; di sini hanya ada {ids.Count}, pakai K paling besar {ids.Count - 1}");
        }

        var edges = new List<(int, int)>();
        await using (var cmd = Command(conn, sql, scope, tingkat))
        {
            cmd.Parameters.AddWithValue("toleransi_derajat", spec.SnapMetres / MetresPerDegree);
            cmd.Parameters.AddWithValue("toleransi_meter", spec.SnapMetres);
            cmd.Parameters.AddWithValue("k", spec.K);
            cmd.Parameters.AddWithValue("jarak", spec.DistanceMetres);
            cmd.Parameters.AddWithValue("batas", MaxPairs + 1);
            cmd.CommandTimeout = 0;
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                if (edges.Count >= (symmetric ? 2 * MaxPairs : MaxPairs))
                {
                    throw GeoException.Parameter("bobot",
                        $"{spec} memberi lebih dari {IndonesianNumber.ToText(MaxPairs)} pasangan tetangga di wilayah ini; pakai jarak yang lebih kecil atau knn:K");
                }
                var a = index[reader.GetString(0)];
                var b = index[reader.GetString(1)];
                edges.Add((a, b));
                if (symmetric) edges.Add((b, a));
            }
        }
        return SpatialWeights.FromEdges(ids, edges);
    }

    private static async Task<List<string>> UnitsAsync(NpgsqlConnection conn, WilayahScope scope, Tingkat tingkat, CancellationToken ct)
    {
        await using var cmd = Command(conn, $"SELECT w.kode FROM wilayah w WHERE {UnitFilter("w")} ORDER BY w.kode", scope, tingkat);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var ids = new List<string>();
        while (await reader.ReadAsync(ct)) ids.Add(reader.GetString(0));
        return ids;
    }

    private static NpgsqlCommand Command(NpgsqlConnection conn, string sql, WilayahScope scope, Tingkat tingkat)
    {
        var cmd = new NpgsqlCommand(sql, conn);
        cmd.Parameters.AddWithValue("tingkat", (short)tingkat);
        cmd.Parameters.Add(new NpgsqlParameter("pola", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)scope.DescendantPattern ?? DBNull.Value });
        return cmd;
    }

    // Touching or closer than the tolerance: see wilayah_berdekatan in migration 0021.
    private const string WithinTolerance = """
        a.geom && ST_Expand(b.geom, @toleransi_derajat) AND wilayah_berdekatan(a.geom, b.geom, @toleransi_derajat)
        """;

    // Queen: touching or closer than the tolerance: slivers and hairline gaps between neighbours do not
    // break contiguity. Each unordered pair once (a.kode < b.kode).
    private static readonly string QueenSql = $"""
        SELECT a.kode, b.kode
        FROM wilayah a
        JOIN wilayah b ON a.kode < b.kode AND {WithinTolerance}
        WHERE {UnitFilter("a")} AND {UnitFilter("b")}
        """;

    // Rook: among queen pairs, those that share a stretch of boundary longer than the tolerance.
    // The stretch is the part of one unit's boundary, snapped onto the other within the tolerance,
    // that lies in the other unit; it is measured both ways and the shorter counts, because ST_Snap
    // is not symmetric. Where two desa were digitised overlapping, the overlap's edge counts as
    // shared boundary; a corner, or a few separate touching points, does not.
    private static readonly string RookSql = $"""
        SELECT a.kode, b.kode
        FROM wilayah a
        JOIN wilayah b ON a.kode < b.kode AND {WithinTolerance}
        WHERE {UnitFilter("a")} AND {UnitFilter("b")}
          AND least(
                ST_Length(ST_CollectionExtract(ST_Intersection(ST_Boundary(ST_Snap(a.geom, b.geom, @toleransi_derajat)), b.geom), 2)::geography),
                ST_Length(ST_CollectionExtract(ST_Intersection(ST_Boundary(ST_Snap(b.geom, a.geom, @toleransi_derajat)), a.geom), 2)::geography))
              > @toleransi_meter
        """;

    // Candidates come in sphere order from the geography index of migration 0020; the k nearest
    // are then ranked on the WGS 84 spheroid, as spdep's knearneigh(longlat = TRUE) ranks them.
    // Sphere and spheroid distances differ by under 0.7%, far less than the gap between the k-th
    // and the (2k+10)-th candidate in any real set of desa, so no true neighbour is left out.
    private static readonly string KNearestSql = $"""
        SELECT a.kode, n.kode
        FROM wilayah a
        CROSS JOIN LATERAL (
            SELECT c.kode
            FROM (
                SELECT b.kode, b.titik_label
                FROM wilayah b
                WHERE {UnitFilter("b")} AND b.kode <> a.kode
                ORDER BY a.titik_label::geography <-> b.titik_label::geography
                LIMIT 2 * @k + 10) c
            ORDER BY ST_Distance(a.titik_label::geography, c.titik_label::geography), c.kode
            LIMIT @k) n
        WHERE {UnitFilter("a")}
        """;

    // Great-circle distance on the WGS 84 spheroid between label points, as spdep's dnearneigh(longlat = TRUE).
    private static readonly string DistanceBandSql = $"""
        SELECT a.kode, b.kode
        FROM wilayah a
        JOIN wilayah b ON a.kode < b.kode AND ST_DWithin(a.titik_label::geography, b.titik_label::geography, @jarak)
        WHERE {UnitFilter("a")} AND {UnitFilter("b")}
        LIMIT @batas
        """;
}
