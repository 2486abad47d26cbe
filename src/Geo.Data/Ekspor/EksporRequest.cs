using Geo.Core.Akun;
using Geo.Core.Errors;
using Geo.Core.Indikator;
using Geo.Core.Text;
using Geo.Core.Wilayah;

namespace Geo.Data.Ekspor;

/// <summary>A wilayah export as asked for, checked; the CLI and the API parse the same text the same way.</summary>
public sealed record EksporWilayahRequest(KodeWilayah? Induk, Tingkat Tingkat, IReadOnlyList<string> Indikator, Periode Periode, Tampilan Tampilan)
{
    public static EksporWilayahRequest Parse(string? induk, string? tingkat, string? indikator, string? periode, string? tampilan)
    {
        KodeWilayah? parent = null;
        if (!string.IsNullOrWhiteSpace(induk) && !induk.Trim().Equals("nasional", StringComparison.OrdinalIgnoreCase))
        {
            if (!KodeWilayah.TryParse(induk.Trim(), out var k, out var error)) throw GeoException.Parameter("induk", error);
            parent = k;
        }
        var level = Tingkat.Desa;
        if (!string.IsNullOrWhiteSpace(tingkat) && !TingkatNames.TryParse(tingkat.Trim(), out level))
        {
            throw GeoException.Parameter("tingkat", $"tingkat '{UserText.Shorten(tingkat)}' tidak dikenal; pilih desa atau kecamatan");
        }
        if (string.IsNullOrWhiteSpace(indikator)) throw GeoException.Parameter("indikator", "sebutkan indikator, mis. PREV_STUNTING atau PREV_STUNTING,L01");
        if (string.IsNullOrWhiteSpace(periode)) throw GeoException.Parameter("periode", "sebutkan periode, mis. 2024-08");
        if (!Periode.TryParse(periode.Trim(), out var p, out var periodError)) throw GeoException.Parameter("periode", periodError);
        var codes = indikator.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        return new EksporWilayahRequest(parent, level, codes, p, TampilanAkses.Parse(tampilan));
    }
}

public static class GayaCsvNames
{
    /// <summary>desimal=titik (default: ',' between fields, decimal point) or desimal=koma (';' and decimal comma, for Excel in Indonesian).</summary>
    public static GayaCsv Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "titik" => GayaCsv.Titik,
        "koma" => GayaCsv.Koma,
        _ => throw GeoException.Parameter("desimal", "desimal harus 'titik' atau 'koma'"),
    };
}
