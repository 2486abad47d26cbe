using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Geo.Core.Errors;
using Geo.Core.Import;
using Geo.Data.Indikator.Import;
using Geo.Data.Tests.Corpus;

namespace Geo.Data.Tests.Properties;

/// <summary>Whatever bytes arrive under whatever table extension, the readers answer rows or a GeoException, nothing else.</summary>
public sealed class TableReaderProperties
{
    private static readonly string[] Extensions = [".csv", ".tsv", ".txt", ".xlsx", ".xls"];
    private static readonly string[] TextExtensions = [".csv", ".tsv"];

    /// <summary>Small limits, so that the limit paths are walked as often as the others.</summary>
    private static readonly ImportLimits Small = new() { MaksimumBaris = 50, MaksimumKolom = 20, MaksimumKarakterSel = 30, MaksimumKarakterBaris = 200 };

    private static bool ReadsOrRefuses(byte[] content, string extension, ImportLimits limits)
    {
        try
        {
            var (first, rows) = TableFile.Open(new MemoryStream(content), "f" + extension, limits);
            _ = rows.Count();
            return first.Length > 0;
        }
        catch (GeoException e)
        {
            return e.Detail.Length > 0 && e.Lokasi?.Berkas is not null || e.Detail.Contains("f" + extension, StringComparison.Ordinal);
        }
    }

    [Property(MaxTest = 500)]
    public bool Arbitrary_bytes_never_throw_anything_but_GeoException(byte[] content, bool small) =>
        Extensions.All(ext => ReadsOrRefuses(content, ext, small ? Small : ImportLimits.Default));

    /// <summary>Arbitrary bytes behind a workbook's signature reach the XLS and zip parsers themselves.</summary>
    [Property(MaxTest = 500)]
    public bool Arbitrary_bytes_behind_a_workbook_signature_never_throw_anything_but_GeoException(byte[] content, bool xls) =>
        ReadsOrRefuses([.. xls ? XlsSignature : ZipSignature, .. content], xls ? ".xls" : ".xlsx", ImportLimits.Default);

    private static readonly byte[] XlsSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];

    [Property(MaxTest = 500)]
    public Property Arbitrary_text_never_throws_anything_but_GeoException() =>
        Prop.ForAll(Gen.Elements("ab1,;\t\"\r\n ".ToCharArray()).ArrayOf().Select(c => new string(c)).ToArbitrary(),
            text => TextExtensions.All(ext => ReadsOrRefuses(Encoding.UTF8.GetBytes(text), ext, Small)));

    /// <summary>A valid workbook with bytes overwritten or cut: corrupted zips and XML, never an escape.</summary>
    [Property(MaxTest = 300)]
    public Property Damaged_workbooks_never_throw_anything_but_GeoException() =>
        Prop.ForAll(
            (from cut in Gen.Choose(0, 100)
             from damage in Gen.Choose(0, 2000).Zip(Gen.Choose(0, 255)).ArrayOf()
             select (cut, damage)).ToArbitrary(),
            change =>
            {
                var content = IndikatorCorpus.ValidXlsx();
                foreach (var (at, value) in change.damage) content[at % content.Length] = (byte)value;
                content = content[..Math.Max(0, content.Length - change.cut)];
                return ReadsOrRefuses(content, ".xlsx", ImportLimits.Default);
            });

    /// <summary>
    /// Sound archives with cells the library must interpret: any type attribute, any value, any
    /// reference, style indexes and shared strings that do not exist.
    /// </summary>
    [Property(MaxTest = 300)]
    public Property Workbooks_with_odd_cells_never_throw_anything_but_GeoException()
    {
        var cell =
            from reference in Gen.Elements("A1", "B2", "XFD1", "A0", "", "ZZZZ9", "A1048577", "1A")
            from type in Gen.Elements("", " t=\"s\"", " t=\"b\"", " t=\"e\"", " t=\"str\"", " t=\"d\"", " t=\"n\"", " t=\"x\"")
            from style in Gen.Elements("", " s=\"7\"", " s=\"-1\"", " s=\"x\"")
            from value in Gen.Elements("0", "99", "-1", "1e999", "NaN", "abc", "", "2024-13-45T99:00", "1.5", "#DIV/0!", "4294967296")
            select $"<c r=\"{reference}\"{type}{style}><v>{value}</v></c>";
        var rows =
            from cells in cell.ArrayOf()
            from number in Gen.Elements("1", "2", "0", "-5", "x", "1048577")
            select $"<row r=\"{number}\">{string.Concat(cells)}</row>";
        return Prop.ForAll(rows.ArrayOf().Select(string.Concat).ToArbitrary(),
            sheet => ReadsOrRefuses(IndikatorCorpus.XlsxWithSheetData(sheet), ".xlsx", ImportLimits.Default));
    }
}
