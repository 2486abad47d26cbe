using System.Text;
using Geo.Core.Import;
using Geo.Data.Indikator.Import;

namespace Geo.Data.Tests.Indikator;

public sealed class TableFileTests
{
    private static List<(string[] Cells, int Line)> Rows(byte[] content, string name = "t.csv") => TableFile.ReadRows(new MemoryStream(content), name, ImportLimits.Default).ToList();

    [Fact]
    public void Byte_order_mark_crlf_and_quoted_line_breaks_keep_cells_and_line_numbers()
    {
        var text = "kode;catatan;pembilang\r\n18.72.01.1001;\"dua\r\nbaris; dengan \"\"kutip\"\"\";3\r\n18.72.01.1002;;4\r\n";
        var content = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();

        var rows = Rows(content);

        Assert.Equal(3, rows.Count);
        Assert.Equal(["kode", "catatan", "pembilang"], rows[0].Cells);
        Assert.Equal(["18.72.01.1001", "dua\r\nbaris; dengan \"kutip\"", "3"], rows[1].Cells);
        Assert.Equal(["18.72.01.1002", "", "4"], rows[2].Cells);
        Assert.Equal([1, 2, 4], rows.Select(r => r.Line));
    }

    [Fact]
    public void Latin1_from_older_excel_exports_is_read_as_latin1()
    {
        var content = Encoding.Latin1.GetBytes("kode,catatan\n18.72.01.1001,suhu 25°C\n");

        var rows = Rows(content);

        Assert.Equal("suhu 25°C", rows[1].Cells[1]);
    }

    [Theory]
    [InlineData("a\tb;c\n1\t2;3\n", "t.tsv", 2)]
    [InlineData("a;b;c,d\n1;2;3,4\n", "t.csv", 3)]
    [InlineData("a,b,c\n1,2,3", "t.csv", 3)]
    public void The_delimiter_is_tab_for_tsv_else_the_commonest_of_the_first_line(string text, string name, int cells)
    {
        var rows = Rows(Encoding.UTF8.GetBytes(text), name);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(cells, r.Cells.Length));
    }
}
