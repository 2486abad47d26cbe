using System.Globalization;
using Geo.Core.Analisis;

namespace Geo.Data.Analisis;

/// <summary>The per-unit table of <c>geo analisis --keluaran</c>: RFC 4180, decimal point, empty for no value.</summary>
public static class AnalysisCsv
{
    public const string Header = "kode,nama,nilai,eb_global,eb_lokal,local_i,local_z,local_p,lisa,gi_z,gi_p,gi_bin,kelas,alasan,"
        + "peluang_tinggi,ki_bawah,ki_atas,tidak_pasti,bv_i,bv_p,bv_lisa";

    public static void Write(IEnumerable<AnalysisRow> rows, TextWriter output)
    {
        output.Write(Header);
        output.Write("\r\n");
        foreach (var r in rows)
        {
            output.Write(string.Join(',',
                Quote(r.Kode), Quote(r.Nama), N(r.Nilai), N(r.EbGlobal), N(r.EbLokal), N(r.LocalI), N(r.LocalZ), N(r.LocalP),
                Quote(r.Lisa), N(r.GiZ), N(r.GiP), r.GiBin?.ToString(CultureInfo.InvariantCulture) ?? "", Quote(r.Kelas), Quote(r.Alasan),
                N(r.PeluangTinggi), N(r.KiBawah), N(r.KiAtas), r.TidakPasti ? "true" : "false", N(r.BvI), N(r.BvP), Quote(r.BvLisa ?? "")));
            output.Write("\r\n");
        }
    }

    private static string N(double? v) => v is { } x && double.IsFinite(x) ? x.ToString("R", CultureInfo.InvariantCulture) : "";

    // One way to write a text cell in every CSV Geo makes: quoted when it must be, a formula neutralised.
    private static string Quote(string s) => Ekspor.TabelEkspor.CsvField(s, ',');
}
