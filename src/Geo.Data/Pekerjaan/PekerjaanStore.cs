using System.Data;
using System.Text.Json;
using Geo.Core.Akun;
using Geo.Core.Errors;
using Geo.Core.Import;
using Geo.Core.Wilayah;
using Npgsql;
using NpgsqlTypes;

namespace Geo.Data.Pekerjaan;

/// <summary>
/// The job rows of long work (migration 0170), on the primary: queued by a request, claimed and
/// run by a worker of any instance, seen and cancelled by the accounts of its area. Every write by
/// a runner names its claim (instance and attempt), so a runner that lost its job (its lease ran
/// out and another instance took it) changes nothing.
/// </summary>
public sealed class PekerjaanStore(NpgsqlDataSource dataSource)
{
    /// <summary>Size of the pieces an upload is stored in.</summary>
    public const int UkuranPotongan = 1 << 20;

    private const string Columns = """
        id, jenis, status, wilayah, oleh, tahap, selesai, jumlah, satuan, percobaan, instans, batal_diminta,
        dibuat, mulai, diperbarui, berakhir, parameter::text, hasil::text, galat::text
        """;

    /// <summary>
    /// Queues a job for <paramref name="caller"/>, with its upload if any, in one transaction: a job
    /// is never seen without its whole file.
    /// </summary>
    public async Task<PekerjaanInfo> CreateAsync(Caller caller, string jenis, object parameter, string? wilayah, Stream? upload,
        string tahap, CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        long id;
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO pekerjaan (jenis, parameter, wilayah, oleh, pemanggil, tahap)
            VALUES ($1, $2::jsonb, $3, $4, $5::jsonb, $6) RETURNING id
            """, conn))
        {
            insert.Parameters.AddWithValue(jenis);
            insert.Parameters.AddWithValue(JsonSerializer.Serialize(parameter, JsonSerializerOptions.Web));
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)wilayah ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            insert.Parameters.AddWithValue(caller.Nama);
            insert.Parameters.AddWithValue(PemanggilJson.Write(caller));
            insert.Parameters.AddWithValue(tahap);
            id = (long)(await insert.ExecuteScalarAsync(ct))!;
        }
        if (upload is not null)
        {
            await using var copy = await conn.BeginBinaryImportAsync("COPY pekerjaan_berkas (pekerjaan, nomor, isi) FROM STDIN (FORMAT BINARY)", ct);
            var buffer = new byte[UkuranPotongan];
            for (var nomor = 0; ; nomor++)
            {
                var filled = await upload.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
                if (filled == 0 && nomor > 0) break;
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(id, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(nomor, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(new ArraySegment<byte>(buffer, 0, filled), NpgsqlDbType.Bytea, ct);
                if (filled < buffer.Length) break;
            }
            await copy.CompleteAsync(ct);
        }
        // Read before commit: as queued, whichever worker takes it a moment later.
        PekerjaanInfo job;
        await using (var read = new NpgsqlCommand($"SELECT {Columns} FROM pekerjaan WHERE id = $1", conn))
        {
            read.Parameters.AddWithValue(id);
            job = (await ReadAsync(read, ct)).Single();
        }
        await tx.CommitAsync(ct);
        return job;
    }

    /// <summary>
    /// Takes the oldest job that is queued, or running under a lease that ran out whose runner is
    /// gone (its advisory lock is free), for <paramref name="instans"/>; null when there is none.
    /// The lock is held on the claim's own connection until the claim is disposed, so no other
    /// instance takes the job while this one lives, whatever its lease says. An expired job that
    /// has had <paramref name="maksimumPercobaan"/> attempts, or whose cancellation was asked, is
    /// ended here instead, with the reason.
    /// </summary>
    public async Task<KlaimPekerjaan?> ClaimAsync(string instans, TimeSpan sewa, int maksimumPercobaan, CancellationToken ct = default)
    {
        var conn = await dataSource.OpenConnectionAsync(ct);
        try
        {
            await using var tx = await conn.BeginTransactionAsync(ct);
            var candidates = new List<(long Id, string Status, int Percobaan, bool Batal, string? Instans)>();
            await using (var select = new NpgsqlCommand("""
                SELECT id, status, percobaan, batal_diminta, instans FROM pekerjaan
                WHERE status = 'antri' OR (status = 'berjalan' AND sewa_hingga < now())
                ORDER BY id
                LIMIT 10
                FOR UPDATE SKIP LOCKED
                """, conn))
            await using (var reader = await select.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    candidates.Add((reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), reader.GetBoolean(3),
                        reader.IsDBNull(4) ? null : reader.GetString(4)));
                }
            }

            foreach (var c in candidates)
            {
                if (!await TryLockAsync(conn, c.Id, ct)) continue; // its runner's session is alive
                var resumed = c.Status == StatusPekerjaan.Berjalan;
                if (resumed && (c.Batal || c.Percobaan >= maksimumPercobaan))
                {
                    var galat = c.Batal
                        ? null
                        : Galat(StatusPekerjaan.GagalServer, "tidak_tersedia",
                            $"pekerjaan terhenti {c.Percobaan} kali karena instans yang menjalankannya berhenti (terakhir {c.Instans}); tidak dicoba lagi");
                    await EndAsync(conn, c.Id, null, c.Percobaan, c.Batal ? StatusPekerjaan.Dibatalkan : StatusPekerjaan.Gagal,
                        c.Batal ? "dibatalkan atas permintaan; instans yang menjalankannya berhenti" : "gagal: instans yang menjalankannya berhenti",
                        null, galat, ct);
                    await UnlockAsync(conn, c.Id, ct);
                    continue;
                }

                await using var claim = new NpgsqlCommand("""
                    UPDATE pekerjaan
                    SET status = 'berjalan', instans = $2, sewa_hingga = now() + $3, percobaan = percobaan + 1,
                        mulai = coalesce(mulai, now()), diperbarui = now(), tahap = $4, selesai = NULL, jumlah = NULL, satuan = NULL
                    WHERE id = $1
                    RETURNING jenis, parameter::text, pemanggil::text, percobaan
                    """, conn);
                claim.Parameters.AddWithValue(c.Id);
                claim.Parameters.AddWithValue(instans);
                claim.Parameters.AddWithValue(sewa);
                claim.Parameters.AddWithValue(resumed
                    ? $"dijalankan ulang dari awal oleh {instans}: instans {c.Instans} berhenti di tengah jalan"
                    : $"dimulai oleh {instans}");
                await using var reader = await claim.ExecuteReaderAsync(ct);
                await reader.ReadAsync(ct);
                var result = new KlaimPekerjaan(conn, c.Id, reader.GetString(0), JsonDocument.Parse(reader.GetString(1)).RootElement,
                    PemanggilJson.Read(reader.GetString(2)), reader.GetInt32(3), instans, resumed);
                await reader.DisposeAsync();
                await tx.CommitAsync(ct);
                return result;
            }
            await tx.CommitAsync(ct);
        }
        catch
        {
            await conn.DisposeAsync();
            throw;
        }
        await conn.DisposeAsync();
        return null;
    }

    /// <summary>
    /// Renews the claim's lease and writes its progress. False in <c>Milik</c> when the job is no
    /// longer this claim's (ended, or taken by another instance after the lease ran out).
    /// </summary>
    internal static async Task<(bool Milik, bool BatalDiminta)> HeartbeatAsync(KlaimPekerjaan claim, TimeSpan sewa, Kemajuan? kemajuan, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            UPDATE pekerjaan
            SET sewa_hingga = now() + $4, diperbarui = now(),
                tahap = coalesce($5, tahap),
                selesai = CASE WHEN $5 IS NULL THEN selesai ELSE $6 END,
                jumlah = CASE WHEN $5 IS NULL THEN jumlah ELSE $7 END,
                satuan = CASE WHEN $5 IS NULL THEN satuan ELSE $8 END
            WHERE id = $1 AND instans = $2 AND percobaan = $3 AND status = 'berjalan'
            RETURNING batal_diminta
            """, claim.Connection);
        cmd.Parameters.AddWithValue(claim.Id);
        cmd.Parameters.AddWithValue(claim.Instans);
        cmd.Parameters.AddWithValue(claim.Percobaan);
        cmd.Parameters.AddWithValue(sewa);
        cmd.Parameters.Add(Text(kemajuan?.Tahap));
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)kemajuan?.Selesai ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)kemajuan?.Jumlah ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        cmd.Parameters.Add(Text(kemajuan?.Satuan));
        var result = await cmd.ExecuteScalarAsync(ct);
        return result is bool batal ? (true, batal) : (false, false);
    }

    /// <summary>Ends the claim's job: selesai, gagal or dibatalkan, with its result and error; the upload goes.</summary>
    /// <param name="kemajuan">The last count reported, kept with the job's end (the heartbeat may not have written it).</param>
    internal static async Task<bool> FinishAsync(KlaimPekerjaan claim, string status, string tahap, string? hasil, string? galat, Kemajuan? kemajuan,
        CancellationToken ct) =>
        await EndAsync(claim.Connection, claim.Id, claim.Instans, claim.Percobaan, status, tahap, hasil, galat, ct, kemajuan);

    /// <summary>
    /// Puts the claim's job back in the queue for any instance (this one stops, or the database
    /// failed under it). A stop does not count as an attempt; a failure does.
    /// </summary>
    internal static async Task ReleaseAsync(KlaimPekerjaan claim, string tahap, bool hitungPercobaan, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            UPDATE pekerjaan
            SET status = 'antri', instans = NULL, sewa_hingga = NULL, diperbarui = now(), tahap = $4,
                percobaan = percobaan - CASE WHEN $5 THEN 0 ELSE 1 END, selesai = NULL, jumlah = NULL, satuan = NULL
            WHERE id = $1 AND instans = $2 AND percobaan = $3 AND status = 'berjalan'
            """, claim.Connection);
        cmd.Parameters.AddWithValue(claim.Id);
        cmd.Parameters.AddWithValue(claim.Instans);
        cmd.Parameters.AddWithValue(claim.Percobaan);
        cmd.Parameters.AddWithValue(tahap);
        cmd.Parameters.AddWithValue(hitungPercobaan);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Writes the job's upload to <paramref name="target"/>, telling the bytes copied.</summary>
    public async Task CopyUploadAsync(long id, Stream target, long ukuran, IProgress<Kemajuan>? progress, CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand("SELECT isi FROM pekerjaan_berkas WHERE pekerjaan = $1 ORDER BY nomor", conn);
        cmd.Parameters.AddWithValue(id);
        await using var reader = await cmd.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        var pieces = 0;
        long copied = 0;
        while (await reader.ReadAsync(ct))
        {
            pieces++;
            await using (var piece = await reader.GetStreamAsync(0, ct)) await piece.CopyToAsync(target, ct);
            copied = target.CanSeek ? target.Length : copied;
            progress?.Report(new Kemajuan("mengambil berkas unggahan dari basis data", copied, ukuran, "bita"));
        }
        if (pieces == 0) throw GeoException.Invalid($"berkas unggahan pekerjaan {id} tidak ada lagi di basis data");
    }

    /// <summary>One job, as <paramref name="caller"/> may see it: 404 when missing, 403 outside the caller's area.</summary>
    public async Task<PekerjaanInfo> FindAsync(Caller caller, long id, CancellationToken ct = default)
    {
        var job = await FindAsync(id, ct) ?? throw GeoException.NotFound($"pekerjaan {id} tidak ada");
        if (!MaySee(caller, job)) throw GeoException.Forbidden($"pekerjaan {id} di luar wilayah akun {caller.Nama}");
        return job;
    }

    public async Task<PekerjaanInfo?> FindAsync(long id, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"SELECT {Columns} FROM pekerjaan WHERE id = $1");
        cmd.Parameters.AddWithValue(id);
        return (await ReadAsync(cmd, ct)) is [var job] ? job : null;
    }

    /// <summary>The caller's own jobs, and for an account with a role, every job within its area; newest first.</summary>
    public async Task<IReadOnlyList<PekerjaanInfo>> ListAsync(Caller caller, int batas, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"""
            SELECT {Columns} FROM pekerjaan
            WHERE oleh = $1
               OR ($2 AND ($3::text IS NULL OR wilayah = $3 OR wilayah LIKE $3 || '.%'))
            ORDER BY id DESC
            LIMIT $4
            """);
        cmd.Parameters.AddWithValue(caller.Nama);
        cmd.Parameters.AddWithValue(caller.Peran.Count > 0);
        cmd.Parameters.Add(Text(caller.Area.RootCode));
        cmd.Parameters.AddWithValue(batas);
        return await ReadAsync(cmd, ct);
    }

    /// <summary>
    /// Cancels a job: a queued one ends at once; a running one is asked to stop, which its runner
    /// sees at its next heartbeat and answers by rolling its work back. The one who started it may,
    /// and an admin of its area.
    /// </summary>
    public async Task<PekerjaanInfo> CancelAsync(Caller caller, long id, CancellationToken ct = default)
    {
        var job = await FindAsync(caller, id, ct);
        if (job.Oleh != caller.Nama && !(caller.Has(Peran.Admin) && Contains(caller, job.Wilayah)))
        {
            throw GeoException.Forbidden($"pekerjaan {id} hanya dapat dibatalkan oleh {job.Oleh} atau admin wilayahnya");
        }
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        string status;
        await using (var lockRow = new NpgsqlCommand("SELECT status FROM pekerjaan WHERE id = $1 FOR UPDATE", conn))
        {
            lockRow.Parameters.AddWithValue(id);
            status = (string)(await lockRow.ExecuteScalarAsync(ct))!;
        }
        if (status == StatusPekerjaan.Antri)
        {
            await EndAsync(conn, id, null, null, StatusPekerjaan.Dibatalkan, $"dibatalkan oleh {caller.Nama} sebelum dimulai", null, null, ct);
        }
        else if (status == StatusPekerjaan.Berjalan)
        {
            await using var ask = new NpgsqlCommand(
                "UPDATE pekerjaan SET batal_diminta = true, diperbarui = now(), tahap = tahap || $2 WHERE id = $1", conn);
            ask.Parameters.AddWithValue(id);
            ask.Parameters.AddWithValue($" (pembatalan diminta oleh {caller.Nama})");
            await ask.ExecuteNonQueryAsync(ct);
        }
        else
        {
            throw GeoException.Conflict($"pekerjaan {id} sudah berakhir ({status}); tidak ada yang dibatalkan");
        }
        await tx.CommitAsync(ct);
        return (await FindAsync(id, ct))!;
    }

    /// <summary>The error of a failed job as the problem body an HTTP client knows (status, jenis, detail, lokasi).</summary>
    public static string Galat(int status, string jenis, string detail, IReadOnlyDictionary<string, object>? lokasi = null) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["status"] = status,
            ["jenis"] = jenis,
            ["detail"] = detail,
            ["lokasi"] = lokasi,
        }, JsonSerializerOptions.Web);

    private static async Task<bool> EndAsync(NpgsqlConnection conn, long id, string? instans, int? percobaan, string status, string tahap,
        string? hasil, string? galat, CancellationToken ct, Kemajuan? kemajuan = null)
    {
        await using var cmd = new NpgsqlCommand("""
            WITH ended AS (
                UPDATE pekerjaan
                SET status = $4, tahap = $5, hasil = $6::jsonb, galat = $7::jsonb, berakhir = now(), diperbarui = now(),
                    instans = coalesce($2, instans), sewa_hingga = NULL,
                    selesai = CASE WHEN $8 THEN $9 ELSE selesai END,
                    jumlah = CASE WHEN $8 THEN $10 ELSE jumlah END,
                    satuan = CASE WHEN $8 THEN $11 ELSE satuan END
                WHERE id = $1 AND ($2::text IS NULL OR (instans = $2 AND percobaan = $3 AND status = 'berjalan'))
                RETURNING id
            ),
            gone AS (
                DELETE FROM pekerjaan_berkas WHERE pekerjaan IN (SELECT id FROM ended)
            )
            SELECT count(*) FROM ended
            """, conn);
        cmd.Parameters.AddWithValue(id);
        cmd.Parameters.Add(Text(instans));
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)percobaan ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        cmd.Parameters.AddWithValue(status);
        cmd.Parameters.AddWithValue(tahap);
        cmd.Parameters.Add(Text(hasil));
        cmd.Parameters.Add(Text(galat));
        cmd.Parameters.AddWithValue(kemajuan?.Selesai is not null);
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)kemajuan?.Selesai ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)kemajuan?.Jumlah ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        cmd.Parameters.Add(Text(kemajuan?.Satuan));
        return await cmd.ExecuteScalarAsync(ct) is 1L;
    }

    private static async Task<bool> TryLockAsync(NpgsqlConnection conn, long id, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT pg_try_advisory_lock(hashtextextended('pekerjaan:' || $1, 0))", conn);
        cmd.Parameters.AddWithValue(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return await cmd.ExecuteScalarAsync(ct) is true;
    }

    internal static async Task UnlockAsync(NpgsqlConnection conn, long id, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT pg_advisory_unlock(hashtextextended('pekerjaan:' || $1, 0))", conn);
        cmd.Parameters.AddWithValue(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static bool MaySee(Caller caller, PekerjaanInfo job) =>
        !caller.IsAnonymous && (job.Oleh == caller.Nama || caller.Peran.Count > 0 && Contains(caller, job.Wilayah));

    private static bool Contains(Caller caller, string? wilayah) =>
        wilayah is null ? caller.Area.Root is null : KodeWilayah.TryParse(wilayah, out var kode, out _) && caller.Area.Contains(kode);

    private static NpgsqlParameter Text(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

    private static async Task<IReadOnlyList<PekerjaanInfo>> ReadAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        var jobs = new List<PekerjaanInfo>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            long? Long(int i) => reader.IsDBNull(i) ? null : reader.GetInt64(i);
            string? Str(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            DateTimeOffset? Time(int i) => reader.IsDBNull(i) ? null : reader.GetFieldValue<DateTimeOffset>(i);
            JsonElement? Json(int i) => reader.IsDBNull(i) ? null : JsonDocument.Parse(reader.GetString(i)).RootElement;
            jobs.Add(new PekerjaanInfo(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), Str(3), reader.GetString(4), reader.GetString(5),
                new KemajuanInfo(Long(6), Long(7), Str(8)), reader.GetInt32(9), Str(10), reader.GetBoolean(11),
                reader.GetFieldValue<DateTimeOffset>(12), Time(13), reader.GetFieldValue<DateTimeOffset>(14), Time(15),
                Json(16)!.Value, Json(17), Json(18)));
        }
        return jobs;
    }
}
