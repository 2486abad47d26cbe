using Geo.Core.Akun;
using Geo.Core.Errors;
using Geo.Core.Wilayah;
using Npgsql;

namespace Geo.Data.Akun;

/// <summary>One entry of the audit log: who did what to which object, when, from which state to which, and why.</summary>
public sealed record AuditEntry(
    long Id, DateTimeOffset Waktu, string Pengguna, string Aksi, string Objek, string ObjekId, string? Wilayah,
    string? DariStatus, string? KeStatus, string? Alasan);

/// <summary>
/// The audit log (table <c>audit</c>). Entries are written by the change they record, on its
/// connection and in its transaction, so an entry exists exactly when the change does. Only an
/// admin of the area reads them; they are never public.
/// </summary>
public sealed class AuditLog(NpgsqlDataSource dataSource)
{
    public const int MaksimumBatas = 1000;

    /// <summary>Records a change inside the transaction that makes it.</summary>
    internal static async Task WriteAsync(NpgsqlConnection conn, string pengguna, string aksi, string objek, string objekId, string? wilayah,
        string? dari, string? ke, string? alasan, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO audit (pengguna, aksi, objek, objek_id, wilayah, dari_status, ke_status, alasan)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            """, conn);
        foreach (var value in new object?[] { pengguna, aksi, objek, objekId, wilayah, dari, ke, alasan })
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        }
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Entries about objects within <paramref name="wilayah"/> (null: the caller's whole area),
    /// newest first. Only an admin whose area contains it may read them; national entries (an
    /// indicator of the catalogue) only a national admin.
    /// </summary>
    public async Task<IReadOnlyList<AuditEntry>> ListAsync(Caller caller, KodeWilayah? wilayah = null, DateTimeOffset? dari = null,
        DateTimeOffset? sampai = null, int batas = 100, CancellationToken ct = default)
    {
        var area = wilayah ?? caller.Area.Root;
        if (!caller.Has(Peran.Admin) || (area is { } a ? !caller.Area.Contains(a) : caller.Area.Root is not null))
        {
            throw GeoException.Forbidden($"log audit {area?.Value ?? "nasional"} hanya untuk admin wilayah itu");
        }
        if (batas is < 1 or > MaksimumBatas) throw GeoException.Parameter("batas", $"batas harus 1 sampai {MaksimumBatas}");
        await using var cmd = dataSource.CreateCommand("""
            SELECT id, waktu, pengguna, aksi, objek, objek_id, wilayah, dari_status, ke_status, alasan
            FROM audit
            WHERE ($1::text IS NULL OR wilayah = $1 OR wilayah LIKE $1 || '.%')
              AND ($2::timestamptz IS NULL OR waktu >= $2) AND ($3::timestamptz IS NULL OR waktu < $3)
            ORDER BY waktu DESC, id DESC
            LIMIT $4
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)area?.Value ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)dari ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)sampai ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        cmd.Parameters.AddWithValue(batas);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var list = new List<AuditEntry>();
        string? S(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        while (await reader.ReadAsync(ct))
        {
            list.Add(new AuditEntry(reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetString(5), S(6), S(7), S(8), S(9)));
        }
        return list;
    }
}
