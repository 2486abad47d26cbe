using Geo.Core.Errors;
using Npgsql;

namespace Geo.Data.Indikator;

/// <summary>History, publication and withdrawal of import batches.</summary>
public sealed class BatchStore(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        b.id, b.berkas, b.hash, b.sumber, b.pengguna, b.diimpor, b.status, b.diterbitkan, b.ditarik, b.ditarik_oleh,
        b.jumlah_nilai, b.jumlah_target, (SELECT count(*)::int FROM riwayat_nilai r WHERE r.batch = b.id), b.sumber = 'sintetis'
        """;

    public async Task<IReadOnlyList<ImportBatch>> ListAsync(CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"SELECT {Columns} FROM impor_batch b ORDER BY b.id DESC");
        return await ReadBatches(cmd, ct);
    }

    public async Task<ImportBatch?> FindAsync(long id, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"SELECT {Columns} FROM impor_batch b WHERE b.id = $1");
        cmd.Parameters.AddWithValue(id);
        return (await ReadBatches(cmd, ct)) is [var batch, ..] ? batch : null;
    }

    public async Task<IReadOnlyList<ReplacedValue>> ReplacedAsync(long id, int limit = 1000, CancellationToken ct = default)
    {
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

    /// <summary>Sets draf or terbit. Public maps show only terbit batches.</summary>
    public async Task<ImportBatch> SetStatusAsync(long id, bool terbit, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            UPDATE impor_batch SET status = CASE WHEN $2 THEN 'terbit' ELSE 'draf' END,
                diterbitkan = CASE WHEN $2 THEN coalesce(diterbitkan, now()) END
            WHERE id = $1 AND ditarik IS NULL
            """);
        cmd.Parameters.AddWithValue(id);
        cmd.Parameters.AddWithValue(terbit);
        if (await cmd.ExecuteNonQueryAsync(ct) == 0) await ThrowMissingOrWithdrawn(id, ct);
        return (await FindAsync(id, ct))!;
    }

    /// <summary>
    /// Removes what a batch wrote and puts back what it replaced. Where a later batch has since
    /// overwritten one of its values, that value stays, and the later batch's history is pointed
    /// at what this batch had replaced, so withdrawing it later restores the right thing.
    /// </summary>
    public async Task<ImportBatch> WithdrawAsync(long id, string pengguna, CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var lockRow = new NpgsqlCommand("SELECT ditarik IS NULL FROM impor_batch WHERE id = $1 FOR UPDATE", conn))
        {
            lockRow.Parameters.AddWithValue(id);
            if (await lockRow.ExecuteScalarAsync(ct) is not true) await ThrowMissingOrWithdrawn(id, ct);
        }
        await using var batch = new NpgsqlBatch(conn) { Timeout = Import.IndikatorImporter.LargeTimeoutSeconds };
        foreach (var sql in WithdrawSql)
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.Add(new NpgsqlParameter { Value = id });
            if (sql.Contains("$2")) command.Parameters.Add(new NpgsqlParameter { Value = pengguna });
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
        return (await FindAsync(id, ct))!;
    }

    // In order: drop what the batch wrote; put back what it replaced unless a later batch has
    // written there since; point later batches' history past this batch; the same for the
    // groupings' member lists (a grouping the batch created goes); mark it withdrawn.
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
        "UPDATE impor_batch SET ditarik = now(), ditarik_oleh = $2, status = 'draf' WHERE id = $1",
    ];


    private async Task ThrowMissingOrWithdrawn(long id, CancellationToken ct)
    {
        var batch = await FindAsync(id, ct);
        throw batch is null ? GeoException.NotFound($"batch {id} tidak ada") : GeoException.Conflict($"batch {id} sudah ditarik pada {batch.Ditarik:u}");
    }

    private static async Task<IReadOnlyList<ImportBatch>> ReadBatches(NpgsqlCommand cmd, CancellationToken ct)
    {
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var list = new List<ImportBatch>();
        while (await reader.ReadAsync(ct))
        {
            list.Add(new ImportBatch(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetDateTime(5), reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetDateTime(7),
                reader.IsDBNull(8) ? null : reader.GetDateTime(8), reader.IsDBNull(9) ? null : reader.GetString(9),
                reader.GetInt32(10), reader.GetInt32(11), reader.GetInt32(12), reader.GetBoolean(13)));
        }
        return list;
    }
}
