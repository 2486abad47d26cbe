using System.Text.Json;
using Geo.Core.Akun;
using Geo.Core.Analisis;
using Geo.Core.Errors;
using Geo.Core.Wilayah;
using Npgsql;
using NpgsqlTypes;

namespace Geo.Data.Analisis;

/// <summary>Which stored run answers a request: enough to name it in an ETag without reading its rows.</summary>
/// <param name="WilayahVersi">The boundaries' data version: names and shapes are read with the run, not stored in it.</param>
public sealed record StoredRunRef(long Id, string InputVersion, string ParameterHash, long WilayahVersi);

/// <summary>
/// Saves and reads analysis runs (tables <c>analisis</c>, <c>analisis_unit</c>). Runs are a cache
/// of reads, bounded by <see cref="AnalysisRetention"/>: each use touches <c>dipakai</c>, and
/// storing a run removes the least recently used beyond the cap and those unused too long, in the
/// same transaction. Runs kept by an account (<c>disimpan_oleh</c>) are never removed here.
/// </summary>
public sealed class AnalysisStore(NpgsqlDataSource dataSource, AnalysisRetention retention)
{
    internal const string SameParameters =
        "wilayah = $1 AND tingkat = $2 AND indikator = $3 AND periode = $4 AND parameter_hash = $5";

    private const string WilayahVersi = "(SELECT versi FROM data_versi WHERE nama = 'wilayah')";

    /// <summary>The versions of everything an analysis reads (boundaries, values and batches, targets and catalogue).</summary>
    internal const string DataVersions =
        "(SELECT string_agg(nama || ':' || versi, '.' ORDER BY nama) FROM data_versi WHERE nama IN ('katalog', 'nilai', 'wilayah'))";

    /// <summary>
    /// The current data versions and, when a run of these parameters was computed at exactly
    /// these versions, that run, marked as just used: its input cannot have changed, so it is found
    /// without reading the input (4-12 s for a province, most of a stored run's time before).
    /// </summary>
    public async Task<(string DataVersion, StoredRunRef? Run)> UseUnchangedAsync(AnalysisRequest request, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"""
            WITH v AS (SELECT {DataVersions} AS versi),
            u AS (
                UPDATE analisis SET dipakai = clock_timestamp()
                WHERE {SameParameters} AND versi_data = (SELECT versi FROM v)
                RETURNING id, versi_input)
            SELECT v.versi, u.id, u.versi_input, {WilayahVersi} FROM v LEFT JOIN u ON true
            """);
        AddKey(cmd, request);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var version = reader.GetString(0);
        return (version, reader.IsDBNull(1) ? null : new StoredRunRef(reader.GetInt64(1), reader.GetString(2), request.ParameterHash(), reader.GetInt64(3)));
    }

    /// <summary>
    /// The stored run for these parameters and this input, marked as just used and as current at
    /// <paramref name="dataVersion"/>; null when there is none.
    /// </summary>
    public async Task<StoredRunRef?> UseCurrentAsync(AnalysisRequest request, string inputVersion, string dataVersion, CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await UseCurrentAsync(conn, request, inputVersion, dataVersion, ct);
    }

    private static async Task<StoredRunRef?> UseCurrentAsync(NpgsqlConnection conn, AnalysisRequest request, string inputVersion, string dataVersion, CancellationToken ct)
    {
        // Touching analisis, not analisis_unit, leaves the tiles' data version (and ETags) alone.
        await using var cmd = new NpgsqlCommand($"""
            UPDATE analisis SET dipakai = clock_timestamp(), versi_data = $7
            WHERE {SameParameters} AND versi_input = $6
            RETURNING id, {WilayahVersi}
            """, conn);
        AddKey(cmd, request);
        cmd.Parameters.AddWithValue(inputVersion);
        cmd.Parameters.AddWithValue(dataVersion);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? new StoredRunRef(reader.GetInt64(0), inputVersion, request.ParameterHash(), reader.GetInt64(1)) : null;
    }

    /// <summary>
    /// Stores a run, unless an identical request stored the same one meanwhile (then that run is
    /// returned): the unique key decides, so concurrent first requests leave one row. Older runs of
    /// the same parameters and runs beyond the retention are removed in the same transaction.
    /// The page's summary (<see cref="AnalysisPage"/>) is built from the rows in hand and stored with the run.
    /// </summary>
    public async Task<StoredRunRef> SaveAsync(AnalysisRequest request, string inputVersion, string dataVersion, AnalysisSummary summary,
        IReadOnlyList<AreaInterventions> interventions, bool synthetic, IReadOnlyList<AnalysisRow> rows, CancellationToken ct = default)
    {
        // 16.5 MB of JSON for a province: written on other cores while PostgreSQL takes the header.
        var interventionJson = Task.Run(() => SerializeEach(interventions), ct);
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        long id, wilayahVersi;
        DateTimeOffset computedAt;
        await using (var cmd = new NpgsqlCommand($"""
            INSERT INTO analisis (wilayah, tingkat, indikator, periode, parameter_hash, parameter, versi_input, ringkasan, sintetis, tampilan, versi_data)
            VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8::jsonb, $9, $10, $11)
            ON CONFLICT ON CONSTRAINT analisis_parameter_input_key DO NOTHING
            RETURNING id, {WilayahVersi}, dihitung
            """, conn, tx))
        {
            AddKey(cmd, request);
            cmd.Parameters.AddWithValue(request.ParameterJson());
            cmd.Parameters.AddWithValue(inputVersion);
            cmd.Parameters.AddWithValue(JsonSerializer.Serialize(summary, AnalysisJson.Options));
            cmd.Parameters.AddWithValue(synthetic);
            cmd.Parameters.AddWithValue(request.Tampilan.ToName());
            cmd.Parameters.AddWithValue(dataVersion);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct))
            {
                // Another request stored this run first (the insert waited for it to commit).
                await reader.DisposeAsync();
                await tx.RollbackAsync(ct);
                return await UseCurrentAsync(conn, request, inputVersion, dataVersion, ct)
                    ?? throw GeoException.Conflict("analisis yang sama baru saja disimpan lalu dihapus dari simpanan; minta lagi");
            }
            id = reader.GetInt64(0);
            wilayahVersi = reader.GetInt64(1);
            computedAt = reader.GetFieldValue<DateTimeOffset>(2);
        }

        // The page's summary is built and gzipped on another core while the rows are copied.
        var tampilan = request.Tampilan;
        var page = Task.Run(() => AnalysisPage.From(new StoredAnalysis(
            id, request.Wilayah.Value, request.Tingkat.ToName(), request.Indikator, request.Periode.Value,
            JsonDocument.Parse(request.ParameterJson()).RootElement.Clone(), inputVersion, summary, interventions, synthetic, computedAt,
            tampilan.ToName(), tampilan == Tampilan.Draf ? TampilanAkses.PeringatanDraf : null, rows)).ToGzipJson(), ct);

        await using (var copy = await conn.BeginBinaryImportAsync("""
            COPY analisis_unit (analisis, kode, nilai, eb_global, eb_lokal, local_i, local_z, local_p, lisa, gi_z, gi_p, gi_bin, kelas, alasan,
                                peluang_tinggi, ki_bawah, ki_atas, tidak_pasti, bv_i, bv_p, bv_lisa,
                                cakupan_dinilai, cakupan_memenuhi, moran_z, moran_lag)
            FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            foreach (var r in rows)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(id, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(r.Kode, NpgsqlDbType.Text, ct);
                await WriteNullable(copy, r.Nilai, ct);
                await WriteNullable(copy, r.EbGlobal, ct);
                await WriteNullable(copy, r.EbLokal, ct);
                await WriteNullable(copy, r.LocalI, ct);
                await WriteNullable(copy, r.LocalZ, ct);
                await WriteNullable(copy, r.LocalP, ct);
                await copy.WriteAsync(r.Lisa, NpgsqlDbType.Text, ct);
                await WriteNullable(copy, r.GiZ, ct);
                await WriteNullable(copy, r.GiP, ct);
                if (r.GiBin is { } bin) await copy.WriteAsync((short)bin, NpgsqlDbType.Smallint, ct); else await copy.WriteNullAsync(ct);
                await copy.WriteAsync(r.Kelas, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(r.Alasan, NpgsqlDbType.Text, ct);
                await WriteNullable(copy, r.PeluangTinggi, ct);
                await WriteNullable(copy, r.KiBawah, ct);
                await WriteNullable(copy, r.KiAtas, ct);
                await copy.WriteAsync(r.TidakPasti, NpgsqlDbType.Boolean, ct);
                await WriteNullable(copy, r.BvI, ct);
                await WriteNullable(copy, r.BvP, ct);
                if (r.BvLisa is { } bvLisa) await copy.WriteAsync(bvLisa, NpgsqlDbType.Text, ct); else await copy.WriteNullAsync(ct);
                await copy.WriteAsync((short)r.CakupanDinilai, NpgsqlDbType.Smallint, ct);
                await copy.WriteAsync((short)r.CakupanMemenuhiTarget, NpgsqlDbType.Smallint, ct);
                await WriteNullable(copy, r.MoranZ, ct);
                await WriteNullable(copy, r.MoranLag, ct);
            }
            await copy.CompleteAsync(ct);
        }

        var json = await interventionJson;
        await using (var copy = await conn.BeginBinaryImportAsync("COPY analisis_intervensi (analisis, urutan, kode, isi) FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var i = 0; i < interventions.Count; i++)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(id, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(i + 1, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(interventions[i].Kode, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(json[i], NpgsqlDbType.Text, ct);
            }
            await copy.CompleteAsync(ct);
        }

        await using (var store = new NpgsqlCommand("UPDATE analisis SET halaman = $2 WHERE id = $1", conn, tx))
        {
            store.Parameters.AddWithValue(id);
            store.Parameters.AddWithValue(await page);
            await store.ExecuteNonQueryAsync(ct);
        }

        // The same parameters over an older input: replaced (their tiles then answer 404).
        await using (var replaced = new NpgsqlCommand($"DELETE FROM analisis WHERE {SameParameters} AND versi_input <> $6 AND disimpan_oleh IS NULL", conn, tx))
        {
            AddKey(replaced, request);
            replaced.Parameters.AddWithValue(inputVersion);
            await replaced.ExecuteNonQueryAsync(ct);
        }

        // Beyond the cap (the new run takes one place) or unused too long. SKIP LOCKED: a run another
        // transaction is touching or removing is left to the next eviction, so two never wait on each other.
        await using (var evict = new NpgsqlCommand("""
            DELETE FROM analisis WHERE id IN (
                SELECT id FROM analisis
                WHERE id IN (
                    SELECT r.id FROM (
                        SELECT id, dipakai, row_number() OVER (ORDER BY dipakai DESC, id DESC) AS urutan
                        FROM analisis WHERE disimpan_oleh IS NULL AND id <> $1) r
                    WHERE r.urutan >= $2 OR r.dipakai < clock_timestamp() - make_interval(hours => $3))
                FOR UPDATE SKIP LOCKED)
            """, conn, tx))
        {
            evict.Parameters.AddWithValue(id);
            evict.Parameters.AddWithValue((long)retention.MaksimumTersimpan);
            evict.Parameters.AddWithValue(retention.KedaluwarsaJam);
            await evict.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return new StoredRunRef(id, inputVersion, request.ParameterHash(), wilayahVersi);
    }

    /// <summary>Each area's interventions as the JSON the API answers with, areas side by side.</summary>
    private static string[] SerializeEach(IReadOnlyList<AreaInterventions> interventions)
    {
        var json = new string[interventions.Count];
        Parallel.For(0, interventions.Count, i => json[i] = JsonSerializer.Serialize(interventions[i], AnalysisJson.Options));
        return json;
    }

    private static void AddKey(NpgsqlCommand cmd, AnalysisRequest request)
    {
        cmd.Parameters.AddWithValue(request.Wilayah.Value);
        cmd.Parameters.AddWithValue((short)request.Tingkat);
        cmd.Parameters.AddWithValue(request.Indikator);
        cmd.Parameters.AddWithValue(request.Periode.Value);
        cmd.Parameters.AddWithValue(request.ParameterHash());
    }

    /// <summary>
    /// The run with its rows, or null when it does not exist or the caller may not see it: a run
    /// outside the caller's area, or a run on drafts for a caller without a role there, is not said to exist.
    /// </summary>
    public async Task<StoredAnalysis?> LoadAsync(Caller caller, long id, CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        StoredAnalysis? head;
        await using (var cmd = new NpgsqlCommand("""
            SELECT id, wilayah, tingkat, indikator, periode, parameter::text, versi_input, ringkasan::text, sintetis, dihitung, tampilan
            FROM analisis WHERE id = $1
            """, conn))
        {
            cmd.Parameters.AddWithValue(id);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct)) return null;
            var tampilan = TampilanAkses.Parse(reader.GetString(10));
            if (!MaySee(caller, reader.GetString(1), tampilan)) return null;
            head = new StoredAnalysis(
                reader.GetInt64(0), reader.GetString(1), ((Tingkat)reader.GetInt16(2)).ToName(), reader.GetString(3), reader.GetString(4),
                JsonDocument.Parse(reader.GetString(5)).RootElement.Clone(), reader.GetString(6),
                JsonSerializer.Deserialize<AnalysisSummary>(reader.GetString(7), AnalysisJson.Options)!,
                [], reader.GetBoolean(8), reader.GetFieldValue<DateTimeOffset>(9), tampilan.ToName(),
                tampilan == Tampilan.Draf ? TampilanAkses.PeringatanDraf : null, []);
        }

        var interventions = new List<AreaInterventions>();
        await using (var cmd = new NpgsqlCommand("SELECT isi FROM analisis_intervensi WHERE analisis = $1 ORDER BY urutan", conn))
        {
            cmd.Parameters.AddWithValue(id);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) interventions.Add(JsonSerializer.Deserialize<AreaInterventions>(reader.GetString(0), AnalysisJson.Options)!);
        }

        var rows = new List<AnalysisRow>();
        await using (var cmd = new NpgsqlCommand($"""
            SELECT {RowColumns}
            FROM analisis_unit u JOIN wilayah w ON w.kode = u.kode
            WHERE u.analisis = $1 ORDER BY u.kode
            """, conn))
        {
            cmd.Parameters.AddWithValue(id);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) rows.Add(ReadRow(reader));
        }
        return head with { Interventions = interventions, Rows = rows };
    }

    private const string RowColumns = """
        u.kode, w.nama, u.nilai, u.eb_global, u.eb_lokal, u.local_i, u.local_z, u.local_p, u.lisa, u.gi_z, u.gi_p, u.gi_bin, u.kelas, u.alasan,
        u.peluang_tinggi, u.ki_bawah, u.ki_atas, u.tidak_pasti, u.bv_i, u.bv_p, u.bv_lisa,
        u.cakupan_dinilai, u.cakupan_memenuhi, u.moran_z, u.moran_lag
        """;

    private const int RowColumnCount = 25;

    private static AnalysisRow ReadRow(NpgsqlDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), D(reader, 2), D(reader, 3), D(reader, 4), D(reader, 5), D(reader, 6),
        D(reader, 7), reader.GetString(8), D(reader, 9), D(reader, 10), reader.IsDBNull(11) ? null : reader.GetInt16(11),
        reader.GetString(12), reader.GetString(13), D(reader, 14), D(reader, 15), D(reader, 16), reader.GetBoolean(17),
        D(reader, 18), D(reader, 19), reader.IsDBNull(20) ? null : reader.GetString(20),
        reader.GetInt16(21), reader.GetInt16(22), D(reader, 23), D(reader, 24));

    /// <summary>
    /// Which run an id names, for an ETag and access, without reading its rows; null when it does not
    /// exist or the caller may not see it (as <see cref="LoadAsync"/>).
    /// </summary>
    public async Task<(StoredRunRef Run, Tampilan Tampilan)?> HeadAsync(Caller caller, long id, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"SELECT wilayah, tampilan, versi_input, parameter_hash, {WilayahVersi} FROM analisis WHERE id = $1");
        cmd.Parameters.AddWithValue(id);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        var tampilan = TampilanAkses.Parse(reader.GetString(1));
        if (!MaySee(caller, reader.GetString(0), tampilan)) return null;
        return (new StoredRunRef(id, reader.GetString(2), reader.GetString(3), reader.GetInt64(4)), tampilan);
    }

    /// <summary>
    /// The page's summary of a run as gzip-compressed JSON, or null as <see cref="LoadAsync"/>. A run
    /// stored before summaries were (migration 0080) gets one built from its rows now, and kept.
    /// </summary>
    public async Task<byte[]?> PageAsync(Caller caller, long id, CancellationToken ct = default)
    {
        await using (var cmd = dataSource.CreateCommand("SELECT wilayah, tampilan, halaman FROM analisis WHERE id = $1"))
        {
            cmd.Parameters.AddWithValue(id);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct) || !MaySee(caller, reader.GetString(0), TampilanAkses.Parse(reader.GetString(1)))) return null;
            if (!reader.IsDBNull(2)) return reader.GetFieldValue<byte[]>(2);
        }
        if (await LoadAsync(caller, id, ct) is not { } run) return null;
        var page = AnalysisPage.From(run).ToGzipJson();
        await using var save = dataSource.CreateCommand("UPDATE analisis SET halaman = $2 WHERE id = $1");
        save.Parameters.AddWithValue(id);
        save.Parameters.AddWithValue(page);
        await save.ExecuteNonQueryAsync(ct);
        return page;
    }

    /// <summary>One unit's full row (with its reasons), or null when the run has no such unit; the caller's access is checked by <see cref="HeadAsync"/>.</summary>
    public async Task<AnalysisRow?> UnitAsync(long id, string kode, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"""
            SELECT {RowColumns} FROM analisis_unit u JOIN wilayah w ON w.kode = u.kode WHERE u.analisis = $1 AND u.kode = $2
            """);
        cmd.Parameters.AddWithValue(id);
        cmd.Parameters.AddWithValue(kode);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? ReadRow(reader) : null;
    }

    /// <summary>A page of the run's rows in kode order, and the number of rows in all.</summary>
    public async Task<(IReadOnlyList<AnalysisRow> Rows, int Total)> UnitsAsync(long id, int offset, int limit, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"""
            SELECT {RowColumns}, count(*) OVER ()::int FROM analisis_unit u JOIN wilayah w ON w.kode = u.kode
            WHERE u.analisis = $1 ORDER BY u.kode OFFSET $2 LIMIT $3
            """);
        cmd.Parameters.AddWithValue(id);
        cmd.Parameters.AddWithValue(offset);
        cmd.Parameters.AddWithValue(limit);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var rows = new List<AnalysisRow>();
        var total = 0;
        while (await reader.ReadAsync(ct))
        {
            rows.Add(ReadRow(reader));
            total = reader.GetInt32(RowColumnCount);
        }
        if (rows.Count == 0)
        {
            await using var count = dataSource.CreateCommand("SELECT count(*)::int FROM analisis_unit WHERE analisis = $1");
            count.Parameters.AddWithValue(id);
            total = (int)(await count.ExecuteScalarAsync(ct))!;
        }
        return (rows, total);
    }

    /// <summary>The full interventions of the run's area or one of its kecamatan, or null when the run has none for that code.</summary>
    public async Task<AreaInterventions?> InterventionsAsync(long id, string kode, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT isi FROM analisis_intervensi WHERE analisis = $1 AND kode = $2
            """);
        cmd.Parameters.AddWithValue(id);
        cmd.Parameters.AddWithValue(kode);
        return await cmd.ExecuteScalarAsync(ct) is string json ? JsonSerializer.Deserialize<AreaInterventions>(json, AnalysisJson.Options) : null;
    }

    /// <summary>
    /// The run's units as a GeoJSON FeatureCollection, built in PostGIS (ST_AsGeoJSON of a row
    /// makes the Feature and its properties), with the synthetic flag on every feature. A property
    /// without a value is left out rather than written null: GeoJSON cannot say a column of nulls is
    /// a number, and GDAL would read it as text (eb_global when only percentages exist). The typed
    /// layer, every column declared, is the run's OGC collection (/ogc/collections/analisis-{id}).
    /// </summary>
    public async Task<string?> GeoJsonAsync(Caller caller, long id, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT a.wilayah, a.tampilan, json_build_object(
                'type', 'FeatureCollection',
                'analisis', a.id,
                'tampilan', a.tampilan,
                'peringatan', CASE WHEN a.tampilan = 'draf' THEN $2 END,
                'sintetis', a.sintetis,
                'features', coalesce((
                    SELECT json_agg(json_strip_nulls(ST_AsGeoJSON(f.*, 'geom', 6)::json) ORDER BY f.kode)
                    FROM (
                        SELECT u.kode, w.nama, u.nilai, u.eb_global, u.eb_lokal, u.local_i, u.local_z, u.local_p, u.lisa,
                               u.gi_z, u.gi_p, u.gi_bin, u.kelas, u.alasan, u.peluang_tinggi, u.ki_bawah, u.ki_atas, u.tidak_pasti,
                               u.bv_i, u.bv_p, u.bv_lisa, u.cakupan_dinilai,
                               u.cakupan_memenuhi AS cakupan_memenuhi_target, u.moran_z, u.moran_lag, a.sintetis, w.geom
                        FROM analisis_unit u JOIN wilayah w ON w.kode = u.kode
                        WHERE u.analisis = a.id
                    ) f), '[]'::json))::text
            FROM analisis a WHERE a.id = $1
            """);
        cmd.Parameters.AddWithValue(id);
        cmd.Parameters.AddWithValue(TampilanAkses.PeringatanDraf);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) && MaySee(caller, reader.GetString(0), TampilanAkses.Parse(reader.GetString(1))) ? reader.GetString(2) : null;
    }

    /// <summary>Who may see a stored run: its area within the caller's, and a run on drafts only a caller with a role there.</summary>
    public static bool MaySee(Caller caller, string wilayah, Tampilan tampilan) =>
        MaySee(caller.Area, caller.Peran.Count > 0, wilayah, tampilan);

    /// <summary>
    /// The same rule from what a tile's cache key holds (the caller's area and whether they hold a role):
    /// within the area, drafts only with a role (as <c>BolehDraf</c> inside the area). The one copy of
    /// the rule: tiles, OGC collections and lokus lists ask here.
    /// </summary>
    public static bool MaySee(WilayahScope area, bool berperan, string wilayah, Tampilan tampilan) =>
        area.Contains(KodeWilayah.Parse(wilayah)) && (tampilan == Tampilan.Terbit || berperan);

    private static double? D(NpgsqlDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetDouble(i);

    private static Task WriteNullable(NpgsqlBinaryImporter copy, double? value, CancellationToken ct) =>
        value is { } v && double.IsFinite(v) ? copy.WriteAsync(v, NpgsqlDbType.Double, ct) : copy.WriteNullAsync(ct);
}
