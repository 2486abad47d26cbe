using Geo.Publication.Fonts;
using PdfSharp.Fonts;

namespace Geo.Publication.Laporan;

/// <summary>
/// PDFsharp on Linux sees no system font: every family resolves to the embedded Noto Sans, bold to
/// its bold face; italic is simulated (no italic face ships).
/// </summary>
public sealed class GeoFontResolver : IFontResolver
{
    private const string Regular = "NotoSans-Regular";
    private const string Bold = "NotoSans-Bold";

    private static readonly Lock Gate = new();

    /// <summary>Installs the resolver once per process; PDFsharp allows setting it only before the first font is made.</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is GeoFontResolver) return;
            GlobalFontSettings.FontResolver = new GeoFontResolver();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular, false, italic);

    public byte[]? GetFont(string faceName) => faceName == Bold ? GeoFonts.Bold : GeoFonts.Regular;
}
