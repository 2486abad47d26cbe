using System.Globalization;
using System.Text;
using Geo.Core.Errors;
using Geo.Core.Import;

namespace Geo.Data.Indikator.Import;

/// <summary>A table as read from a file: cells as text, and for each row the line (CSV/TSV) or sheet row (XLSX) it came from.</summary>
public sealed record TableFile(IReadOnlyList<string[]> Rows, IReadOnlyList<int> LineNumbers)
{
    /// <summary>
    /// Opens a table file to be read once, start to end: the first row with any text (a long
    /// table's header; a wide table's title or header), and every row from the top, the ones
    /// already read to find it included. A file with no text at all cannot be a table (400).
    /// </summary>
    /// <param name="content">Seekable: text is read twice (encoding, delimiter) and workbooks are zip archives.</param>
    public static (string[] FirstRow, IEnumerable<(string[] Cells, int Line)> Rows) Open(Stream content, string fileName, ImportLimits limits)
    {
        var rows = ReadRows(content, fileName, limits).GetEnumerator();
        var seen = new List<(string[] Cells, int Line)>();
        try
        {
            while (rows.MoveNext())
            {
                seen.Add(rows.Current);
                if (rows.Current.Cells.Any(c => !string.IsNullOrWhiteSpace(c))) return (rows.Current.Cells, Replay(seen, rows));
            }
        }
        catch
        {
            rows.Dispose();
            throw;
        }
        rows.Dispose();
        throw GeoException.Invalid("berkas tidak berisi tabel: tidak ada baris yang berisi teks", new GeoErrorLocation(Berkas: fileName));
    }

    private static IEnumerable<(string[] Cells, int Line)> Replay(List<(string[] Cells, int Line)> seen, IEnumerator<(string[] Cells, int Line)> rest)
    {
        using (rest)
        {
            foreach (var row in seen) yield return row;
            seen.Clear();
            while (rest.MoveNext()) yield return rest.Current;
        }
    }

    /// <summary>
    /// The whole table, for layouts recognised across it (the wide one). It is held in memory, so
    /// its cells are limited (<see cref="ImportLimits.MaksimumSelTabelLebar"/>).
    /// </summary>
    public static TableFile From(IEnumerable<(string[] Cells, int Line)> rows, string fileName, ImportLimits limits)
    {
        var cells = new List<string[]>();
        var lines = new List<int>();
        long held = 0;
        foreach (var (row, line) in rows)
        {
            held += row.Length;
            if (held > limits.MaksimumSelTabelLebar)
            {
                throw GeoException.TooLarge(
                    $"tabel lebar melebihi {limits.MaksimumSelTabelLebar} sel (batas Geo:Impor:MaksimumSelTabelLebar); pakai tabel panjang kode,indikator,periode,pembilang,penyebut",
                    new GeoErrorLocation(Berkas: fileName, Baris: line));
            }
            cells.Add(row);
            lines.Add(line);
        }
        return new TableFile(cells, lines);
    }

    /// <summary>
    /// The rows one at a time, for layouts that need no look at the whole table (the long one):
    /// a national file of 2.5 million rows is then never held as cells. Rows, columns and
    /// characters are counted as they are read and reading stops at the first limit passed (413).
    /// </summary>
    public static IEnumerable<(string[] Cells, int Line)> ReadRows(Stream content, string fileName, ImportLimits limits)
    {
        if (!content.CanSeek) throw new ArgumentException("the table reader needs a seekable stream", nameof(content));
        var where = new GeoErrorLocation(Berkas: fileName);
        if (content.Length == 0) throw GeoException.Invalid("berkas kosong (0 byte)", where);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var rows = extension switch
        {
            ".xlsx" or ".xls" => WorkbookReader.Read(content, fileName, limits),
            ".csv" or ".tsv" or ".txt" => ReadDelimited(content, extension == ".tsv" ? '\t' : null, fileName, limits),
            _ => throw GeoException.Invalid("format tidak dikenal (CSV, TSV, XLSX atau XLS)", where),
        };
        return Counted(rows, fileName, limits);
    }

    private static IEnumerable<(string[] Cells, int Line)> Counted(IEnumerable<(string[] Cells, int Line)> rows, string fileName, ImportLimits limits)
    {
        var count = 0;
        foreach (var row in rows)
        {
            if (++count > limits.MaksimumBaris)
            {
                throw GeoException.TooLarge($"lebih dari {limits.MaksimumBaris} baris (batas Geo:Impor:MaksimumBaris)",
                    new GeoErrorLocation(Berkas: fileName, Baris: row.Line));
            }
            if (row.Cells.Length > limits.MaksimumKolom)
            {
                throw GeoException.TooLarge($"{row.Cells.Length} kolom, lebih dari {limits.MaksimumKolom} (batas Geo:Impor:MaksimumKolom)",
                    new GeoErrorLocation(Berkas: fileName, Baris: row.Line));
            }
            yield return row;
        }
    }

    /// <summary>
    /// UTF-8 (a byte order mark is dropped), else Latin-1, which older Excel exports on Windows
    /// write; decided once per file, as is the delimiter when the extension does not say it.
    /// </summary>
    private static IEnumerable<(string[] Cells, int Line)> ReadDelimited(Stream content, char? delimiter, string fileName, ImportLimits limits)
    {
        Encoding encoding = IsUtf8(content) ? new UTF8Encoding(false) : Encoding.Latin1;
        StreamReader OpenText()
        {
            content.Position = 0;
            return new StreamReader(content, encoding, detectEncodingFromByteOrderMarks: encoding is UTF8Encoding, bufferSize: 1 << 16, leaveOpen: true);
        }
        char sep;
        using (var first = OpenText()) sep = delimiter ?? GuessDelimiter(first);
        using var reader = OpenText();
        foreach (var row in new DelimitedReader(reader, sep, fileName, limits).Rows()) yield return row;
    }

    /// <summary>Validates the whole stream as UTF-8 in blocks, without holding it.</summary>
    private static bool IsUtf8(Stream content)
    {
        content.Position = 0;
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[1 << 16];
        var chars = new char[bytes.Length + 4];
        try
        {
            int read;
            while ((read = content.Read(bytes)) > 0) decoder.Convert(bytes, 0, read, chars, 0, chars.Length, false, out _, out _, out _);
            decoder.Convert(bytes, 0, 0, chars, 0, chars.Length, true, out _, out _, out _);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>RFC 4180 fields (quotes, doubled quotes, line breaks inside quotes), with the line each row starts on.</summary>
    private sealed class DelimitedReader(TextReader reader, char sep, string fileName, ImportLimits limits)
    {
        private readonly List<string> _fields = [];
        private readonly StringBuilder _field = new();
        private int _line = 1;
        private int _rowStart = 1;
        private long _rowChars;

        public IEnumerable<(string[] Cells, int Line)> Rows()
        {
            var inQuotes = false;
            int next;
            while ((next = Next()) >= 0)
            {
                var c = (char)next;
                if (inQuotes)
                {
                    if (c == '"' && reader.Peek() == '"') { Append('"'); Next(); }
                    else if (c == '"') inQuotes = false;
                    else
                    {
                        if (c == '\n') _line++;
                        Append(c);
                    }
                }
                else if (c == '"' && _field.Length == 0) inQuotes = true;
                else if (c == sep) EndField();
                else if (c == '\n' || c == '\r')
                {
                    if (c == '\r' && reader.Peek() == '\n') reader.Read();
                    EndField();
                    yield return (_fields.ToArray(), _rowStart);
                    _fields.Clear();
                    _rowChars = 0;
                    _line++;
                    _rowStart = _line;
                }
                else Append(c);
            }
            if (_field.Length > 0 || _fields.Count > 0)
            {
                EndField();
                yield return (_fields.ToArray(), _rowStart);
            }
        }

        private int Next()
        {
            var next = reader.Read();
            if (next < 0) return next;
            if (++_rowChars > limits.MaksimumKarakterBaris)
            {
                throw GeoException.TooLarge($"baris lebih dari {limits.MaksimumKarakterBaris} karakter (batas Geo:Impor:MaksimumKarakterBaris)", Here());
            }
            // Text tables have no control characters but tab and line ends; binary content has them at once.
            if (next < 0x20 && next is not ('\t' or '\n' or '\r') || next == 0x7F)
            {
                throw GeoException.Invalid($"karakter kendali U+{next:X4}: berkas ini bukan teks CSV/TSV (berkas biner atau rusak?)", Here());
            }
            return next;
        }

        private void Append(char c)
        {
            if (_field.Length >= limits.MaksimumKarakterSel)
            {
                throw GeoException.TooLarge($"sel lebih dari {limits.MaksimumKarakterSel} karakter (batas Geo:Impor:MaksimumKarakterSel)",
                    Here() with { Kolom = (_fields.Count + 1).ToString(CultureInfo.InvariantCulture) });
            }
            _field.Append(c);
        }

        private void EndField()
        {
            if (_fields.Count >= limits.MaksimumKolom)
            {
                throw GeoException.TooLarge($"lebih dari {limits.MaksimumKolom} kolom (batas Geo:Impor:MaksimumKolom)", Here());
            }
            _fields.Add(_field.ToString());
            _field.Clear();
        }

        private GeoErrorLocation Here() => new(Berkas: fileName, Baris: _rowStart);
    }

    /// <summary>Tab, semicolon or comma, whichever the first line has most of.</summary>
    private static readonly char[] Delimiters = ['\t', ';', ','];

    /// <summary>Judged on at most the first line's first 64 KiB, so a file without line breaks is not read whole here.</summary>
    private static char GuessDelimiter(TextReader reader)
    {
        var buffer = new char[1 << 16];
        var read = reader.ReadBlock(buffer);
        var firstLine = buffer.AsSpan(0, read);
        var end = firstLine.IndexOfAny('\r', '\n');
        if (end >= 0) firstLine = firstLine[..end];
        var best = ',';
        var most = 0;
        foreach (var d in Delimiters)
        {
            var count = firstLine.Count(d);
            if (count > most) (best, most) = (d, count);
        }
        return best;
    }

    internal static string CellText(object? value) => value switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var v => v.ToString() ?? "",
    };
}
