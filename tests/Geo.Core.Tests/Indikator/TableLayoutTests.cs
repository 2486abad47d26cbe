using Geo.Core.Indikator;

namespace Geo.Core.Tests.Indikator;

public sealed class TableLayoutTests
{
    private static string[] Row(string tsv) => tsv.Split('\t');

    [Fact]
    public void Finds_title_multi_row_header_column_numbers_data_total_and_notes()
    {
        var rows = new[]
        {
            Row("LAMPIRAN II"),
            Row("Prevalensi balita stunting per kelurahan"),
            Row(""),
            Row("No.\tKecamatan\tKelurahan\tBalita Stunting (%)\t\t"),
            Row("\t\t\tCapaian\tTarget\t"),
            Row("\t\t\t2022\t2023\t2024"),
            Row("1\t2\t3\t4\t5\t6"),
            Row("1\tMetro Selatan\tSumbersari\t7,41\t6,67\t6,00"),
            Row("2\tMetro Selatan\tRejomulyo\t-\t4,88\t4,39"),
            Row("TOTAL\t\t\t6,67\t6,00\t5,40"),
            Row("Sumber: e-PPGBM"),
        };

        var layout = TableLayout.Detect(rows);

        Assert.Equal([3, 4, 5], layout.BarisJudul);
        Assert.Equal(6, layout.BarisNomorKolom);
        Assert.Equal([7, 8], layout.BarisData);
        Assert.Equal(9, layout.BarisTotal);
        Assert.Equal(["No."], layout.Kolom[0].Judul);
        Assert.Equal(["Kelurahan"], layout.Kolom[2].Judul);
        Assert.Equal(["Balita Stunting (%)", "Capaian", "2022"], layout.Kolom[3].Judul);
        Assert.Equal(["Balita Stunting (%)", "Target", "2023"], layout.Kolom[4].Judul);
        Assert.Equal(["Balita Stunting (%)", "Target", "2024"], layout.Kolom[5].Judul);
        Assert.Equal("F", layout.Kolom[5].Huruf);
    }

    [Fact]
    public void Single_header_row_without_title()
    {
        var layout = TableLayout.Detect([Row("Desa\tL01 pembilang\tL01 penyebut"), Row("Sukamaju\t12\t40"), Row("Sukajadi\t3\t9")]);
        Assert.Equal([0], layout.BarisJudul);
        Assert.Equal([1, 2], layout.BarisData);
        Assert.Null(layout.BarisTotal);
    }

    [Fact]
    public void A_table_without_data_rows_is_refused() =>
        Assert.Throws<FormatException>(() => TableLayout.Detect([Row("Judul saja"), Row("Desa\tNilai")]));

    [Fact]
    public void Columns_are_classified_from_header_and_cells()
    {
        var codes = new HashSet<string> { "PREV_STUNTING", "L01" };
        var kolom = (string[] judul) => new TableColumn(0, judul);

        Assert.Equal(ColumnRole.RowNumber, TableColumnRole.Classify(kolom(["No."]), ["1", "2"], codes, null).Peran);
        Assert.Equal(ColumnRole.DesaName, TableColumnRole.Classify(kolom(["Kelurahan"]), ["Metro"], codes, null).Peran);
        Assert.Equal(ColumnRole.KecamatanName, TableColumnRole.Classify(kolom(["Kecamatan"]), ["Metro Pusat"], codes, null).Peran);
        var puskesmas = TableColumnRole.Classify(kolom(["Puskesmas"]), ["Puskesmas Metro"], codes, null);
        Assert.Equal((ColumnRole.GroupName, "puskesmas"), (puskesmas.Peran, puskesmas.JenisKelompok));
        Assert.Equal(ColumnRole.Kode, TableColumnRole.Classify(kolom(["Kode"]), ["1872011001"], codes, null).Peran);

        var target = TableColumnRole.Classify(kolom(["Balita Stunting (%)", "Target", "2023"]), ["6,67"], codes, "PREV_STUNTING");
        Assert.Equal((ColumnRole.Nilai, "PREV_STUNTING", ValueKind.Target, 2023, true), (target.Peran, target.Indikator, target.Jenis, target.Tahun, target.Persen));
        var pembilang = TableColumnRole.Classify(kolom(["L01 pembilang"]), ["12"], codes, null);
        Assert.Equal(("L01", ValueKind.Pembilang, (int?)null), (pembilang.Indikator, pembilang.Jenis, pembilang.Tahun));
    }
}
