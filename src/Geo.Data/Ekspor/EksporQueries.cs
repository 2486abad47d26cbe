using System.Runtime.CompilerServices;
using System.Text;
using Geo.Core.Akun;
using Geo.Core.Errors;
using Geo.Core.Indikator;
using Geo.Core.Wilayah;
using Geo.Data.Analisis;
using Geo.Data.Indikator;
using Geo.Data.Lokus;
using Npgsql;

namespace Geo.Data.Ekspor;

/// <summary>
/// The export layers: wilayah with indicator values, a stored analysis run, a lokus list. Each
/// checks its caller first, as every read does (anonymous: published values only; an area account:
/// its area only; the draft view: role holders of the area), then hands back a layer whose rows
/// PostGIS streams to the writer one at a time (geometry already encoded as the writer needs it),
/// so a national layer is never held in memory.
/// </summary>
public sealed class EksporQueries(NpgsqlDataSource dataSource, AnalysisStore analyses, LokusStore lokus)
{
    public const int MaksimumIndikator = 20;

    private const string GeomPlaceholder = "{geom}";

    private sealed record IndikatorInfo(string Kode, string Nama, string Satuan, string? Polaritas, string Kelompok);

    /// <summary>
    /// The desa or kecamatan under <paramref name="induk"/> (null: the caller's whole area) with the
    /// values of the indicators in one period. One indicator gives the long layout
    /// (<c>kode, nama, induk, indikator, periode, nilai, pembilang, penyebut, ...</c>), which
    /// <c>geo import indikator</c> reads back; several give one group of fields per indicator.
    /// </summary>
    public async Task<LapisanEkspor> WilayahAsync(Caller caller, KodeWilayah? induk, Tingkat tingkat, IReadOnlyList<string> indikator,
        Periode periode, Tampilan tampilan = Tampilan.Terbit, CancellationToken ct = default)
    {
        if (tingkat is not (Tingkat.Desa or Tingkat.Kecamatan) || induk is { } i0 && i0.Tingkat >= tingkat)
        {
            throw GeoException.Parameter("tingkat", $"tingkat harus desa atau kecamatan di bawah {induk?.Value ?? "nasional"}");
        }
        if (induk is { } area && !caller.Area.Contains(area)) throw GeoException.Forbidden($"wilayah {area} di luar cakupan akun ini");
        caller.Periksa(tampilan, induk ?? caller.Area.Root);
        var codes = indikator.Select(k => k.Trim().ToUpperInvariant()).Where(k => k.Length > 0).Distinct().ToList();
        if (codes.Count == 0) throw GeoException.Parameter("indikator", "sebutkan minimal satu indikator");
        if (codes.Count > MaksimumIndikator) throw GeoException.TooLarge($"paling banyak {MaksimumIndikator} indikator sekali ekspor", null);
        if (codes.FirstOrDefault(k => !KodeIndikator.IsValid(k)) is { } bad) throw GeoException.Parameter("indikator", $"kode indikator '{Geo.Core.Text.UserText.Shorten(bad)}' tidak sah");
        var info = await IndicatorsAsync(codes, ct);
        if (induk is { } parent && !await ExistsAsync(parent, ct)) throw GeoException.NotFound($"wilayah {parent} tidak ada");

        var source = tampilan == Tampilan.Draf ? "nilai" : "nilai_terbit";
        var below = induk is { } k0 ? k0.Value + ".%" : "%";
        var scope = caller.Area.DescendantPattern ?? "%";
        var (sumber, sintetis) = await SourcesAsync(source, codes, periode, below, scope, ct);

        var single = codes.Count == 1;
        var fields = new List<KolomEkspor>
        {
            new("kode", JenisKolom.Teks, "kode wilayah Kepmendagri"),
            new("nama", JenisKolom.Teks, $"nama {tingkat.ToName()}"),
            new("induk", JenisKolom.Teks, tingkat == Tingkat.Desa ? "kode kecamatan" : "kode kabupaten/kota"),
        };
        if (single) fields.Add(new("indikator", JenisKolom.Teks, "kode indikator"));
        fields.Add(new("periode", JenisKolom.Teks, "periode data"));
        var select = new StringBuilder("w.kode, w.nama, w.induk");
        if (single) select.Append(", $1::text");
        select.Append(", $2::text");
        var joins = new StringBuilder();
        var targets = new List<string>();
        for (var n = 0; n < info.Count; n++)
        {
            var ind = info[n];
            var prefix = single ? "" : ind.Kode.ToLowerInvariant() + "_";
            var satuan = ind.Satuan == "persen" ? "%" : ind.Satuan;
            fields.Add(new(single ? "nilai" : ind.Kode.ToLowerInvariant(), JenisKolom.Angka, $"{ind.Nama} ({ind.Kode}), {satuan}"));
            fields.Add(new(prefix + "pembilang", JenisKolom.Angka, $"pembilang {ind.Kode}"));
            fields.Add(new(prefix + "penyebut", JenisKolom.Angka, $"penyebut {ind.Kode}"));
            fields.Add(new(prefix + "target", JenisKolom.Angka, $"target {ind.Kode} yang berlaku (wilayah terdekat, lalu nasional)"));
            fields.Add(new(prefix + "selisih", JenisKolom.Angka,
                $"kekurangan {ind.Kode} terhadap target ({(ind.Polaritas == "turun" ? "nilai - target" : "target - nilai")}; 0 bila memenuhi)"));
            fields.Add(new(prefix + "sumber", JenisKolom.Teks, $"sumber data {ind.Kode}"));
            var p = 5 + n;
            var target = TargetBerlakuSql.For($"tt{n}", $"${p}", "$3", "w.kode");
            targets.Add(target.Cte);
            select.Append($", n{n}.nilai, n{n}.pembilang, n{n}.penyebut, {target.Nilai}, {Shortfall($"n{n}.nilai", target.Nilai, ind.Polaritas)}, n{n}.sumber");
            joins.Append($"\nLEFT JOIN {source} n{n} ON n{n}.wilayah = w.kode AND n{n}.indikator = ${p} AND n{n}.periode = $2");
            joins.Append(target.Joins);
        }
        fields.Add(new("sintetis", JenisKolom.Logika, "benar bila nilai berasal dari Data sintetis"));
        select.Append(", " + (info.Count == 0 ? "false" : string.Join(" OR ", info.Select((_, n) => $"coalesce(n{n}.sintetis, false)"))));

        // No ORDER BY: PostgreSQL would sort the geometries along with the codes (for the country, a
        // 145 MB merge on disk); rows come in the table's order.
        var sql = $"""
            {With(targets)}SELECT {select}{GeomPlaceholder}
            FROM wilayah w{joins}
            WHERE w.tingkat = $4 AND w.kode LIKE ${5 + info.Count} AND w.kode LIKE ${6 + info.Count}
            """;
        void Bind(NpgsqlParameterCollection p)
        {
            p.AddWithValue(codes[0]);
            p.AddWithValue(periode.Value);
            p.AddWithValue(periode.Tahun);
            p.AddWithValue((short)tingkat);
            foreach (var c in codes) p.AddWithValue(c);
            p.AddWithValue(below);
            p.AddWithValue(scope);
        }

        var prevalence = info.FirstOrDefault(x => x.Kode == KodeIndikator.PrevalensiStunting);
        var styles = prevalence is null ? [] : new[]
        {
            new GayaEkspor("who-stunting", single ? "nilai" : prevalence.Kode.ToLowerInvariant(), $"Kelas prevalensi WHO: {prevalence.Nama}", true),
        };
        var name = $"{tingkat.ToName()}_{(induk?.Value ?? caller.Area.RootCode ?? "nasional").Replace('.', '_')}_{string.Join("_", codes).ToLowerInvariant()}_{Safe(periode.Value)}";
        var metadata = new MetadataEkspor(
            $"{tingkat.ToName()} {induk?.Value ?? caller.Area.RootCode ?? "nasional"}: {string.Join(", ", codes)} periode {periode.Value}",
            "Geo: batas wilayah Kepmendagri; nilai indikator " + (tampilan == Tampilan.Draf ? "data kerja dengan DRAF" : "yang terbit")
                + (sumber.Length > 0 ? " dari " + string.Join(", ", sumber) : " (belum ada nilai)"),
            periode.Value, sintetis, tampilan.ToName(), null, null, codes);
        return new LapisanEkspor(name, fields, metadata, styles, (bentuk, ct2) => StreamAsync(sql, Bind, fields, bentuk, ct2));
    }

    /// <summary>
    /// A stored run: every unit's class, reasons, LISA, Gi*, smoothed rates, with the values,
    /// targets and shortfalls of its coverage indicators (same view and period as the run), and the
    /// per-indicator ranking as a second table for spreadsheets.
    /// </summary>
    public async Task<LapisanEkspor> AnalisisAsync(Caller caller, long id, CancellationToken ct = default)
    {
        var run = await analyses.LoadAsync(caller, id, ct) ?? throw GeoException.NotFound($"analisis {id} tidak ada");
        var coverage = await IndicatorsAsync(run.Summary.CoverageIndicators, ct);
        var source = run.Tampilan == "draf" ? "nilai" : "nilai_terbit";
        var desa = run.Tingkat == "desa";
        var fields = new List<KolomEkspor>
        {
            new("kode", JenisKolom.Teks, "kode wilayah Kepmendagri"),
            new("nama", JenisKolom.Teks, $"nama {run.Tingkat}"),
            new(desa ? "kecamatan" : "kabkota", JenisKolom.Teks, desa ? "nama kecamatan" : "nama kabupaten/kota"),
            new("nilai", JenisKolom.Angka, $"nilai {run.Indikator} periode {run.Periode}"),
            new("eb_global", JenisKolom.Angka, "laju dihaluskan Empirical Bayes global (%)"),
            new("eb_lokal", JenisKolom.Angka, "laju dihaluskan Empirical Bayes lokal/spasial (%)"),
            new("local_i", JenisKolom.Angka, "Moran lokal Ii"),
            new("local_z", JenisKolom.Angka, "Moran lokal z"),
            new("local_p", JenisKolom.Angka, "Moran lokal p semu (permutasi)"),
            new("lisa", JenisKolom.Teks, "klaster LISA: HH, LL, HL, LH, tidak_signifikan, tanpa_tetangga, tanpa_data"),
            new("gi_z", JenisKolom.Angka, "Getis-Ord Gi* z"),
            new("gi_p", JenisKolom.Angka, "Getis-Ord Gi* p"),
            new("gi_bin", JenisKolom.Bulat, "Gi* kelas -3..3 (titik dingin/panas 99/95/90%)"),
            new("kelas", JenisKolom.Teks, "kelas kesenjangan (pedoman nasional)"),
            new("alasan", JenisKolom.Teks, "alasan kelas dalam kata-kata"),
            new("peluang_tinggi", JenisKolom.Angka, "peluang nilai sebenarnya melewati ambang relatif tinggi (posterior Empirical Bayes), 0..1"),
            new("ki_bawah", JenisKolom.Angka, "batas bawah interval kredibel 95% nilai (posterior Empirical Bayes)"),
            new("ki_atas", JenisKolom.Angka, "batas atas interval kredibel 95% nilai (posterior Empirical Bayes)"),
            new("tidak_pasti", JenisKolom.Logika, "benar bila kelas dapat berubah karena ketidakpastian data (peluang di antara 1 - batas dan batas)"),
            new("bv_i", JenisKolom.Angka, "Moran lokal bivariat: nilai hasil terhadap lag spasial indikator cakupan"),
            new("bv_p", JenisKolom.Angka, "Moran lokal bivariat p semu (permutasi)"),
            new("bv_lisa", JenisKolom.Teks, "klaster Moran lokal bivariat: HH, LL, HL, LH, tidak_signifikan, tanpa_tetangga, tanpa_data"),
            new("sintetis", JenisKolom.Logika, "benar bila analisis memuat Data sintetis"),
        };
        var select = new StringBuilder("""
            u.kode, w.nama, k.nama, u.nilai, u.eb_global, u.eb_lokal, u.local_i, u.local_z, u.local_p, u.lisa, u.gi_z, u.gi_p,
            u.gi_bin::bigint, u.kelas, u.alasan, u.peluang_tinggi, u.ki_bawah, u.ki_atas, u.tidak_pasti, u.bv_i, u.bv_p, u.bv_lisa, $2::boolean
            """);
        var joins = new StringBuilder();
        var targets = new List<string>();
        for (var n = 0; n < coverage.Count; n++)
        {
            var ind = coverage[n];
            var code = ind.Kode.ToLowerInvariant();
            fields.Add(new(code, JenisKolom.Angka, $"{ind.Nama} ({ind.Kode})"));
            fields.Add(new(code + "_target", JenisKolom.Angka, $"target {ind.Kode} yang berlaku"));
            fields.Add(new(code + "_selisih", JenisKolom.Angka, $"kekurangan {ind.Kode} terhadap target (0 bila memenuhi)"));
            var p = 5 + n;
            var target = TargetBerlakuSql.For($"tt{n}", $"${p}", "$4", "u.kode");
            targets.Add(target.Cte);
            select.Append($", n{n}.nilai, {target.Nilai}, {Shortfall($"n{n}.nilai", target.Nilai, ind.Polaritas)}");
            joins.Append($"\nLEFT JOIN {source} n{n} ON n{n}.wilayah = u.kode AND n{n}.indikator = ${p} AND n{n}.periode = $3");
            joins.Append(target.Joins);
        }
        var sql = $"""
            {With(targets)}SELECT {select}{GeomPlaceholder}
            FROM analisis_unit u
            JOIN wilayah w ON w.kode = u.kode
            LEFT JOIN wilayah k ON k.kode = w.induk{joins}
            WHERE u.analisis = $1
            ORDER BY u.kode
            """;
        var periode = Periode.Parse(run.Periode);
        void Bind(NpgsqlParameterCollection p)
        {
            p.AddWithValue(run.Id);
            p.AddWithValue(run.Synthetic);
            p.AddWithValue(run.Periode);
            p.AddWithValue(periode.Tahun);
            foreach (var c in coverage) p.AddWithValue(c.Kode);
        }

        var metadata = new MetadataEkspor(
            $"Analisis situasi {run.Indikator} {run.Periode} di {run.Wilayah} (analisis {run.Id})",
            "Geo: analisis situasi dari nilai " + (run.Tampilan == "draf" ? "data kerja dengan DRAF" : "yang terbit") + $", dihitung {run.ComputedAt:yyyy-MM-dd HH:mm} UTC",
            run.Periode, run.Synthetic, run.Tampilan, run.Parameters.GetRawText(), run.InputVersion, [run.Indikator, .. run.Summary.CoverageIndicators]);
        GayaEkspor[] styles =
        [
            new("kelas-kesenjangan", "kelas", "Kelas kesenjangan", true),
            new("lisa", "lisa", "Klaster LISA", false),
            new("gi-bin", "gi_bin", "Titik panas/dingin Gi*", false),
            new("peluang-tinggi", "peluang_tinggi", "Peluang melewati ambang", false),
            // WHO classes are for stunting prevalence only, as on the map and the static images.
            .. run.Indikator == KodeIndikator.PrevalensiStunting ? [new GayaEkspor("who-stunting", "nilai", "Kelas prevalensi WHO", false)] : Array.Empty<GayaEkspor>(),
        ];
        return new LapisanEkspor($"analisis_{run.Id}", fields, metadata, styles, (bentuk, ct2) => StreamAsync(sql, Bind, fields, bentuk, ct2),
            [Ranking(run)]);
    }

    /// <summary>
    /// An analysis over time (the stored run of /api/analisis/waktu): per unit the value in each
    /// period, the change first → last with its test and direction, the Mann-Kendall trend with
    /// Sen's slope, and the emerging hot spot pattern; the roll-ups (the area and its kecamatan) as
    /// a second table. Method and parameters go in the metadata.
    /// </summary>
    public LapisanEkspor Waktu(TemporalResult result)
    {
        var periods = result.Periode;
        var fields = new List<KolomEkspor>
        {
            new("kode", JenisKolom.Teks, "kode wilayah Kepmendagri"),
            new("nama", JenisKolom.Teks, $"nama {result.Tingkat}"),
        };
        fields.AddRange(periods.Select(p => new KolomEkspor(PeriodField(p), JenisKolom.Angka, $"nilai {result.Indikator} periode {p}")));
        fields.AddRange(TemporalFields(periods));
        fields.Add(new("pola_titik_panas", JenisKolom.Teks, "pola titik panas yang muncul (Emerging Hot Spot): titik_panas_/titik_dingin_ baru, berturut, menguat, menetap, melemah, sporadis, berosilasi, historis; tanpa_pola"));
        fields.Add(new("sintetis", JenisKolom.Logika, "benar bila analisis memuat Data sintetis"));
        var rows = new Dictionary<string, object?[]>(StringComparer.Ordinal);
        foreach (var u in result.Unit)
        {
            rows[u.Kode] = [u.Kode, u.Nama, .. u.Nilai.Cast<object?>(), .. TemporalValues(u.Perubahan, u.Tren), u.TitikPanas?.Pola, result.Sintetis];
        }
        var aggregateFields = new List<KolomEkspor>
        {
            new("kode", JenisKolom.Teks, "kode wilayah"),
            new("nama", JenisKolom.Teks, "nama wilayah"),
            new("tingkat", JenisKolom.Teks, "tingkat wilayah"),
        };
        aggregateFields.AddRange(periods.Select(p => new KolomEkspor(PeriodField(p), JenisKolom.Angka, $"nilai {result.Indikator} periode {p} (Σ pembilang / Σ penyebut)")));
        aggregateFields.AddRange(TemporalFields(periods));
        var aggregates = result.Agregat.Select(a => (object?[])[a.Kode, a.Nama, a.Tingkat, .. a.Nilai.Cast<object?>(), .. TemporalValues(a.Perubahan, a.Tren)]).ToList();

        var parameter = System.Text.Json.JsonSerializer.Serialize(new { parameter = result.Parameter, metode = result.Metode });
        var metadata = new MetadataEkspor(
            $"Analisis waktu {result.Indikator} {periods[0]} sampai {periods[^1]} di {result.Wilayah}",
            "Geo: analisis waktu dari nilai " + (result.Tampilan == "draf" ? "data kerja dengan DRAF" : "yang terbit") + " (perubahan, tren Mann-Kendall dan kemiringan Sen, titik panas yang muncul)"
                + (result.TitikPanasTidakTersedia is { } why ? $"; titik panas yang muncul tidak tersedia: {why}" : ""),
            string.Join(",", periods), result.Sintetis, result.Tampilan, parameter, null, [result.Indikator]);
        GayaEkspor[] styles =
        [
            new("perubahan-arah", "perubahan_arah", "Arah perubahan", true),
            new("titik-panas-muncul", "pola_titik_panas", "Titik panas yang muncul", false),
        ];
        const string sql = "SELECT w.kode{geom} FROM wilayah w WHERE w.kode = ANY($1) ORDER BY w.kode";
        var codes = rows.Keys.ToArray();
        return new LapisanEkspor($"analisis_waktu_{result.Wilayah.Replace('.', '_')}_{result.Indikator.ToLowerInvariant()}_{Safe(periods[0])}_{Safe(periods[^1])}",
            fields, metadata, styles, (bentuk, ct2) => JoinAsync(sql, codes, rows, fields.Count, bentuk, ct2),
            [new TabelLampiran("agregat", aggregateFields, aggregates)]);
    }

    private static string PeriodField(string periode) => "nilai_" + Safe(periode).ToLowerInvariant();

    private static IEnumerable<KolomEkspor> TemporalFields(IReadOnlyList<string> periods) =>
    [
        new("selisih", JenisKolom.Angka, $"nilai {periods[^1]} dikurangi nilai {periods[0]}"),
        new("perubahan_z", JenisKolom.Angka, "uji z dua proporsi perubahan (pembilang/penyebut)"),
        new("perubahan_p", JenisKolom.Angka, "p dua sisi uji perubahan"),
        new("perubahan_arah", JenisKolom.Teks, "membaik, memburuk atau tetap (menurut polaritas, pada alpha); kosong bila tidak dapat diuji"),
        new("tren_n", JenisKolom.Bulat, "jumlah periode bernilai dalam tren"),
        new("tren_s", JenisKolom.Angka, "statistik S Mann-Kendall"),
        new("tren_tau", JenisKolom.Angka, "tau Mann-Kendall"),
        new("tren_p", JenisKolom.Angka, "p dua sisi Mann-Kendall"),
        new("sen_per_tahun", JenisKolom.Angka, "kemiringan Sen (perubahan per tahun)"),
        new("tren_arah", JenisKolom.Teks, "membaik, memburuk atau tetap menurut tren"),
    ];

    private static object?[] TemporalValues(ChangeItem c, TrendItem? t) =>
        [c.Selisih, c.Z, c.P, c.Arah, t is null ? null : (long)t.N, t?.S, t?.Tau, t?.P, t?.SenPerTahun, t?.Arah];

    /// <summary>Rows computed in memory with their geometry from PostGIS, joined by kode.</summary>
    private async IAsyncEnumerable<BarisEkspor> JoinAsync(string sql, string[] codes, Dictionary<string, object?[]> rows, int count,
        BentukGeometri bentuk, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand(sql.Replace(GeomPlaceholder, GeometrySql(bentuk), StringComparison.Ordinal), conn) { CommandTimeout = 0 };
        cmd.Parameters.AddWithValue(codes);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var row = new BarisEkspor(count);
            rows[reader.GetString(0)].CopyTo(row.Nilai, 0);
            ReadGeometry(reader, 1, bentuk, row);
            yield return row;
        }
    }

    private static void ReadGeometry(NpgsqlDataReader reader, int g, BentukGeometri bentuk, BarisEkspor row)
    {
        if (bentuk == BentukGeometri.Wkb)
        {
            row.Wkb = reader.GetFieldValue<byte[]>(g);
            row.MinX = reader.GetDouble(g + 1);
            row.MaxX = reader.GetDouble(g + 2);
            row.MinY = reader.GetDouble(g + 3);
            row.MaxY = reader.GetDouble(g + 4);
        }
        else if (bentuk == BentukGeometri.GeoJson)
        {
            row.GeoJson = reader.GetString(g);
        }
    }

    /// <summary>A lokus list's desa with their reasons, in the list's order; a list the caller may not see is not found.</summary>
    public async Task<LapisanEkspor> LokusAsync(Caller caller, long id, CancellationToken ct = default)
    {
        var detail = await lokus.GetAsync(caller, id, ct);
        var l = detail.Lokus;
        var fields = new List<KolomEkspor>
        {
            new("kode", JenisKolom.Teks, "kode desa/kelurahan"),
            new("nama", JenisKolom.Teks, "nama desa/kelurahan"),
            new("kecamatan", JenisKolom.Teks, "nama kecamatan"),
            new("alasan", JenisKolom.Teks, "alasan dipilih sebagai lokus"),
            new("urutan", JenisKolom.Bulat, "urutan dalam daftar"),
        };
        const string sql = """
            SELECT d.desa, w.nama, k.nama, d.alasan, d.urutan::bigint{geom}
            FROM lokus_desa d
            JOIN wilayah w ON w.kode = d.desa
            LEFT JOIN wilayah k ON k.kode = left(d.desa, 8)
            WHERE d.lokus = $1
            ORDER BY d.urutan
            """;
        var metadata = new MetadataEkspor($"Lokus {l.Nama} ({l.Wilayah}, {l.Tahun})", $"Geo: daftar lokus {l.Id}, status {l.Status}",
            l.Tahun.ToString(System.Globalization.CultureInfo.InvariantCulture), false, "terbit", null, null, []);
        return new LapisanEkspor($"lokus_{l.Id}", fields, metadata, [],
            (bentuk, ct2) => StreamAsync(sql, p => p.AddWithValue(l.Id), fields, bentuk, ct2));
    }

    private static TabelLampiran Ranking(StoredAnalysis run)
    {
        var kolom = new List<KolomEkspor>
        {
            new("kode_wilayah", JenisKolom.Teks, "wilayah yang diperingkat (kab/kota atau kecamatan)"),
            new("nama_wilayah", JenisKolom.Teks, "nama wilayah"),
            new("peringkat", JenisKolom.Bulat, "peringkat (1 = paling tertinggal)"),
            new("indikator", JenisKolom.Teks, "kode indikator"),
            new("nama_indikator", JenisKolom.Teks, "nama indikator"),
            new("nilai", JenisKolom.Angka, "nilai wilayah (Σ pembilang / Σ penyebut)"),
            new("target", JenisKolom.Angka, "target yang berlaku"),
            new("selisih", JenisKolom.Angka, "kekurangan terhadap target (0 bila memenuhi)"),
            new("capaian", JenisKolom.Angka, "capaian terhadap target (1 = tepat target)"),
            new("ketertinggalan_z", JenisKolom.Angka, "skor baku capaian di antara intervensi (negatif = tertinggal)"),
            new("bermasalah", JenisKolom.Logika, "intervensi yang menjadi masalah"),
            new("unit_dengan_data", JenisKolom.Bulat, "unit dengan data"),
            new("unit_memenuhi_target", JenisKolom.Bulat, "unit yang memenuhi target"),
            new("penarik_ke_bawah", JenisKolom.Teks, "unit yang paling menarik ke bawah (kode: nilai)"),
        };
        var rows = run.Interventions.SelectMany(a => a.Interventions.Select(i => new object?[]
        {
            a.Kode, a.Nama, (long)i.Rank, i.Indikator, i.Nama, i.Value, i.Target, i.Gap, i.Achievement, i.Lag, i.IsProblem,
            (long)i.UnitsWithData, (long)i.UnitsMeetingTarget,
            string.Join("; ", i.PullingDown.Select(d => $"{d.Nama} ({d.Kode}): {d.Value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}")),
        })).ToList();
        return new TabelLampiran("peringkat_intervensi", kolom, rows);
    }

    private static string With(List<string> ctes) => ctes.Count == 0 ? "" : $"WITH {string.Join(",\n", ctes)}\n";

    /// <summary>How far a value falls short of its target, by the indicator's polarity (as CoverageIndicator.Shortfall); null without either.</summary>
    private static string Shortfall(string value, string target, string? polaritas) => polaritas switch
    {
        "naik" => $"greatest(0, {target} - {value})",
        "turun" => $"greatest(0, {value} - {target})",
        _ => "NULL::float8",
    };

    private async Task<List<IndikatorInfo>> IndicatorsAsync(IReadOnlyList<string> codes, CancellationToken ct)
    {
        if (codes.Count == 0) return [];
        await using var cmd = dataSource.CreateCommand("SELECT kode, nama, satuan, polaritas, kelompok FROM indikator WHERE kode = ANY($1)");
        cmd.Parameters.AddWithValue(codes.ToArray());
        var found = new Dictionary<string, IndikatorInfo>(StringComparer.Ordinal);
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                found[reader.GetString(0)] = new IndikatorInfo(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4));
            }
        }
        return codes.Select(c => found.GetValueOrDefault(c) ?? throw GeoException.NotFound($"indikator {c} tidak ada")).ToList();
    }

    private async Task<bool> ExistsAsync(KodeWilayah kode, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM wilayah WHERE kode = $1)");
        cmd.Parameters.AddWithValue(kode.Value);
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }

    private async Task<(string[] Sumber, bool Sintetis)> SourcesAsync(string source, IReadOnlyList<string> codes, Periode periode,
        string below, string scope, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand($"""
            SELECT coalesce(array_agg(DISTINCT sumber ORDER BY sumber), ARRAY[]::text[]), coalesce(bool_or(sintetis), false)
            FROM {source} WHERE indikator = ANY($1) AND periode = $2 AND wilayah LIKE $3 AND wilayah LIKE $4
            """);
        cmd.Parameters.AddWithValue(codes.ToArray());
        cmd.Parameters.AddWithValue(periode.Value);
        cmd.Parameters.AddWithValue(below);
        cmd.Parameters.AddWithValue(scope);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetFieldValue<string[]>(0), reader.GetBoolean(1));
    }

    private static string GeometrySql(BentukGeometri bentuk) => bentuk switch
    {
        BentukGeometri.Wkb => ", ST_AsBinary(w.geom), ST_XMin(w.geom), ST_XMax(w.geom), ST_YMin(w.geom), ST_YMax(w.geom)",
        BentukGeometri.GeoJson => ", ST_AsGeoJSON(ST_ForcePolygonCCW(w.geom), 7)",
        _ => "",
    };

    /// <summary>Rows as PostGIS sends them (Npgsql reads the result as it arrives), a new object each, so a writer may hand them to another thread.</summary>
    private async IAsyncEnumerable<BarisEkspor> StreamAsync(string sql, Action<NpgsqlParameterCollection> bind, List<KolomEkspor> fields,
        BentukGeometri bentuk, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand(sql.Replace(GeomPlaceholder, GeometrySql(bentuk), StringComparison.Ordinal), conn) { CommandTimeout = 0 };
        bind(cmd.Parameters);
        // Not sequential: Npgsql buffers each row whole (one geometry at most), so the getters below never wait on the network.
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var row = new BarisEkspor(fields.Count);
            for (var i = 0; i < fields.Count; i++)
            {
                row.Nilai[i] = reader.IsDBNull(i) ? null : fields[i].Jenis switch
                {
                    JenisKolom.Angka => reader.GetDouble(i),
                    JenisKolom.Bulat => reader.GetInt64(i),
                    JenisKolom.Logika => reader.GetBoolean(i),
                    _ => reader.GetString(i),
                };
            }
            ReadGeometry(reader, fields.Count, bentuk, row);
            yield return row;
        }
    }

    private static string Safe(string text) => new(text.Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray());
}
