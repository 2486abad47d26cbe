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
    };

    public static bool TryParse(string? text, out Lapisan lapisan)
    {
        lapisan = Lapisan.Nilai;
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "nilai": return true;
            case "kelas": lapisan = Lapisan.Kelas; return true;
            case "lisa": lapisan = Lapisan.Lisa; return true;
            case "gi": lapisan = Lapisan.Gi; return true;
            case "eb": lapisan = Lapisan.Eb; return true;
            default: return false;
        }
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
        var tanpaLabel = lapisan == Lapisan.Kelas ? DataKurang.Label : "Tanpa data";
        var indeks = kategori.Select((k, i) => (k.Kunci, i)).ToDictionary(x => x.Kunci, x => x.i, StringComparer.Ordinal);
        var jumlah = new int[kategori.Length];
        var kelasUnit = new Dictionary<string, int>(StringComparer.Ordinal);
        var tanpa = 0;
        foreach (var r in rows)
        {
            var kunci = lapisan switch
            {
                Lapisan.Kelas => r.Kelas,
                Lapisan.Lisa => r.Lisa,
                _ => r.GiBin?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            };
            if (!indeks.TryGetValue(kunci, out var i)) { tanpa++; continue; }
            jumlah[i]++;
            kelasUnit[r.Kode] = i;
        }
        return new Pewarnaan(kategori.Select((k, i) => new KelasPeta(k.Label, k.Warna, jumlah[i])).ToList(), kelasUnit, tanpaLabel, tanpa, catatan);
    }
}
