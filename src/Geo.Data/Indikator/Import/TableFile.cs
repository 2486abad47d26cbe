using System.Globalization;
using System.Text;
using ExcelDataReader;

namespace Geo.Data.Indikator.Import;

/// <summary>A table as read from a file: cells as text, and for each row the line (CSV/TSV) or sheet row (XLSX) it came from.</summary>
public sealed record TableFile(IReadOnlyList<string[]> Rows, IReadOnlyList<int> LineNumbers)
{
    public static TableFile Read(byte[] content, string fileName)
    {
        var rows = new List<string[]>();
        var lines = new List<int>();
        foreach (var (cells, line) in ReadRows(content, fileName))
        {
            rows.Add(cells);
            lines.Add(line);
        }
        return new TableFile(rows, lines);
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
            ".csv" or ".tsv" or ".txt" => ReadDelimited(content, extension == ".tsv" ? '\t' : GuessDelimiter(content)),
            _ => throw new IndikatorFileException($"{fileName}: format tidak dikenal (CSV, TSV atau XLSX)"),
        };
    }

    /// <summary>UTF-8 (a byte order mark is dropped), else Latin-1, which older Excel exports on Windows write.</summary>
    private static StreamReader OpenText(byte[] content) =>
        System.Text.Unicode.Utf8.IsValid(content)
            ? new StreamReader(new MemoryStream(content), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true)
            : new StreamReader(new MemoryStream(content), Encoding.Latin1, detectEncodingFromByteOrderMarks: false);

    private static IEnumerable<(string[] Cells, int Line)> ReadDelimited(byte[] content, char delimiter)
    {
        using var reader = OpenText(content);
        foreach (var row in ReadDelimited(reader, delimiter)) yield return row;
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
    private static char GuessDelimiter(byte[] content)
    {
        using var reader = OpenText(content);
        var firstLine = reader.ReadLine() ?? "";
        var counts = new[] { '\t', ';', ',' }.Select(d => (d, firstLine.Count(c => c == d))).OrderByDescending(x => x.Item2).First();
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
