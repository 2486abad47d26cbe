using Geo.Data.Wilayah.Import;

namespace Geo.Cli.Commands;

public static class BoundaryReportPrinter
{
    public static void Print(BoundaryImportReport report, TextWriter output)
    {
        if (!report.Succeeded)
        {
            output.WriteLine($"{report.File}: DITOLAK, tidak ada yang disimpan ({report.Rejected.Count} fitur bermasalah dari {report.Read})");
            foreach (var r in report.Rejected)
            {
                output.WriteLine($"  {r.File}: fitur {r.Feature}{(r.Kode is { Length: > 0 } k ? $" ({k})" : "")}: {r.Reason}");
            }
            return;
        }

        output.WriteLine($"{report.File}: {report.Read} fitur dibaca, {report.Inserted} ditambahkan, {report.Updated} diperbarui, {report.Unchanged} tidak berubah");
        if (report.Repaired.Count > 0)
        {
            output.WriteLine($"  diperbaiki (ST_MakeValid): {report.Repaired.Count}");
            foreach (var r in report.Repaired) output.WriteLine($"    {r.Kode}: {r.Problem}");
        }
        foreach (var d in report.Derived)
        {
            output.WriteLine($"  {d.Tingkat} diturunkan dari gabungan anak: {d.Kode.Count} ({string.Join(", ", d.Kode.Take(10))}{(d.Kode.Count > 10 ? ", ..." : "")})");
        }
        if (report.MissingParents.Count > 0)
        {
            output.WriteLine($"  {report.MissingParents.Count} wilayah tanpa induk di berkas maupun basis data (induknya diturunkan)");
        }
    }
}
