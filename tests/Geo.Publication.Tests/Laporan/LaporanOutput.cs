using System.Diagnostics;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using SkiaSharp;

namespace Geo.Publication.Tests.Laporan;

/// <summary>Reading written reports back: the DOCX through the Open XML SDK, the PDF through poppler-utils (pdftotext, pdfinfo, pdftoppm).</summary>
public static partial class LaporanOutput
{
    /// <summary>Where the tests leave the reports they write, to be looked at.</summary>
    public static string Directory { get; } = System.IO.Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "laporan-keluaran")).FullName;

    public static IReadOnlyList<string> ValidationErrors(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var word = WordprocessingDocument.Open(stream, false);
        return new OpenXmlValidator().Validate(word).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
    }

    /// <summary>The text of the body, one line per paragraph (table cells are paragraphs too), and the styles the paragraphs use.</summary>
    public static (string Text, IReadOnlyList<string> Styles, int Tables, int Images) Docx(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var word = WordprocessingDocument.Open(stream, false);
        var body = word.MainDocumentPart!.Document.Body!;
        var paragraphs = body.Descendants<Paragraph>().ToList();
        return (string.Join("\n", paragraphs.Select(p => p.InnerText)),
            paragraphs.Select(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "").ToList(),
            body.Elements<Table>().Count(),
            word.MainDocumentPart.ImageParts.Count());
    }

    public static string PdfText(string path) => Normalise(Run("pdftotext", "-enc", "UTF-8", path, "-"));

    public static int PdfPages(string path) =>
        int.Parse(PagesLine().Match(Run("pdfinfo", path)).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every page rendered to PNG at <paramref name="dpi"/>; the files, in page order.</summary>
    public static IReadOnlyList<string> RenderPages(string path, string prefix, int dpi)
    {
        foreach (var old in System.IO.Directory.GetFiles(Path.GetDirectoryName(prefix)!, Path.GetFileName(prefix) + "-*.png")) File.Delete(old);
        Run("pdftoppm", "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-png", path, prefix);
        return System.IO.Directory.GetFiles(Path.GetDirectoryName(prefix)!, Path.GetFileName(prefix) + "-*.png").Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The share of pixels that are not near white.</summary>
    public static double InkShare(string png)
    {
        using var bitmap = SKBitmap.Decode(png);
        long ink = 0;
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                if (c.Red + c.Green + c.Blue < 3 * 235) ink++;
            }
        }
        return (double)ink / (bitmap.Width * bitmap.Height);
    }

    /// <summary>Whitespace runs as one space, so that text wrapped over lines still matches.</summary>
    public static string Normalise(string text) => Spaces().Replace(text, " ");

    private static string Run(string tool, params string[] args)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{tool} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} failed ({process.ExitCode}): {error.Result}");
        return output.Result;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"Pages:\s+(\d+)")]
    private static partial Regex PagesLine();
}
