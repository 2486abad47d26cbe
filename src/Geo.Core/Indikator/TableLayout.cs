using System.Text.RegularExpressions;
using Geo.Core.Wilayah;

namespace Geo.Core.Indikator;

/// <summary>
/// Where the header, data and total rows of a table as printed are: title lines above, a header of
/// one or more rows with merged cells (left blank after the first), an optional row of column
/// numbers (1 2 3 ...), data rows, a TOTAL row, notes below.
/// </summary>
public sealed partial record TableLayout(
    IReadOnlyList<TableColumn> Kolom,
    IReadOnlyList<int> BarisJudul,
    IReadOnlyList<int> BarisData,
    int? BarisTotal,
    int? BarisNomorKolom)
{
    public static TableLayout Detect(IReadOnlyList<string[]> rows)
    {
        var width = rows.Count == 0 ? 0 : rows.Max(r => r.Length);
        string Cell(int r, int c) => c < rows[r].Length ? (rows[r][c] ?? "").Trim() : "";
        bool IsEmpty(int r) => Enumerable.Range(0, width).All(c => Cell(r, c).Length == 0);
        int NonEmpty(int r) => Enumerable.Range(0, width).Count(c => Cell(r, c).Length > 0);

        bool IsNumberRow(int r)
        {
            var cells = Enumerable.Range(0, width).Select(c => Cell(r, c)).Where(s => s.Length > 0).ToList();
            return cells.Count >= 2 && cells.Select((s, i) => s == (i + 1).ToString()).All(x => x);
        }

        bool IsDataLike(int r)
        {
            var cells = Enumerable.Range(0, width).Select(c => Cell(r, c)).Where(s => s.Length > 0).ToList();
            return cells.Any(IsLabel) && cells.Any(IsNumeric) && !IsNumberRow(r);
        }

        var firstData = -1;
        for (var r = 0; r < rows.Count && firstData < 0; r++)
        {
            if (!IsDataLike(r)) continue;
            var next = r + 1;
            while (next < rows.Count && IsEmpty(next)) next++;
            // A header row can mix words and numbers ("Capaian 2022"); a data row is followed by
            // more data, a total, or at least another name in the same column.
            var nameColumn = Enumerable.Range(0, width).First(c => IsLabel(Cell(r, c)));
            if (next >= rows.Count || IsDataLike(next) || IsTotal(rows[next]) || IsLabel(Cell(next, nameColumn))) firstData = r;
        }
        if (firstData < 0) throw new FormatException("tidak ada baris data (baris dengan nama dan angka) dalam tabel");

        int? numberRow = null;
        var header = new List<int>();
        for (var r = firstData - 1; r >= 0 && !IsEmpty(r); r--)
        {
            if (IsNumberRow(r) && numberRow is null && header.Count == 0) numberRow = r;
            else header.Insert(0, r);
        }
        while (header.Count > 1 && NonEmpty(header[0]) <= 1) header.RemoveAt(0);

        var data = new List<int>();
        int? total = null;
        for (var r = firstData; r < rows.Count; r++)
        {
            if (IsEmpty(r)) continue;
            if (IsTotal(rows[r])) total ??= r;
            else if (!IsNote(rows[r])) data.Add(r);
        }

        return new TableLayout(Columns(rows, header, width), header, data, total, numberRow);
    }

    /// <summary>
    /// Header paths with merged cells filled in: a blank header cell takes the text to its left
    /// when it sits under the same parent, so "Target" over 2023 and 2024 labels both.
    /// </summary>
    private static List<TableColumn> Columns(IReadOnlyList<string[]> rows, List<int> header, int width)
    {
        var filled = new string[header.Count][];
        for (var h = 0; h < header.Count; h++)
        {
            filled[h] = new string[width];
            for (var c = 0; c < width; c++)
            {
                var text = c < rows[header[h]].Length ? (rows[header[h]][c] ?? "").Trim() : "";
                var sameParent = h == 0 || (c > 0 && filled[h - 1][c] == filled[h - 1][c - 1] && filled[h - 1][c].Length > 0);
                filled[h][c] = text.Length == 0 && c > 0 && sameParent ? filled[h][c - 1] : text;
            }
        }
        return Enumerable.Range(0, width)
            .Select(c => new TableColumn(c, Enumerable.Range(0, header.Count).Select(h => filled[h][c]).Where(s => s.Length > 0).Distinct().ToList()))
            .ToList();
    }

    /// <summary>What names a row: words, or a dotted Kepmendagri code.</summary>
    private static bool IsLabel(string s) => s.Any(char.IsLetter) || (s.Contains('.') && KodeWilayah.TryParse(s, out _, out _));

    private static bool IsNumeric(string s) =>
        NumberParser.TryParse(s, DecimalSeparator.Comma, out _) == NumberParser.Outcome.Number || NumberParser.TryParse(s, DecimalSeparator.Point, out _) == NumberParser.Outcome.Number;

    private static bool IsTotal(string[] row) =>
        row.FirstOrDefault(s => !string.IsNullOrWhiteSpace(s)) is { } first && TotalPattern().IsMatch(first.Trim());

    private static bool IsNote(string[] row)
    {
        var cells = row.Where(s => !string.IsNullOrWhiteSpace(s)).ToList();
        return cells.Count == 1 && NotePattern().IsMatch(cells[0].Trim());
    }

    [GeneratedRegex(@"^(total|jumlah|jml\.?|rata-rata|rerata)(\s|$|:)", RegexOptions.IgnoreCase)]
    private static partial Regex TotalPattern();

    [GeneratedRegex(@"^(sumber|keterangan|ket\.|catatan|\*)", RegexOptions.IgnoreCase)]
    private static partial Regex NotePattern();
}
