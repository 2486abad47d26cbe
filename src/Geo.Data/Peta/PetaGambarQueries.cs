using System.Buffers.Binary;
using Geo.Core.Akun;
using Geo.Core.Errors;
using Geo.Core.Wilayah;
using Npgsql;

namespace Geo.Data.Peta;

/// <summary>
/// One wilayah's polygons in Web Mercator metres, simplified to the image's pixel: points as x,y
/// pairs, and where each ring starts (in points; the last entry is the end). Holes and parts are
/// rings like any other: drawn with the even-odd rule they come out right.
/// </summary>
public sealed record BentukWilayah(string Kode, string Nama, Tingkat Tingkat, double[] Xy, int[] Cincin, double LabelX, double LabelY);

/// <summary>The shapes of a static map: its extent, the units coloured, and the boundaries above them.</summary>
/// <param name="Batas">The wilayah itself and every level between it and the units (kab/kota, kecamatan), outermost first.</param>
/// <param name="MeterPerPiksel">Web Mercator metres per image pixel that the shapes were simplified for.</param>
public sealed record BentukPeta(double MinX, double MinY, double MaxX, double MaxY, double MeterPerPiksel,
    IReadOnlyList<BentukWilayah> Unit, IReadOnlyList<BentukWilayah> Batas);

/// <summary>
/// Geometry for static map images. PostGIS does the geometry work: it picks the coarsest
/// pre-simplified tile band (migration 0033) finer than half a pixel, simplifies it to half a
/// pixel, and sends well-known binary already in Web Mercator; the caller only scales and draws.
/// </summary>
public sealed class PetaGambarQueries(NpgsqlDataSource dataSource)
{
    /// <summary>Shapes kept, each for the boundary version it was read at (bench/peta-png: most of Kota Metro's loading).</summary>
    public const int MaksimumSimpanan = 32;

    /// <summary>Larger shape sets (points) are not kept: a province at a large size is read again rather than held.</summary>
    public const int MaksimumTitikSimpanan = 1_000_000;

    private sealed record Simpanan(long Versi, BentukPeta Bentuk);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, Tingkat, int, int, string, string), Simpanan> _simpanan = new();

    /// <summary>
    /// The shapes of <paramref name="wilayah"/> at level <paramref name="unit"/>, for a map frame of
    /// the given size in pixels. Boundaries are public reference data, but an area account still
    /// sees only its area (403 outside it), as every read does.
    /// </summary>
    public async Task<BentukPeta> LoadAsync(Caller caller, KodeWilayah wilayah, Tingkat unit, int lebarBingkai, int tinggiBingkai,
        CancellationToken ct = default)
    {
        if (!caller.Area.Contains(wilayah)) throw GeoException.Forbidden($"wilayah {wilayah} di luar cakupan akun ini");
        // The extent first, so the main query gets its tolerance and band as constants: computed
        // from a joined row, PostgreSQL carried every geometry column through the join and the
        // same query took five times as long (Jawa Tengah: 720 ms against 145 ms).
        // The boundary version comes with the extent, so a kept copy is served only while no boundary changed.
        double x0, y0, x1, y1;
        long versi;
        await using (var extent = dataSource.CreateCommand("""
            SELECT ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b), coalesce((SELECT versi FROM data_versi WHERE nama = 'wilayah'), 0)
            FROM (SELECT geom_3857::box2d AS b FROM wilayah WHERE kode = $1) a
            """))
        {
            extent.Parameters.AddWithValue(wilayah.Value);
            await using var r = await extent.ExecuteReaderAsync(ct);
            if (!await r.ReadAsync(ct)) throw GeoException.NotFound($"wilayah {wilayah} tidak ada");
            (x0, y0, x1, y1, versi) = (r.GetDouble(0), r.GetDouble(1), r.GetDouble(2), r.GetDouble(3), r.GetInt64(4));
        }
        var key = (wilayah.Value, unit, lebarBingkai, tinggiBingkai, caller.Area.RootCode ?? "", caller.Area.DescendantPattern ?? "%");
        if (_simpanan.TryGetValue(key, out var kept) && kept.Versi == versi) return kept.Bentuk;
        var px = Math.Max(Math.Max((x1 - x0) / Math.Max(1, lebarBingkai), (y1 - y0) / Math.Max(1, tinggiBingkai)), 1e-6);
        // The coarsest pre-simplified band (0033) whose tolerance, in Web Mercator metres (0.00275°,
        // 0.000687°, 0.000172° of longitude), is under half a pixel; then simplified to half a pixel.
        var band = (px / 2) switch { >= 306 => "geom_3857_z5", >= 76 => "geom_3857_z7", >= 19 => "geom_3857_z9", _ => "geom_3857" };
        // On a kab/kota or kecamatan map the outlines above the units are derived from them, on
        // another connection while the units are read.
        var derived = wilayah.Tingkat >= Tingkat.KabKota ? DerivedBoundariesAsync(caller, wilayah, unit, px, ct) : null;
        await using var cmd = dataSource.CreateCommand($"""
            SELECT w.kode, w.nama, w.tingkat, ST_AsBinary(ST_Simplify(w.{band}, $5, true), 'NDR'),
                   ST_X(ST_Transform(w.titik_label, 3857)), ST_Y(ST_Transform(w.titik_label, 3857))
            FROM wilayah w
            WHERE (w.kode = $1 OR w.kode LIKE $2) AND w.tingkat <= $3 AND (w.kode = $4 OR w.kode LIKE $6)
            ORDER BY w.tingkat, w.kode
            """);
        cmd.Parameters.AddWithValue(wilayah.Value);
        cmd.Parameters.AddWithValue(wilayah.Value + ".%");
        cmd.Parameters.AddWithValue((short)unit);
        cmd.Parameters.AddWithValue(caller.Area.RootCode ?? "");
        cmd.Parameters.AddWithValue(px / 2);
        cmd.Parameters.AddWithValue(caller.Area.DescendantPattern ?? "%");
        var units = new List<BentukWilayah>();
        var batas = new List<BentukWilayah>();
        // Closed once, before the next query: Npgsql reuses a connection's reader object, so a
        // second dispose after the connection went back to the pool would close another query's.
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var tingkat = (Tingkat)reader.GetInt16(2);
                var (xy, rings) = Wkb.Read(reader.GetFieldValue<byte[]>(3));
                var bentuk = new BentukWilayah(reader.GetString(0), reader.GetString(1), tingkat, xy, rings, reader.GetDouble(4), reader.GetDouble(5));
                (tingkat == unit ? units : batas).Add(bentuk);
            }
        }
        if (batas.Count == 0 || batas[0].Kode != wilayah.Value) throw GeoException.NotFound($"wilayah {wilayah} tidak ada");
        if (derived is not null && await derived is { Count: > 0 } union) batas = union;
        var peta = new BentukPeta(x0, y0, x1, y1, px, units, batas);
        if (units.Sum(u => u.Xy.Length) + batas.Sum(b => b.Xy.Length) <= 2 * MaksimumTitikSimpanan)
        {
            if (_simpanan.Count >= MaksimumSimpanan) _simpanan.Clear();
            _simpanan[key] = new Simpanan(versi, peta);
        }
        return peta;
    }

    /// <summary>
    /// The wilayah's outline and the levels between it and the units as the union of the units
    /// below them (snapped to a quarter pixel, so neighbours' slivers vanish), so that they follow
    /// the units' edges exactly whatever the stored parent shapes are (demo kecamatan are coarse).
    /// Cheap for a kab/kota's few hundred desa; a province map draws the stored shapes.
    /// </summary>
    private async Task<List<BentukWilayah>> DerivedBoundariesAsync(Caller caller, KodeWilayah wilayah, Tingkat unit, double px, CancellationToken ct)
    {
        var lengths = Enumerable.Range((int)wilayah.Tingkat, unit - wilayah.Tingkat)
            .Select(l => ((Tingkat)l) switch { Tingkat.Provinsi => 2, Tingkat.KabKota => 5, _ => 8 }).ToArray();
        await using var cmd = dataSource.CreateCommand("""
            WITH u AS (
                SELECT kode, geom_3857 AS g FROM wilayah
                WHERE tingkat = $2 AND kode LIKE $1 AND (kode = $5 OR kode LIKE $6)
            ),
            x AS (
                SELECT p.kode, p.nama, p.tingkat, ST_Union(u.g, $4 / 4) AS g
                FROM unnest($3::int[]) l(len)
                JOIN u ON true
                JOIN wilayah p ON p.kode = left(u.kode, l.len)
                GROUP BY p.kode, p.nama, p.tingkat
            )
            SELECT x.kode, x.nama, x.tingkat, ST_AsBinary(ST_Simplify(x.g, $4 / 2, true), 'NDR'), ST_X(pt), ST_Y(pt)
            FROM x CROSS JOIN LATERAL ST_PointOnSurface(x.g) pt
            ORDER BY x.tingkat, x.kode
            """);
        cmd.Parameters.AddWithValue(wilayah.Value + ".%");
        cmd.Parameters.AddWithValue((short)unit);
        cmd.Parameters.AddWithValue(lengths);
        cmd.Parameters.AddWithValue(px);
        cmd.Parameters.AddWithValue(caller.Area.RootCode ?? "");
        cmd.Parameters.AddWithValue(caller.Area.DescendantPattern ?? "%");
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var list = new List<BentukWilayah>();
        while (await reader.ReadAsync(ct))
        {
            var (xy, rings) = Wkb.Read(reader.GetFieldValue<byte[]>(3));
            list.Add(new BentukWilayah(reader.GetString(0), reader.GetString(1), (Tingkat)reader.GetInt16(2), xy, rings, reader.GetDouble(4), reader.GetDouble(5)));
        }
        return list;
    }

    /// <summary>Little-endian well-known binary of polygons, multipolygons and collections of them, flattened to rings.</summary>
    internal static class Wkb
    {
        public static (double[] Xy, int[] Rings) Read(byte[] wkb)
        {
            var xy = new List<double>(wkb.Length / 16);
            var rings = new List<int>();
            var offset = 0;
            ReadGeometry(wkb, ref offset, xy, rings);
            rings.Add(xy.Count / 2);
            return (xy.ToArray(), rings.ToArray());
        }

        private static void ReadGeometry(ReadOnlySpan<byte> wkb, ref int offset, List<double> xy, List<int> rings)
        {
            if (wkb[offset] != 1) throw new InvalidDataException("WKB bukan little-endian");
            var type = BinaryPrimitives.ReadUInt32LittleEndian(wkb[(offset + 1)..]) % 1000;
            offset += 5;
            switch (type)
            {
                case 3:
                    ReadPolygon(wkb, ref offset, xy, rings);
                    break;
                case 6 or 7:
                    var parts = ReadCount(wkb, ref offset);
                    for (var i = 0; i < parts; i++) ReadGeometry(wkb, ref offset, xy, rings);
                    break;
                case 1:
                    offset += 16;
                    break;
                case 2:
                    offset += 16 * ReadCount(wkb, ref offset);
                    break;
                default:
                    throw new InvalidDataException($"jenis WKB {type} tidak didukung");
            }
        }

        private static void ReadPolygon(ReadOnlySpan<byte> wkb, ref int offset, List<double> xy, List<int> rings)
        {
            var ringCount = ReadCount(wkb, ref offset);
            for (var r = 0; r < ringCount; r++)
            {
                var points = ReadCount(wkb, ref offset);
                rings.Add(xy.Count / 2);
                for (var p = 0; p < points; p++)
                {
                    xy.Add(BinaryPrimitives.ReadDoubleLittleEndian(wkb[offset..]));
                    xy.Add(BinaryPrimitives.ReadDoubleLittleEndian(wkb[(offset + 8)..]));
                    offset += 16;
                }
            }
        }

        private static int ReadCount(ReadOnlySpan<byte> wkb, ref int offset)
        {
            var n = (int)BinaryPrimitives.ReadUInt32LittleEndian(wkb[offset..]);
            offset += 4;
            return n;
        }
    }
}
