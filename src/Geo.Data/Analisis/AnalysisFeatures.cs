using Geo.Core.Akun;
using Geo.Core.Wilayah;
using Geo.Data.Peta;
using Npgsql;
using NpgsqlTypes;

namespace Geo.Data.Analisis;

/// <summary>A stored run as an OGC collection: what its description needs, without its rows.</summary>
/// <param name="WilayahVersi">The boundaries' data version: names and shapes are read with the run.</param>
public sealed record AnalysisRunInfo(
    long Id, string Wilayah, string NamaWilayah, Tingkat Tingkat, string Indikator, string Periode, Tampilan Tampilan,
    bool Sintetis, DateTimeOffset Dihitung, bool Disimpan, Bbox Bbox, long WilayahVersi);

/// <summary>Filters of an analysis items request, already validated; null switches a filter off.</summary>
public sealed record AnalysisFeatureFilter(
    long Id, Bbox? Bbox, string? KodePrefix, string? Induk, string? Kelas, string? Lisa, int? GiBin, int Limit, int Offset,
    string? PerubahanArah = null, string? PolaTitikPanas = null);

/// <summary>
/// Stored analysis runs as OGC API Features collections: GeoJSON written by PostGIS, as
/// <see cref="FeatureQueries"/> does for the wilayah levels. Who may see a run is
/// <see cref="AnalysisStore.MaySee(Caller, string, Tampilan)"/>'s rule: within the caller's area, and a run on drafts only
/// for a caller with a role there.
/// </summary>
public sealed class AnalysisFeatures(NpgsqlDataSource dataSource)
{
    private const string Head = """
        SELECT a.id, a.wilayah, w.nama, a.tingkat, a.indikator, a.periode, a.tampilan, a.sintetis, a.dihitung,
               a.disimpan_oleh IS NOT NULL, ST_XMin(w.geom), ST_YMin(w.geom), ST_XMax(w.geom), ST_YMax(w.geom),
               (SELECT versi FROM data_versi WHERE nama = 'wilayah')
        """;

    /// <summary>
    /// The runs worth listing for this caller: every run an account keeps, and of the runs the cache
    /// holds only the most recently used one per area, level, indicator, period and view (the others
    /// differ in parameters only and stay reachable by their id), newest use first, at most <paramref name="max"/>.
    /// </summary>
    public async Task<IReadOnlyList<AnalysisRunInfo>> ListAsync(Caller caller, int max, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"""
            WITH visible AS (
                SELECT a.*, row_number() OVER (
                    PARTITION BY a.wilayah, a.tingkat, a.indikator, a.periode, a.tampilan ORDER BY a.dipakai DESC, a.id DESC) AS urutan
                FROM analisis a
                WHERE ($1::text IS NULL OR a.wilayah = $1 OR a.wilayah LIKE $1 || '.%')
                  AND (a.tampilan = 'terbit' OR $2)
            )
            {Head}
            FROM visible a JOIN wilayah w ON w.kode = a.wilayah
            WHERE a.disimpan_oleh IS NOT NULL OR a.urutan = 1
            ORDER BY a.disimpan_oleh IS NULL, a.dipakai DESC, a.id DESC
            LIMIT $3
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)caller.Area.RootCode ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = caller.Peran.Count > 0 });
        cmd.Parameters.Add(new NpgsqlParameter<int> { TypedValue = max });
        var list = new List<AnalysisRunInfo>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) list.Add(Read(reader));
        return list;
    }

    /// <summary>The run's description, or null when it does not exist or the caller may not see it.</summary>
    public async Task<AnalysisRunInfo?> FindAsync(Caller caller, long id, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"{Head} FROM analisis a JOIN wilayah w ON w.kode = a.wilayah WHERE a.id = $1");
        cmd.Parameters.Add(new NpgsqlParameter<long> { TypedValue = id });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        var run = Read(reader);
        return AnalysisStore.MaySee(caller, run.Wilayah, run.Tampilan) ? run : null;
    }

    private static AnalysisRunInfo Read(NpgsqlDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), (Tingkat)r.GetInt16(3), r.GetString(4), r.GetString(5),
        TampilanAkses.Parse(r.GetString(6)), r.GetBoolean(7), r.GetFieldValue<DateTimeOffset>(8), r.GetBoolean(9),
        new Bbox(r.GetDouble(10), r.GetDouble(11), r.GetDouble(12), r.GetDouble(13)), r.GetInt64(14));

    private const string Properties = """
        json_build_object('kode', u.kode, 'nama', w.nama, 'nilai', u.nilai, 'eb_global', u.eb_global, 'eb_lokal', u.eb_lokal,
            'local_i', u.local_i, 'local_z', u.local_z, 'local_p', u.local_p, 'lisa', u.lisa, 'gi_z', u.gi_z, 'gi_p', u.gi_p,
            'gi_bin', u.gi_bin, 'kelas', u.kelas, 'alasan', u.alasan,
            'peluang_tinggi', u.peluang_tinggi, 'ki_bawah', u.ki_bawah, 'ki_atas', u.ki_atas, 'tidak_pasti', u.tidak_pasti,
            'bv_i', u.bv_i, 'bv_p', u.bv_p, 'bv_lisa', u.bv_lisa,
            'perubahan_arah', u.perubahan_arah, 'perubahan_selisih', u.perubahan_selisih, 'perubahan_p', u.perubahan_p,
            'tren_arah', u.tren_arah, 'tren_tau', u.tren_tau, 'tren_p', u.tren_p, 'tren_sen', u.tren_sen,
            'pola_titik_panas', u.pola_titik_panas, 'sintetis', a.sintetis)
        """;

    private const string Feature = $"""
        json_build_object('type', 'Feature', 'id', u.kode, 'geometry', ST_AsGeoJSON(w.geom, 6)::json, 'properties', {Properties})
        """;

    /// <summary>One page of a run's units (the run already found visible), in kode order.</summary>
    public async Task<FeaturePage> PageAsync(AnalysisFeatureFilter filter, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"""
            WITH hits AS (
                SELECT u.kode FROM analisis_unit u JOIN wilayah w ON w.kode = u.kode
                WHERE u.analisis = $1
                  AND ($2::float8 IS NULL OR ST_Intersects(w.geom, ST_MakeEnvelope($2, $3, $4, $5, 4326)))
                  AND ($6::text IS NULL OR u.kode LIKE $6 || '%')
                  AND ($7::text IS NULL OR w.induk = $7)
                  AND ($8::text IS NULL OR u.kelas = $8)
                  AND ($9::text IS NULL OR u.lisa = $9)
                  AND ($10::smallint IS NULL OR u.gi_bin = $10)
                  AND ($13::text IS NULL OR u.perubahan_arah = $13)
                  AND ($14::text IS NULL OR u.pola_titik_panas = $14)
            ),
            page AS (SELECT kode FROM hits ORDER BY kode LIMIT $11 OFFSET $12)
            SELECT (SELECT versi FROM data_versi WHERE nama = 'wilayah'),
                   (SELECT count(*) FROM hits),
                   (SELECT count(*) FROM page)::int,
                   coalesce((SELECT json_agg({Feature} ORDER BY u.kode)
                             FROM page p JOIN analisis_unit u ON u.analisis = $1 AND u.kode = p.kode
                             JOIN wilayah w ON w.kode = u.kode JOIN analisis a ON a.id = u.analisis), '[]')::text
            """);
        var p = cmd.Parameters;
        p.Add(new NpgsqlParameter<long> { TypedValue = filter.Id });
        p.Add(Nullable(filter.Bbox?.MinX, NpgsqlDbType.Double));
        p.Add(Nullable(filter.Bbox?.MinY, NpgsqlDbType.Double));
        p.Add(Nullable(filter.Bbox?.MaxX, NpgsqlDbType.Double));
        p.Add(Nullable(filter.Bbox?.MaxY, NpgsqlDbType.Double));
        p.Add(Nullable(filter.KodePrefix, NpgsqlDbType.Text));
        p.Add(Nullable(filter.Induk, NpgsqlDbType.Text));
        p.Add(Nullable(filter.Kelas, NpgsqlDbType.Text));
        p.Add(Nullable(filter.Lisa, NpgsqlDbType.Text));
        p.Add(Nullable(filter.GiBin is { } bin ? (short)bin : null, NpgsqlDbType.Smallint));
        p.Add(new NpgsqlParameter<int> { TypedValue = filter.Limit });
        p.Add(new NpgsqlParameter<int> { TypedValue = filter.Offset });
        p.Add(Nullable(filter.PerubahanArah, NpgsqlDbType.Text));
        p.Add(Nullable(filter.PolaTitikPanas, NpgsqlDbType.Text));
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new FeaturePage(reader.GetInt64(1), reader.GetInt32(2), reader.GetString(3), new DataVersi(reader.GetInt64(0), 0));
    }

    /// <summary>One unit of a run (the run already found visible) as a GeoJSON Feature, or null.</summary>
    public async Task<string?> OneAsync(long id, KodeWilayah kode, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"""
            SELECT {Feature}::text FROM analisis_unit u JOIN wilayah w ON w.kode = u.kode JOIN analisis a ON a.id = u.analisis
            WHERE u.analisis = $1 AND u.kode = $2
            """);
        cmd.Parameters.Add(new NpgsqlParameter<long> { TypedValue = id });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = kode.Value });
        return (string?)await cmd.ExecuteScalarAsync(ct);
    }

    private static NpgsqlParameter Nullable(object? value, NpgsqlDbType type) =>
        new() { Value = value ?? DBNull.Value, NpgsqlDbType = type };
}
