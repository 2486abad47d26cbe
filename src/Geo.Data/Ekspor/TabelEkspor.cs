using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using System.Xml;
using DocumentFormat.OpenXml;
using Geo.Core.Errors;

namespace Geo.Data.Ekspor;

/// <summary>How a CSV writes numbers: RFC 4180 with a decimal point (the default: every program and <c>geo import</c> read it), or Excel's Indonesian locale (';' between fields, decimal comma).</summary>
public enum GayaCsv
{
    Titik,
    Koma,
}

/// <summary>
/// The tables for the analisis situasi document: CSV (UTF-8 with BOM, so Excel reads the names
/// right) and XLSX (numbers as number cells, a sheet per table and a "Keterangan" sheet with the
/// source, period, synthetic flag, parameters and what each column means). No geometry.
/// </summary>
public static class TabelEkspor
{
    public static async Task<long> WriteCsvAsync(LapisanEkspor layer, Stream output, GayaCsv gaya = GayaCsv.Titik, string? tabel = null, CancellationToken ct = default)
    {
        var separator = gaya == GayaCsv.Koma ? ';' : ',';
        await using var writer = new StreamWriter(output, new UTF8Encoding(true), 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        long count = 0;
        if (TableOf(layer, tabel) is { } lampiran)
        {
            await writer.WriteLineAsync(string.Join(separator, lampiran.Kolom.Select(k => CsvField(k.Nama, separator))));
            foreach (var row in lampiran.Baris)
            {
                await writer.WriteLineAsync(Line(row, separator, gaya));
                count++;
            }
            return count;
        }
        await writer.WriteLineAsync(string.Join(separator, layer.Kolom.Select(k => CsvField(k.Nama, separator))));
        await foreach (var row in layer.BarisAsync(BentukGeometri.Tanpa, ct))
        {
            await writer.WriteLineAsync(Line(row.Nilai, separator, gaya));
            if (++count % 5000 == 0) await writer.FlushAsync(ct);
        }
        return count;
    }

    /// <summary>The attached table a CSV asks for (null: the layer itself); checked before anything is written.</summary>
    public static TabelLampiran? TableOf(LapisanEkspor layer, string? tabel)
    {
        if (tabel is null || tabel == layer.Nama) return null;
        return layer.Lampiran.FirstOrDefault(t => t.Nama == tabel)
            ?? throw GeoException.Parameter("tabel", $"tabel '{Geo.Core.Text.UserText.Shorten(tabel)}' tidak ada; pilih {string.Join(" atau ", new[] { layer.Nama }.Concat(layer.Lampiran.Select(t => t.Nama)))}");
    }

    private static string Line(object?[] values, char separator, GayaCsv gaya)
    {
        var line = new StringBuilder();
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0) line.Append(separator);
            line.Append(values[i] switch
            {
                null => "",
                double d => Number(d, gaya),
                long l => l.ToString(CultureInfo.InvariantCulture),
                bool b => b ? "ya" : "tidak",
                var v => CsvField((string)v, separator),
            });
        }
        return line.ToString();
    }

    private static string Number(double d, GayaCsv gaya)
    {
        var text = d.ToString("R", CultureInfo.InvariantCulture);
        return gaya == GayaCsv.Koma ? text.Replace('.', ',') : text;
    }

    /// <summary>A text cell: quoted when it must be, and with a leading ' when a spreadsheet would take it for a formula.</summary>
    public static string CsvField(string text, char separator)
    {
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@') text = "'" + text;
        return text.IndexOfAny([separator, '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>
    /// XLSX: the Open XML SDK makes the package, its parts and relationships; each sheet's XML is
    /// written row by row with an XmlWriter on the part's stream, so a national table never sits in
    /// memory (ClosedXML, and the SDK's DOM, hold every cell). Unprefixed SpreadsheetML, as Excel
    /// writes it: GDAL's XLSX reader (and others) match element names without a prefix, which the
    /// SDK's own OpenXmlWriter does not write.
    /// </summary>
    public static async Task<long> WriteXlsxAsync(LapisanEkspor layer, string path, CancellationToken ct = default)
    {
        using var doc = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var book = doc.AddWorkbookPart();
        var sheets = new List<(string Name, WorksheetPart Part)>();

        long count = 0;
        var main = book.AddNewPart<WorksheetPart>();
        using (var w = StartSheet(main))
        {
            uint r = 0;
            Row(w, ref r, layer.Kolom.Select(k => (object?)k.Nama));
            await foreach (var row in layer.BarisAsync(BentukGeometri.Tanpa, ct))
            {
                Row(w, ref r, row.Nilai);
                count++;
            }
            EndSheet(w);
        }
        sheets.Add((SheetName(layer.Nama.StartsWith("analisis", StringComparison.Ordinal) ? "Per unit" : "Data"), main));

        foreach (var table in layer.Lampiran)
        {
            var part = book.AddNewPart<WorksheetPart>();
            using (var w = StartSheet(part))
            {
                uint r = 0;
                Row(w, ref r, table.Kolom.Select(k => (object?)k.Nama));
                foreach (var row in table.Baris) Row(w, ref r, row);
                EndSheet(w);
            }
            sheets.Add((SheetName(table.Nama.Replace('_', ' ')), part));
        }

        var notes = book.AddNewPart<WorksheetPart>();
        using (var w = StartSheet(notes))
        {
            uint r = 0;
            foreach (var (name, value) in layer.Metadata.Baris()) Row(w, ref r, [name, value]);
            Row(w, ref r, []);
            Row(w, ref r, ["kolom", "jenis", "keterangan"]);
            foreach (var k in layer.Kolom.Concat(layer.Lampiran.SelectMany(t => t.Kolom))) Row(w, ref r, [k.Nama, k.Jenis.ToString().ToLowerInvariant(), k.Keterangan]);
            EndSheet(w);
        }
        sheets.Add(("Keterangan", notes));

        using (var stream = book.GetStream(FileMode.Create))
        using (var w = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            w.WriteStartElement("workbook", Main);
            w.WriteAttributeString("xmlns", "r", null, Relationships);
            w.WriteStartElement("sheets", Main);
            var id = 1;
            foreach (var (name, part) in sheets)
            {
                w.WriteStartElement("sheet", Main);
                w.WriteAttributeString("name", name);
                w.WriteAttributeString("sheetId", (id++).ToString(CultureInfo.InvariantCulture));
                w.WriteAttributeString("id", Relationships, book.GetIdOfPart(part));
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndElement();
        }
        return count;
    }

    private static XmlWriter StartSheet(WorksheetPart part)
    {
        var w = XmlWriter.Create(part.GetStream(FileMode.Create), new XmlWriterSettings { Encoding = new UTF8Encoding(false), CloseOutput = true });
        w.WriteStartElement("worksheet", Main);
        w.WriteStartElement("sheetData", Main);
        return w;
    }

    private static void EndSheet(XmlWriter w)
    {
        w.WriteEndElement();
        w.WriteEndElement();
    }

    /// <summary>One row with its number and every cell's reference (A1, B1, ...): GDAL and some spreadsheet programs place cells only by them.</summary>
    private static void Row(XmlWriter w, ref uint rowIndex, IEnumerable<object?> values)
    {
        rowIndex++;
        var rowText = rowIndex.ToString(CultureInfo.InvariantCulture);
        w.WriteStartElement("row", Main);
        w.WriteAttributeString("r", rowText);
        var column = 0;
        foreach (var value in values)
        {
            var reference = ColumnName(column++) + rowText;
            if (value is null) continue;
            w.WriteStartElement("c", Main);
            w.WriteAttributeString("r", reference);
            switch (value)
            {
                case double d:
                    w.WriteElementString("v", Main, d.ToString("R", CultureInfo.InvariantCulture));
                    break;
                case long l:
                    w.WriteElementString("v", Main, l.ToString(CultureInfo.InvariantCulture));
                    break;
                case bool b:
                    w.WriteAttributeString("t", "b");
                    w.WriteElementString("v", Main, b ? "1" : "0");
                    break;
                default:
                    w.WriteAttributeString("t", "inlineStr");
                    w.WriteStartElement("is", Main);
                    w.WriteStartElement("t", Main);
                    w.WriteAttributeString("xml", "space", null, "preserve");
                    w.WriteString(XmlSafe((string)value));
                    w.WriteEndElement();
                    w.WriteEndElement();
                    break;
            }
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    /// <summary>XML 1.0 cannot carry most control characters; they are dropped rather than failing the whole file.</summary>
    private static string XmlSafe(string text) =>
        text.All(XmlConvert.IsXmlChar) ? text : new string(text.Where(XmlConvert.IsXmlChar).ToArray());

    private static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    private static string SheetName(string name) => name.Length <= 31 ? name : name[..31];
}
