using System.Globalization;
using System.Text;
using ExcelDataReader;
using Geo.Core.Errors;

namespace Geo.Data.Indikator.Import;

/// <summary>A table as read from a file: cells as text, and for each row the line (CSV/TSV) or sheet row (XLSX) it came from.</summary>
public sealed record TableFile(IReadOnlyList<string[]> Rows, IReadOnlyList<int> LineNumbers)
{
    /// <summary>
    /// Opens a table file to be read once, start to end: the first row with any text (a long
    /// table's header; a wide table's title or header), and every row from the top, the ones
    /// already read to find it included.
    /// </summary>
    public static (string[]? FirstRow, IEnumerable<(string[] Cells, int Line)> Rows) Open(byte[] content, string fileName)
    {
        var rows = ReadRows(content, fileName).GetEnumerator();
        var seen = new List<(string[] Cells, int Line)>();
        while (rows.MoveNext())
        {
            seen.Add(rows.Current);
            if (rows.Current.Cells.Any(c => !string.IsNullOrWhiteSpace(c))) return (rows.Current.Cells, Replay(seen, rows));
        }
        rows.Dispose();
        return (null, []);
    }

    private static IEnumerable<(string[] Cells, int Line)> Replay(List<(string[] Cells, int Line)> seen, IEnumerator<(string[] Cells, int Line)> rest)
    {
        using (rest)
        {
            foreach (var row in seen) yield return row;
            while (rest.MoveNext()) yield return rest.Current;
        }
    }

    /// <summary>The whole table, for layouts recognised across it (the wide one).</summary>
    public static TableFile From(IEnumerable<(string[] Cells, int Line)> rows)
    {
        var cells = new List<string[]>();
        var lines = new List<int>();
        foreach (var (row, line) in rows)
        {
            cells.Add(row);
            lines.Add(line);
        }
        return new TableFile(cells, lines);
    }

    /// <summary>
    /// The rows one at a time, for layouts that need no look at the whole table (the long one):
    /// a national file of 2.5 million rows is then never held as cells.
    /// </summary>
    public static IEnumerable<(string[] Cells, int Line)> ReadRows(byte[] content, string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return extension switch
        {
            ".xlsx" or ".xls" => ReadExcel(content),
            ".csv" or ".tsv" or ".txt" => ReadDelimited(content, extension == ".tsv" ? '\t' : null),
            _ => throw GeoException.Invalid($"{fileName}: format tidak dikenal (CSV, TSV atau XLSX)"),
        };
    }

    /// <summary>
    /// UTF-8 (a byte order mark is dropped), else Latin-1, which older Excel exports on Windows
    /// write; decided once per file, as is the delimiter when the extension does not say it.
    /// </summary>
    private static IEnumerable<(string[] Cells, int Line)> ReadDelimited(byte[] content, char? delimiter)
    {
        Encoding encoding = System.Text.Unicode.Utf8.IsValid(content) ? new UTF8Encoding(false) : Encoding.Latin1;
        StreamReader OpenText() => new(new MemoryStream(content), encoding, detectEncodingFromByteOrderMarks: encoding is UTF8Encoding);
        string FirstLine()
        {
            using var first = OpenText();
            return first.ReadLine() ?? "";
        }
        var sep = delimiter ?? GuessDelimiter(FirstLine());
        using var reader = OpenText();
        foreach (var row in ReadDelimited(reader, sep)) yield return row;
    }

    /// <summary>RFC 4180 fields (quotes, doubled quotes, line breaks inside quotes), with the line each row starts on.</summary>
    private static IEnumerable<(string[] Cells, int Line)> ReadDelimited(TextReader reader, char sep)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var rowStart = 1;
        var inQuotes = false;
        int next;
        while ((next = reader.Read()) >= 0)
        {
            var c = (char)next;
            if (inQuotes)
            {
                if (c == '"' && reader.Peek() == '"') { field.Append('"'); reader.Read(); }
                else if (c == '"') inQuotes = false;
                else
                {
                    if (c == '\n') line++;
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0) inQuotes = true;
            else if (c == sep) { fields.Add(field.ToString()); field.Clear(); }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && reader.Peek() == '\n') reader.Read();
                fields.Add(field.ToString());
                field.Clear();
                yield return (fields.ToArray(), rowStart);
                fields.Clear();
                line++;
                rowStart = line;
            }
            else field.Append(c);
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return (fields.ToArray(), rowStart);
        }
    }

    /// <summary>Tab, semicolon or comma, whichever the first line has most of.</summary>
    private static readonly char[] Delimiters = ['\t', ';', ','];

    private static char GuessDelimiter(string firstLine)
    {
        var counts = Delimiters.Select(d => (d, firstLine.Count(c => c == d))).OrderByDescending(x => x.Item2).First();
        return counts.Item2 == 0 ? ',' : counts.d;
    }

    private static IEnumerable<(string[] Cells, int Line)> ReadExcel(byte[] content)
    {
        // ExcelDataReader reads legacy code pages even for xlsx metadata.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var stream = new MemoryStream(content);
        using var reader = ExcelReaderFactory.CreateReader(stream);
        var number = 0;
        while (reader.Read())
        {
            number++;
            var row = new string[reader.FieldCount];
            for (var c = 0; c < reader.FieldCount; c++)
            {
                row[c] = reader.GetValue(c) switch
                {
                    null => "",
                    double d => d.ToString("R", CultureInfo.InvariantCulture),
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    var v => v.ToString() ?? "",
                };
            }
            yield return (row, number);
        }
    }
}
