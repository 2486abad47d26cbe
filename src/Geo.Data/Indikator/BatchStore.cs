using Geo.Core.Akun;
using Geo.Core.Errors;
using Geo.Core.Wilayah;
using Geo.Data.Akun;
using Npgsql;

namespace Geo.Data.Indikator;

/// <summary>
/// History of import batches and the publication gate (<see cref="GerbangTerbit"/>): each step
/// runs in one transaction holding the batch's row lock, so that two steps on one batch queue and
/// the second sees the state the first left; the step and its audit entry commit together. Only
/// accounts with a role see batch history, and only of batches within their area.
/// </summary>
public sealed class BatchStore(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        b.id, b.berkas, b.hash, b.sumber, b.pengguna, b.diimpor, b.status, b.diterbitkan, b.ditarik, b.ditarik_oleh,
        b.jumlah_nilai, b.jumlah_target, (SELECT count(*)::int FROM riwayat_nilai r WHERE r.batch = b.id), b.sumber = 'sintetis',
        b.wilayah, b.alasan
        """;

    // Serialises every change of the public values, so that what one publication or withdrawal
    // records as replaced is what the table held when it wrote.
    private const string PublicLock = "SELECT pg_advisory_xact_lock(hashtextextended('nilai_terbit', 0))";

    /// <summary>The batches within the caller's area, newest first.</summary>
    public async Task<IReadOnlyList<ImportBatch>> ListAsync(Caller caller, CancellationToken ct = default)
    {
        RequireRole(caller);
        await using var cmd = dataSource.CreateCommand($"""
            SELECT {Columns} FROM impor_batch b
            WHERE $1::text IS NULL OR b.wilayah = $1 OR b.wilayah LIKE $1 || '.%'
            ORDER BY b.id DESC
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)caller.Area.RootCode ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        return await ReadBatches(cmd, ct);
    }

    /// <summary>One batch: 404 when missing, 403 without a role or outside the caller's area.</summary>
    public async Task<ImportBatch> FindAsync(Caller caller, long id, CancellationToken ct = default)
    {
        RequireRole(caller);
        var batch = await FindAsync(id, ct) ?? throw GeoException.NotFound($"batch {id} tidak ada");
        if (!Contains(caller, batch.Wilayah)) throw GeoException.Forbidden($"batch {id} di luar wilayah akun {caller.Nama}");
        return batch;
    }

    private async Task<ImportBatch?> FindAsync(long id, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand($"SELECT {Columns} FROM impor_batch b WHERE b.id = $1");
        cmd.Parameters.AddWithValue(id);
        return (await ReadBatches(cmd, ct)) is [var batch, ..] ? batch : null;
    }

    /// <summary>What a batch overwrote in the working values, as <see cref="FindAsync(Caller, long, CancellationToken)"/> allows.</summary>
    public async Task<IReadOnlyList<ReplacedValue>> ReplacedAsync(Caller caller, long id, int limit = 1000, CancellationToken ct = default)
    {
        await FindAsync(caller, id, ct);
        await using var cmd = dataSource.CreateCommand("""
            SELECT jenis, indikator, periode, wilayah, pembilang, penyebut, nilai, hanya_persen, sumber, batch_lama
            FROM riwayat_nilai WHERE batch = $1 ORDER BY jenis, indikator, periode, wilayah LIMIT $2
            """);
        cmd.Parameters.AddWithValue(id);
        cmd.Parameters.AddWithValue(limit);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var list = new List<ReplacedValue>();
        while (await reader.ReadAsync(ct))
        {
            list.Add(new ReplacedValue(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetDouble(4), reader.IsDBNull(5) ? null : reader.GetDouble(5),
                reader.IsDBNull(6) ? null : reader.GetDouble(6), reader.GetBoolean(7), reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetInt64(9)));
        }
        return list;
    }

    /// <summary>
    /// One step of the gate. Publishing copies the batch's values into the public values
    /// (nilai_terbit), remembering what they replace there. Rejecting or withdrawing takes its
    /// values back out of the working values and puts back what it replaced; withdrawing a
    /// published batch does the same to the public values. Refusals: see <see cref="GerbangTerbit.Langkah"/>.
    /// </summary>
    public async Task<ImportBatch> StepAsync(Caller caller, long id, LangkahBatch langkah, string? alasan = null, CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        StatusBatch dari;
        string? wilayah;
        await using (var lockRow = new NpgsqlCommand("SELECT status, wilayah FROM impor_batch WHERE id = $1 FOR UPDATE", conn))
        {
            lockRow.Parameters.AddWithValue(id);
            await using var reader = await lockRow.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct)) throw GeoException.NotFound($"batch {id} tidak ada");
            dari = StatusBatchNames.Parse(reader.GetString(0));
            wilayah = reader.IsDBNull(1) ? null : reader.GetString(1);
        }
        alasan = string.IsNullOrWhiteSpace(alasan) ? null : alasan.Trim();
        var ke = GerbangTerbit.Langkah(caller, id, wilayah is null ? null : KodeWilayah.Parse(wilayah), dari, langkah, alasan);

        if (ke == StatusBatch.Terbit) await RunAsync(conn, [PublicLock, .. PublishSql], id, ct);
        if (ke is StatusBatch.Ditolak or StatusBatch.Ditarik) await RunAsync(conn, WithdrawSql, id, ct);
        if (ke == StatusBatch.Ditarik && dari == StatusBatch.Terbit) await RunAsync(conn, [PublicLock, .. WithdrawPublicSql], id, ct);

        await using (var update = new NpgsqlCommand("""
            UPDATE impor_batch SET status = $2,
                diterbitkan = CASE WHEN $2 = 'terbit' THEN now() ELSE diterbitkan END,
                ditarik = CASE WHEN $2 = 'ditarik' THEN now() END,
                ditarik_oleh = CASE WHEN $2 = 'ditarik' THEN $3 END,
                alasan = coalesce($4, alasan)
            WHERE id = $1
            """, conn))
        {
            update.Parameters.AddWithValue(id);
            update.Parameters.AddWithValue(ke.ToName());
            update.Parameters.AddWithValue(caller.Nama);
            update.Parameters.Add(new NpgsqlParameter { Value = (object?)alasan ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            await update.ExecuteNonQueryAsync(ct);
        }
        await AuditLog.WriteAsync(conn, caller.Nama, langkah.ToName(), "batch", id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            wilayah, dari.ToName(), ke.ToName(), alasan, ct);
        await tx.CommitAsync(ct);
        return (await FindAsync(id, ct))!;
    }

    /// <summary>
    /// Walks a batch from where it stands to published, each step audited (the CLI's --terbitkan,
    /// the demo): a draft is verified, approved and published; a published batch is left as it is.
    /// </summary>
    public async Task<ImportBatch> PublishThroughAsync(Caller caller, long id, CancellationToken ct = default)
    {
        var batch = await FindAsync(caller, id, ct);
        while (batch.Status != StatusBatch.Terbit.ToName())
        {
            var next = StatusBatchNames.Parse(batch.Status) switch
            {
                StatusBatch.Draf => LangkahBatch.Verifikasi,
                StatusBatch.Diverifikasi => LangkahBatch.Setujui,
                _ => LangkahBatch.Terbitkan,
            };
            batch = await StepAsync(caller, id, next, ct: ct);
        }
        return batch;
    }

    private static void RequireRole(Caller caller)
    {
        if (caller.Peran.Count == 0) throw GeoException.Forbidden("riwayat batch impor hanya untuk akun yang berperan");
    }

    private static bool Contains(Caller caller, string? wilayah) =>
        wilayah is null ? caller.Area.Root is null : caller.Area.Contains(KodeWilayah.Parse(wilayah));

    private static async Task RunAsync(NpgsqlConnection conn, IEnumerable<string> statements, long id, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(conn) { Timeout = Import.IndikatorImporter.LargeTimeoutSeconds };
        foreach (var sql in statements)
        {
            var command = new NpgsqlBatchCommand(sql);
            if (sql.Contains("$1", StringComparison.Ordinal)) command.Parameters.Add(new NpgsqlParameter { Value = id });
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync(ct);
    }

    // The batch's values (nilai_milik_batch: also those a later draft replaced in the working
    // values) go public; what they replace there is remembered for a withdrawal. One statement:
    // both inserts read nilai_terbit as it was before.
    private static readonly string[] PublishSql =
    [
        """
        WITH v AS MATERIALIZED (SELECT * FROM nilai_milik_batch($1)),
        lama AS (
            INSERT INTO riwayat_terbit (batch, indikator, periode, wilayah, pembilang, penyebut, nilai, hanya_persen, sumber, batch_lama)
            SELECT $1, t.indikator, t.periode, t.wilayah, t.pembilang, t.penyebut, t.nilai, t.hanya_persen, t.sumber, t.batch
            FROM nilai_terbit t JOIN v ON (v.indikator, v.periode, v.wilayah) = (t.indikator, t.periode, t.wilayah)
        )
        INSERT INTO nilai_terbit (indikator, periode, wilayah, pembilang, penyebut, nilai, hanya_persen, sumber, batch)
        SELECT v.indikator, v.periode, v.wilayah, v.pembilang, v.penyebut, v.nilai, v.hanya_persen, v.sumber, $1 FROM v
        ON CONFLICT (indikator, periode, wilayah) DO UPDATE SET
            pembilang = excluded.pembilang, penyebut = excluded.penyebut, nilai = excluded.nilai,
            hanya_persen = excluded.hanya_persen, sumber = excluded.sumber, batch = excluded.batch
        """,
    ];

    // As WithdrawSql below, for the public values: a later publication's value stays, and its
    // history is pointed past this batch.
    private static readonly string[] WithdrawPublicSql =
    [
        "DELETE FROM nilai_terbit WHERE batch = $1",
        """
        INSERT INTO nilai_terbit (indikator, periode, wilayah, pembilang, penyebut, nilai, hanya_persen, sumber, batch)
        SELECT r.indikator, r.periode, r.wilayah, r.pembilang, r.penyebut, r.nilai, r.hanya_persen, r.sumber, r.batch_lama
        FROM riwayat_terbit r
        WHERE r.batch = $1
          AND NOT EXISTS (SELECT 1 FROM nilai_terbit t WHERE (t.indikator, t.periode, t.wilayah) = (r.indikator, r.periode, r.wilayah))
        """,
        """
        UPDATE riwayat_terbit later SET pembilang = r.pembilang, penyebut = r.penyebut, nilai = r.nilai,
            hanya_persen = r.hanya_persen, sumber = r.sumber, batch_lama = r.batch_lama
        FROM riwayat_terbit r
        WHERE later.batch_lama = $1 AND r.batch = $1
          AND (later.indikator, later.periode, later.wilayah) = (r.indikator, r.periode, r.wilayah)
        """,
        """
        DELETE FROM riwayat_terbit later
        WHERE later.batch_lama = $1
          AND NOT EXISTS (SELECT 1 FROM riwayat_terbit r WHERE r.batch = $1
              AND (later.indikator, later.periode, later.wilayah) = (r.indikator, r.periode, r.wilayah))
        """,
    ];

    // In order: drop what the batch wrote; put back what it replaced unless a later batch has
    // written there since; point later batches' history past this batch; the same for the
    // groupings' member lists (a grouping the batch created goes).
    private static readonly string[] WithdrawSql =
    [
        "DELETE FROM nilai WHERE batch = $1",
        "DELETE FROM target WHERE batch = $1",
        """
        INSERT INTO nilai (indikator, periode, wilayah, pembilang, penyebut, nilai, hanya_persen, sumber, batch)
        SELECT r.indikator, r.periode, r.wilayah, r.pembilang, r.penyebut, r.nilai, r.hanya_persen, r.sumber, r.batch_lama
        FROM riwayat_nilai r
        WHERE r.batch = $1 AND r.jenis = 'nilai'
          AND NOT EXISTS (SELECT 1 FROM nilai n WHERE (n.indikator, n.periode, n.wilayah) = (r.indikator, r.periode, r.wilayah))
        """,
        """
        INSERT INTO target (indikator, wilayah, tahun, nilai, sumber, batch)
        SELECT r.indikator, r.wilayah, r.periode::smallint, r.nilai, r.sumber, r.batch_lama
        FROM riwayat_nilai r
        WHERE r.batch = $1 AND r.jenis = 'target'
          AND NOT EXISTS (SELECT 1 FROM target t WHERE (t.indikator, t.tahun, t.wilayah) = (r.indikator, r.periode::smallint, r.wilayah))
        """,
        """
        UPDATE riwayat_nilai later SET pembilang = r.pembilang, penyebut = r.penyebut, nilai = r.nilai,
            hanya_persen = r.hanya_persen, sumber = r.sumber, batch_lama = r.batch_lama
        FROM riwayat_nilai r
        WHERE later.batch_lama = $1 AND r.batch = $1
          AND (later.jenis, later.indikator, later.periode, later.wilayah) = (r.jenis, r.indikator, r.periode, r.wilayah)
        """,
        """
        DELETE FROM riwayat_nilai later
        WHERE later.batch_lama = $1
          AND NOT EXISTS (SELECT 1 FROM riwayat_nilai r WHERE r.batch = $1
              AND (later.jenis, later.indikator, later.periode, later.wilayah) = (r.jenis, r.indikator, r.periode, r.wilayah))
        """,
        """
        UPDATE riwayat_kelompok later SET anggota = r.anggota, batch_lama = r.batch_lama, baru = r.baru
        FROM riwayat_kelompok r
        WHERE later.batch_lama = $1 AND r.batch = $1 AND later.kelompok = r.kelompok
        """,
        """
        DELETE FROM kelompok_wilayah g USING riwayat_kelompok r
        WHERE r.batch = $1 AND r.kelompok = g.id AND g.batch = $1 AND r.baru
        """,
        """
        DELETE FROM kelompok_wilayah_anggota a USING kelompok_wilayah g
        WHERE a.kelompok = g.id AND g.batch = $1
        """,
        """
        INSERT INTO kelompok_wilayah_anggota (kelompok, wilayah)
        SELECT r.kelompok, unnest(r.anggota) FROM riwayat_kelompok r JOIN kelompok_wilayah g ON g.id = r.kelompok
        WHERE r.batch = $1 AND g.batch = $1
        """,
        """
        UPDATE kelompok_wilayah g SET batch = r.batch_lama
        FROM riwayat_kelompok r
        WHERE r.batch = $1 AND g.id = r.kelompok AND g.batch = $1
        """,
    ];

    private static async Task<IReadOnlyList<ImportBatch>> ReadBatches(NpgsqlCommand cmd, CancellationToken ct)
    {
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var list = new List<ImportBatch>();
        while (await reader.ReadAsync(ct))
        {
            list.Add(new ImportBatch(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetDateTime(5), reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetDateTime(7),
                reader.IsDBNull(8) ? null : reader.GetDateTime(8), reader.IsDBNull(9) ? null : reader.GetString(9),
                reader.GetInt32(10), reader.GetInt32(11), reader.GetInt32(12), reader.GetBoolean(13),
                reader.IsDBNull(14) ? null : reader.GetString(14), reader.IsDBNull(15) ? null : reader.GetString(15)));
        }
        return list;
    }
}
