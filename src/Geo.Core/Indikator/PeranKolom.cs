using System.Text.RegularExpressions;
using Geo.Core.Wilayah;

namespace Geo.Core.Indikator;

public enum PeranKolom
{
    Abaikan,
    Nomor,
    Kode,
    NamaDesa,
    NamaKecamatan,
    NamaKelompok,
    Nilai,
}

public enum JenisNilai
{
    /// <summary>The indicator's value itself: a percentage, or a count for a count indicator.</summary>
    Capaian,
    Pembilang,
    Penyebut,
    Target,
}

/// <summary>What a column of a wide table holds, read from its header path and its cells.</summary>
public sealed record PeranKolomTabel(
    KolomTabel Kolom,
    PeranKolom Peran,
    string? Indikator = null,
    JenisNilai Jenis = JenisNilai.Capaian,
    int? Tahun = null,
    bool Persen = false,
    string? JenisKelompok = null)
{
    public static PeranKolomTabel Classify(KolomTabel kolom, IReadOnlyList<string> cells, IReadOnlySet<string> kodeIndikator, string? indikatorBawaan)
    {
        var label = kolom.Label.ToLowerInvariant();
        var words = Regex.Split(label, @"[^\p{L}\p{N}_%]+").Where(w => w.Length > 0).ToList();
        var filled = cells.Select(c => c.Trim()).Where(c => c.Length > 0).ToList();

        if (words.Count > 0 && words.All(w => w is "no" or "nomor" or "urut")) return new(kolom, PeranKolom.Nomor);
        if (words.Contains("kode") || (filled.Count > 0 && filled.All(c => c.Contains('.') && KodeWilayah.TryParse(c, out _, out _))))
        {
            return new(kolom, PeranKolom.Kode);
        }

        var numeric = filled.Count(c => Angka.TryParse(c, PemisahDesimal.Koma, out _) != Angka.Hasil.TidakTerbaca
                                        || Angka.TryParse(c, PemisahDesimal.Titik, out _) != Angka.Hasil.TidakTerbaca);
        if (filled.Count == 0 || numeric * 2 < filled.Count)
        {
            if (words.Contains("puskesmas")) return new(kolom, PeranKolom.NamaKelompok, JenisKelompok: "puskesmas");
            if (words.Any(w => w is "desa" or "kelurahan" or "kampung" or "gampong" or "nagari")) return new(kolom, PeranKolom.NamaDesa);
            if (words.Contains("kecamatan")) return new(kolom, PeranKolom.NamaKecamatan);
            return new(kolom, PeranKolom.Abaikan);
        }

        var indikator = kolom.Judul
            .SelectMany(j => Regex.Split(j, @"[^\p{L}\p{N}_]+"))
            .Select(w => w.ToUpperInvariant())
            .FirstOrDefault(kodeIndikator.Contains) ?? indikatorBawaan;
        var jenis = words.Contains("target") ? JenisNilai.Target
            : words.Contains("pembilang") ? JenisNilai.Pembilang
            : words.Contains("penyebut") || words.Contains("sasaran") ? JenisNilai.Penyebut
            : JenisNilai.Capaian;
        int? tahun = words.LastOrDefault(w => Regex.IsMatch(w, "^(19|20)[0-9]{2}$")) is { } y ? int.Parse(y) : null;
        var persen = label.Contains('%') || words.Contains("persen") || words.Contains("persentase");
        return new(kolom, PeranKolom.Nilai, indikator, jenis, tahun, persen);
    }
}
