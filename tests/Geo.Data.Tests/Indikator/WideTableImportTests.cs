using System.Text;
using ClosedXML.Excel;
using Geo.Core.Indikator;
using Geo.Core.Wilayah;
using Geo.Data.Indikator;
using Geo.Data.Indikator.Import;
using Geo.Data.Tests.Support;

namespace Geo.Data.Tests.Indikator;

public sealed class WideTableImportTests : PostgisTest
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await KotaMetroData.LoadBoundariesAsync(Db);
    }

    [Fact]
    public async Task The_Metro_table_as_an_xlsx_spreadsheet_imports_like_the_tsv()
    {
        var lines = File.ReadAllLines(KotaMetroData.TsvPath).Select(l => l.Split('\t')).ToList();
        using var book = new XLWorkbook();
        var sheet = book.AddWorksheet("Lampiran II");
        sheet.Cell(1, 1).Value = "LAMPIRAN II PERATURAN WALIKOTA METRO NOMOR 32 TAHUN 2022";
        for (var r = 0; r < lines.Count; r++)
        {
            for (var c = 0; c < lines[r].Length; c++)
            {
                var text = lines[r][c];
                // Numbers go in as numbers, as a spreadsheet holds them; text stays text.
                if (double.TryParse(text.Replace(',', '.'), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) && r >= 4)
                {
                    sheet.Cell(r + 3, c + 1).Value = v;
                }
                else sheet.Cell(r + 3, c + 1).Value = text;
            }
        }
        using var stream = new MemoryStream();
        book.SaveAs(stream);

        var report = await new IndikatorImporter(Db.DataSource).ImportAsync(stream.ToArray(), "lampiran-ii.xlsx",
            new IndikatorImportOptions("PREV_STUNTING", "2022-08", "e-PPGBM", "18.72"));

        Assert.True(report.Berhasil, string.Join("\n", report.Penolakan));
        Assert.Equal((22, 22, 44, 5), (report.Cocok, report.NilaiDitulis, report.TargetDitulis, report.TidakPersis.Count));
        Assert.Equal(7.41, await Db.ScalarAsync<double>("SELECT nilai FROM nilai WHERE wilayah = '18.72.05.1003'"), 6);
        Assert.Equal(29, report.Total[0].Baris); // sheet row: the TSV's line 27 below a title and a blank row
    }

    [Fact]
    public async Task Semicolon_csv_with_codes_counts_thousand_separators_and_a_total_that_agrees()
    {
        var csv = """
            Cakupan layanan per kelurahan, Kota Metro;;;
            Kode;Kelurahan;L17 pembilang;L17 penyebut
            18.72.01.1001;Metro;1.020;1.200
            18.72.01.1002;Hadimulyo Timur;450;500
            18.72.01.1003;Imopuro;-;-
            Jumlah;;1.470;1.700
            """;
        var report = await new IndikatorImporter(Db.DataSource).ImportAsync(Encoding.UTF8.GetBytes(csv), "cakupan.csv",
            new IndikatorImportOptions(Periode: "2024", Sumber: "web aksi bangda", Wilayah: "18.72.01"));

        Assert.True(report.Berhasil, string.Join("\n", report.Penolakan));
        Assert.Equal((3, 2, 1), (report.BarisData, report.NilaiDitulis, report.SelKosong));
        Assert.Equal(85, await Db.ScalarAsync<double>("SELECT nilai FROM nilai WHERE wilayah = '18.72.01.1001' AND indikator = 'L17'"), 9);
        Assert.All(report.Total, t => Assert.True(t.Sesuai, t.ToString()));
        Assert.Equal([1470.0, 1700.0], report.Total.Select(t => t.Dihitung!.Value));
    }

    [Fact]
    public async Task A_total_that_disagrees_is_reported_not_hidden()
    {
        var csv = "Kode;L17 pembilang;L17 penyebut\n18.72.01.1001;10;20\n18.72.01.1002;5;20\nTOTAL;16;40\n";
        var report = await new IndikatorImporter(Db.DataSource).ImportAsync(Encoding.UTF8.GetBytes(csv), "t.csv",
            new IndikatorImportOptions(Periode: "2024", Sumber: "uji"));
        Assert.True(report.Berhasil);
        Assert.Equal([false, true], report.Total.Select(t => t.Sesuai));
    }

    [Fact]
    public async Task Demo_generates_deterministic_synthetic_coverage_and_sasaran_for_every_kelurahan()
    {
        var demo = new DemoSintetis(Db.DataSource);
        var first = await demo.GenerateAsync(KodeWilayah.Parse("18.72"), Periode.Parse("2024"), 42, Uji.Lokal, terbitkan: true);
        var again = await demo.GenerateAsync(KodeWilayah.Parse("18.72"), Periode.Parse("2024"), 42, Uji.Lokal, terbitkan: true);

        Assert.Equal(ImportStatus.Diimpor, first.Status);
        Assert.Equal(ImportStatus.SudahAda, again.Status);
        Assert.Equal(22 * (29 + 16), first.NilaiDitulis);
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM nilai WHERE NOT sintetis"));
        // Denominators are the sasaran counts the catalogue names (L14: bayi 0-5 bulan = S08).
        Assert.Equal(0L, await Db.ScalarAsync<long>("""
            SELECT count(*) FROM nilai l JOIN nilai s ON s.wilayah = l.wilayah AND s.periode = l.periode AND s.indikator = 'S08'
            WHERE l.indikator = 'L14' AND l.penyebut <> s.pembilang
            """));
    }
}
