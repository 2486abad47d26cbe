namespace Geo.Core.Indikator;

/// <summary>One column of a wide table, with its header as a path from the top header row down.</summary>
public sealed record TableColumn(int Indeks, IReadOnlyList<string> Judul)
{
    public string Label => Judul.Count == 0 ? $"kolom {Indeks + 1}" : string.Join(" / ", Judul);

    /// <summary>Spreadsheet letter of the column (A, B, ..., AA), as people find it in their file.</summary>
    public string Huruf => ColumnLetter(Indeks);

    public static string ColumnLetter(int index)
    {
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) letters = (char)('A' + (n - 1) % 26) + letters;
        return letters;
    }
}
