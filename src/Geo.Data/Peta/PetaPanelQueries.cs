using Geo.Core.Wilayah;
using Npgsql;

namespace Geo.Data.Peta;

/// <summary>One published value of a series, with the target in force in its year.</summary>
public sealed record TitikDeret(string Periode, double? Nilai, double? Target, bool Sintetis, string? Sumber);

/// <summary>The target in force for a wilayah in one year.</summary>
public sealed record TargetTahun(int Tahun, double Nilai, string Asal);

/// <summary>
/// One indicator's published values for one wilayah, oldest period first, and the regional
/// targets set for it by year (a regulation's path for the years ahead: Kota Metro's 2023 and 2024).
/// </summary>
public sealed record DeretIndikator(string Indikator, string Satuan, string? Polaritas, IReadOnlyList<TitikDeret> Titik)
{
    public IReadOnlyList<TargetTahun> TargetTahunan { get; init; } = [];
}

/// <summary>A custom grouping (a puskesmas service area, ...) with the desa it holds.</summary>
public sealed record KelompokAnggota(string Kode, string Nama, string Jenis, string Induk, IReadOnlyList<string> Anggota);

/// <summary>Where a wilayah's name is written on the map (its label point, inside it by construction).</summary>
public sealed record TitikLabel(string Kode, string Nama, Tingkat Tingkat, double Lng, double Lat);

/// <summary>
/// What the map page reads beside the values: a desa's series over periods, the groupings that
/// puskesmas roll-ups use, and label points for names drawn from our own data. Public view only.
/// </summary>
public sealed class PetaPanelQueries(NpgsqlDataSource dataSource)
{
    /// <summary>Every published value of a desa (or the indicators asked for), per indicator, oldest period first.</summary>
    public async Task<IReadOnlyList<DeretIndikator>> DeretDesaAsync(WilayahScope scope, KodeWilayah desa, IReadOnlyCollection<string>? indikator,
        CancellationToken ct = default)
    {
        if (!scope.Contains(desa)) return [];
        await using var cmd = dataSource.CreateCommand("""
            SELECT i.kode, i.satuan, i.polaritas, n.periode, n.nilai, t.nilai, n.sintetis, n.sumber
            FROM nilai_terbit n
            JOIN indikator i ON i.kode = n.indikator
            LEFT JOIN LATERAL target_berlaku(i.kode, n.wilayah, left(n.periode, 4)::int) t ON true
            WHERE n.wilayah = $1 AND ($2::text[] IS NULL OR n.indikator = ANY($2))
            ORDER BY array_position(ARRAY['prevalensi','layanan','sasaran','layanan_kecamatan','data_dukung','pengguna'], i.kelompok), i.kode, n.periode
            """);
        cmd.Parameters.AddWithValue(desa.Value);
        cmd.Parameters.Add(new NpgsqlParameter { Value = indikator is null ? DBNull.Value : indikator.ToArray(), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var list = new List<DeretIndikator>();
        List<TitikDeret>? titik = null;
        while (await reader.ReadAsync(ct))
        {
            var kode = reader.GetString(0);
            if (list.Count == 0 || list[^1].Indikator != kode)
            {
                titik = [];
                list.Add(new DeretIndikator(kode, reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), titik));
            }
            titik!.Add(new TitikDeret(reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetDouble(4), reader.IsDBNull(5) ? null : reader.GetDouble(5),
                reader.GetBoolean(6), reader.IsDBNull(7) ? null : reader.GetString(7)));
        }
        if (list.Count == 0) return list;

        // Years with a published regional target for the desa (its own or an ancestor's), each with the target in force.
        await using var targets = dataSource.CreateCommand("""
            SELECT y.indikator, y.tahun, b.nilai, b.asal
            FROM (SELECT DISTINCT t.indikator, t.tahun FROM target t
                  WHERE t.indikator = ANY($2) AND t.wilayah IN ($1, left($1, 8), left($1, 5), left($1, 2))
                    AND (t.batch IS NULL OR EXISTS (SELECT 1 FROM impor_batch x WHERE x.id = t.batch AND x.status = 'terbit'))) y
            CROSS JOIN LATERAL target_berlaku(y.indikator, $1, y.tahun) b
            ORDER BY y.indikator, y.tahun
            """);
        targets.Parameters.AddWithValue(desa.Value);
        targets.Parameters.AddWithValue(list.Select(d => d.Indikator).ToArray());
        var perIndikator = new Dictionary<string, List<TargetTahun>>();
        await using (var r = await targets.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                var kode = r.GetString(0);
                if (!perIndikator.TryGetValue(kode, out var years)) perIndikator[kode] = years = [];
                years.Add(new TargetTahun(r.GetInt32(1), r.GetDouble(2), r.GetString(3)));
            }
        }
        return [.. list.Select(d => perIndikator.TryGetValue(d.Indikator, out var years) ? d with { TargetTahunan = years } : d)];
    }

    /// <summary>
    /// Groupings of one kind (or every kind) defined at or under <paramref name="induk"/> (as the
    /// roll-ups of /api/nilai?tingkat=puskesmas pick them), with the members the caller may see. As for their roll-ups, only member lists of published
    /// batches (or of none) count: a grouping that came in a draft batch is unverified.
    /// </summary>
    public async Task<IReadOnlyList<KelompokAnggota>> KelompokAsync(WilayahScope scope, KodeWilayah? induk, string? jenis, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT g.id::text, g.nama, g.jenis, g.induk, array_agg(d.kode ORDER BY d.kode)
            FROM kelompok_wilayah g
            JOIN kelompok_wilayah_anggota a ON a.kelompok = g.id
            JOIN wilayah d ON d.kode = a.wilayah
            WHERE ($1::text IS NULL OR g.jenis = $1) AND d.kode LIKE $2 AND d.kode LIKE $3 AND (g.induk = $4 OR g.induk LIKE $2)
              AND (g.batch IS NULL OR EXISTS (SELECT 1 FROM impor_batch b WHERE b.id = g.batch AND b.status = 'terbit'))
            GROUP BY g.id, g.nama, g.jenis, g.induk
            ORDER BY g.jenis, g.nama, g.id
            """);
        cmd.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Text, (object?)jenis ?? DBNull.Value);
        cmd.Parameters.AddWithValue(induk is { } k ? k.Value + ".%" : "%");
        cmd.Parameters.AddWithValue(scope.DescendantPattern ?? "%");
        cmd.Parameters.AddWithValue(induk?.Value ?? "");
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var list = new List<KelompokAnggota>();
        while (await reader.ReadAsync(ct))
        {
            list.Add(new KelompokAnggota(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetFieldValue<string[]>(4)));
        }
        return list;
    }

    /// <summary>Label points of the kecamatan and desa under a wilayah (the ones the caller may see), or of one of the two levels.</summary>
    public async Task<IReadOnlyList<TitikLabel>> TitikLabelAsync(WilayahScope scope, KodeWilayah induk, Tingkat? only = null, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT kode, nama, tingkat, ST_X(titik_label), ST_Y(titik_label)
            FROM wilayah
            WHERE tingkat = ANY($3) AND kode LIKE $1 AND kode LIKE $2 AND titik_label IS NOT NULL
            ORDER BY kode
            """);
        cmd.Parameters.AddWithValue(induk.Value + ".%");
        cmd.Parameters.AddWithValue(scope.DescendantPattern ?? "%");
        cmd.Parameters.AddWithValue(only is { } level ? new[] { (short)level } : new[] { (short)Tingkat.Kecamatan, (short)Tingkat.Desa });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var list = new List<TitikLabel>();
        while (await reader.ReadAsync(ct))
        {
            list.Add(new TitikLabel(reader.GetString(0), reader.GetString(1), (Tingkat)reader.GetInt16(2), reader.GetDouble(3), reader.GetDouble(4)));
        }
        return list;
    }
}
