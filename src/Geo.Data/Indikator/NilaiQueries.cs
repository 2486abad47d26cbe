using Geo.Core.Akun;
using Geo.Core.Indikator;
using Geo.Core.Wilayah;
using Npgsql;

namespace Geo.Data.Indikator;

/// <summary>
/// Read side of indicator values: stored values per wilayah with their targets, and roll-ups of
/// desa values computed in SQL. Every query sees what its <see cref="Caller"/> may see (its area)
/// in the view it names: the public values (nilai_terbit, the default) or the working values with
/// drafts (nilai), which only a caller with a role in the area asked for may read.
/// </summary>
public sealed class NilaiQueries(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<NilaiWilayah>> ValuesAsync(Caller caller, KodeWilayah? induk, Tingkat tingkat,
        string indikator, Periode periode, Tampilan tampilan = Tampilan.Terbit, CancellationToken ct = default)
    {
        caller.Periksa(tampilan, induk ?? caller.Area.Root);
        var target = TargetBerlakuSql.For("tt", "$1", "$3", "w.kode");
        await using var cmd = dataSource.CreateCommand($"""
            WITH {target.Cte}
            SELECT w.kode, w.nama, n.pembilang, n.penyebut, n.nilai, coalesce(n.hanya_persen, false), n.sumber, coalesce(n.sintetis, false),
                   n.batch, b.status, {target.Nilai}, {target.Asal}
            FROM wilayah w
            LEFT JOIN {Source(tampilan)} n ON n.wilayah = w.kode AND n.indikator = $1 AND n.periode = $2
            LEFT JOIN impor_batch b ON b.id = n.batch{target.Joins}
            WHERE w.tingkat = $4 AND w.kode LIKE $5 AND w.kode LIKE $6
            ORDER BY w.kode
            """);
        cmd.Parameters.AddWithValue(indikator);
        cmd.Parameters.AddWithValue(periode.Value);
        cmd.Parameters.AddWithValue(periode.Tahun);
        cmd.Parameters.AddWithValue((short)tingkat);
        cmd.Parameters.AddWithValue(Below(induk));
        cmd.Parameters.AddWithValue(caller.Area.DescendantPattern ?? "%");
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var list = new List<NilaiWilayah>();
        while (await reader.ReadAsync(ct))
        {
            list.Add(new NilaiWilayah(reader.GetString(0), reader.GetString(1), Double(reader, 2), Double(reader, 3), Double(reader, 4),
                reader.GetBoolean(5), reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetBoolean(7),
                reader.IsDBNull(8) ? null : reader.GetInt64(8), reader.IsDBNull(9) ? null : reader.GetString(9),
                reader.IsDBNull(10) ? null : new ApplicableTarget(reader.GetDouble(10), reader.GetString(11))));
        }
        return list;
    }

    /// <summary>
    /// Roll-ups of the desa under <paramref name="induk"/> to every unit of the given levels inside
    /// it, in one query: a province to kecamatan, kab/kota and provinsi at once.
    /// </summary>
    public Task<IReadOnlyList<WilayahRollUp>> RollUpAsync(Caller caller, KodeWilayah? induk, IReadOnlyCollection<Tingkat> levels,
        string indikator, Periode periode, Tampilan tampilan = Tampilan.Terbit, CancellationToken ct = default)
    {
        var lengths = levels.Where(l => l != Tingkat.Desa).Select(l => l switch { Tingkat.Provinsi => 2, Tingkat.KabKota => 5, _ => 8 }).ToArray();
        const string units = """
            SELECT u.kode AS unit, u.nama, d.kode AS desa, true AS administratif
            FROM wilayah d
            CROSS JOIN unnest($6::int[]) l(len)
            JOIN wilayah u ON u.kode = left(d.kode, l.len)
            WHERE d.tingkat = 4 AND d.kode LIKE $4 AND d.kode LIKE $5 AND (u.kode = $7 OR u.kode LIKE $4)
            """;
        return RollUpQueryAsync(units, induk, indikator, periode, tampilan, caller, cmd =>
        {
            cmd.Parameters.AddWithValue(lengths);
            cmd.Parameters.AddWithValue(induk?.Value ?? "");
        }, ct);
    }

    /// <summary>Roll-ups to custom groupings (puskesmas service areas, ...) of one kind, defined under <paramref name="induk"/>.</summary>
    /// <remarks>
    /// In the public view only member lists of published batches (or of none) count: a grouping
    /// that came in a draft batch is as unverified as its values.
    /// </remarks>
    public Task<IReadOnlyList<WilayahRollUp>> RollUpGroupsAsync(Caller caller, KodeWilayah? induk, string jenis,
        string indikator, Periode periode, Tampilan tampilan = Tampilan.Terbit, CancellationToken ct = default)
    {
        var units = $"""
            SELECT g.id::text AS unit, g.nama, d.kode AS desa, false AS administratif
            FROM kelompok_wilayah g
            JOIN kelompok_wilayah_anggota a ON a.kelompok = g.id
            JOIN wilayah d ON d.kode = a.wilayah
            WHERE g.jenis = $6 AND (g.induk = $7 OR g.induk LIKE $4) AND d.kode LIKE $4 AND d.kode LIKE $5
            {(tampilan == Tampilan.Terbit ? "AND (g.batch IS NULL OR EXISTS (SELECT 1 FROM impor_batch b WHERE b.id = g.batch AND b.status = 'terbit'))" : "")}
            """;
        return RollUpQueryAsync(units, induk, indikator, periode, tampilan, caller, cmd =>
        {
            cmd.Parameters.AddWithValue(jenis);
            cmd.Parameters.AddWithValue(induk?.Value ?? "");
        }, ct);
    }

    /// <summary>
    /// The sums behind <see cref="RollUp.FromSums"/>, per unit. Percentage-only desa get a weight
    /// (the sum of the indicator's sasaran counts, same period or same year) only when every part exists.
    /// </summary>
    private async Task<IReadOnlyList<WilayahRollUp>> RollUpQueryAsync(string units, KodeWilayah? induk, string indikator, Periode periode,
        Tampilan tampilan, Caller caller, Action<NpgsqlCommand> extra, CancellationToken ct)
    {
        caller.Periksa(tampilan, induk ?? caller.Area.Root);
        var source = Source(tampilan);
        await using var cmd = dataSource.CreateCommand($"""
            WITH unit AS ({units}),
            ind AS (SELECT satuan, penyebut_sasaran FROM indikator WHERE kode = $1),
            d AS (
                SELECT u.unit, u.nama, u.administratif, n.pembilang, n.penyebut, n.nilai, n.hanya_persen, n.sumber,
                       n.sintetis OR coalesce(w.bobot_sintetis, false) AS sintetis, w.bobot
                FROM unit u
                CROSS JOIN ind
                LEFT JOIN {source} n ON n.wilayah = u.desa AND n.indikator = $1 AND n.periode = $2
                LEFT JOIN LATERAL (
                    SELECT CASE WHEN count(*) = cardinality(ind.penyebut_sasaran) AND count(*) > 0 THEN sum(b.pembilang) END AS bobot,
                           bool_or(b.sintetis) AS bobot_sintetis
                    FROM unnest(ind.penyebut_sasaran) s(kode)
                    CROSS JOIN LATERAL (
                        SELECT x.pembilang, x.sintetis FROM {source} x
                        WHERE x.indikator = s.kode AND x.wilayah = u.desa AND x.periode IN ($2, $3::text) AND x.pembilang IS NOT NULL
                        ORDER BY x.periode = $2 DESC LIMIT 1) b
                    WHERE n.hanya_persen
                ) w ON true
            ),
            agg AS (
                SELECT unit, min(nama) AS nama, bool_and(administratif) AS administratif,
                       count(*)::int AS jumlah_desa, count(sumber)::int AS melapor,
                       count(*) FILTER (WHERE hanya_persen)::int AS hanya_persen,
                       count(*) FILTER (WHERE hanya_persen AND bobot > 0)::int AS berbobot,
                       coalesce(sum(pembilang) FILTER (WHERE NOT hanya_persen), 0) AS sum_pembilang,
                       coalesce(sum(penyebut) FILTER (WHERE NOT hanya_persen), 0) AS sum_penyebut,
                       coalesce(sum(nilai * bobot) FILTER (WHERE hanya_persen AND bobot > 0), 0) AS sum_nilai_bobot,
                       coalesce(sum(bobot) FILTER (WHERE hanya_persen AND bobot > 0), 0) AS sum_bobot,
                       coalesce(array_agg(DISTINCT sumber) FILTER (WHERE sumber IS NOT NULL), ARRAY[]::text[]) AS sumber,
                       coalesce(bool_or(sintetis), false) AS sintetis
                FROM d GROUP BY unit
            )
            SELECT a.unit, a.nama, a.jumlah_desa, a.melapor, a.hanya_persen, a.berbobot, a.sum_pembilang, a.sum_penyebut,
                   a.sum_nilai_bobot, a.sum_bobot, a.sumber, a.sintetis, (SELECT satuan = 'persen' FROM ind),
                   n.pembilang, n.penyebut, n.nilai, n.hanya_persen, n.sumber, n.sintetis, n.batch, t.nilai, t.asal
            FROM agg a
            LEFT JOIN {source} n ON a.administratif AND n.wilayah = a.unit AND n.indikator = $1 AND n.periode = $2
            LEFT JOIN LATERAL target_berlaku($1, CASE WHEN a.administratif THEN a.unit ELSE coalesce($7, '') END, $3::int) t ON true
            ORDER BY length(a.unit), a.unit
            """);
        cmd.Parameters.AddWithValue(indikator);
        cmd.Parameters.AddWithValue(periode.Value);
        cmd.Parameters.AddWithValue(periode.Tahun);
        cmd.Parameters.AddWithValue(Below(induk));
        cmd.Parameters.AddWithValue(caller.Area.DescendantPattern ?? "%");
        extra(cmd);
        cmd.CommandTimeout = 120;
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var list = new List<WilayahRollUp>();
        while (await reader.ReadAsync(ct))
        {
            var persen = reader.GetBoolean(12);
            var hasil = RollUp.FromSums(persen, reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5),
                reader.GetDouble(6), reader.GetDouble(7), reader.GetDouble(8), reader.GetDouble(9));
            var kode = reader.GetString(0);
            var nama = reader.GetString(1);
            var tercatat = reader.IsDBNull(17) ? null : new NilaiWilayah(kode, nama, Double(reader, 13), Double(reader, 14), Double(reader, 15),
                reader.GetBoolean(16), reader.GetString(17), reader.GetBoolean(18), reader.GetInt64(19), null, null);
            list.Add(new WilayahRollUp(kode, nama, hasil, reader.GetInt32(4), reader.GetFieldValue<string[]>(10), reader.GetBoolean(11), tercatat,
                reader.IsDBNull(20) ? null : new ApplicableTarget(reader.GetDouble(20), reader.GetString(21))));
        }
        return list;
    }

    /// <summary>
    /// The periods in which <paramref name="indikator"/> has values for <paramref name="wilayah"/>
    /// or any wilayah below it, oldest first, in the public view: what a period picker can offer.
    /// </summary>
    public async Task<IReadOnlyList<string>> PeriodsAsync(WilayahScope scope, KodeWilayah? wilayah, string indikator, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"""
            SELECT DISTINCT n.periode FROM {Source(Tampilan.Terbit)} n
            WHERE n.indikator = upper($1) AND (n.wilayah = $2 OR n.wilayah LIKE $3) AND n.wilayah LIKE $4
            ORDER BY n.periode
            """);
        cmd.Parameters.AddWithValue(indikator);
        cmd.Parameters.AddWithValue(wilayah?.Value ?? "");
        cmd.Parameters.AddWithValue(Below(wilayah));
        cmd.Parameters.AddWithValue(scope.DescendantPattern ?? "%");
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var list = new List<string>();
        while (await reader.ReadAsync(ct)) list.Add(reader.GetString(0));
        return list;
    }

    /// <summary>
    /// Every indicator stored for one wilayah in one period, with its target, in catalogue order
    /// (one query, for a desa panel), in the public view. Indicators without a value for it are left out.
    /// </summary>
    public async Task<IReadOnlyList<NilaiUnit>> UnitValuesAsync(WilayahScope scope, KodeWilayah wilayah, Periode periode, CancellationToken ct = default)
    {
        if (!scope.Contains(wilayah)) return [];
        await using var cmd = dataSource.CreateCommand($"""
            SELECT i.kode, i.nama, i.kelompok, i.satuan, i.polaritas, n.pembilang, n.penyebut, n.nilai, n.hanya_persen, n.sumber, n.sintetis,
                   t.nilai, t.asal
            FROM {Source(Tampilan.Terbit)} n
            JOIN indikator i ON i.kode = n.indikator
            LEFT JOIN LATERAL target_berlaku(i.kode, n.wilayah, $3) t ON true
            WHERE n.wilayah = $1 AND n.periode = $2
            ORDER BY array_position(ARRAY['prevalensi','layanan','sasaran','layanan_kecamatan','data_dukung','pengguna'], i.kelompok), i.kode
            """);
        cmd.Parameters.AddWithValue(wilayah.Value);
        cmd.Parameters.AddWithValue(periode.Value);
        cmd.Parameters.AddWithValue(periode.Tahun);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var list = new List<NilaiUnit>();
        while (await reader.ReadAsync(ct))
        {
            list.Add(new NilaiUnit(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), Double(reader, 5), Double(reader, 6), Double(reader, 7),
                reader.GetBoolean(8), reader.IsDBNull(9) ? null : reader.GetString(9), reader.GetBoolean(10),
                reader.IsDBNull(11) ? null : new ApplicableTarget(reader.GetDouble(11), reader.GetString(12))));
        }
        return list;
    }

    /// <summary>
    /// The stored values of several indicators for every unit of one level under <paramref name="induk"/>,
    /// in one read, as columns aligned with the units (kode order): the analysis reads 30 indicators of
    /// a province's 8,563 desa at once. Only the columns the analysis uses, without joins (the units
    /// come from their own query; a value of another level under the same prefix is skipped).
    /// </summary>
    public async Task<NilaiKolom> ValuesOfManyAsync(Caller caller, KodeWilayah induk, Tingkat tingkat,
        IReadOnlyList<string> indikator, Periode periode, Tampilan tampilan = Tampilan.Terbit, CancellationToken ct = default)
    {
        caller.Periksa(tampilan, induk);
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var kode = new List<string>();
        var nama = new List<string>();
        await using (var cmd = new NpgsqlCommand("SELECT kode, nama FROM wilayah WHERE tingkat = $1 AND kode LIKE $2 AND kode LIKE $3 ORDER BY kode", conn))
        {
            cmd.Parameters.AddWithValue((short)tingkat);
            cmd.Parameters.AddWithValue(Below(induk));
            cmd.Parameters.AddWithValue(caller.Area.DescendantPattern ?? "%");
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                kode.Add(reader.GetString(0));
                nama.Add(reader.GetString(1));
            }
        }

        var position = new Dictionary<string, int>(kode.Count, StringComparer.Ordinal);
        for (var i = 0; i < kode.Count; i++) position[kode[i]] = i;
        var codes = indikator.Distinct().ToArray();
        var columns = codes.Select(_ => new NilaiKolom.Kolom(kode.Count)).ToArray();
        await using (var cmd = new NpgsqlCommand($"""
            SELECT array_position($1, n.indikator), n.wilayah, n.pembilang, n.penyebut, n.nilai, n.hanya_persen, n.sumber, n.sintetis
            FROM {Source(tampilan)} n
            WHERE n.indikator = ANY($1) AND n.periode = $2 AND n.wilayah LIKE $3 AND n.wilayah LIKE $4
            """, conn))
        {
            cmd.Parameters.AddWithValue(codes);
            cmd.Parameters.AddWithValue(periode.Value);
            cmd.Parameters.AddWithValue(Below(induk));
            cmd.Parameters.AddWithValue(caller.Area.DescendantPattern ?? "%");
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            // A source is one of a few strings per read: one instance each.
            var sources = new Dictionary<string, string>(StringComparer.Ordinal);
            while (await reader.ReadAsync(ct))
            {
                if (!position.TryGetValue(reader.GetString(1), out var i)) continue;
                var c = columns[reader.GetInt32(0) - 1];
                c.Pembilang[i] = Double(reader, 2);
                c.Penyebut[i] = Double(reader, 3);
                c.Nilai[i] = Double(reader, 4);
                c.HanyaPersen[i] = reader.GetBoolean(5);
                var source = reader.GetString(6);
                c.Sumber[i] = sources.TryGetValue(source, out var known) ? known : sources[source] = source;
                c.Sintetis[i] = reader.GetBoolean(7);
            }
        }
        return new NilaiKolom(kode, nama, codes.Select((code, i) => (code, columns[i])).ToDictionary(x => x.code, x => x.Item2, StringComparer.Ordinal));
    }

    /// <summary>The wilayah itself and its units of one level below it, code and name.</summary>
    public async Task<IReadOnlyList<(string Kode, string Nama)>> NamesAsync(KodeWilayah induk, Tingkat tingkat, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("SELECT kode, nama FROM wilayah WHERE kode = $1 OR (tingkat = $2 AND kode LIKE $3) ORDER BY kode");
        cmd.Parameters.AddWithValue(induk.Value);
        cmd.Parameters.AddWithValue((short)tingkat);
        cmd.Parameters.AddWithValue(Below(induk));
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var list = new List<(string, string)>();
        while (await reader.ReadAsync(ct)) list.Add((reader.GetString(0), reader.GetString(1)));
        return list;
    }

    private static string Source(Tampilan tampilan) => tampilan == Tampilan.Draf ? "nilai" : "nilai_terbit";

    private static string Below(KodeWilayah? induk) => induk is { } k ? k.Value + ".%" : "%";

    private static double? Double(NpgsqlDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetDouble(i);
}
