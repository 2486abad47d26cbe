using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Geo.Core.Akun;
using Geo.Core.Errors;
using Geo.Core.Import;
using Geo.Core.Indikator;
using Geo.Core.Wilayah;
using Geo.Data.Akun;
using Npgsql;
using NpgsqlTypes;

namespace Geo.Data.Indikator.Import;

/// <summary>
/// Imports one indicator file as one batch, in one transaction: parse while staging by binary
/// COPY, match, check, check codes and duplicates in SQL, then record what is replaced and upsert.
/// Any rejection rolls everything back. A file already imported with the same options is a
/// no-op, decided under a lock on the file's hash so that simultaneous uploads of one file make
/// one batch. The file is read from a seekable stream and never held whole.
/// </summary>
public sealed class IndikatorImporter(NpgsqlDataSource dataSource, ImportLimits? limits = null)
{
    /// <summary>A national file (2.5 million rows) takes longer per statement than Npgsql's 30-second default.</summary>
    internal const int LargeTimeoutSeconds = 900;

    private readonly ImportLimits _limits = limits ?? ImportLimits.Default;

    public async Task<IndikatorImportReport> ImportAsync(string path, IndikatorImportOptions options, string? displayName = null,
        IProgress<Kemajuan>? progress = null, CancellationToken ct = default)
    {
        var fileName = displayName ?? Path.GetFileName(path);
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw GeoException.Invalid($"berkas tidak dapat dibuka: {e.Message}", new GeoErrorLocation(Berkas: fileName), e);
        }
        await using (file) return await ImportAsync(file, fileName, options, progress, ct);
    }

    public Task<IndikatorImportReport> ImportAsync(byte[] content, string fileName, IndikatorImportOptions options,
        IProgress<Kemajuan>? progress = null, CancellationToken ct = default) =>
        ImportAsync(new MemoryStream(content, writable: false), fileName, options, progress, ct);

    /// <param name="content">Seekable (an uploaded file buffered to disk, a file): it is hashed, then read.</param>
    /// <param name="progress">Told of each stage: a national file takes most of a minute.</param>
    public async Task<IndikatorImportReport> ImportAsync(Stream content, string fileName, IndikatorImportOptions options,
        IProgress<Kemajuan>? progress = null, CancellationToken ct = default)
    {
        options.EnsureAllowed();
        if (fileName.Length > _limits.MaksimumPanjangNama)
        {
            throw GeoException.Parameter("berkas", $"nama berkas lebih dari {_limits.MaksimumPanjangNama} karakter (batas Geo:Impor:MaksimumPanjangNama)");
        }
        var where = new GeoErrorLocation(Berkas: fileName);
        if (content.Length > _limits.MaximumUploadBytes)
        {
            throw GeoException.TooLarge($"berkas melebihi batas unggah {_limits.MaksimumMegabyte} MB (Geo:Impor:MaksimumMegabyte)", where);
        }
        CheckOptions(options);
        content.Position = 0;
        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, ct));
        content.Position = 0;
        await using var conn = await dataSource.OpenConnectionAsync(ct);

        if (await ExistingBatchAsync(conn, hash, options.Parameter, ct) is { } existing) return AlreadyImported(fileName, hash, existing);

        var staged = new Staging();
        var parsed = new ParsedFile(fileName, staged.Write);
        KodeWilayah? induk = null;
        if (options.Wilayah is { } w)
        {
            if (KodeWilayah.TryParse(w, out var parsedInduk, out var error)) induk = parsedInduk;
            else parsed.Reject(0, null, $"--wilayah: {error}");
        }
        if (options.Periode is { } p && !Periode.TryParse(p, out _, out var periodeError)) parsed.Reject(0, null, periodeError);
        var katalog = await KatalogAsync(conn, ct);
        if (options.Indikator is { } ind && !katalog.Persen.ContainsKey(ind.ToUpperInvariant())) parsed.Reject(0, null, $"indikator '{ind}' tidak dikenal");
        var sumber = SumberNilai.Normalise(options.Sumber);
        if (parsed.Penolakan.Count > 0) return Rejected(parsed, hash);

        // Told only once the file opens as a table, so a file that does not gives one line: its error.
        var (header, rows) = TableFile.Open(content, fileName, _limits);
        progress?.Report(new Kemajuan($"{fileName}: membaca baris tabel"));
        var isLong = LongTable.Recognise(header);
        IReadOnlyList<WilayahInScope> scope = [];
        if (!isLong && induk is { } root)
        {
            if (!await ExistsAsync(conn, root.Value, ct))
            {
                parsed.Reject(0, null, $"wilayah {root} tidak ada di tabel wilayah");
                return Rejected(parsed, hash);
            }
            scope = await WilayahUnderAsync(conn, root, ct);
        }

        await using var tx = await conn.BeginTransactionAsync(ct);
        // Identical uploads at the same moment queue here; the first makes the batch, the rest then find it.
        await using (var lockHash = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", conn))
        {
            lockHash.Parameters.AddWithValue(LockKey(hash, options.Parameter));
            await lockHash.ExecuteNonQueryAsync(ct);
        }
        if (await ExistingBatchAsync(conn, hash, options.Parameter, ct) is { } concurrent)
        {
            await tx.RollbackAsync(ct);
            return AlreadyImported(fileName, hash, concurrent);
        }

        var copy = await BeginStagingAsync(conn, ct);
        await using (copy)
        {
            staged.Copy = copy;
            if (isLong) LongTable.Parse(rows, katalog, options, parsed);
            else WideTable.Parse(TableFile.From(rows, fileName, _limits), katalog, options, induk, scope, _limits.MaksimumPanjangNama, parsed);
            if (parsed.Penolakan.Count == 0 && parsed.Nilai == 0) parsed.Reject(0, null, "tidak ada nilai untuk diimpor");
            // Left incomplete, the COPY is cancelled when disposed, before the rollback below.
            if (parsed.Penolakan.Count == 0) await copy.CompleteAsync(ct);
        }
        if (parsed.Penolakan.Count > 0)
        {
            await tx.RollbackAsync(ct);
            return Rejected(parsed, hash);
        }
        progress?.Report(new Kemajuan($"{fileName}: {parsed.Nilai} nilai disalin ke basis data", parsed.Nilai, parsed.Nilai, "nilai"));
        await Execute(conn, "ANALYZE impor_nilai", ct);

        progress?.Report(new Kemajuan($"{fileName}: memeriksa kode wilayah dan baris ganda", parsed.Nilai, parsed.Nilai, "nilai"));
        await CheckAreaAsync(conn, options.Oleh, ct);
        await CheckStagedAsync(conn, parsed, induk, ct);
        if (parsed.Penolakan.Count > 0)
        {
            await tx.RollbackAsync(ct);
            return Rejected(parsed, hash);
        }

        progress?.Report(new Kemajuan($"{fileName}: menyimpan nilai", parsed.Nilai, parsed.Nilai, "nilai"));
        var batch = await CreateBatchAsync(conn, fileName, hash, options, sumber, parsed, induk, ct);
        var (values, targets, replaced) = await WriteAsync(conn, batch, sumber, ct);
        var groups = await WriteGroupsAsync(conn, batch, induk, parsed, ct);
        await tx.CommitAsync(ct);

        return new IndikatorImportReport
        {
            Berkas = fileName,
            Hash = hash,
            Status = ImportStatus.Diimpor,
            Batch = batch,
            Format = parsed.Format,
            BarisData = parsed.BarisData,
            Cocok = parsed.Cocok,
            NilaiDitulis = values,
            TargetDitulis = targets,
            NilaiDiganti = replaced,
            SelKosong = parsed.SelKosong,
            TidakPersis = parsed.TidakPersis,
            Total = parsed.Total,
            Kelompok = groups,
            Catatan = parsed.Catatan,
        };
    }

    /// <summary>The text whose hash keys the advisory lock an import of this file with these options takes.</summary>
    public static string LockKey(string hash, string parameter) => $"impor_indikator:{hash}:{parameter}";

    /// <summary>Options end up in the batch row and in reports: free text is held to the name limit.</summary>
    private void CheckOptions(IndikatorImportOptions options)
    {
        foreach (var (name, value) in new[] { ("indikator", options.Indikator), ("periode", options.Periode), ("sumber", options.Sumber),
                     ("wilayah", options.Wilayah), ("pengguna", options.Pengguna) })
        {
            if (value is { Length: var length } && length > _limits.MaksimumPanjangNama)
            {
                throw GeoException.Parameter(name, $"lebih dari {_limits.MaksimumPanjangNama} karakter (batas Geo:Impor:MaksimumPanjangNama)");
            }
        }
    }

    private static IndikatorImportReport AlreadyImported(string fileName, string hash, long existing) => new()
    {
        Berkas = fileName,
        Hash = hash,
        Status = ImportStatus.SudahAda,
        Batch = existing,
        Catatan = [$"berkas yang sama dengan pilihan yang sama sudah diimpor sebagai batch {existing}; tidak ada yang diubah"],
    };

    /// <summary>Where parsed values go: the open COPY into the staging table.</summary>
    private sealed class Staging
    {
        public NpgsqlBinaryImporter? Copy { get; set; }

        // Synchronous: the readers are synchronous, and COPY only blocks when its buffer is full.
        public void Write(IncomingRow row)
        {
            var copy = Copy ?? throw new InvalidOperationException("staging is not open");
            copy.StartRow();
            copy.Write(row.Baris, NpgsqlDbType.Integer);
            copy.Write(row.Kolom, NpgsqlDbType.Text);
            copy.Write(row.Target, NpgsqlDbType.Boolean);
            copy.Write(row.Indikator, NpgsqlDbType.Text);
            copy.Write(row.Periode, NpgsqlDbType.Text);
            copy.Write(row.Wilayah, NpgsqlDbType.Text);
            WriteNullable(copy, row.Nilai.Pembilang);
            WriteNullable(copy, row.Nilai.Penyebut);
            WriteNullable(copy, row.Nilai.Nilai);
            copy.Write(row.Nilai.HanyaPersen, NpgsqlDbType.Boolean);
        }

        private static void WriteNullable(NpgsqlBinaryImporter copy, double? value)
        {
            if (value is { } v) copy.Write(v, NpgsqlDbType.Double);
            else copy.WriteNull();
        }
    }

    private static IndikatorImportReport Rejected(ParsedFile parsed, string hash) => new()
    {
        Berkas = parsed.Berkas,
        Hash = hash,
        Status = ImportStatus.Ditolak,
        Format = parsed.Format,
        BarisData = parsed.BarisData,
        Cocok = parsed.Cocok,
        Penolakan = parsed.Penolakan.OrderBy(r => r.Baris).ToList(),
        TidakPersis = parsed.TidakPersis,
        Total = parsed.Total,
        Catatan = parsed.PenolakanLain > 0 ? [$"{parsed.PenolakanLain} penolakan lain tidak dicantumkan (hanya {ParsedFile.MaksimumPenolakan} pertama)"] : [],
    };

    private static async Task<long?> ExistingBatchAsync(NpgsqlConnection conn, string hash, string parameter, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT id FROM impor_batch WHERE hash = $1 AND parameter = $2 AND status NOT IN ('ditolak', 'ditarik')", conn);
        cmd.Parameters.AddWithValue(hash);
        cmd.Parameters.AddWithValue(parameter);
        return await cmd.ExecuteScalarAsync(ct) as long?;
    }

    private static async Task<CatalogSummary> KatalogAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT kode, satuan = 'persen' FROM indikator", conn);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var persen = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        while (await reader.ReadAsync(ct)) persen[reader.GetString(0)] = reader.GetBoolean(1);
        return new CatalogSummary(persen);
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnection conn, string kode, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT 1 FROM wilayah WHERE kode = $1", conn);
        cmd.Parameters.AddWithValue(kode);
        return await cmd.ExecuteScalarAsync(ct) is not null;
    }

    private static async Task<List<WilayahInScope>> WilayahUnderAsync(NpgsqlConnection conn, KodeWilayah induk, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT kode, nama, tingkat FROM wilayah WHERE kode = $1 OR kode LIKE $1 || '.%'", conn);
        cmd.Parameters.AddWithValue(induk.Value);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var list = new List<WilayahInScope>();
        while (await reader.ReadAsync(ct)) list.Add(new WilayahInScope(reader.GetString(0), reader.GetString(1), (Tingkat)reader.GetInt16(2)));
        return list;
    }

    private static async Task<NpgsqlBinaryImporter> BeginStagingAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        await Execute(conn, """
            CREATE TEMP TABLE impor_nilai (
                baris int NOT NULL, kolom text NOT NULL, target boolean NOT NULL, indikator text NOT NULL, periode text NOT NULL,
                wilayah text NOT NULL, pembilang double precision, penyebut double precision, nilai double precision, hanya_persen boolean NOT NULL
            ) ON COMMIT DROP
            """, ct);
        return await conn.BeginBinaryImportAsync(
            "COPY impor_nilai (baris, kolom, target, indikator, periode, wilayah, pembilang, penyebut, nilai, hanya_persen) FROM STDIN (FORMAT BINARY)", ct);
    }

    /// <summary>Codes that do not exist (or lie outside --wilayah), and the same value twice, found set-wise in SQL.</summary>
    /// <summary>A file with any value outside the importing account's area is refused whole (403).</summary>
    private static async Task CheckAreaAsync(NpgsqlConnection conn, Caller? oleh, CancellationToken ct)
    {
        if (oleh?.Area.RootCode is not { } root) return;
        await using var cmd = new NpgsqlCommand(
            "SELECT count(*), min(wilayah) FROM impor_nilai WHERE wilayah <> $1 AND wilayah NOT LIKE $1 || '.%'", conn);
        cmd.Parameters.AddWithValue(root);
        cmd.CommandTimeout = LargeTimeoutSeconds;
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        if (reader.GetInt64(0) is var outside and > 0)
        {
            throw GeoException.Forbidden(
                $"berkas memuat {outside} nilai di luar wilayah akun {root} (mis. {reader.GetString(1)}); impor ditolak seluruhnya");
        }
    }

    private static async Task CheckStagedAsync(NpgsqlConnection conn, ParsedFile parsed, KodeWilayah? induk, CancellationToken ct)
    {
        // Duplicates are found by hashing (GROUP BY) and only their groups are sorted: a window over
        // every staged row sorted 2.5 million rows for a national file.
        await using var cmd = new NpgsqlCommand("""
            WITH ganda AS (
                SELECT target, indikator, periode, wilayah FROM impor_nilai GROUP BY 1, 2, 3, 4 HAVING count(*) > 1
            )
            SELECT baris, 'kode', 'wilayah ' || i.wilayah || CASE WHEN w.kode IS NULL THEN ' tidak ada di tabel wilayah' ELSE ' di luar wilayah ' || $1 END
            FROM impor_nilai i LEFT JOIN wilayah w ON w.kode = i.wilayah
            WHERE w.kode IS NULL OR ($1 <> '' AND i.wilayah <> $1 AND i.wilayah NOT LIKE $1 || '.%')
            UNION ALL
            SELECT baris, kolom, 'baris ganda: ' || wilayah || ' ' || indikator || ' ' || periode || ' juga di baris ' || pertama
            FROM (SELECT i.baris, i.kolom, i.wilayah, i.indikator, i.periode, min(i.baris) OVER w AS pertama, row_number() OVER w AS ke
                  FROM impor_nilai i JOIN ganda g USING (target, indikator, periode, wilayah)
                  WINDOW w AS (PARTITION BY i.target, i.indikator, i.periode, i.wilayah ORDER BY i.baris)) d
            WHERE ke > 1
            ORDER BY 1
            LIMIT 1000
            """, conn);
        cmd.Parameters.AddWithValue(induk?.Value ?? "");
        cmd.CommandTimeout = LargeTimeoutSeconds;
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) parsed.Reject(reader.GetInt32(0), reader.GetString(1), reader.GetString(2));
    }

    /// <summary>
    /// The batch, as a draft, with its area: the wilayah option, else the longest common code
    /// prefix of its values (null: national). Its import is the first entry of its audit trail.
    /// </summary>
    private static async Task<long> CreateBatchAsync(NpgsqlConnection conn, string fileName, string hash, IndikatorImportOptions options,
        string sumber, ParsedFile parsed, KodeWilayah? induk, CancellationToken ct)
    {
        var summary = JsonSerializer.Serialize(new
        {
            format = parsed.Format,
            barisData = parsed.BarisData,
            tidakPersis = parsed.TidakPersis,
            total = parsed.Total,
            kelompok = parsed.Kelompok.Keys.Select(k => $"{k.Jenis}: {k.Nama}"),
            pilihan = options,
        });
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO impor_batch (berkas, hash, parameter, sumber, pengguna, status, ringkasan, wilayah)
            VALUES ($1, $2, $3, $4, $5, 'draf', $6::jsonb,
                    coalesce($7, (SELECT kode_induk_bersama(min(wilayah), max(wilayah)) FROM impor_nilai)))
            RETURNING id, wilayah
            """, conn);
        cmd.Parameters.AddWithValue(fileName);
        cmd.Parameters.AddWithValue(hash);
        cmd.Parameters.AddWithValue(options.Parameter);
        cmd.Parameters.AddWithValue(sumber);
        cmd.Parameters.AddWithValue(options.Pengguna);
        cmd.Parameters.AddWithValue(summary);
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)induk?.Value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        long id;
        string? wilayah;
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            (id, wilayah) = (reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1));
        }
        await AuditLog.WriteAsync(conn, options.Pengguna, "impor", "batch", id.ToString(CultureInfo.InvariantCulture), wilayah, null,
            StatusBatch.Draf.ToName(), null, ct);
        return id;
    }

    private static async Task<(int Values, int Targets, int Replaced)> WriteAsync(NpgsqlConnection conn, long batch, string sumber, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            WITH lama_nilai AS (
                INSERT INTO riwayat_nilai (batch, jenis, indikator, periode, wilayah, pembilang, penyebut, nilai, hanya_persen, sumber, batch_lama)
                SELECT $1, 'nilai', n.indikator, n.periode, n.wilayah, n.pembilang, n.penyebut, n.nilai, n.hanya_persen, n.sumber, n.batch
                FROM nilai n JOIN impor_nilai i ON NOT i.target AND (i.indikator, i.periode, i.wilayah) = (n.indikator, n.periode, n.wilayah)
                RETURNING 1
            ), lama_target AS (
                INSERT INTO riwayat_nilai (batch, jenis, indikator, periode, wilayah, nilai, sumber, batch_lama)
                SELECT $1, 'target', t.indikator, t.tahun::text, t.wilayah, t.nilai, t.sumber, t.batch
                FROM target t JOIN impor_nilai i ON i.target AND (i.indikator, i.periode::smallint, i.wilayah) = (t.indikator, t.tahun, t.wilayah)
                RETURNING 1
            )
            SELECT (SELECT count(*) FROM lama_nilai) + (SELECT count(*) FROM lama_target)
            """, conn);
        cmd.Parameters.AddWithValue(batch);
        cmd.CommandTimeout = LargeTimeoutSeconds;
        var replaced = Convert.ToInt32(await cmd.ExecuteScalarAsync(ct));

        await using var values = new NpgsqlCommand("""
            INSERT INTO nilai (indikator, periode, wilayah, pembilang, penyebut, nilai, hanya_persen, sumber, batch)
            SELECT indikator, periode, wilayah, pembilang, penyebut, nilai, hanya_persen, $2, $1 FROM impor_nilai WHERE NOT target
            ON CONFLICT (indikator, periode, wilayah) DO UPDATE SET
                pembilang = excluded.pembilang, penyebut = excluded.penyebut, nilai = excluded.nilai,
                hanya_persen = excluded.hanya_persen, sumber = excluded.sumber, batch = excluded.batch
            """, conn);
        values.Parameters.AddWithValue(batch);
        values.Parameters.AddWithValue(sumber);
        values.CommandTimeout = LargeTimeoutSeconds;
        var valueCount = await values.ExecuteNonQueryAsync(ct);

        await using var targets = new NpgsqlCommand("""
            INSERT INTO target (indikator, wilayah, tahun, nilai, sumber, batch)
            SELECT indikator, wilayah, periode::smallint, nilai, $2, $1 FROM impor_nilai WHERE target
            ON CONFLICT (indikator, wilayah, tahun) DO UPDATE SET nilai = excluded.nilai, sumber = excluded.sumber, batch = excluded.batch
            """, conn);
        targets.Parameters.AddWithValue(batch);
        targets.Parameters.AddWithValue(sumber);
        targets.CommandTimeout = LargeTimeoutSeconds;
        var targetCount = await targets.ExecuteNonQueryAsync(ct);

        await using var counts = new NpgsqlCommand("UPDATE impor_batch SET jumlah_nilai = $2, jumlah_target = $3 WHERE id = $1", conn);
        counts.Parameters.AddWithValue(batch);
        counts.Parameters.AddWithValue(valueCount);
        counts.Parameters.AddWithValue(targetCount);
        await counts.ExecuteNonQueryAsync(ct);
        return (valueCount, targetCount, replaced);
    }

    /// <summary>Groupings named in the file (puskesmas per desa) replace their earlier member lists.</summary>
    private static async Task<List<string>> WriteGroupsAsync(NpgsqlConnection conn, long batch, KodeWilayah? induk, ParsedFile parsed, CancellationToken ct)
    {
        var written = new List<string>();
        if (induk is not { } root) return written;
        foreach (var ((jenis, nama), members) in parsed.Kelompok.OrderBy(k => k.Key.Nama))
        {
            await using var replace = new NpgsqlBatch(conn)
            {
                BatchCommands =
                {
                    // The member list this batch replaces (none if it creates the grouping), for withdrawal.
                    Command("""
                        WITH created AS (
                            INSERT INTO kelompok_wilayah (jenis, induk, nama) VALUES ($2, $3, $4)
                            ON CONFLICT (jenis, induk, nama) DO NOTHING RETURNING id
                        )
                        INSERT INTO riwayat_kelompok (batch, kelompok, baru, anggota, batch_lama)
                        SELECT $1, id, true, '{}', NULL FROM created
                        UNION ALL
                        SELECT $1, g.id, false, ARRAY(SELECT a.wilayah FROM kelompok_wilayah_anggota a WHERE a.kelompok = g.id ORDER BY 1), g.batch
                        FROM kelompok_wilayah g WHERE (g.jenis, g.induk, g.nama) = ($2, $3, $4)
                        """, batch, jenis, root.Value, nama),
                    Command("""
                        DELETE FROM kelompok_wilayah_anggota
                        WHERE kelompok = (SELECT id FROM kelompok_wilayah WHERE (jenis, induk, nama) = ($1, $2, $3))
                        """, jenis, root.Value, nama),
                    Command("""
                        WITH g AS (UPDATE kelompok_wilayah SET batch = $4 WHERE (jenis, induk, nama) = ($1, $2, $3) RETURNING id)
                        INSERT INTO kelompok_wilayah_anggota (kelompok, wilayah) SELECT g.id, unnest($5::text[]) FROM g
                        """, jenis, root.Value, nama, batch, members.Order().ToArray()),
                },
            };
            await replace.ExecuteNonQueryAsync(ct);
            written.Add($"{jenis}: {nama} ({members.Count} desa/kelurahan)");
        }
        return written;
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
    }

    private static async Task Execute(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        cmd.CommandTimeout = LargeTimeoutSeconds;
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
