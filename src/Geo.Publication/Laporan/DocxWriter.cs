using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Geo.Publication.Fonts;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Geo.Publication.Laporan;

/// <summary>
/// A <see cref="Document"/> as an editable Word file: real heading styles (the navigation pane and a
/// table of contents see them), real tables with a repeating header row and rows kept whole, images
/// inline, A4 with the page number in the footer.
/// </summary>
public static class DocxWriter
{
    // A4 portrait, 2 cm margins, in twentieths of a point.
    private const int PageWidth = 11906;
    private const int PageHeight = 16838;
    private const int Margin = 1134;
    private const int TextWidth = PageWidth - 2 * Margin;
    private const long EmuPerTwip = 635;

    private const int BulletNumbering = 1;

    public static byte[] Write(Document document)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            word.PackageProperties.Title = document.Title;
            word.PackageProperties.Subject = document.Subtitle;
            word.PackageProperties.Creator = "Geo";
            var main = word.AddMainDocumentPart();
            AddStyles(main);
            AddNumbering(main);
            var footer = AddFooter(main, document.Footer);

            var body = new Body();
            body.Append(StyledParagraph("Title", document.Title));
            body.Append(StyledParagraph("Subtitle", document.Subtitle));
            var images = 0;
            foreach (var block in document.Blocks)
            {
                switch (block)
                {
                    case Heading h:
                        body.Append(StyledParagraph($"Heading{Math.Clamp(h.Level, 1, 3)}", h.Text));
                        break;
                    case Paragraph p:
                        body.Append(ParagraphOf(p));
                        break;
                    case Table t:
                        body.Append(StyledParagraph("Caption", t.Caption, keepWithNext: true));
                        body.Append(TableOf(t));
                        break;
                    case Image i:
                        body.Append(ImageOf(main, i, ++images));
                        body.Append(StyledParagraph("Caption", i.Caption));
                        break;
                    case PageBreak:
                        body.Append(new DocumentFormat.OpenXml.Wordprocessing.Paragraph(new DocumentFormat.OpenXml.Wordprocessing.Run(new Break { Type = BreakValues.Page })));
                        break;
                }
            }
            body.Append(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                new PageSize { Width = PageWidth, Height = PageHeight },
                new PageMargin { Top = Margin, Bottom = Margin, Left = (uint)Margin, Right = (uint)Margin, Header = 567, Footer = 567, Gutter = 0 }));
            main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static DocumentFormat.OpenXml.Wordprocessing.Paragraph StyledParagraph(string style, string text, bool keepWithNext = false)
    {
        var properties = new ParagraphProperties(new ParagraphStyleId { Val = style });
        if (keepWithNext) properties.Append(new KeepNext());
        return new DocumentFormat.OpenXml.Wordprocessing.Paragraph(properties, TextRun(text, false, false));
    }

    private static DocumentFormat.OpenXml.Wordprocessing.Paragraph ParagraphOf(Paragraph p)
    {
        var properties = new ParagraphProperties();
        switch (p.Style)
        {
            case ParagraphStyle.Bullet:
                properties.Append(new ParagraphStyleId { Val = "ListParagraph" },
                    new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = BulletNumbering }));
                break;
            case ParagraphStyle.Note:
                properties.Append(new ParagraphStyleId { Val = "Catatan" });
                break;
            case ParagraphStyle.Warning:
                properties.Append(new ParagraphStyleId { Val = "Peringatan" });
                break;
        }
        var paragraph = new DocumentFormat.OpenXml.Wordprocessing.Paragraph(properties);
        foreach (var run in p.Runs) paragraph.Append(TextRun(run.Text, run.Bold, run.Italic));
        return paragraph;
    }

    private static DocumentFormat.OpenXml.Wordprocessing.Run TextRun(string text, bool bold, bool italic)
    {
        var run = new DocumentFormat.OpenXml.Wordprocessing.Run();
        if (bold || italic)
        {
            var properties = new RunProperties();
            if (bold) properties.Append(new Bold());
            if (italic) properties.Append(new Italic());
            run.Append(properties);
        }
        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    private static DocumentFormat.OpenXml.Wordprocessing.Table TableOf(Table t)
    {
        var total = t.Columns.Sum(c => c.Width);
        var widths = t.Columns.Select(c => (int)Math.Round(TextWidth * c.Width / total)).ToArray();
        var table = new DocumentFormat.OpenXml.Wordprocessing.Table();
        table.Append(new TableProperties(
            new TableStyle { Val = "TabelGeo" },
            new TableWidth { Width = TextWidth.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableLook { Val = "04A0" }));
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));

        var header = new TableRow(new TableRowProperties(new CantSplit(), new TableHeader()));
        for (var i = 0; i < t.Columns.Count; i++) header.Append(Cell(t.Columns[i].Header, widths[i], t.Columns[i].Numeric, bold: true, fill: "DCE6F0"));
        table.Append(header);
        for (var r = 0; r < t.Rows.Count; r++)
        {
            var emphasised = t.Emphasised?.Contains(r) == true;
            var row = new TableRow(new TableRowProperties(new CantSplit()));
            for (var i = 0; i < t.Columns.Count; i++)
            {
                row.Append(Cell(i < t.Rows[r].Count ? t.Rows[r][i] : "", widths[i], t.Columns[i].Numeric, emphasised, emphasised ? "F2F2F2" : null));
            }
            table.Append(row);
        }
        return table;
    }

    private static TableCell Cell(string text, int width, bool numeric, bool bold, string? fill)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (fill is not null) properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = fill });
        var paragraphProperties = new ParagraphProperties(new ParagraphStyleId { Val = "IsiTabel" });
        if (numeric) paragraphProperties.Append(new Justification { Val = JustificationValues.Right });
        return new TableCell(properties, new DocumentFormat.OpenXml.Wordprocessing.Paragraph(paragraphProperties, TextRun(text, bold, false)));
    }

    private static DocumentFormat.OpenXml.Wordprocessing.Paragraph ImageOf(MainDocumentPart main, Image image, int number)
    {
        var part = main.AddImagePart(ImagePartType.Png);
        using (var png = new MemoryStream(image.Png)) part.FeedData(png);
        var id = main.GetIdOfPart(part);
        var cx = TextWidth * EmuPerTwip;
        var cy = (long)(cx * (double)image.HeightPixels / image.WidthPixels);
        var name = $"Peta {number}";
        var inline = new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = (UInt32Value)(uint)number, Name = name, Description = image.Caption },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(
                        new PIC.NonVisualDrawingProperties { Id = 0U, Name = $"peta{number}.png" },
                        new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = id }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        {
            DistanceFromTop = 0U,
            DistanceFromBottom = 0U,
            DistanceFromLeft = 0U,
            DistanceFromRight = 0U,
        };
        return new DocumentFormat.OpenXml.Wordprocessing.Paragraph(
            new ParagraphProperties(new KeepNext(), new Justification { Val = JustificationValues.Center }),
            new DocumentFormat.OpenXml.Wordprocessing.Run(new Drawing(inline)));
    }

    private static FooterPart AddFooter(MainDocumentPart main, string text)
    {
        var part = main.AddNewPart<FooterPart>();
        part.Footer = new Footer(new DocumentFormat.OpenXml.Wordprocessing.Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = "Footer" }),
            TextRun(text + " · Halaman ", false, false),
            new DocumentFormat.OpenXml.Wordprocessing.Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new DocumentFormat.OpenXml.Wordprocessing.Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new DocumentFormat.OpenXml.Wordprocessing.Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            TextRun("1", false, false),
            new DocumentFormat.OpenXml.Wordprocessing.Run(new FieldChar { FieldCharType = FieldCharValues.End }),
            TextRun(" dari ", false, false),
            new DocumentFormat.OpenXml.Wordprocessing.Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new DocumentFormat.OpenXml.Wordprocessing.Run(new FieldCode(" NUMPAGES ") { Space = SpaceProcessingModeValues.Preserve }),
            new DocumentFormat.OpenXml.Wordprocessing.Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            TextRun("1", false, false),
            new DocumentFormat.OpenXml.Wordprocessing.Run(new FieldChar { FieldCharType = FieldCharValues.End })));
        part.Footer.Save();
        return part;
    }

    private static void AddNumbering(MainDocumentPart main)
    {
        var part = main.AddNewPart<NumberingDefinitionsPart>();
        part.Numbering = new Numbering(
            new AbstractNum(
                new MultiLevelType { Val = MultiLevelValues.SingleLevel },
                new Level(
                    new StartNumberingValue { Val = 1 },
                    new NumberingFormat { Val = NumberFormatValues.Bullet },
                    new LevelText { Val = "•" },
                    new LevelJustification { Val = LevelJustificationValues.Left },
                    new PreviousParagraphProperties(new Indentation { Left = "360", Hanging = "360" }))
                { LevelIndex = 0 })
            { AbstractNumberId = 1 },
            new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = BulletNumbering });
        part.Numbering.Save();
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        var fonts = new RunFonts { Ascii = GeoFonts.Family, HighAnsi = GeoFonts.Family, ComplexScript = GeoFonts.Family, EastAsia = GeoFonts.Family };
        var styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(fonts, new FontSize { Val = "20" }, new FontSizeComplexScript { Val = "20" },
                    new Languages { Val = "id-ID" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
            ParagraphStyleOf("Normal", "Normal", null, null, null, isDefault: true),
            ParagraphStyleOf("Title", "Title", new ParagraphProperties(new SpacingBetweenLines { After = "60" }),
                new StyleRunProperties(new Bold(), new Color { Val = "1F3864" }, new FontSize { Val = "40" }), null),
            ParagraphStyleOf("Subtitle", "Subtitle", new ParagraphProperties(new SpacingBetweenLines { After = "360" }),
                new StyleRunProperties(new Color { Val = "595959" }, new FontSize { Val = "22" }), null),
            ParagraphStyleOf("Heading1", "heading 1", new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "360", After = "120" }, new OutlineLevel { Val = 0 }),
                new StyleRunProperties(new Bold(), new Color { Val = "1F3864" }, new FontSize { Val = "32" }), 1),
            ParagraphStyleOf("Heading2", "heading 2", new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "100" }, new OutlineLevel { Val = 1 }),
                new StyleRunProperties(new Bold(), new Color { Val = "2E5597" }, new FontSize { Val = "26" }), 2),
            ParagraphStyleOf("Heading3", "heading 3", new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "200", After = "80" }, new OutlineLevel { Val = 2 }),
                new StyleRunProperties(new Bold(), new FontSize { Val = "22" }), 3),
            ParagraphStyleOf("Caption", "caption", new ParagraphProperties(new SpacingBetweenLines { Before = "120", After = "120" }),
                new StyleRunProperties(new Bold(), new Color { Val = "404040" }, new FontSize { Val = "18" }), null),
            ParagraphStyleOf("ListParagraph", "List Paragraph", new ParagraphProperties(new SpacingBetweenLines { After = "60" }, new Indentation { Left = "360" }), null, null),
            ParagraphStyleOf("Catatan", "Catatan", null, new StyleRunProperties(new Color { Val = "595959" }, new FontSize { Val = "17" }), null),
            ParagraphStyleOf("Peringatan", "Peringatan",
                new ParagraphProperties(
                    new ParagraphBorders(
                        new TopBorder { Val = BorderValues.Single, Size = 8, Color = "C00000", Space = 4 },
                        new LeftBorder { Val = BorderValues.Single, Size = 8, Color = "C00000", Space = 4 },
                        new BottomBorder { Val = BorderValues.Single, Size = 8, Color = "C00000", Space = 4 },
                        new RightBorder { Val = BorderValues.Single, Size = 8, Color = "C00000", Space = 4 }),
                    new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "FDECEA" }),
                new StyleRunProperties(new Color { Val = "7F0000" }), null),
            ParagraphStyleOf("IsiTabel", "Isi Tabel", new ParagraphProperties(new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }),
                new StyleRunProperties(new FontSize { Val = "17" }), null),
            ParagraphStyleOf("Footer", "footer", null, new StyleRunProperties(new Color { Val = "595959" }, new FontSize { Val = "16" }), null),
            new Style(
                new StyleName { Val = "Tabel Geo" },
                new StyleTableProperties(
                    new TableBorders(
                        new TopBorder { Val = BorderValues.Single, Size = 4, Color = "A6A6A6" },
                        new LeftBorder { Val = BorderValues.Single, Size = 4, Color = "A6A6A6" },
                        new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "A6A6A6" },
                        new RightBorder { Val = BorderValues.Single, Size = 4, Color = "A6A6A6" },
                        new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "A6A6A6" },
                        new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "A6A6A6" }),
                    new TableCellMarginDefault(
                        new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                        new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa },
                        new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                        new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa })))
            { Type = StyleValues.Table, StyleId = "TabelGeo" });
        part.Styles = styles;
        part.Styles.Save();
    }

    private static Style ParagraphStyleOf(string id, string name, ParagraphProperties? paragraph, StyleRunProperties? run, int? level, bool isDefault = false)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault) style.Default = true;
        style.Append(new StyleName { Val = name });
        if (id != "Normal") style.Append(new BasedOn { Val = "Normal" });
        if (level is not null || id is "Title" or "Subtitle") style.Append(new NextParagraphStyle { Val = "Normal" });
        style.Append(new PrimaryStyle());
        if (paragraph is not null)
        {
            var properties = new StyleParagraphProperties();
            foreach (var child in paragraph.ChildElements) properties.Append(child.CloneNode(true));
            style.Append(properties);
        }
        if (run is not null) style.Append(run);
        return style;
    }
}
