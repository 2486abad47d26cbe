using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Geo.Publication.Laporan;

/// <summary>
/// A <see cref="Document"/> as a PDF for publication (PDFsharp 6.2.4, MIT), laid out here: A4,
/// text wrapped by measure, headings kept with what follows, a table's rows never split across
/// pages and its header repeated on each page it spans, images scaled to the text width, and
/// "Halaman i dari n" in every footer. Text is embedded with Unicode maps so it can be searched and copied.
/// </summary>
public static class PdfWriter
{
    public static byte[] Write(Document document)
    {
        GeoFontResolver.Install();
        using var layout = new Layout(document);
        layout.Run();
        return layout.Save();
    }

    private sealed record Segment(string Text, XFont Font, double X);

    private sealed class Layout(Document document) : IDisposable
    {
        private const double PageWidth = 595.28;
        private const double PageHeight = 841.89;
        private const double Left = 56;
        private const double Right = 56;
        private const double Top = 56;
        private const double Bottom = 64;
        private const double Width = PageWidth - Left - Right;
        private const double Limit = PageHeight - Bottom;
        private const double CellPadding = 3;

        private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
        private static readonly XColor Ink = XColor.FromArgb(33, 33, 33);
        private static readonly XColor Navy = XColor.FromArgb(31, 56, 100);
        private static readonly XColor Blue = XColor.FromArgb(46, 85, 151);
        private static readonly XColor Grey = XColor.FromArgb(89, 89, 89);
        private static readonly XColor Rule = XColor.FromArgb(166, 166, 166);
        private static readonly XColor HeaderFill = XColor.FromArgb(220, 230, 240);
        private static readonly XColor Stripe = XColor.FromArgb(247, 247, 247);
        private static readonly XColor Emphasis = XColor.FromArgb(235, 235, 235);
        private static readonly XColor WarningInk = XColor.FromArgb(127, 0, 0);
        private static readonly XColor WarningLine = XColor.FromArgb(192, 0, 0);
        private static readonly XColor WarningFill = XColor.FromArgb(253, 236, 234);

        private readonly PdfDocument _pdf = new();
        private readonly Dictionary<(double, bool, bool), XFont> _fonts = [];
        private XGraphics? _gfx;
        private double _y;

        public void Run()
        {
            _pdf.Info.Title = document.Title;
            _pdf.Info.Subject = document.Subtitle;
            _pdf.Info.Creator = "Geo";
            NewPage();
            Text([new Run(document.Title, Bold: true)], 20, Navy, 0, 26);
            Text([new Run(document.Subtitle)], 10.5, Grey, 0, 14);
            _y += 14;
            foreach (var block in document.Blocks)
            {
                switch (block)
                {
                    case Heading h:
                        HeadingOf(h);
                        break;
                    case Paragraph p:
                        ParagraphOf(p);
                        break;
                    case Table t:
                        TableOf(t);
                        break;
                    case Image i:
                        ImageOf(i);
                        break;
                    case PageBreak:
                        NewPage();
                        break;
                }
            }
            _gfx?.Dispose();
            _gfx = null;
            Footers();
        }

        public void Dispose()
        {
            _gfx?.Dispose();
            _pdf.Dispose();
        }

        public byte[] Save()
        {
            using var stream = new MemoryStream();
            _pdf.Save(stream, false);
            return stream.ToArray();
        }

        private XGraphics G => _gfx!;

        private void NewPage()
        {
            _gfx?.Dispose();
            var page = _pdf.AddPage();
            page.Width = XUnit.FromPoint(PageWidth);
            page.Height = XUnit.FromPoint(PageHeight);
            _gfx = XGraphics.FromPdfPage(page);
            _y = Top;
        }

        /// <summary>Moves to a new page unless <paramref name="height"/> fits below the current line (a block taller than a page starts at the top).</summary>
        private void Ensure(double height)
        {
            if (_y + height > Limit && _y > Top) NewPage();
        }

        private XFont Font(double size, bool bold = false, bool italic = false)
        {
            if (!_fonts.TryGetValue((size, bold, italic), out var font))
            {
                var style = (bold, italic) switch
                {
                    (true, true) => XFontStyleEx.BoldItalic,
                    (true, false) => XFontStyleEx.Bold,
                    (false, true) => XFontStyleEx.Italic,
                    _ => XFontStyleEx.Regular,
                };
                _fonts[(size, bold, italic)] = font = new XFont(Fonts.GeoFonts.Family, size, style, Unicode);
            }
            return font;
        }

        private void HeadingOf(Heading h)
        {
            var (size, color, before) = h.Level switch
            {
                1 => (15.0, Navy, 14.0),
                2 => (12.0, Blue, 10.0),
                _ => (10.5, Ink, 8.0),
            };
            var lines = Wrap([new Run(h.Text, Bold: true)], size, Width);
            var lineHeight = size * 1.3;
            // Kept with what follows: at least a few lines of it must fit below.
            Ensure(before + lines.Count * lineHeight + 70);
            if (_y > Top) _y += before;
            DrawLines(lines, Left, lineHeight, color);
            if (h.Level == 1)
            {
                G.DrawLine(new XPen(Navy, 0.8), Left, _y + 1, Left + Width, _y + 1);
                _y += 4;
            }
            _y += 4;
        }

        private void ParagraphOf(Paragraph p)
        {
            switch (p.Style)
            {
                case ParagraphStyle.Bullet:
                    {
                        var lines = Wrap(p.Runs, 10, Width - 14);
                        Ensure(13);
                        G.DrawString("•", Font(10), new XSolidBrush(Ink), new XPoint(Left + 3, _y), XStringFormats.TopLeft);
                        DrawLines(lines, Left + 14, 13, Ink);
                        _y += 3;
                        break;
                    }
                case ParagraphStyle.Note:
                    Text(p.Runs, 8.5, Grey, 0, 11.5);
                    _y += 4;
                    break;
                case ParagraphStyle.Warning:
                    {
                        var lines = Wrap(p.Runs, 9.5, Width - 16);
                        var height = lines.Count * 12.5 + 12;
                        Ensure(height);
                        G.DrawRectangle(new XPen(WarningLine, 1), new XSolidBrush(WarningFill), Left, _y, Width, height);
                        _y += 6;
                        DrawLines(lines, Left + 8, 12.5, WarningInk);
                        _y += 12;
                        break;
                    }
                default:
                    Text(p.Runs, 10, Ink, 0, 13.5);
                    _y += 5;
                    break;
            }
        }

        private void Text(IReadOnlyList<Run> runs, double size, XColor color, double indent, double lineHeight) =>
            DrawLines(Wrap(runs, size, Width - indent), Left + indent, lineHeight, color);

        /// <summary>Draws wrapped lines from the current position, continuing on a new page when one does not fit.</summary>
        private void DrawLines(List<List<Segment>> lines, double x, double lineHeight, XColor color)
        {
            var brush = new XSolidBrush(color);
            foreach (var line in lines)
            {
                Ensure(lineHeight);
                foreach (var s in line) G.DrawString(s.Text, s.Font, brush, new XPoint(x + s.X, _y), XStringFormats.TopLeft);
                _y += lineHeight;
            }
        }

        /// <summary>Greedy line breaking by measured width; a word longer than a line is cut where it must be.</summary>
        private List<List<Segment>> Wrap(IReadOnlyList<Run> runs, double size, double width)
        {
            var lines = new List<List<Segment>> { new() };
            double x = 0;
            var pendingSpace = false;
            foreach (var run in runs.Select(r => r with { Text = Drawable(r.Text) }))
            {
                var font = Font(size, run.Bold, run.Italic);
                var space = G.MeasureString(" ", font).Width;
                var words = run.Text.Split(' ');
                for (var w = 0; w < words.Length; w++)
                {
                    if (w > 0) pendingSpace = true;
                    var word = words[w];
                    if (word.Length == 0) continue;
                    var lead = pendingSpace && x > 0 ? space : 0;
                    var measured = G.MeasureString(word, font).Width;
                    if (x + lead + measured > width && x > 0)
                    {
                        lines.Add([]);
                        x = 0;
                        lead = 0;
                    }
                    while (measured > width)
                    {
                        var cut = word.Length - 1;
                        while (cut > 1 && G.MeasureString(word[..cut], font).Width > width - x) cut--;
                        lines[^1].Add(new Segment(word[..cut], font, x));
                        lines.Add([]);
                        x = 0;
                        word = word[cut..];
                        measured = G.MeasureString(word, font).Width;
                    }
                    lines[^1].Add(new Segment(word, font, x + lead));
                    x += lead + measured;
                    pendingSpace = false;
                }
                if (run.Text.EndsWith(' ')) pendingSpace = true;
            }
            return lines;
        }

        /// <summary>Noto Sans as shipped has no ≤ and ≥: written out rather than drawn as empty boxes.</summary>
        private static string Drawable(string text) =>
            text.Replace("≤", "<=", StringComparison.Ordinal).Replace("≥", ">=", StringComparison.Ordinal);

        private void TableOf(Table t)
        {
            const double Size = 7.8;
            const double LineHeight = 10;
            var total = t.Columns.Sum(c => c.Width);
            var widths = t.Columns.Select(c => Width * c.Width / total).ToArray();

            List<List<Segment>>[] WrapRow(IReadOnlyList<string> cells, bool bold) =>
                widths.Select((w, i) => Wrap([new Run(i < cells.Count ? cells[i] : "", Bold: bold)], Size, w - 2 * CellPadding)).ToArray();
            double HeightOf(List<List<Segment>>[] cells) => cells.Max(c => c.Count) * LineHeight + 2 * CellPadding;

            var header = WrapRow(t.Columns.Select(c => c.Header).ToList(), true);
            var headerHeight = HeightOf(header);
            var rows = t.Rows.Select((r, i) => WrapRow(r, t.Emphasised?.Contains(i) == true)).ToList();

            var caption = Wrap([new Run(t.Caption, Bold: true)], 9, Width);
            // The caption, the header and the first row stay together.
            Ensure(caption.Count * 12 + 4 + headerHeight + (rows.Count > 0 ? HeightOf(rows[0]) : 0));
            DrawLines(caption, Left, 12, Grey);
            _y += 2;
            DrawRow(header, widths, headerHeight, t.Columns, HeaderFill);
            for (var r = 0; r < rows.Count; r++)
            {
                var height = HeightOf(rows[r]);
                if (_y + height > Limit)
                {
                    NewPage();
                    DrawRow(header, widths, headerHeight, t.Columns, HeaderFill);
                }
                var fill = t.Emphasised?.Contains(r) == true ? Emphasis : r % 2 == 1 ? Stripe : (XColor?)null;
                DrawRow(rows[r], widths, height, t.Columns, fill);
            }
            _y += 10;
        }

        private void DrawRow(List<List<Segment>>[] cells, double[] widths, double height, IReadOnlyList<Column> columns, XColor? fill)
        {
            var pen = new XPen(Rule, 0.5);
            var brush = new XSolidBrush(Ink);
            var x = Left;
            for (var i = 0; i < cells.Length; i++)
            {
                if (fill is { } f) G.DrawRectangle(new XSolidBrush(f), x, _y, widths[i], height);
                G.DrawRectangle(pen, x, _y, widths[i], height);
                var lineY = _y + CellPadding;
                foreach (var line in cells[i])
                {
                    var lineWidth = line.Count == 0 ? 0 : line[^1].X + G.MeasureString(line[^1].Text, line[^1].Font).Width;
                    var offset = columns[i].Numeric ? widths[i] - CellPadding - lineWidth : CellPadding;
                    foreach (var s in line) G.DrawString(s.Text, s.Font, brush, new XPoint(x + offset + s.X, lineY), XStringFormats.TopLeft);
                    lineY += 10;
                }
                x += widths[i];
            }
            _y += height;
        }

        private void ImageOf(Image image)
        {
            var width = Width;
            var height = width * image.HeightPixels / image.WidthPixels;
            var room = Limit - Top - 40;
            if (height > room)
            {
                width *= room / height;
                height = room;
            }
            var caption = Wrap([new Run(image.Caption, Bold: true)], 9, Width);
            Ensure(height + 6 + caption.Count * 12);
            using (var stream = new MemoryStream(image.Png))
            using (var picture = XImage.FromStream(stream))
            {
                G.DrawImage(picture, Left + (Width - width) / 2, _y, width, height);
            }
            G.DrawRectangle(new XPen(Rule, 0.5), Left + (Width - width) / 2, _y, width, height);
            _y += height + 6;
            DrawLines(caption, Left, 12, Grey);
            _y += 8;
        }

        private void Footers()
        {
            var font = Font(7.5);
            var brush = new XSolidBrush(Grey);
            var count = _pdf.PageCount;
            for (var i = 0; i < count; i++)
            {
                using var gfx = XGraphics.FromPdfPage(_pdf.Pages[i], XGraphicsPdfPageOptions.Append);
                var y = PageHeight - Bottom + 22;
                gfx.DrawLine(new XPen(Rule, 0.5), Left, y - 4, Left + Width, y - 4);
                gfx.DrawString(document.Footer, font, brush, new XPoint(Left, y), XStringFormats.TopLeft);
                var number = $"Halaman {i + 1} dari {count}";
                gfx.DrawString(number, font, brush, new XPoint(Left + Width - gfx.MeasureString(number, font).Width, y), XStringFormats.TopLeft);
            }
        }
    }
}
