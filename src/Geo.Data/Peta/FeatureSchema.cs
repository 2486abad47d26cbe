using Geo.Core.Analisis;
using Geo.Core.Statistics;

namespace Geo.Data.Peta;

/// <summary>
/// One property of a feature collection, typed as JSON Schema types it: what an OGC collection's
/// schema and queryables say, so GDAL and QGIS make Integer/Real fields even when every value of a
/// page is empty (a GeoJSON reader alone would guess String).
/// </summary>
/// <param name="Type">JSON Schema type: string, number, integer or boolean.</param>
/// <param name="Filter">Accepted as an equality filter on items (<c>?kelas=...</c>), listed in queryables.</param>
public sealed record FeatureProperty(string Name, string Type, string Description, IReadOnlyList<string>? Enum = null, bool Filter = false);

public static class FeatureSchema
{
    public static IReadOnlyList<FeatureProperty> Wilayah { get; } =
    [
        new("kode", "string", "Kode wilayah Kepmendagri"),
        new("nama", "string", "Nama wilayah"),
        new("tingkat", "string", "Tingkat wilayah", ["provinsi", "kabkota", "kecamatan", "desa"]),
        new("induk", "string", "Kode wilayah induk", Filter: true),
        new("jenis", "string", "Jenis wilayah (mis. desa, kelurahan, kabupaten, kota)"),
        new("luas_km2", "number", "Luas dalam km²"),
        new("turunan", "boolean", "true bila batas diturunkan dari tingkat lain (bukan dari berkas batas tingkat ini)"),
    ];

    /// <summary>Added to <see cref="Wilayah"/> when a collection carries an indicator's published values.</summary>
    public static IReadOnlyList<FeatureProperty> Nilai { get; } =
    [
        new("indikator", "string", "Kode indikator"),
        new("periode", "string", "Periode: tahun (2024), bulan (2024-08) atau semester (2024-S1)"),
        new("nilai", "number", "Nilai terbit (persen atau jumlah, menurut satuan indikator); kosong bila belum ada"),
        new("pembilang", "number", "Pembilang; kosong bila sumber hanya memuat persen"),
        new("penyebut", "number", "Penyebut; kosong bila sumber hanya memuat persen"),
        new("sumber", "string", "Sumber data (e-PPGBM, SSGI, sintetis, ...)"),
        new("sintetis", "boolean", "true bila data SINTETIS (bangkitan, bukan data nyata)"),
    ];

    /// <summary>The columns of a stored analysis unit (as <c>geo analisis --keluaran</c>), and the run's synthetic flag.</summary>
    public static IReadOnlyList<FeatureProperty> Analisis { get; } =
    [
        new("kode", "string", "Kode wilayah Kepmendagri"),
        new("nama", "string", "Nama wilayah"),
        new("nilai", "number", "Nilai indikator hasil (mis. prevalensi, persen); kosong bila tidak ada"),
        new("eb_global", "number", "Nilai dihaluskan Empirical Bayes global; kosong bila tidak ada pembilang/penyebut"),
        new("eb_lokal", "number", "Nilai dihaluskan Empirical Bayes lokal; kosong bila tidak ada pembilang/penyebut"),
        new("local_i", "number", "Moran lokal I_i"),
        new("local_z", "number", "Skor z Moran lokal"),
        new("local_p", "number", "Nilai p Moran lokal"),
        new("lisa", "string", "Klaster LISA",
            ["HH", "LL", "HL", "LH", LisaLabels.NotSignificant, LisaLabels.Island, LisaLabels.NoData], Filter: true),
        new("gi_z", "number", "Skor z Getis-Ord Gi*"),
        new("gi_p", "number", "Nilai p Gi*"),
        new("gi_bin", "integer", "Kelas Gi*: 3, 2, 1 titik panas 99/95/90%; 0 tidak signifikan; -1, -2, -3 titik dingin", Filter: true),
        new("kelas", "string", "Kelas kesenjangan", [.. GapClass.All], Filter: true),
        new("alasan", "string", "Alasan kelas, dalam kalimat"),
        new("peluang_tinggi", "number", "Peluang posterior (EB) laju di sisi buruk ambang, 0..1; kosong tanpa pembilang/penyebut"),
        new("ki_bawah", "number", "Batas bawah interval kredibel 95% laju"),
        new("ki_atas", "number", "Batas atas interval kredibel 95% laju"),
        new("tidak_pasti", "boolean", "true bila kelas tinggi/rendah bisa berbalik karena ketidakpastian data"),
        new("bv_i", "number", "Moran lokal bivariat I_i (prevalensi terhadap lag cakupan); kosong bila bivariat tidak diminta"),
        new("bv_p", "number", "Nilai p Moran lokal bivariat"),
        new("bv_lisa", "string", "Klaster Moran lokal bivariat (HH: prevalensi tinggi dikelilingi cakupan tinggi, HL: tinggi dikelilingi cakupan rendah, ...)"),
        new("perubahan_arah", "string", "Analisis waktu: arah perubahan periode pertama ke terakhir (uji dua proporsi, menurut polaritas)",
            [ChangeDirection.Membaik, ChangeDirection.Memburuk, ChangeDirection.Tetap], Filter: true),
        new("perubahan_selisih", "number", "Analisis waktu: selisih periode terakhir dikurangi pertama"),
        new("perubahan_p", "number", "Analisis waktu: nilai p uji dua proporsi"),
        new("tren_arah", "string", "Analisis waktu: arah tren Mann-Kendall", [ChangeDirection.Membaik, ChangeDirection.Memburuk, ChangeDirection.Tetap]),
        new("tren_tau", "number", "Analisis waktu: tau Mann-Kendall"),
        new("tren_p", "number", "Analisis waktu: nilai p Mann-Kendall"),
        new("tren_sen", "number", "Analisis waktu: kemiringan Sen per tahun"),
        new("pola_titik_panas", "string", "Analisis waktu: pola titik panas yang muncul (Emerging Hot Spot, pola ArcGIS Pro)", [.. EmergingPattern.All], Filter: true),
        new("sintetis", "boolean", "true bila hasil memuat data SINTETIS"),
    ];
}
