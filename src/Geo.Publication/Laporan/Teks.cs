using System.Text.RegularExpressions;
using Geo.Core.Analisis;
using Geo.Core.Text;

namespace Geo.Publication.Laporan;

/// <summary>How the report writes numbers, periods, dates and the analysis' labels in Bahasa Indonesia.</summary>
public static partial class Teks
{
    private static readonly string[] Bulan =
        ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    /// <summary>A prevalence or other outcome value: two decimals, as e-PPGBM tables print them.</summary>
    public static string Hasil(double? v) => v is { } x ? IndonesianNumber.ToText(x, "#,0.00") : "–";

    /// <summary>A coverage percentage: one decimal.</summary>
    public static string Cakupan(double? v) => v is { } x ? IndonesianNumber.ToText(x, "#,0.0") : "–";

    /// <summary>A statistic (Moran's I, z): three decimals.</summary>
    public static string Statistik(double? v) => v is { } x ? IndonesianNumber.ToText(x, "0.000") : "–";

    public static string Bulat(double v) => IndonesianNumber.ToText(v, "#,0");

    /// <summary>2022-08 → Agustus 2022; 2024-S1 → semester 1 2024; 2024 → 2024.</summary>
    public static string Periode(string periode)
    {
        if (periode.Length == 7 && periode[5] == 'S') return $"semester {periode[6]} {periode[..4]}";
        if (periode.Length == 7 && int.TryParse(periode[5..], out var bulan)) return $"{Bulan[bulan - 1]} {periode[..4]}";
        return periode;
    }

    public static string Tanggal(DateTimeOffset waktu) => $"{waktu.Day} {Bulan[waktu.Month - 1]} {waktu.Year}";

    public static string Kelas(string kelas) =>
        Geo.Publication.Peta.LapisanAnalisis.KelasKesenjangan.Append(Geo.Publication.Peta.LapisanAnalisis.DataKurang)
            .FirstOrDefault(k => k.Kunci == kelas)?.Label ?? kelas;

    /// <summary>What a gap class asks of the TPPS, as the guide reads it.</summary>
    public static string ArtiKelas(string kelas) => kelas switch
    {
        GapClass.TinggiCakupanRendah =>
            "lokasi yang menjadi masalah: prevalensi relatif tinggi dan sebagian besar intervensi belum mencapai target; prioritas untuk menaikkan cakupan layanan",
        GapClass.TinggiCakupanBaik =>
            "lokasi yang menjadi masalah: prevalensi relatif tinggi walaupun cakupan sudah baik; cari penyebab di luar cakupan (mutu layanan, ketepatan sasaran, faktor lain, mutu data)",
        GapClass.RendahCakupanRendah =>
            "berisiko: prevalensi belum tinggi tetapi cakupan rendah; cakupan perlu dinaikkan agar prevalensi tidak naik",
        GapClass.RendahCakupanBaik => "prevalensi tidak relatif tinggi dan cakupan baik; pertahankan",
        GapClass.DataKurang => "belum dapat dinilai: prevalensi tidak tersedia, atau terlalu sedikit indikator cakupan yang memiliki data dan target",
        _ => kelas,
    };

    public static string Lisa(string lisa) => lisa switch
    {
        "HH" => "Tinggi-Tinggi (klaster panas)",
        "LL" => "Rendah-Rendah (klaster dingin)",
        "HL" => "Tinggi-Rendah (pencilan tinggi)",
        "LH" => "Rendah-Tinggi (pencilan rendah)",
        _ => lisa,
    };

    public static string ArtiLisa(string lisa) => lisa switch
    {
        "HH" => "prevalensi tinggi dan dikelilingi tetangga berprevalensi tinggi: kawasan masalah yang menuntut penanganan bersama lintas desa",
        "LL" => "prevalensi rendah dan dikelilingi tetangga berprevalensi rendah: kawasan yang relatif baik",
        "HL" => "prevalensi tinggi di tengah tetangga berprevalensi rendah: masalah setempat; periksa penyebab khusus desa itu (dan mutu datanya)",
        "LH" => "prevalensi rendah di tengah tetangga berprevalensi tinggi: desa yang bertahan; pelajari apa yang berjalan baik di sana",
        _ => lisa,
    };

    public static string GiBin(int bin) => bin switch
    {
        3 => "titik panas, keyakinan 99%",
        2 => "titik panas, keyakinan 95%",
        1 => "titik panas, keyakinan 90%",
        -1 => "titik dingin, keyakinan 90%",
        -2 => "titik dingin, keyakinan 95%",
        -3 => "titik dingin, keyakinan 99%",
        _ => "tidak signifikan",
    };

    public static string Lapisan(string lapisan) => lapisan switch
    {
        "nilai" => "Peta prevalensi",
        "kelas" => "Peta kelas kesenjangan (lokasi yang menjadi masalah)",
        "gi" => "Peta titik panas Getis-Ord Gi*",
        "lisa" => "Peta klaster LISA",
        "peluang" => "Peta peluang melewati ambang",
        "perubahan" => "Peta arah perubahan",
        "titik_panas_muncul" => "Peta titik panas yang muncul",
        _ => $"Peta {lapisan}",
    };

    /// <summary>An emerging hot spot pattern as the map's legend names it.</summary>
    public static string Pola(string pola) =>
        Geo.Publication.Peta.LapisanAnalisis.KelasPolaTitikPanas.FirstOrDefault(k => k.Kunci == pola)?.Label ?? pola;

    /// <summary>What a pattern means, after ArcGIS Pro's definitions (EmergingHotSpots in Geo.Core).</summary>
    public static string ArtiPola(string pola)
    {
        var panas = pola.StartsWith("titik_panas_", StringComparison.Ordinal);
        var jenis = panas ? "titik panas" : "titik dingin";
        return pola[(pola.LastIndexOf('_') + 1)..] switch
        {
            "baru" => $"menjadi {jenis} signifikan pada periode terakhir dan tidak pernah sebelumnya",
            "berturut" => $"{jenis} pada beberapa periode terakhir berturut-turut, tidak pernah sebelumnya",
            "menguat" => $"{jenis} hampir di setiap periode dan makin kuat",
            "menetap" => $"{jenis} hampir di setiap periode tanpa kecenderungan naik atau turun",
            "melemah" => $"{jenis} hampir di setiap periode tetapi makin lemah",
            "sporadis" => $"{jenis} pada periode terakhir, timbul-tenggelam sebelumnya",
            "berosilasi" => $"{jenis} pada periode terakhir, tetapi pernah menjadi {(panas ? "titik dingin" : "titik panas")}",
            "historis" => $"dahulu {jenis} hampir di setiap periode, tetapi tidak lagi pada periode terakhir",
            _ => "tidak membentuk pola titik panas atau dingin",
        };
    }

    /// <summary>
    /// The reason of a gap class, short enough for a table cell: the unmet indicators by code only
    /// (at most <paramref name="maxCodes"/>), their values and targets being in the intervention table.
    /// </summary>
    public static string AlasanRingkas(string alasan, int maxCodes = 8)
    {
        const string Marker = "; belum memenuhi target: ";
        alasan = alasan.Replace(" ≤ ", " tidak melebihi ", StringComparison.Ordinal);
        var at = alasan.IndexOf(Marker, StringComparison.Ordinal);
        if (at < 0) return alasan;
        var codes = KodeTertinggal().Matches(alasan[(at + Marker.Length)..]).Select(m => m.Groups["kode"].Value).ToList();
        if (codes.Count == 0) return alasan;
        var shown = string.Join(", ", codes.Take(maxCodes));
        return alasan[..at] + Marker + (codes.Count > maxCodes ? $"{shown} dan {codes.Count - maxCodes} lainnya" : shown);
    }

    [GeneratedRegex(@"(?:^|, )(?<kode>[A-Z][A-Z0-9_]*) -?[0-9][0-9.,]* \(target")]
    private static partial Regex KodeTertinggal();

    /// <summary>"a, b dan c".</summary>
    public static string Daftar(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count switch
        {
            0 => "",
            1 => list[0],
            _ => string.Join(", ", list[..^1]) + " dan " + list[^1],
        };
    }
}
