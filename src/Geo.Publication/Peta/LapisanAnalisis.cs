using Geo.Core.Analisis;

namespace Geo.Publication.Peta;

/// <summary>What a map shows: the values, or one layer of the situation analysis.</summary>
public enum Lapisan
{
    Nilai,
    Kelas,
    Lisa,
    Gi,
    Eb,
    /// <summary>P(rate &gt; threshold | data) of each unit under the run's EB posterior.</summary>
    Peluang,
    /// <summary>The direction of the change from the first to the last period (needs several periods).</summary>
    Perubahan,
    /// <summary>Emerging hot spot patterns over the periods (needs several periods).</summary>
    TitikPanasMuncul,
}

/// <summary>One category of an analysis layer: the API's key, its label and colour.</summary>
public sealed record Kategori(string Kunci, string Label, string Warna);

/// <summary>
/// The categories and colours of the analysis layers, as the web page has them (web/src/analisis.ts):
/// gap classes as a 2 × 2 of prevalence (red high / blue low) and coverage (dark low / light good),
/// LISA clusters, Gi* bins in ColorBrewer RdBu.
/// </summary>
public static class LapisanAnalisis
{
    public static readonly IReadOnlyDictionary<Lapisan, string> Nama = new Dictionary<Lapisan, string>
    {
        [Lapisan.Nilai] = "Nilai",
        [Lapisan.Kelas] = "Kelas kesenjangan",
        [Lapisan.Lisa] = "Klaster LISA",
        [Lapisan.Gi] = "Titik panas Gi*",
        [Lapisan.Eb] = "Nilai dihaluskan (EB)",
        [Lapisan.Peluang] = "Peluang melewati ambang",
        [Lapisan.Perubahan] = "Arah perubahan",
        [Lapisan.TitikPanasMuncul] = "Titik panas yang muncul",
    };

    /// <summary>The layer's name as the API and the CLI take it.</summary>
    public static readonly IReadOnlyDictionary<Lapisan, string> Kunci = new Dictionary<Lapisan, string>
    {
        [Lapisan.Nilai] = "nilai",
        [Lapisan.Kelas] = "kelas",
        [Lapisan.Lisa] = "lisa",
        [Lapisan.Gi] = "gi",
        [Lapisan.Eb] = "eb",
        [Lapisan.Peluang] = "peluang",
        [Lapisan.Perubahan] = "perubahan",
        [Lapisan.TitikPanasMuncul] = "titik_panas_muncul",
    };

    /// <summary>Layers drawn from the analysis over time: their periode is a list of at least two.</summary>
    public static bool Waktu(Lapisan lapisan) => lapisan is Lapisan.Perubahan or Lapisan.TitikPanasMuncul;

    public static string DaftarKunci => string.Join(", ", Kunci.Values);

    public static bool TryParse(string? text, out Lapisan lapisan)
    {
        lapisan = Lapisan.Nilai;
        var key = text?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(key)) return true;
        foreach (var (l, k) in Kunci)
        {
            if (k != key) continue;
            lapisan = l;
            return true;
        }
        return false;
    }

    public static readonly Kategori[] KelasKesenjangan =
    [
        new(GapClass.TinggiCakupanRendah, "Prevalensi tinggi, cakupan rendah", "#b2182b"),
        new(GapClass.TinggiCakupanBaik, "Prevalensi tinggi, cakupan baik", "#f4a582"),
        new(GapClass.RendahCakupanRendah, "Prevalensi rendah, cakupan rendah", "#4393c3"),
        new(GapClass.RendahCakupanBaik, "Prevalensi rendah, cakupan baik", "#d1e5f0"),
    ];

    public static readonly Kategori DataKurang = new(GapClass.DataKurang, "Data kurang", "#d9d9d9");

    public static readonly Kategori[] KelasLisa =
    [
        new("HH", "Tinggi–tinggi (HH)", "#d7191c"),
        new("LL", "Rendah–rendah (LL)", "#2c7bb6"),
        new("HL", "Tinggi–rendah (HL)", "#fdae61"),
        new("LH", "Rendah–tinggi (LH)", "#abd9e9"),
        new("tidak_signifikan", "Tidak signifikan", "#e8e4da"),
        new("tanpa_tetangga", "Tanpa tetangga", "#969696"),
    ];

    public static readonly Kategori[] KelasGi =
    [
        new("3", "Titik panas, 99%", "#b2182b"),
        new("2", "Titik panas, 95%", "#ef8a62"),
        new("1", "Titik panas, 90%", "#fddbc7"),
        new("0", "Tidak signifikan", "#e8e4da"),
        new("-1", "Titik dingin, 90%", "#d1e5f0"),
        new("-2", "Titik dingin, 95%", "#67a9cf"),
        new("-3", "Titik dingin, 99%", "#2166ac"),
    ];

    /// <summary>Lower bounds of the exceedance classes after the first (web/src/palet-waktu.ts BatasPeluang).</summary>
    public static readonly double[] BatasPeluang = [0.2, 0.5, 0.8, 0.95];

    /// <summary>Exceedance probability classes, ColorBrewer PuRd 5 (web/src/palet-waktu.ts PeluangTinggi).</summary>
    public static readonly Kategori[] KelasPeluang =
    [
        new("0", "< 20%", "#f1eef6"),
        new("1", "20–< 50%", "#d7b5d8"),
        new("2", "50–< 80%", "#df65b0"),
        new("3", "80–< 95%", "#dd1c77"),
        new("4", "≥ 95%", "#980043"),
    ];

    /// <summary>Change directions as /api/analisis/waktu names them (web/src/palet-waktu.ts ArahPerubahan).</summary>
    public static readonly Kategori[] KelasPerubahan =
    [
        new("memburuk", "Memburuk (bermakna)", "#d7191c"),
        new("tetap", "Tetap (tidak bermakna)", "#e8e4da"),
        new("membaik", "Membaik (bermakna)", "#2c7bb6"),
    ];

    /// <summary>Emerging hot spot patterns (web/src/palet-waktu.ts PolaTitikPanas): ColorBrewer Reds 9 and Blues 9 by severity.</summary>
    public static readonly Kategori[] KelasPolaTitikPanas =
    [
        new("titik_panas_menguat", "Titik panas menguat", "#67000d"),
        new("titik_panas_menetap", "Titik panas menetap", "#a50f15"),
        new("titik_panas_berturut", "Titik panas berturut-turut", "#cb181d"),
        new("titik_panas_baru", "Titik panas baru", "#ef3b2c"),
        new("titik_panas_berosilasi", "Titik panas berosilasi", "#fb6a4a"),
        new("titik_panas_sporadis", "Titik panas sporadis", "#fc9272"),
        new("titik_panas_melemah", "Titik panas melemah", "#fcbba1"),
        new("titik_panas_historis", "Titik panas historis", "#fee0d2"),
        new("titik_dingin_menguat", "Titik dingin menguat", "#08306b"),
        new("titik_dingin_menetap", "Titik dingin menetap", "#08519c"),
        new("titik_dingin_berturut", "Titik dingin berturut-turut", "#2171b5"),
        new("titik_dingin_baru", "Titik dingin baru", "#4292c6"),
        new("titik_dingin_berosilasi", "Titik dingin berosilasi", "#6baed6"),
        new("titik_dingin_sporadis", "Titik dingin sporadis", "#9ecae1"),
        new("titik_dingin_melemah", "Titik dingin melemah", "#c6dbef"),
        new("titik_dingin_historis", "Titik dingin historis", "#deebf7"),
        new("tanpa_pola", "Tanpa pola", "#e8e4da"),
    ];

    /// <summary>The class of an exceedance probability (the last whose lower bound it reaches).</summary>
    public static int KelasPeluangOf(double p) => Klasifikasi.KelasOf(p, BatasPeluang);

    /// <summary>
    /// Units coloured by a key per unit (null: none): each category counted, and only the
    /// categories present in the legend when <paramref name="hanyaAda"/> (the 17 hot spot patterns).
    /// </summary>
    public static Pewarnaan Kategoris(Kategori[] kategori, IEnumerable<(string Kode, string? Kunci)> units, string tanpaLabel, string catatan,
        bool hanyaAda = false)
    {
        var indeks = kategori.Select((k, i) => (k.Kunci, i)).ToDictionary(x => x.Kunci, x => x.i, StringComparer.Ordinal);
        var jumlah = new int[kategori.Length];
        var kelasUnit = new Dictionary<string, int>(StringComparer.Ordinal);
        var tanpa = 0;
        foreach (var (kode, kunci) in units)
        {
            if (kunci is null || !indeks.TryGetValue(kunci, out var i)) { tanpa++; continue; }
            jumlah[i]++;
            kelasUnit[kode] = i;
        }
        if (!hanyaAda)
        {
            return new Pewarnaan(kategori.Select((k, i) => new KelasPeta(k.Label, k.Warna, jumlah[i])).ToList(), kelasUnit, tanpaLabel, tanpa, catatan);
        }
        var tampil = Enumerable.Range(0, kategori.Length).Where(i => jumlah[i] > 0).ToList();
        var baru = tampil.Select((i, j) => (i, j)).ToDictionary(x => x.i, x => x.j);
        return new Pewarnaan(tampil.Select(i => new KelasPeta(kategori[i].Label, kategori[i].Warna, jumlah[i])).ToList(),
            kelasUnit.ToDictionary(kv => kv.Key, kv => baru[kv.Value], StringComparer.Ordinal), tanpaLabel, tanpa, catatan);
    }

    /// <summary>The colouring of a categorical layer: every unit of the run by its category, counted.</summary>
    public static Pewarnaan Pewarnaan(Lapisan lapisan, IReadOnlyList<AnalysisRow> rows, string catatan)
    {
        var kategori = lapisan switch
        {
            Lapisan.Kelas => KelasKesenjangan,
            Lapisan.Lisa => KelasLisa,
            Lapisan.Gi => KelasGi,
            _ => throw new ArgumentOutOfRangeException(nameof(lapisan), lapisan, "bukan lapisan berkategori"),
        };
        var units = rows.Select(r => (r.Kode, lapisan switch
        {
            Lapisan.Kelas => r.Kelas,
            Lapisan.Lisa => r.Lisa,
            _ => r.GiBin?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
        return Kategoris(kategori, units, lapisan == Lapisan.Kelas ? DataKurang.Label : "Tanpa data", catatan);
    }
}
