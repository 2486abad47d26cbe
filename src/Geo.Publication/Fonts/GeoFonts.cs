using System.Reflection;

namespace Geo.Publication.Fonts;

/// <summary>
/// The one font every image and report uses (Noto Sans, OFL, shipped in the assembly), so output is
/// the same on every machine: SkiaSharp's Linux assets and PDFsharp see no system font.
/// </summary>
public static class GeoFonts
{
    public const string Family = "Noto Sans";

    private static readonly Lazy<byte[]> RegularBytes = new(() => Read("NotoSans-Regular.ttf"));
    private static readonly Lazy<byte[]> BoldBytes = new(() => Read("NotoSans-Bold.ttf"));

    public static byte[] Regular => RegularBytes.Value;
    public static byte[] Bold => BoldBytes.Value;

    private static byte[] Read(string file)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Geo.Publication.Fonts.{file}")
            ?? throw new InvalidOperationException($"font {file} is not embedded");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
