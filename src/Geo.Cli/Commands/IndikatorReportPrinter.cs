using Geo.Data.Indikator.Import;

namespace Geo.Cli.Commands;

public static class IndikatorReportPrinter
{
    public static void Print(IndikatorImportReport r, TextWriter o)
    {
        o.WriteLine($"{r.Berkas} (sha256 {r.Hash[..12]}…): {r.Status}{(r.Batch is { } b ? $", batch {b}" : "")}");
        if (r.Format is not null) o.WriteLine($"  format {r.Format}: {r.BarisData} baris data{(r.Format == "lebar" ? $", {r.Cocok} cocok dengan wilayah" : "")}");
        if (r.Status == ImportStatus.Diimpor)
        {
            o.WriteLine($"  ditulis: {r.NilaiDitulis} nilai, {r.TargetDitulis} target; {r.NilaiDiganti} nilai/target lama diganti (tersimpan di riwayat); {r.SelKosong} sel kosong");
        }
        foreach (var m in r.TidakPersis)
        {
            o.WriteLine($"  cocok tidak persis, baris {m.Baris}: \"{m.NamaBerkas}\" → \"{m.NamaWilayah}\" ({m.Kode}, {m.Cara}{(m.Jarak > 0 ? $", jarak {m.Jarak}" : "")})");
        }
        foreach (var t in r.Total)
        {
            o.WriteLine($"  baris TOTAL {t.Baris}, kolom {t.Kolom}: {t.Total} vs {t.Dihitung?.ToString() ?? "-"} ({t.Cara}): {(t.Sesuai ? "sesuai" : "TIDAK sesuai")}");
        }
        foreach (var k in r.Kelompok) o.WriteLine($"  kelompok {k}");
        foreach (var c in r.Catatan) o.WriteLine($"  {c}");
        if (r.Penolakan.Count > 0)
        {
            o.WriteLine($"  DITOLAK, tidak ada yang ditulis ({r.Penolakan.Count} masalah):");
            foreach (var p in r.Penolakan) o.WriteLine($"    {p.Berkas}, baris {p.Baris}{(p.Kolom is null ? "" : $", kolom {p.Kolom}")}: {p.Alasan}");
        }
    }
}
