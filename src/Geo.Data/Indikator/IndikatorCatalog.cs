using Geo.Core.Text;
using Geo.Core.Indikator;
using System.Globalization;
using Geo.Core.Akun;
using Geo.Core.Errors;
using Geo.Core.Import;
using Geo.Core.Wilayah;
using Geo.Data.Akun;
using Npgsql;

namespace Geo.Data.Indikator;

/// <summary>
/// The indicator catalogue (seeded and user-defined) and targets per wilayah and year. What comes
/// in is checked here, whoever sends it: finite numbers only, percentages within 0-100, names and
/// texts within the limits (<see cref="ImportLimits"/>).
/// </summary>
public sealed partial class IndikatorCatalog(NpgsqlDataSource dataSource, ImportLimits? limits = null)
{
    private readonly ImportLimits _limits = limits ?? ImportLimits.Default;

    private const string Columns = """
        kode, nama, kelompok, sasaran, satuan, polaritas, definisi_pembilang, definisi_penyebut, penyebut_sasaran,
        target_nasional, urusan, penanggung_jawab, catatan, bawaan
        """;

    public async Task<IReadOnlyList<IndikatorInfo>> ListAsync(CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"""
            SELECT {Columns} FROM indikator
            ORDER BY array_position(ARRAY['prevalensi','layanan','sasaran','layanan_kecamatan','data_dukung','pengguna'], kelompok), kode
            """);
        return await Read(cmd, ct);
    }

    public async Task<IndikatorInfo?> FindAsync(string kode, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"SELECT {Columns} FROM indikator WHERE kode = upper($1)");
        cmd.Parameters.AddWithValue(kode);
        return (await Read(cmd, ct)) is [var info, ..] ? info : null;
    }

    /// <summary>Adds a user-defined indicator; refuses a code already taken or malformed, and values out of range.</summary>
    public async Task<IndikatorInfo> AddAsync(Caller oleh, NewIndikator baru, CancellationToken ct = default)
    {
        // The catalogue is one for the whole country: a kab/kota account may not change what others see.
        if (!(oleh.Has(Peran.Operator) || oleh.Has(Peran.Admin)) || oleh.Area != WilayahScope.Nasional)
        {
            throw GeoException.Forbidden("katalog indikator berlaku nasional: hanya operator atau admin akun nasional yang dapat menambah indikator");
        }
        var kode = (baru.Kode ?? "").Trim().ToUpperInvariant();
        if (!KodeIndikator.IsValid(kode)) throw GeoException.Parameter("kode", $"kode indikator '{UserText.Shorten(baru.Kode)}' tidak sah: huruf besar, angka dan _, diawali huruf, paling banyak 40");
        if (string.IsNullOrWhiteSpace(baru.Nama)) throw GeoException.Parameter("nama", "nama indikator wajib diisi");
        CheckLength("nama", baru.Nama, _limits.MaksimumPanjangNama, "MaksimumPanjangNama");
        if (baru.Satuan is not ("persen" or "jumlah")) throw GeoException.Parameter("satuan", "satuan harus 'persen' atau 'jumlah'");
        if (baru.Satuan == "persen" && baru.Polaritas is not ("naik" or "turun")) throw GeoException.Parameter("polaritas", "indikator persen perlu polaritas 'naik' atau 'turun'");
        if (baru.Satuan == "jumlah" && baru.Polaritas is not (null or "naik" or "turun")) throw GeoException.Parameter("polaritas", "polaritas harus 'naik' atau 'turun'");
        CheckLength("sasaran", baru.Sasaran, _limits.MaksimumPanjangNama, "MaksimumPanjangNama");
        CheckLength("definisiPembilang", baru.DefinisiPembilang, _limits.MaksimumKarakterSel, "MaksimumKarakterSel");
        CheckLength("definisiPenyebut", baru.DefinisiPenyebut, _limits.MaksimumKarakterSel, "MaksimumKarakterSel");
        CheckLength("catatan", baru.Catatan, _limits.MaksimumKarakterSel, "MaksimumKarakterSel");
        if (baru.TargetNasional is { } nasional) CheckValue("targetNasional", baru.Satuan == "persen", nasional);
        foreach (var sasaran in baru.PenyebutSasaran ?? [])
        {
            if (sasaran is null || !KodeIndikator.IsValid(sasaran.ToUpperInvariant()))
            {
                throw GeoException.Parameter("penyebutSasaran", $"kode indikator '{UserText.Shorten(sasaran)}' tidak sah");
            }
        }
        if (await FindAsync(kode, ct) is not null) throw GeoException.Conflict($"indikator {kode} sudah ada");
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO indikator (kode, nama, kelompok, sasaran, satuan, polaritas, definisi_pembilang, definisi_penyebut,
                penyebut_sasaran, target_nasional, catatan, bawaan)
            VALUES ($1, $2, 'pengguna', $3, $4, $5, $6, $7, $8, $9, $10, false)
            """, conn);
        cmd.Parameters.AddWithValue(kode);
        cmd.Parameters.AddWithValue(baru.Nama);
        cmd.Parameters.AddWithValue((object?)baru.Sasaran ?? DBNull.Value);
        cmd.Parameters.AddWithValue(baru.Satuan);
        cmd.Parameters.AddWithValue((object?)baru.Polaritas ?? DBNull.Value);
        cmd.Parameters.AddWithValue((object?)baru.DefinisiPembilang ?? DBNull.Value);
        cmd.Parameters.AddWithValue((object?)baru.DefinisiPenyebut ?? DBNull.Value);
        cmd.Parameters.AddWithValue((baru.PenyebutSasaran ?? []).Select(s => s.ToUpperInvariant()).ToArray());
        cmd.Parameters.AddWithValue((object?)baru.TargetNasional ?? DBNull.Value);
        cmd.Parameters.AddWithValue((object?)baru.Catatan ?? DBNull.Value);
        await cmd.ExecuteNonQueryAsync(ct);
        await AuditLog.WriteAsync(conn, oleh.Nama, "tambah_indikator", "indikator", kode, null, null, null, null, ct);
        await tx.CommitAsync(ct);
        return (await FindAsync(kode, ct))!;
    }

    /// <summary>Sets (or overrides) the target of an indicator for a wilayah of any level and a year, outside any batch.</summary>
    public async Task SetTargetAsync(Caller oleh, string indikator, string wilayah, int tahun, double nilai, string? sumber = null, CancellationToken ct = default)
    {
        var info = await FindAsync(indikator, ct) ?? throw GeoException.NotFound($"indikator {UserText.Shorten(indikator)} tidak ada");
        if (!KodeWilayah.TryParse(wilayah, out var kode, out var kodeError)) throw GeoException.Parameter("wilayah", kodeError);
        if (!(oleh.Has(Peran.Operator) || oleh.Has(Peran.Approver)) || !oleh.Area.Contains(kode))
        {
            throw GeoException.Forbidden($"target {kode} hanya dapat ditetapkan oleh operator atau approver yang wilayahnya mencakup {kode}");
        }
        if (tahun is < 1990 or > 2100) throw GeoException.Parameter("tahun", $"tahun {tahun} di luar 1990-2100");
        CheckValue("nilai", info.Satuan == "persen", nilai);
        CheckLength("sumber", sumber, _limits.MaksimumPanjangNama, "MaksimumPanjangNama");
        await using (var exists = dataSource.CreateCommand("SELECT 1 FROM wilayah WHERE kode = $1"))
        {
            exists.Parameters.AddWithValue(kode.Value);
            if (await exists.ExecuteScalarAsync(ct) is null) throw GeoException.NotFound($"wilayah {kode} tidak ada di tabel wilayah");
        }
        wilayah = kode.Value;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO target (indikator, wilayah, tahun, nilai, sumber) VALUES (upper($1), $2, $3, $4, $5)
            ON CONFLICT (indikator, wilayah, tahun) DO UPDATE SET nilai = excluded.nilai, sumber = excluded.sumber, batch = NULL
            """, conn);
        cmd.Parameters.AddWithValue(indikator);
        cmd.Parameters.AddWithValue(wilayah);
        cmd.Parameters.AddWithValue((short)tahun);
        cmd.Parameters.AddWithValue(nilai);
        cmd.Parameters.AddWithValue((object?)sumber ?? DBNull.Value);
        await cmd.ExecuteNonQueryAsync(ct);
        await AuditLog.WriteAsync(conn, oleh.Nama, "tetapkan_target", "target",
            $"{info.Kode}/{wilayah}/{tahun.ToString(CultureInfo.InvariantCulture)}", wilayah, null, null, null, ct);
        await tx.CommitAsync(ct);
    }

    public async Task<ApplicableTarget?> TargetAsync(string indikator, string wilayah, int tahun, CancellationToken ct = default) =>
        (await TargetsAsync([indikator], wilayah, tahun, ct)).GetValueOrDefault(indikator);

    /// <summary>The applicable target (<c>target_berlaku</c>) of each of several indicators, in one round trip, keyed by the codes as given.</summary>
    public async Task<IReadOnlyDictionary<string, ApplicableTarget>> TargetsAsync(IReadOnlyList<string> indikator, string wilayah, int tahun, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("SELECT k.kode, t.nilai, t.asal FROM unnest($1::text[]) k (kode), LATERAL target_berlaku(upper(k.kode), $2, $3) t");
        cmd.Parameters.AddWithValue(indikator.Distinct().ToArray());
        cmd.Parameters.AddWithValue(wilayah);
        cmd.Parameters.AddWithValue(tahun);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var targets = new Dictionary<string, ApplicableTarget>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct)) targets[reader.GetString(0)] = new ApplicableTarget(reader.GetDouble(1), reader.GetString(2));
        return targets;
    }

    private static async Task<IReadOnlyList<IndikatorInfo>> Read(NpgsqlCommand cmd, CancellationToken ct)
    {
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var list = new List<IndikatorInfo>();
        string? S(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        while (await reader.ReadAsync(ct))
        {
            list.Add(new IndikatorInfo(reader.GetString(0), reader.GetString(1), reader.GetString(2), S(3), reader.GetString(4), S(5), S(6), S(7),
                reader.GetFieldValue<string[]>(8), reader.IsDBNull(9) ? null : reader.GetDouble(9), S(10), S(11), S(12), reader.GetBoolean(13)));
        }
        return list;
    }

    /// <summary>A target or national target: finite, and for a percentage within 0-100, for a count not negative.</summary>
    private static void CheckValue(string name, bool persen, double value)
    {
        if (!double.IsFinite(value)) throw GeoException.Parameter(name, "nilai harus bilangan terhingga (bukan NaN atau tak hingga)");
        if (persen && value is < 0 or > 100)
        {
            throw GeoException.Parameter(name, $"target persentase {value.ToString(CultureInfo.InvariantCulture)} di luar 0-100");
        }
        if (!persen && value < 0) throw GeoException.Parameter(name, $"target jumlah {value.ToString(CultureInfo.InvariantCulture)} negatif");
    }

    private static void CheckLength(string name, string? value, int limit, string setting)
    {
        if (value is { Length: var length } && length > limit) throw GeoException.Parameter(name, $"lebih dari {limit} karakter (batas Geo:Impor:{setting})");
    }


}
