using System.Globalization;

namespace Geo.Data.Analisis;

/// <summary>The per-unit table of <c>geo analisis --periode A,B,... --keluaran</c>: one row per unit, values per period then the statistics.</summary>
public static class TemporalCsv
{
    public static void Write(TemporalResult result, TextWriter output)
    {
        var header = new List<string> { "kode", "nama" };
        header.AddRange(result.Periode.Select(p => "nilai_" + p));
        header.AddRange(["selisih", "perubahan_z", "perubahan_p", "perubahan_arah", "tren_n", "tren_s", "tren_tau", "tren_p", "sen_per_tahun", "tren_arah", "pola_titik_panas"]);
        output.Write(string.Join(',', header));
        output.Write("\r\n");
        foreach (var u in result.Unit)
        {
            var cells = new List<string> { Quote(u.Kode), Quote(u.Nama) };
            cells.AddRange(u.Nilai.Select(N));
            cells.AddRange([N(u.Perubahan.Selisih), N(u.Perubahan.Z), N(u.Perubahan.P), Quote(u.Perubahan.Arah ?? ""),
                u.Tren?.N.ToString(CultureInfo.InvariantCulture) ?? "", N(u.Tren?.S), N(u.Tren?.Tau), N(u.Tren?.P), N(u.Tren?.SenPerTahun), Quote(u.Tren?.Arah ?? ""),
                Quote(u.TitikPanas?.Pola ?? "")]);
            output.Write(string.Join(',', cells));
            output.Write("\r\n");
        }
    }

    private static string N(double? v) => v is { } x && double.IsFinite(x) ? x.ToString("R", CultureInfo.InvariantCulture) : "";

    // One way to write a text cell in every CSV Geo makes: quoted when it must be, a formula neutralised.
    private static string Quote(string s) => Ekspor.TabelEkspor.CsvField(s, ',');
}
