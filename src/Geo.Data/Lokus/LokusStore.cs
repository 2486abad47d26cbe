using System.Globalization;
using System.Text;
using Geo.Core.Akun;
using Geo.Core.Errors;
using Geo.Core.Wilayah;
using Geo.Data.Akun;
using Npgsql;
using NpgsqlTypes;

namespace Geo.Data.Lokus;

/// <summary>One desa of a lokus list as sent: its code and why it was chosen.</summary>
public sealed record LokusDesaInput(string? Kode, string? Alasan);

/// <summary>A lokus list as sent to create or replace one (the wilayah cannot change once made).</summary>
public sealed record LokusInput(string? Nama, string? Wilayah, int? Tahun, IReadOnlyList<LokusDesaInput>? Desa);

/// <summary>A list without its desa. Who made and changed it is shown only to role holders of its area.</summary>
public sealed record LokusRingkas(
    long Id, string Nama, string Wilayah, int Tahun, string Status, DateTimeOffset Dibuat, string? DibuatOleh, DateTimeOffset Diubah,
    string? DiubahOleh, int JumlahDesa);

/// <summary>A desa of a list, in the list's order, with its name and kecamatan as the boundaries name them now.</summary>
public sealed record LokusDesa(string Kode, string? Nama, string? Kecamatan, string Alasan, int Urutan);

public sealed record LokusDetail(LokusRingkas Lokus, IReadOnlyList<LokusDesa> Desa);

/// <summary>One change of a list, from the audit log: when, who, what (buat/ubah/finalkan), the status before and after, and what it held then.</summary>
public sealed record LokusRiwayat(DateTimeOffset Waktu, string Pengguna, string Aksi, string? DariStatus, string? KeStatus, string? Isi);

/// <summary>
/// Lokus lists (tables <c>lokus</c>, <c>lokus_desa</c>): a named choice of desa of one kab/kota and
/// year, each with its justification. Reads are scoped to the caller's area; a draft is seen only
/// by role holders of its area, a final list by anyone who may see the area. Writes are for an
/// <c>analis</c> whose area contains the list's kab/kota; finalising is one way and a final list
/// is never changed again. Every change is audited in its own transaction.
/// </summary>
public sealed class LokusStore(NpgsqlDataSource dataSource)
{
    public const int MaksimumPanjangNama = 200;
    public const int MaksimumPanjangAlasan = 1000;
    public const int MaksimumDesa = 2000;

    public const string Draf = "draf";
    public const string Final = "final";

    private const string Columns = """
        l.id, l.nama, l.wilayah, l.tahun, l.status, l.dibuat, l.dibuat_oleh, l.diubah, l.diubah_oleh,
        (SELECT count(*)::int FROM lokus_desa d WHERE d.lokus = l.id)
        """;

    /// <summary>Who may see a list: its kab/kota within the caller's area, and a draft only with a role there.</summary>
    public static bool MaySee(Caller caller, string wilayah, string status) =>
        Analisis.AnalysisStore.MaySee(caller, wilayah, status == Final ? Tampilan.Terbit : Tampilan.Draf);

    /// <summary>Who may write a list: an analis whose area contains its kab/kota.</summary>
    public static bool MayWrite(Caller caller, KodeWilayah wilayah) => caller.Has(Peran.Analis) && caller.Area.Contains(wilayah);

    /// <summary>The lists the caller may see, within <paramref name="wilayah"/> (any level) and of <paramref name="tahun"/> when given.</summary>
    public async Task<IReadOnlyList<LokusRingkas>> ListAsync(Caller caller, KodeWilayah? wilayah = null, int? tahun = null, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"""
            SELECT {Columns}
            FROM lokus l
            WHERE ($1::text IS NULL OR l.wilayah = $1 OR l.wilayah LIKE $1 || '.%' OR $1 LIKE l.wilayah || '.%')
              AND ($2::text IS NULL OR l.wilayah = $2 OR l.wilayah LIKE $2 || '.%')
              AND ($3::int IS NULL OR l.tahun = $3)
              AND (l.status = 'final' OR $4)
            ORDER BY l.tahun DESC, l.wilayah, l.id
            """);
        Text(cmd, wilayah?.Value);
        Text(cmd, caller.Area.RootCode);
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)tahun ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        cmd.Parameters.AddWithValue(caller.Peran.Count > 0);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var list = new List<LokusRingkas>();
        while (await reader.ReadAsync(ct)) list.Add(ReadRingkas(reader, caller));
        return list;
    }

    /// <summary>One list with its desa; not found when it does not exist or the caller may not see it.</summary>
    public async Task<LokusDetail> GetAsync(Caller caller, long id, CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await ReadDetail(conn, caller, id, forUpdate: false, ct);
    }

    /// <summary>
    /// The list's history, oldest first: its audit entries. For role holders of its area only, as
    /// the entries name accounts and hold the drafts' earlier contents; not found as for <see cref="GetAsync"/>.
    /// </summary>
    public async Task<IReadOnlyList<LokusRiwayat>> RiwayatAsync(Caller caller, long id, CancellationToken ct = default)
    {
        var detail = await GetAsync(caller, id, ct);
        if (caller.Peran.Count == 0)
        {
            throw GeoException.Forbidden($"riwayat lokus {id} hanya untuk akun berperan di wilayah {detail.Lokus.Wilayah}");
        }
        // By its area first, which the audit log is indexed on.
        await using var cmd = dataSource.CreateCommand("""
            SELECT waktu, pengguna, aksi, dari_status, ke_status, alasan
            FROM audit
            WHERE wilayah = $1 AND objek = 'lokus' AND objek_id = $2
            ORDER BY waktu, id
            """);
        cmd.Parameters.AddWithValue(detail.Lokus.Wilayah);
        cmd.Parameters.AddWithValue(Id(id));
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var list = new List<LokusRiwayat>();
        string? S(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        while (await reader.ReadAsync(ct))
        {
            list.Add(new LokusRiwayat(reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), reader.GetString(2), S(3), S(4), S(5)));
        }
        return list;
    }

    public async Task<LokusDetail> CreateAsync(Caller caller, LokusInput input, CancellationToken ct = default)
    {
        if (!KodeWilayah.TryParse(input.Wilayah, out var wilayah, out var kodeError)) throw GeoException.Parameter("wilayah", kodeError);
        if (wilayah.Tingkat != Tingkat.KabKota) throw GeoException.Parameter("wilayah", $"wilayah lokus harus kabupaten/kota, bukan {wilayah}");
        CheckWriter(caller, wilayah);
        var (nama, tahun, desa) = Validate(input);
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using (var exists = new NpgsqlCommand("SELECT 1 FROM wilayah WHERE kode = $1", conn))
        {
            exists.Parameters.AddWithValue(wilayah.Value);
            if (await exists.ExecuteScalarAsync(ct) is null) throw GeoException.NotFound($"wilayah {wilayah} tidak ada di tabel wilayah");
        }
        await CheckDesa(conn, wilayah, desa, ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        long id;
        await using (var cmd = new NpgsqlCommand("""
            INSERT INTO lokus (nama, wilayah, tahun, dibuat_oleh, diubah_oleh) VALUES ($1, $2, $3, $4, $4) RETURNING id
            """, conn))
        {
            cmd.Parameters.AddWithValue(nama);
            cmd.Parameters.AddWithValue(wilayah.Value);
            cmd.Parameters.AddWithValue((short)tahun);
            cmd.Parameters.AddWithValue(caller.Nama);
            id = (long)(await cmd.ExecuteScalarAsync(ct))!;
        }
        await WriteDesa(conn, id, desa, ct);
        await AuditLog.WriteAsync(conn, caller.Nama, "buat_lokus", "lokus", Id(id), wilayah.Value, null, Draf, Summary(nama, tahun, desa), ct);
        await tx.CommitAsync(ct);
        return await ReadDetail(conn, caller, id, forUpdate: false, ct);
    }

    /// <summary>Replaces a draft's name, year and desa (with their justifications); a final list is 409.</summary>
    public async Task<LokusDetail> UpdateAsync(Caller caller, long id, LokusInput input, CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var (wilayah, status) = await LockForWrite(conn, caller, id, ct);
        if (input.Wilayah is not null && input.Wilayah.Trim() != wilayah.Value)
        {
            throw GeoException.Parameter("wilayah", $"wilayah lokus {id} ({wilayah}) tidak dapat diubah; buat daftar baru");
        }
        if (status != Draf) throw GeoException.Conflict($"lokus {id} sudah final dan tidak dapat diubah");
        var (nama, tahun, desa) = Validate(input);
        await CheckDesa(conn, wilayah, desa, ct);
        await using (var cmd = new NpgsqlCommand("""
            UPDATE lokus SET nama = $2, tahun = $3, diubah = now(), diubah_oleh = $4 WHERE id = $1
            """, conn))
        {
            cmd.Parameters.AddWithValue(id);
            cmd.Parameters.AddWithValue(nama);
            cmd.Parameters.AddWithValue((short)tahun);
            cmd.Parameters.AddWithValue(caller.Nama);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await using (var clear = new NpgsqlCommand("DELETE FROM lokus_desa WHERE lokus = $1", conn))
        {
            clear.Parameters.AddWithValue(id);
            await clear.ExecuteNonQueryAsync(ct);
        }
        await WriteDesa(conn, id, desa, ct);
        await AuditLog.WriteAsync(conn, caller.Nama, "ubah_lokus", "lokus", Id(id), wilayah.Value, Draf, Draf, Summary(nama, tahun, desa), ct);
        await tx.CommitAsync(ct);
        return await ReadDetail(conn, caller, id, forUpdate: false, ct);
    }

    /// <summary>Draft → final, once: the list needs at least one desa and a justification for each.</summary>
    public async Task<LokusDetail> FinaliseAsync(Caller caller, long id, CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var (wilayah, status) = await LockForWrite(conn, caller, id, ct);
        if (status != Draf) throw GeoException.Conflict($"lokus {id} sudah final");
        var current = await ReadDetail(conn, caller, id, forUpdate: false, ct);
        if (current.Desa.Count == 0) throw GeoException.Invalid($"lokus {id} belum berisi desa; tidak dapat difinalkan");
        if (current.Desa.FirstOrDefault(d => string.IsNullOrWhiteSpace(d.Alasan)) is { } tanpa)
        {
            throw GeoException.Invalid($"desa {tanpa.Kode} belum punya alasan; setiap desa lokus perlu alasan sebelum difinalkan");
        }
        await using (var cmd = new NpgsqlCommand("UPDATE lokus SET status = 'final', diubah = now(), diubah_oleh = $2 WHERE id = $1", conn))
        {
            cmd.Parameters.AddWithValue(id);
            cmd.Parameters.AddWithValue(caller.Nama);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await AuditLog.WriteAsync(conn, caller.Nama, "finalkan_lokus", "lokus", Id(id), wilayah.Value, Draf, Final,
            Summary(current.Lokus.Nama, current.Lokus.Tahun, current.Desa.Select(d => (d.Kode, d.Alasan)).ToList()), ct);
        await tx.CommitAsync(ct);
        return await ReadDetail(conn, caller, id, forUpdate: false, ct);
    }

    /// <summary>Deletes a draft (its history stays in the audit log); a final list is 409.</summary>
    public async Task DeleteAsync(Caller caller, long id, CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var (wilayah, status) = await LockForWrite(conn, caller, id, ct);
        if (status != Draf) throw GeoException.Conflict($"lokus {id} sudah final dan tidak dapat dihapus");
        await using (var cmd = new NpgsqlCommand("DELETE FROM lokus WHERE id = $1", conn))
        {
            cmd.Parameters.AddWithValue(id);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await AuditLog.WriteAsync(conn, caller.Nama, "hapus_lokus", "lokus", Id(id), wilayah.Value, Draf, null, null, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The list as CSV for spreadsheets: UTF-8 with a byte-order mark, Indonesian headers, one row per desa in order.</summary>
    public async Task<byte[]> CsvAsync(Caller caller, long id, CancellationToken ct = default)
    {
        var detail = await GetAsync(caller, id, ct);
        var text = new StringBuilder("kode,nama desa,kecamatan,alasan\r\n");
        foreach (var d in detail.Desa)
        {
            text.Append(Field(d.Kode)).Append(',').Append(Field(d.Nama)).Append(',').Append(Field(d.Kecamatan)).Append(',')
                .Append(Field(d.Alasan)).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>The list's desa as a GeoJSON FeatureCollection built by PostGIS, with name, kecamatan, justification and order.</summary>
    public async Task<string> GeoJsonAsync(Caller caller, long id, CancellationToken ct = default)
    {
        var detail = await GetAsync(caller, id, ct);
        await using var cmd = dataSource.CreateCommand("""
            SELECT json_build_object(
                'type', 'FeatureCollection',
                'lokus', l.id, 'nama', l.nama, 'wilayah', l.wilayah, 'tahun', l.tahun, 'status', l.status,
                'features', coalesce((
                    SELECT json_agg(ST_AsGeoJSON(f.*, 'geom', 6)::json ORDER BY f.urutan)
                    FROM (
                        SELECT d.desa AS kode, w.nama, k.nama AS kecamatan, d.alasan, d.urutan, w.geom
                        FROM lokus_desa d
                        JOIN wilayah w ON w.kode = d.desa
                        LEFT JOIN wilayah k ON k.kode = left(d.desa, 8)
                        WHERE d.lokus = l.id
                    ) f), '[]'::json))::text
            FROM lokus l WHERE l.id = $1
            """);
        cmd.Parameters.AddWithValue(detail.Lokus.Id);
        return (string)(await cmd.ExecuteScalarAsync(ct))!;
    }

    private static void CheckWriter(Caller caller, KodeWilayah wilayah)
    {
        if (!MayWrite(caller, wilayah))
        {
            throw GeoException.Forbidden($"lokus {wilayah} hanya dapat diubah oleh analis yang wilayahnya mencakup {wilayah}");
        }
    }

    /// <summary>Takes the list's row lock for a write, after checking it exists and the caller is an analis of its area.</summary>
    private static async Task<(KodeWilayah Wilayah, string Status)> LockForWrite(NpgsqlConnection conn, Caller caller, long id, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT wilayah, status FROM lokus WHERE id = $1 FOR UPDATE", conn);
        cmd.Parameters.AddWithValue(id);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) throw GeoException.NotFound($"lokus {id} tidak ada");
        var wilayah = KodeWilayah.Parse(reader.GetString(0));
        var status = reader.GetString(1);
        // One who may not even see the list learns no more than that it is not theirs to change.
        CheckWriter(caller, wilayah);
        return (wilayah, status);
    }

    private static (string Nama, int Tahun, List<(string Kode, string Alasan)> Desa) Validate(LokusInput input)
    {
        var nama = input.Nama?.Trim();
        if (string.IsNullOrEmpty(nama)) throw GeoException.Parameter("nama", "nama lokus wajib diisi");
        if (nama.Length > MaksimumPanjangNama) throw GeoException.Parameter("nama", $"nama lokus lebih dari {MaksimumPanjangNama} karakter");
        if (input.Tahun is not { } tahun) throw GeoException.Parameter("tahun", "tahun wajib diisi");
        if (tahun is < 1990 or > 2100) throw GeoException.Parameter("tahun", $"tahun {tahun} di luar 1990-2100");
        if (input.Desa is null) throw GeoException.Parameter("desa", "daftar desa wajib ada (boleh kosong selama draf)");
        if (input.Desa.Count > MaksimumDesa) throw GeoException.TooLarge($"lokus berisi {input.Desa.Count} desa; paling banyak {MaksimumDesa}");
        var desa = new List<(string, string)>(input.Desa.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < input.Desa.Count; i++)
        {
            var item = input.Desa[i];
            var where = $"desa[{i.ToString(CultureInfo.InvariantCulture)}]";
            if (item is null) throw GeoException.Parameter(where, "desa kosong");
            if (!KodeWilayah.TryParse(item.Kode, out var kode, out var error)) throw GeoException.Parameter(where, $"kode desa tidak sah: {error}");
            if (kode.Tingkat != Tingkat.Desa) throw GeoException.Parameter(where, $"{kode} bukan kode desa/kelurahan");
            if (!seen.Add(kode.Value)) throw GeoException.Parameter(where, $"desa {kode} tercantum dua kali");
            var alasan = item.Alasan?.Trim() ?? "";
            if (alasan.Length > MaksimumPanjangAlasan)
            {
                throw GeoException.Parameter(where, $"alasan desa {kode} lebih dari {MaksimumPanjangAlasan} karakter");
            }
            desa.Add((kode.Value, alasan));
        }
        return (nama, tahun, desa);
    }

    /// <summary>Every desa is a desa of the boundaries under the list's kab/kota; the first that is not is named.</summary>
    private static async Task CheckDesa(NpgsqlConnection conn, KodeWilayah wilayah, List<(string Kode, string Alasan)> desa, CancellationToken ct)
    {
        for (var i = 0; i < desa.Count; i++)
        {
            if (!KodeWilayah.Parse(desa[i].Kode).IsWithin(wilayah))
            {
                throw GeoException.Parameter($"desa[{i.ToString(CultureInfo.InvariantCulture)}]", $"desa {desa[i].Kode} tidak berada di {wilayah}");
            }
        }
        await using var cmd = new NpgsqlCommand("SELECT kode FROM wilayah WHERE kode = ANY($1) AND tingkat = 4", conn);
        cmd.Parameters.AddWithValue(desa.Select(d => d.Kode).ToArray());
        var known = new HashSet<string>(StringComparer.Ordinal);
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) known.Add(reader.GetString(0));
        }
        for (var i = 0; i < desa.Count; i++)
        {
            if (!known.Contains(desa[i].Kode))
            {
                throw GeoException.Parameter($"desa[{i.ToString(CultureInfo.InvariantCulture)}]", $"desa {desa[i].Kode} tidak ada di tabel wilayah");
            }
        }
    }

    private static async Task WriteDesa(NpgsqlConnection conn, long id, List<(string Kode, string Alasan)> desa, CancellationToken ct)
    {
        if (desa.Count == 0) return;
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO lokus_desa (lokus, desa, alasan, urutan)
            SELECT $1, d.kode, d.alasan, d.urutan::int FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS d (kode, alasan, urutan)
            """, conn);
        cmd.Parameters.AddWithValue(id);
        cmd.Parameters.AddWithValue(desa.Select(d => d.Kode).ToArray());
        cmd.Parameters.AddWithValue(desa.Select(d => d.Alasan).ToArray());
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<LokusDetail> ReadDetail(NpgsqlConnection conn, Caller caller, long id, bool forUpdate, CancellationToken ct)
    {
        LokusRingkas head;
        await using (var cmd = new NpgsqlCommand($"SELECT {Columns} FROM lokus l WHERE l.id = $1{(forUpdate ? " FOR UPDATE" : "")}", conn))
        {
            cmd.Parameters.AddWithValue(id);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct) || !MaySee(caller, reader.GetString(2), reader.GetString(4)))
            {
                throw GeoException.NotFound($"lokus {id} tidak ada");
            }
            head = ReadRingkas(reader, caller);
        }
        await using var desa = new NpgsqlCommand("""
            SELECT d.desa, w.nama, k.nama, d.alasan, d.urutan
            FROM lokus_desa d
            LEFT JOIN wilayah w ON w.kode = d.desa
            LEFT JOIN wilayah k ON k.kode = left(d.desa, 8)
            WHERE d.lokus = $1
            ORDER BY d.urutan
            """, conn);
        desa.Parameters.AddWithValue(id);
        await using var rows = await desa.ExecuteReaderAsync(ct);
        var list = new List<LokusDesa>();
        while (await rows.ReadAsync(ct))
        {
            list.Add(new LokusDesa(rows.GetString(0), rows.IsDBNull(1) ? null : rows.GetString(1), rows.IsDBNull(2) ? null : rows.GetString(2),
                rows.GetString(3), rows.GetInt32(4)));
        }
        return new LokusDetail(head, list);
    }

    private static LokusRingkas ReadRingkas(NpgsqlDataReader reader, Caller caller)
    {
        var wilayah = reader.GetString(2);
        // Account names are for the people of the area, not the public.
        var own = caller.Peran.Count > 0 && caller.Area.Contains(KodeWilayah.Parse(wilayah));
        return new LokusRingkas(reader.GetInt64(0), reader.GetString(1), wilayah, reader.GetInt16(3), reader.GetString(4),
            reader.GetFieldValue<DateTimeOffset>(5), own ? reader.GetString(6) : null, reader.GetFieldValue<DateTimeOffset>(7),
            own ? reader.GetString(8) : null, reader.GetInt32(9));
    }

    private static void Text(NpgsqlCommand cmd, string? value) =>
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>What the audit entry keeps of the list's content: name, year, and each desa with its justification.</summary>
    private static string Summary(string nama, int tahun, List<(string Kode, string Alasan)> desa) =>
        $"{nama} ({tahun.ToString(CultureInfo.InvariantCulture)}); {desa.Count.ToString(CultureInfo.InvariantCulture)} desa"
        + string.Concat(desa.Select(d => $"; {d.Kode}: {d.Alasan}"));

    /// <summary>A CSV field: quoted when needed, and text a spreadsheet would run as a formula made inert.</summary>
    private static string Field(string? value)
    {
        value ??= "";
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
