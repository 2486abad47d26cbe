using System.Globalization;
using System.Text;
using ExcelDataReader;

namespace Geo.Data.Indikator.Import;

/// <summary>A table as read from a file: cells as text, and for each row the line (CSV/TSV) or sheet row (XLSX) it came from.</summary>
public sealed record TableFile(IReadOnlyList<string[]> Rows, IReadOnlyList<int> LineNumbers)
{
    public static TableFile Read(byte[] content, string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return extension switch
        {
            ".xlsx" or ".xls" => ReadExcel(content),
            ".csv" or ".tsv" or ".txt" => ReadDelimited(DecodeText(content), extension == ".tsv" ? '\t' : null),
            _ => throw new IndikatorFileException($"{fileName}: format tidak dikenal (CSV, TSV atau XLSX)"),
        };
    }

    private static string DecodeText(byte[] content)
    {
        try
        {
            return new UTF8Encoding(false, true).GetString(content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            // Older Excel exports on Windows write Latin-1.
            return Encoding.Latin1.GetString(content);
        }
    }

    /// <summary>RFC 4180 fields (quotes, doubled quotes, line breaks inside quotes); the delimiter is tab, semicolon or comma, whichever the first line has most of.</summary>
    public static TableFile ReadDelimited(string text, char? delimiter = null)
    {
        var sep = delimiter ?? GuessDelimiter(text);
        var rows = new List<string[]>();
        var lines = new List<int>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var rowStart = 1;
        var inQuotes = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
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
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                fields.Add(field.ToString());
                field.Clear();
                rows.Add(fields.ToArray());
                lines.Add(rowStart);
                fields.Clear();
                line++;
                rowStart = line;
            }
            else field.Append(c);
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            rows.Add(fields.ToArray());
            lines.Add(rowStart);
        }
        return new TableFile(rows, lines);
    }

    private static char GuessDelimiter(string text)
    {
        var firstLine = text.Split('\n', 2)[0];
        var counts = new[] { '\t', ';', ',' }.Select(d => (d, firstLine.Count(c => c == d))).OrderByDescending(x => x.Item2).First();
        return counts.Item2 == 0 ? ',' : counts.d;
    }

    private static TableFile ReadExcel(byte[] content)
    {
        // ExcelDataReader reads legacy code pages even for xlsx metadata.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var stream = new MemoryStream(content);
        using var reader = ExcelReaderFactory.CreateReader(stream);
        var rows = new List<string[]>();
        var lines = new List<int>();
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
            rows.Add(row);
            lines.Add(number);
        }
        return new TableFile(rows, lines);
    }
}
