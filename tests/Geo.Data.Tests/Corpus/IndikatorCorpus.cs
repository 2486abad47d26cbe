using System.IO.Compression;
using System.Text;
using System.Web;
using Geo.Core.Errors;
using Geo.Data.Indikator.Import;
using Geo.Data.Tests.Support;

namespace Geo.Data.Tests.Corpus;

/// <summary>
/// Malformed indicator files, made by code: every way a CSV, TSV, XLSX or XLS upload can be
/// unreadable, too large, non-finite or wrong, each with the answer the import must give. Built on
/// a small long table (<c>kode,indikator,periode,pembilang,penyebut</c>) and the real Kota Metro
/// wide table. The data-layer and API tests replay it through one helper each.
/// </summary>
public static class IndikatorCorpus
{
    public const string LongHeader = "kode,indikator,periode,pembilang,penyebut\n";
    public const string GoodRow = "18.72.01.1001,L14,2024,1,10\n";

    /// <summary>The options the real Kota Metro table is imported with, as a query string.</summary>
    public const string KotaMetroQuery = "indikator=PREV_STUNTING&periode=2022-08&sumber=e-PPGBM&wilayah=18.72";

    public static string KotaMetroPath => Path.Combine(DataFiles.ProjectRoot, "data", "indikator", "kota-metro-eppgbm-2022.tsv");

    /// <summary>A valid long table of <paramref name="rows"/> rows (Kota Metro kelurahan codes, L14, one period each).</summary>
    public static byte[] ValidLong(int rows = 3, string periode = "2024")
    {
        var text = new StringBuilder(LongHeader);
        for (var i = 0; i < rows; i++) text.Append($"18.72.01.100{1 + i % 5},L14,{periode},{1 + i},{10 + i}\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>The import options a corpus case's query names.</summary>
    public static IndikatorImportOptions Options(string query)
    {
        var q = HttpUtility.ParseQueryString(query);
        return new IndikatorImportOptions(q["indikator"], q["periode"], q["sumber"] ?? "uji", q["wilayah"], "penguji");
    }

    public static IEnumerable<MalformedFile> All() =>
        Empty().Concat(Garbage()).Concat(Renamed()).Concat(NotWorkbooks()).Concat(Truncated()).Concat(NonFinite())
            .Concat(Formulas()).Concat(Limits()).Concat(Encodings()).Concat(Rejections()).Concat(ZipBombs());

    private static readonly Lazy<Dictionary<string, MalformedFile>> ByCase = new(() => All().ToDictionary(c => c.Case));

    /// <summary>The case names, for theories: each case is then its own test, and the bytes are made once.</summary>
    public static TheoryData<string> Cases() => new(ByCase.Value.Keys);

    public static MalformedFile Find(string name) => ByCase.Value[name];

    private static readonly string[] Extensions = [".csv", ".tsv", ".txt", ".xlsx", ".xls"];

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static IEnumerable<MalformedFile> Empty()
    {
        foreach (var ext in Extensions) yield return new($"0 byte {ext}", "kosong" + ext, [], GeoErrorKind.Invalid, "berkas kosong");
        yield return new("hanya baris kosong .csv", "kosong.csv", Utf8("\n\r\n  \n\t\n"), GeoErrorKind.Invalid, "tidak berisi tabel");
        yield return new("hanya pemisah .tsv", "kosong.tsv", Utf8("\t\t\n\t\t\n"), GeoErrorKind.Invalid, "tidak berisi tabel");
        yield return new("hanya BOM .csv", "bom.csv", Encoding.UTF8.GetPreamble(), GeoErrorKind.Invalid, "tidak berisi tabel");
    }

    private static IEnumerable<MalformedFile> Garbage()
    {
        var random = new Random(20240817);
        foreach (var size in new[] { 16, 4096, 200_000 })
        {
            foreach (var ext in new[] { ".csv", ".tsv" })
            {
                var bytes = new byte[size];
                random.NextBytes(bytes);
                bytes[3] = 0x01; // random bytes carry a control character within the first few in practice; the seed is not trusted with it
                yield return new($"acak {size} byte {ext}", "acak" + ext, bytes, GeoErrorKind.Invalid, "karakter kendali");
            }
            foreach (var ext in new[] { ".xlsx", ".xls" })
            {
                var bytes = new byte[size];
                random.NextBytes(bytes);
                bytes[0] = (byte)'G';
                yield return new($"acak {size} byte {ext}", "acak" + ext, bytes, GeoErrorKind.Invalid, "bukan buku kerja");
            }
        }
        yield return new("byte NUL .csv", "nul.csv", new byte[100_000], GeoErrorKind.Invalid, "karakter kendali");
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];
        yield return new("PNG dinamai .csv", "gambar.csv", png, GeoErrorKind.Invalid, "karakter kendali");
        yield return new("PNG dinamai .xlsx", "gambar.xlsx", png, GeoErrorKind.Invalid, "bukan buku kerja");
        yield return new("tabel CSV diapit byte kendali", "kendali.csv", Utf8(LongHeader + "18.72.01.1001,L14,2024,1\u0007,10\n"),
            GeoErrorKind.Invalid, "karakter kendali");
    }

    private static IEnumerable<MalformedFile> Renamed()
    {
        var csv = ValidLong();
        var tsv = File.ReadAllBytes(KotaMetroPath);
        yield return new("CSV dinamai .xlsx", "tabel.xlsx", csv, GeoErrorKind.Invalid, "bukan buku kerja");
        yield return new("CSV dinamai .xls", "tabel.xls", csv, GeoErrorKind.Invalid, "bukan buku kerja");
        yield return new("TSV Kota Metro dinamai .xlsx", "metro.xlsx", tsv, GeoErrorKind.Invalid, "bukan buku kerja", KotaMetroQuery);
        yield return new("HTML dinamai .xls", "ekspor.xls", Utf8("<html><body><table><tr><td>kode</td></tr></table></body></html>"),
            GeoErrorKind.Invalid, "bukan buku kerja");
        yield return new("PDF dinamai .xls", "laporan.xls", Utf8("%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n"), GeoErrorKind.Invalid, "bukan buku kerja");
        yield return new("XLSX dinamai .csv", "buku.csv", Xlsx(LongRows()), GeoErrorKind.Invalid, "karakter kendali");
        yield return new("CSV dinamai .json", "tabel.json", csv, GeoErrorKind.Invalid, "format tidak dikenal");
        yield return new("CSV dinamai .pdf", "tabel.pdf", csv, GeoErrorKind.Invalid, "format tidak dikenal");
        yield return new("CSV tanpa akhiran", "tabel", csv, GeoErrorKind.Invalid, "format tidak dikenal");
    }

    private static IEnumerable<MalformedFile> NotWorkbooks()
    {
        yield return new("ZIP berisi teks dinamai .xlsx", "arsip.xlsx", Zip(("catatan.txt", "bukan buku kerja")), GeoErrorKind.Invalid, "bukan buku kerja XLSX");
        yield return new("DOCX dinamai .xlsx", "surat.xlsx", Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>")),
            GeoErrorKind.Invalid, "bukan buku kerja XLSX");
        yield return new("ZIP kosong dinamai .xlsx", "kosong.xlsx", Zip(), GeoErrorKind.Invalid, "bukan buku kerja");
        yield return new("buku kerja tanpa lembar", "tanpa-lembar.xlsx", Xlsx(LongRows(), sheets: false), GeoErrorKind.Invalid, "tidak berisi lembar");
        yield return new("lembar yang dirujuk tidak ada", "hilang.xlsx", Xlsx(LongRows(), sheetTarget: "worksheets/tidak-ada.xml"),
            GeoErrorKind.Invalid, "tidak ada di dalam arsip");
        yield return new("XML lembar rusak", "xml-rusak.xlsx", Xlsx(LongRows(), sheetXml: "<worksheet><sheetData><row><c"), GeoErrorKind.Invalid, "rusak");
        yield return new("DTD bom tawa di workbook.xml", "tawa.xlsx", Xlsx(LongRows(), workbookPrefix:
            "<!DOCTYPE lol [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"), GeoErrorKind.Invalid, "rusak");
        yield return new("tanda tangan XLS lalu acak", "palsu.xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[600]],
            GeoErrorKind.Invalid, "rusak");
        yield return new("tanda tangan XLS saja", "pendek.xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], GeoErrorKind.Invalid, "rusak");
    }

    private static IEnumerable<MalformedFile> Truncated()
    {
        var xlsx = Xlsx(LongRows());
        foreach (var fraction in new[] { 0.05, 0.25, 0.5, 0.75, 0.95 })
        {
            var cut = xlsx[..(int)(xlsx.Length * fraction)];
            yield return new($"XLSX terpotong {fraction:P0}", "terpotong.xlsx", cut, GeoErrorKind.Invalid, "rusak");
            yield return new($"XLSX terpotong {fraction:P0} dinamai .xls", "terpotong.xls", cut, GeoErrorKind.Invalid, "rusak");
        }
        yield return new("CSV terpotong di dalam tanda kutip", "kutip.csv", Utf8(LongHeader + "\"18.72.01.1001,L14,2024,1,10\n"), null, "bukan kode Kepmendagri");
        var tsv = File.ReadAllBytes(KotaMetroPath);
        yield return new("TSV Kota Metro terpotong sebelum baris data", "metro.tsv", tsv[..(Array.IndexOf(tsv, (byte)'\n') + 1)], null, "tidak ada baris data",
            KotaMetroQuery);
    }

    private static readonly string[] NonFiniteSpellings =
        ["NaN", "nan", "Infinity", "-Infinity", "inf", "∞", "+∞", "−∞", "#NUM!", "#DIV/0!", "1e999", "1,5E+400", new string('9', 400)];

    private static IEnumerable<MalformedFile> NonFinite()
    {
        foreach (var spelling in NonFiniteSpellings)
        {
            var cell = spelling.Contains(',') ? $"\"{spelling}\"" : spelling;
            yield return new($"pembilang {Show(spelling)} .csv", "angka.csv", Utf8(LongHeader + GoodRow + $"18.72.01.1002,L14,2024,{cell},10\n"),
                null, "bukan bilangan terhingga");
        }
        foreach (var spelling in new[] { "NaN", "Infinity", new string('7', 400) })
        {
            yield return new($"penyebut {Show(spelling)} .tsv", "angka.tsv",
                Utf8(LongHeader.Replace(',', '\t') + $"18.72.01.1002\tL14\t2024\t1\t{spelling}\n"), null, "bukan bilangan terhingga");
        }
        var metro = File.ReadAllText(KotaMetroPath);
        foreach (var spelling in new[] { "NaN", "∞", new string('5', 400) })
        {
            yield return new($"Kota Metro dengan capaian {Show(spelling)}", "metro.tsv", Utf8(metro.Replace("\t7,41\t", $"\t{spelling}\t")),
                null, "bukan bilangan terhingga", KotaMetroQuery);
        }
        foreach (var spelling in new[] { "NaN", "1e999" })
        {
            var rows = LongRows();
            rows[1][3] = spelling;
            yield return new($"XLSX teks {spelling}", "angka.xlsx", Xlsx(rows), null, "bukan bilangan terhingga");
        }
    }

    private static IEnumerable<MalformedFile> Formulas()
    {
        yield return new("XLSX rumus tanpa nilai di D2", "rumus.xlsx", Xlsx(LongRows(), formulas: new() { ["D2"] = "<f>1+1</f>" }),
            GeoErrorKind.Invalid, "sel D2: rumus tanpa nilai tersimpan");
        yield return new("XLSX rumus tanpa nilai di E3", "rumus.xlsx", Xlsx(LongRows(), formulas: new() { ["E3"] = "<f>SUM(D2:D3)</f>" }),
            GeoErrorKind.Invalid, "sel E3: rumus tanpa nilai tersimpan");
        yield return new("XLSX rumus bersama tanpa nilai", "rumus.xlsx", Xlsx(LongRows(), formulas: new() { ["D3"] = "<f t=\"shared\" si=\"0\"/>" }),
            GeoErrorKind.Invalid, "lembar Data, sel D3");
        yield return new("XLSX rumus teks tanpa nilai", "rumus.xlsx", Xlsx(LongRows(), formulas: new() { ["B2"] = "<f>\"L\"&amp;\"14\"</f>" }),
            GeoErrorKind.Invalid, "rumus tanpa nilai tersimpan");
    }

    private static IEnumerable<MalformedFile> Limits()
    {
        var wide = string.Join(',', Enumerable.Range(0, 1001).Select(i => $"k{i}"));
        yield return new("1001 kolom .csv", "lebar.csv", Utf8(wide + "\n"), GeoErrorKind.TooLarge, "MaksimumKolom");
        yield return new("1001 kolom .tsv", "lebar.tsv", Utf8(wide.Replace(',', '\t') + "\n"), GeoErrorKind.TooLarge, "MaksimumKolom");
        yield return new("1001 kolom di baris ke-3 .csv", "lebar.csv", Utf8(LongHeader + GoodRow + wide + "\n"), GeoErrorKind.TooLarge, "baris 3");
        yield return new("1001 kolom .xlsx", "lebar.xlsx", Xlsx([.. LongRows(), Enumerable.Range(0, 1001).Select(i => $"{i}").ToArray()]),
            GeoErrorKind.TooLarge, "MaksimumKolom");
        var cell = new string('x', 4001);
        yield return new("sel 4001 karakter .csv", "sel.csv", Utf8(LongHeader + $"18.72.01.1001,{cell},2024,1,10\n"), GeoErrorKind.TooLarge, "MaksimumKarakterSel");
        yield return new("sel 4001 karakter .tsv", "sel.tsv", Utf8("kode\tcatatan\n" + $"18.72.01.1001\t{cell}\n"), GeoErrorKind.TooLarge, "baris 2");
        yield return new("sel 4001 karakter dalam kutip", "sel.csv", Utf8(LongHeader + $"18.72.01.1001,\"{cell}\",2024,1,10\n"), GeoErrorKind.TooLarge, "MaksimumKarakterSel");
        var rows = LongRows();
        rows[2][1] = cell;
        yield return new("sel 4001 karakter .xlsx", "sel.xlsx", Xlsx(rows), GeoErrorKind.TooLarge, "sel B3");
        var line = string.Join(',', Enumerable.Range(0, 300).Select(_ => new string('y', 3500)));
        yield return new("baris lebih dari 1.000.000 karakter", "baris.csv", Utf8(LongHeader + line + "\n"), GeoErrorKind.TooLarge, "MaksimumKarakterBaris");
        yield return new("satu baris 2 MB tanpa pemisah", "baris.csv", Utf8(new string('z', 2_000_000)), GeoErrorKind.TooLarge, "MaksimumKarakterSel");
        var many = new byte[LongHeader.Length + 10_000_001];
        Encoding.ASCII.GetBytes(LongHeader).CopyTo(many, 0);
        many.AsSpan(LongHeader.Length).Fill((byte)'\n');
        yield return new("10.000.002 baris", "panjang.csv", many, GeoErrorKind.TooLarge, "MaksimumBaris");
        var name = new string('N', 250);
        yield return new("nama kelurahan 250 karakter", "metro.tsv", Utf8(File.ReadAllText(KotaMetroPath).Replace("Sumbersari", name)),
            null, "MaksimumPanjangNama", KotaMetroQuery);
        yield return new("nama puskesmas 250 karakter", "metro.tsv", Utf8(File.ReadAllText(KotaMetroPath).Replace("Puskesmas Margorejo", name)),
            null, "MaksimumPanjangNama", KotaMetroQuery);
        yield return new("kode indikator 300 karakter", "ind.csv", Utf8(LongHeader + $"18.72.01.1001,{new string('L', 300)},2024,1,10\n"),
            null, "tidak dikenal");
        yield return new("nama berkas 250 karakter", new string('b', 246) + ".csv", ValidLong(), GeoErrorKind.Invalid, "parameter berkas");
        yield return new("pilihan sumber 300 karakter", "sumber.csv", ValidLong(), GeoErrorKind.Invalid, "parameter sumber", "sumber=" + new string('s', 300));
        yield return new("pilihan wilayah 300 karakter", "wilayah.csv", ValidLong(), GeoErrorKind.Invalid, "parameter wilayah", "wilayah=" + new string('1', 300));
    }

    private static IEnumerable<MalformedFile> Encodings()
    {
        var text = Encoding.UTF8.GetString(ValidLong());
        yield return new("UTF-16 LE dengan BOM", "utf16.csv", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            GeoErrorKind.Invalid, "karakter kendali");
        yield return new("UTF-16 BE tanpa BOM", "utf16be.csv", Encoding.BigEndianUnicode.GetBytes(text), GeoErrorKind.Invalid, "karakter kendali");
        yield return new("UTF-32", "utf32.tsv", Encoding.UTF32.GetBytes(text), GeoErrorKind.Invalid, "karakter kendali");
        yield return new("UTF-8 tidak sah di kode", "latin.csv", [.. Utf8(LongHeader), 0xC0, 0xAF, .. Utf8(",L14,2024,1,10\n")], null, "bukan kode Kepmendagri");
        yield return new("UTF-8 terpotong di tengah huruf", "potong.csv", [.. Utf8(LongHeader + "18.72.01.1001,L14,2024,1,10\n18.72.01.100"), 0xE2, 0x82],
            null, "bukan kode Kepmendagri");
    }

    private static IEnumerable<MalformedFile> Rejections()
    {
        yield return new("tanpa kolom pembilang", "a.csv", Utf8("kode,indikator,periode\n18.72.01.1001,L14,2024\n"), null, "kolom pembilang atau nilai tidak ada");
        yield return new("periode bulan 13", "a.csv", Utf8(LongHeader + "18.72.01.1001,L14,2024-13,1,10\n"), null, "periode '2024-13' tidak dikenal");
        yield return new("kode wilayah tidak ada", "a.csv", Utf8(LongHeader + "18.72.09.1001,L14,2024,1,10\n"), null, "tidak ada di tabel wilayah");
        yield return new("pembilang lebih besar", "a.csv", Utf8(LongHeader + "18.72.01.1001,L14,2024,11,10\n"), null, "lebih besar dari penyebut");
        yield return new("baris ganda", "a.csv", Utf8(LongHeader + GoodRow + GoodRow), null, "baris ganda");
        yield return new("persentase 150", "a.csv", Utf8("kode,indikator,periode,nilai\n18.72.01.1001,PREV_STUNTING,2024,150\n"), null, "di luar 0-100");
        yield return new("notasi ilmiah biasa", "a.csv", Utf8(LongHeader + "18.72.01.1001,L14,2024,1e2,1e3\n"), null, "tidak terbaca");
    }

    private static IEnumerable<MalformedFile> ZipBombs()
    {
        var zeros = new string('\0', 20 << 20);
        yield return new("XLSX dengan entri bom 20 MB nol", "bom.xlsx", Xlsx(LongRows(), extra: [("xl/media/bom.bin", zeros)]),
            GeoErrorKind.TooLarge, "MaksimumRasioKompresi");
        var padding = new string(' ', 8 << 20);
        yield return new("XLSX dengan lembar berisi 8 MB spasi", "spasi.xlsx", Xlsx(LongRows(), sheetPadding: padding), GeoErrorKind.TooLarge, "bom ZIP");
        yield return new("XLSX dengan 1001 entri", "entri.xlsx", Xlsx(LongRows(), extra: [.. Enumerable.Range(0, 1001).Select(i => ($"xl/x/{i}.xml", "<x/>"))]),
            GeoErrorKind.TooLarge, "MaksimumEntriZip");
    }

    private static string Show(string spelling) => spelling.Length > 12 ? $"{spelling.Length} digit" : spelling;

    /// <summary>The small long table as workbook rows.</summary>
    private static string[][] LongRows() =>
    [
        ["kode", "indikator", "periode", "pembilang", "penyebut"],
        ["18.72.01.1001", "L14", "2024", "1", "10"],
        ["18.72.01.1002", "L14", "2024", "2", "10"],
    ];

    /// <summary>
    /// A minimal XLSX written by hand, so that each part can be broken on purpose: numbers as
    /// values, text as inline strings, one sheet named Data.
    /// </summary>
    private static byte[] Xlsx(string[][] rows, bool sheets = true, string sheetTarget = "worksheets/sheet1.xml", string? sheetXml = null,
        string workbookPrefix = "", Dictionary<string, string>? formulas = null, (string Name, string Text)[]? extra = null, string sheetPadding = "")
    {
        const string main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        const string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        var data = new StringBuilder();
        for (var r = 0; r < rows.Length; r++)
        {
            data.Append($"<row r=\"{r + 1}\">");
            for (var c = 0; c < rows[r].Length; c++)
            {
                var at = $"{ColumnName(c)}{r + 1}";
                var value = rows[r][c];
                if (formulas?.TryGetValue(at, out var formula) == true) data.Append($"<c r=\"{at}\">{formula}</c>");
                else if (double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
                {
                    data.Append($"<c r=\"{at}\"><v>{value}</v></c>");
                }
                else data.Append($"<c r=\"{at}\" t=\"inlineStr\"><is><t>{System.Security.SecurityElement.Escape(value)}</t></is></c>");
            }
            data.Append("</row>");
        }
        var sheet = sheetXml ?? $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"{main}\">{sheetPadding}<sheetData>{data}</sheetData></worksheet>";
        var parts = new List<(string, string)>
        {
            ("[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                <Default Extension="xml" ContentType="application/xml"/>
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                </Types>
                """),
            ("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
                </Relationships>
                """),
            ("xl/workbook.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>{workbookPrefix}<workbook xmlns=\"{main}\" xmlns:r=\"{rel}\"><sheets>"
                + (sheets ? "<sheet name=\"Data\" sheetId=\"1\" r:id=\"rId1\"/>" : "") + "</sheets></workbook>"),
            ("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + $"<Relationship Id=\"rId1\" Type=\"{rel}/worksheet\" Target=\"{sheetTarget}\"/></Relationships>"),
            ("xl/worksheets/sheet1.xml", sheet),
        };
        parts.AddRange(extra ?? []);
        return Zip([.. parts]);
    }

    /// <summary>A workbook whose one sheet holds <paramref name="sheetData"/> (the rows' XML) as given.</summary>
    public static byte[] XlsxWithSheetData(string sheetData) => Xlsx([], sheetXml:
        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>{sheetData}</sheetData></worksheet>");

    /// <summary>A readable workbook (the check that the builder itself is sound, and a base for others).</summary>
    public static byte[] ValidXlsx() => Xlsx(LongRows());

    private static string ColumnName(int column)
    {
        var name = "";
        for (var c = column + 1; c > 0; c = (c - 1) / 26) name = (char)('A' + (c - 1) % 26) + name;
        return name;
    }

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                entry.Write(Encoding.UTF8.GetBytes(text));
            }
        }
        return buffer.ToArray();
    }
}
