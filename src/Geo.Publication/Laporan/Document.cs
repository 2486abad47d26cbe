namespace Geo.Publication.Laporan;

/// <summary>
/// A report as content only: headings, paragraphs, tables and images in reading order. The report
/// is composed once into this model (<see cref="LaporanComposer"/>) and each writer lays it out in
/// its own format (<see cref="DocxWriter"/>, <see cref="PdfWriter"/>), so no finding is written twice.
/// </summary>
/// <param name="Title">The document's title (title page line and file properties).</param>
/// <param name="Subtitle">The line under the title: area, period, view.</param>
/// <param name="Footer">Text in every page's footer, beside the page number.</param>
public sealed record Document(string Title, string Subtitle, string Footer, IReadOnlyList<Block> Blocks);

public abstract record Block;

/// <summary>A section heading, level 1 to 3.</summary>
public sealed record Heading(int Level, string Text) : Block;

public enum ParagraphStyle
{
    Normal,
    /// <summary>An item of a bulleted list.</summary>
    Bullet,
    /// <summary>Smaller text: how to read what precedes it, sources.</summary>
    Note,
    /// <summary>Set apart in a box: what a reader must not miss (synthetic data, drafts).</summary>
    Warning,
}

/// <summary>A stretch of text with one style.</summary>
public sealed record Run(string Text, bool Bold = false, bool Italic = false);

public sealed record Paragraph(IReadOnlyList<Run> Runs, ParagraphStyle Style = ParagraphStyle.Normal) : Block
{
    public Paragraph(string text, ParagraphStyle style = ParagraphStyle.Normal) : this([new Run(text)], style)
    {
    }

    public string Text => string.Concat(Runs.Select(r => r.Text));
}

/// <param name="Width">Relative width among the table's columns.</param>
/// <param name="Numeric">Right-aligned (numbers).</param>
public sealed record Column(string Header, double Width, bool Numeric = false);

/// <summary>A table with a header row that repeats on every page it spans; rows are never split across pages.</summary>
/// <param name="Caption">Said above the table ("Tabel 1. ...").</param>
/// <param name="Emphasised">Indexes of rows set in bold (totals, the area itself).</param>
public sealed record Table(string Caption, IReadOnlyList<Column> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlySet<int>? Emphasised = null) : Block;

/// <summary>A PNG image with its pixel size, shown at the text width, with a caption under it.</summary>
public sealed record Image(byte[] Png, int WidthPixels, int HeightPixels, string Caption) : Block;

/// <summary>Starts the next block on a new page.</summary>
public sealed record PageBreak : Block;
