using System.IO.Compression;
using System.Text;
using System.Xml;
using ExcelDataReader;
using Geo.Core.Errors;
using Geo.Core.Import;
using Geo.Data.Import;

namespace Geo.Data.Indikator.Import;

/// <summary>
/// The first sheet of an XLSX or XLS workbook, row by row. ExcelDataReader is trusted only with
/// what has been checked first: the file is a workbook by its signature, an XLSX's archive
/// inflates within the limits (a zip bomb stops at the limit, 413), and every formula on the
/// sheet has a cached value. Whatever the library throws on bytes it cannot read is a 400 here.
/// </summary>
internal static class WorkbookReader
{
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] CompoundSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public static IEnumerable<(string[] Cells, int Line)> Read(Stream content, string fileName, ImportLimits limits)
    {
        var header = new byte[8];
        content.Position = 0;
        var length = content.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        content.Position = 0;
        var where = new GeoErrorLocation(Berkas: fileName);
        string? firstSheet;
        if (header.AsSpan(0, length).StartsWith(ZipSignature)) firstSheet = CheckXlsx(content, fileName, limits);
        else if (header.AsSpan(0, length).StartsWith(CompoundSignature)) firstSheet = null;
        else
        {
            throw GeoException.Invalid(
                "bukan buku kerja Excel (XLSX/XLS): isinya bukan arsip XLSX maupun berkas XLS; bila berupa teks, simpan dengan akhiran .csv", where);
        }
        content.Position = 0;
        return Rows(content, fileName, firstSheet, limits);
    }

    private static IEnumerable<(string[] Cells, int Line)> Rows(Stream content, string fileName, string? sheetName, ImportLimits limits)
    {
        // ExcelDataReader reads legacy code pages even for xlsx metadata.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var where = new GeoErrorLocation(Berkas: fileName, Lembar: sheetName);
        using var reader = Guard(() => ExcelReaderFactory.CreateReader(content, new ExcelReaderConfiguration { LeaveOpen = true }), where);
        if (Guard(() => reader.ResultsCount, where) == 0) throw GeoException.Invalid("buku kerja tidak berisi lembar", where);
        where = where with { Lembar = Guard(() => reader.Name, where) ?? sheetName };
        var number = 0;
        while (true)
        {
            var row = Guard(() => reader.Read() ? Cells(reader, number + 1, where, limits) : null, where with { Baris = number + 1 });
            if (row is null) yield break;
            number++;
            yield return (row, number);
        }
    }

    private static string[] Cells(IExcelDataReader reader, int number, GeoErrorLocation where, ImportLimits limits)
    {
        if (reader.FieldCount > limits.MaksimumKolom)
        {
            throw GeoException.TooLarge($"{reader.FieldCount} kolom, lebih dari {limits.MaksimumKolom} (batas Geo:Impor:MaksimumKolom)",
                where with { Baris = number });
        }
        var row = new string[reader.FieldCount];
        for (var c = 0; c < row.Length; c++)
        {
            row[c] = TableFile.CellText(reader.GetValue(c));
            if (row[c].Length > limits.MaksimumKarakterSel)
            {
                throw GeoException.TooLarge($"sel lebih dari {limits.MaksimumKarakterSel} karakter (batas Geo:Impor:MaksimumKarakterSel)",
                    where with { Sel = CellReference(c, number) });
            }
        }
        return row;
    }

    /// <summary>
    /// A third-party parser meeting hostile bytes throws whatever it happens to: each is a file
    /// that cannot be read (400), said once here with the place.
    /// </summary>
    private static T Guard<T>(Func<T> read, GeoErrorLocation where)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is not (GeoException or OperationCanceledException or OutOfMemoryException))
        {
            throw GeoException.Invalid("buku kerja rusak atau tidak terbaca (terpotong, atau bukan XLSX/XLS yang sah); buka dan simpan ulang di Excel/LibreOffice", where, e);
        }
    }

    /// <summary>
    /// Checks an XLSX archive before the library reads it: entries, inflated bytes per entry and in
    /// all, and the ratio to compressed bytes, counted while inflating (declared sizes can lie);
    /// that it is a workbook with a sheet; and that the first sheet's formulas have cached values.
    /// Returns the first sheet's name.
    /// </summary>
    private static string CheckXlsx(Stream content, string fileName, ImportLimits limits)
    {
        var where = new GeoErrorLocation(Berkas: fileName);
        try
        {
            using var zip = BoundedArchive.Open(content, limits, where, "arsip XLSX");
            foreach (var entry in zip.Entries)
            {
                using var inflated = zip.OpenEntry(entry);
                inflated.CopyTo(Stream.Null);
            }

            var workbook = zip.GetEntry("xl/workbook.xml")
                ?? throw GeoException.Invalid("arsip ZIP ini bukan buku kerja XLSX (tidak ada xl/workbook.xml)", where);
            var (sheetName, relationId) = FirstSheet(zip, workbook)
                ?? throw GeoException.Invalid("buku kerja tidak berisi lembar", where);
            var sheetPath = SheetPath(zip, zip.GetEntry("xl/_rels/workbook.xml.rels"), relationId);
            var sheet = (sheetPath is null ? null : zip.GetEntry(sheetPath))
                ?? throw GeoException.Invalid($"lembar {sheetName} tidak ada di dalam arsip XLSX", where);
            CheckFormulas(zip, sheet, fileName, sheetName);
            return sheetName;
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException or NotSupportedException)
        {
            throw GeoException.Invalid("buku kerja XLSX rusak: arsipnya tidak terbaca (terpotong atau bukan XLSX yang sah)", where, e);
        }
    }

    private static XmlReader Xml(BoundedArchive zip, ZipArchiveEntry entry) =>
        XmlReader.Create(zip.OpenEntry(entry), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, CloseInput = true });

    private static (string Name, string RelationId)? FirstSheet(BoundedArchive zip, ZipArchiveEntry workbook)
    {
        using var xml = Xml(zip, workbook);
        while (xml.Read())
        {
            if (xml is { NodeType: XmlNodeType.Element, LocalName: "sheet", NamespaceURI: MainNamespace })
            {
                return (xml.GetAttribute("name") ?? "1", xml.GetAttribute("id", RelationshipNamespace) ?? "");
            }
        }
        return null;
    }

    private static string? SheetPath(BoundedArchive zip, ZipArchiveEntry? relations, string relationId)
    {
        if (relations is null) return null;
        using var xml = Xml(zip, relations);
        while (xml.Read())
        {
            if (xml is { NodeType: XmlNodeType.Element, LocalName: "Relationship" } && xml.GetAttribute("Id") == relationId
                && xml.GetAttribute("Target") is { } target)
            {
                return target.StartsWith('/') ? target[1..] : "xl/" + target;
            }
        }
        return null;
    }

    /// <summary>
    /// A formula cell (&lt;f&gt;) without a cached value (&lt;v&gt;) reads as empty: the value
    /// would silently be lost, so the file is refused with the cell named.
    /// </summary>
    private static void CheckFormulas(BoundedArchive zip, ZipArchiveEntry sheet, string fileName, string sheetName)
    {
        using var xml = Xml(zip, sheet);
        string? cell = null;
        bool formula = false, cached = false;
        while (xml.Read())
        {
            if (xml.NamespaceURI != MainNamespace) continue;
            if (xml is { NodeType: XmlNodeType.Element, LocalName: "c" })
            {
                (cell, formula, cached) = (xml.GetAttribute("r"), false, false);
                if (xml.IsEmptyElement) cell = null;
            }
            else if (xml is { NodeType: XmlNodeType.Element, LocalName: "f" }) formula = true;
            else if (xml is { NodeType: XmlNodeType.Element, LocalName: "v" or "is" }) cached = true;
            else if (xml is { NodeType: XmlNodeType.EndElement, LocalName: "c" })
            {
                if (formula && !cached)
                {
                    throw GeoException.Invalid("rumus tanpa nilai tersimpan; buka dan simpan ulang di Excel/LibreOffice agar nilainya tersimpan",
                        new GeoErrorLocation(Berkas: fileName, Lembar: sheetName, Sel: cell ?? "?"));
                }
                cell = null;
            }
        }
    }

    /// <summary>A1-style reference of a zero-based column and a one-based row.</summary>
    internal static string CellReference(int column, int row)
    {
        var letters = "";
        for (var c = column + 1; c > 0; c = (c - 1) / 26) letters = (char)('A' + (c - 1) % 26) + letters;
        return letters + row.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
