using System.Text.RegularExpressions;
using Geo.Core.Wilayah;

namespace Geo.Core.Indikator;

/// <summary>What a column of a wide table holds, read from its header path and its cells.</summary>
public sealed record TableColumnRole(
    TableColumn Kolom,
    ColumnRole Peran,
    string? Indikator = null,
    ValueKind Jenis = ValueKind.Capaian,
    int? Tahun = null,
    bool Persen = false,
    string? JenisKelompok = null)
{
    public static TableColumnRole Classify(TableColumn kolom, IReadOnlyList<string> cells, IReadOnlySet<string> kodeIndikator, string? indikatorBawaan)
    {
        var label = kolom.Label.ToLowerInvariant();
        var words = Regex.Split(label, @"[^\p{L}\p{N}_%]+").Where(w => w.Length > 0).ToList();
        var filled = cells.Select(c => c.Trim()).Where(c => c.Length > 0).ToList();

        if (words.Count > 0 && words.All(w => w is "no" or "nomor" or "urut")) return new(kolom, ColumnRole.RowNumber);
        if (words.Contains("kode") || (filled.Count > 0 && filled.All(c => c.Contains('.') && KodeWilayah.TryParse(c, out _, out _))))
        {
            return new(kolom, ColumnRole.Kode);
        }

        var numeric = filled.Count(c => NumberParser.TryParse(c, DecimalSeparator.Comma, out _) != NumberParser.Outcome.Unreadable
                                        || NumberParser.TryParse(c, DecimalSeparator.Point, out _) != NumberParser.Outcome.Unreadable);
        if (filled.Count == 0 || numeric * 2 < filled.Count)
        {
            if (words.Contains("puskesmas")) return new(kolom, ColumnRole.GroupName, JenisKelompok: "puskesmas");
            if (words.Any(w => w is "desa" or "kelurahan" or "kampung" or "gampong" or "nagari")) return new(kolom, ColumnRole.DesaName);
            if (words.Contains("kecamatan")) return new(kolom, ColumnRole.KecamatanName);
            return new(kolom, ColumnRole.Ignore);
        }

        var indikator = kolom.Judul
            .SelectMany(j => Regex.Split(j, @"[^\p{L}\p{N}_]+"))
            .Select(w => w.ToUpperInvariant())
            .FirstOrDefault(kodeIndikator.Contains) ?? indikatorBawaan;
        var jenis = words.Contains("target") ? ValueKind.Target
            : words.Contains("pembilang") ? ValueKind.Pembilang
            : words.Contains("penyebut") || words.Contains("sasaran") ? ValueKind.Penyebut
            : ValueKind.Capaian;
        int? tahun = words.LastOrDefault(w => Regex.IsMatch(w, "^(19|20)[0-9]{2}$")) is { } y ? int.Parse(y) : null;
        var persen = label.Contains('%') || words.Contains("persen") || words.Contains("persentase");
        return new(kolom, ColumnRole.Nilai, indikator, jenis, tahun, persen);
    }
}
