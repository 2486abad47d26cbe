using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
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
        if (tabel is not null && tabel != layer.Nama)
        {
            var lampiran = layer.Lampiran.FirstOrDefault(t => t.Nama == tabel)
                ?? throw GeoException.Parameter("tabel", $"tabel '{Geo.Core.Text.UserText.Shorten(tabel)}' tidak ada; pilih {string.Join(" atau ", new[] { layer.Nama }.Concat(layer.Lampiran.Select(t => t.Nama)))}");
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

    /// <summary>
    /// XLSX through the Open XML SDK's streaming writer (OpenXmlWriter): rows go to the sheet's XML
    /// as they are read, so a national table never sits in memory as a DOM (ClosedXML would hold every cell).
    /// </summary>
    public static async Task<long> WriteXlsxAsync(LapisanEkspor layer, string path, CancellationToken ct = default)
    {
        using var doc = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var book = doc.AddWorkbookPart();
        var sheets = new List<(string Name, WorksheetPart Part)>();

        var main = book.AddNewPart<WorksheetPart>();
        long count = 0;
        using (var w = OpenXmlWriter.Create(main))
        {
            StartSheet(w);
            Row(w, layer.Kolom.Select(k => (object?)k.Nama));
            await foreach (var row in layer.BarisAsync(BentukGeometri.Tanpa, ct))
            {
                Row(w, row.Nilai);
                count++;
            }
            EndSheet(w);
        }
        sheets.Add((SheetName(layer.Nama.StartsWith("analisis", StringComparison.Ordinal) ? "Per unit" : "Data"), main));

        foreach (var table in layer.Lampiran)
        {
            var part = book.AddNewPart<WorksheetPart>();
            using (var w = OpenXmlWriter.Create(part))
            {
                StartSheet(w);
                Row(w, table.Kolom.Select(k => (object?)k.Nama));
                foreach (var row in table.Baris) Row(w, row);
                EndSheet(w);
            }
            sheets.Add((SheetName(table.Nama.Replace('_', ' ')), part));
        }

        var notes = book.AddNewPart<WorksheetPart>();
        using (var w = OpenXmlWriter.Create(notes))
        {
            StartSheet(w);
            foreach (var (name, value) in layer.Metadata.Baris()) Row(w, [name, value]);
            Row(w, []);
            Row(w, ["kolom", "jenis", "keterangan"]);
            foreach (var k in layer.Kolom.Concat(layer.Lampiran.SelectMany(t => t.Kolom))) Row(w, [k.Nama, k.Jenis.ToString().ToLowerInvariant(), k.Keterangan]);
            EndSheet(w);
        }
        sheets.Add(("Keterangan", notes));

        using (var w = OpenXmlWriter.Create(book))
        {
            w.WriteStartElement(new Workbook());
            w.WriteStartElement(new Sheets());
            uint id = 1;
            foreach (var (name, part) in sheets)
            {
                w.WriteElement(new Sheet { Name = name, SheetId = id++, Id = book.GetIdOfPart(part) });
            }
            w.WriteEndElement();
            w.WriteEndElement();
        }
        return count;
    }

    private static void StartSheet(OpenXmlWriter w)
    {
        w.WriteStartElement(new Worksheet());
        w.WriteStartElement(new SheetData());
    }

    private static void EndSheet(OpenXmlWriter w)
    {
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void Row(OpenXmlWriter w, IEnumerable<object?> values)
    {
        w.WriteStartElement(new Row());
        foreach (var value in values)
        {
            switch (value)
            {
                case null:
                    w.WriteElement(new Cell());
                    break;
                case double d:
                    w.WriteElement(new Cell { CellValue = new CellValue(d.ToString("R", CultureInfo.InvariantCulture)) });
                    break;
                case long l:
                    w.WriteElement(new Cell { CellValue = new CellValue(l.ToString(CultureInfo.InvariantCulture)) });
                    break;
                case bool b:
                    w.WriteElement(new Cell { DataType = CellValues.Boolean, CellValue = new CellValue(b ? "1" : "0") });
                    break;
                case var v:
                    w.WriteElement(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text((string)v) { Space = SpaceProcessingModeValues.Preserve }) });
                    break;
            }
        }
        w.WriteEndElement();
    }

    private static string SheetName(string name) => name.Length <= 31 ? name : name[..31];
}
