using Geo.Data.Peta;

namespace Geo.Publication.Peta;

/// <summary>
/// Everything a static map shows, already decided: shapes, the class of each unit, and the words.
/// The renderer only lays it out and draws it, so it can be tested without a database.
/// </summary>
/// <param name="SatuanUnit">How the legend counts units: "desa" or "kec.".</param>
/// <param name="Sumber">The data sources, as the footer names them.</param>
/// <param name="Sintetis">Any value shown is synthetic: the image carries the "DATA SINTETIS" watermark.</param>
/// <param name="Peringatan">A line the footer must show (the draft view), or null.</param>
public sealed record IsiPeta(
    string Judul,
    string Subjudul,
    BentukPeta Bentuk,
    Pewarnaan Pewarnaan,
    string SatuanUnit,
    string Sumber,
    string Periode,
    DateOnly Tanggal,
    bool Sintetis,
    string? Peringatan = null);

/// <summary>A rectangle in image pixels.</summary>
public readonly record struct Kotak(float Left, float Top, float Right, float Bottom)
{
    public float Width => Right - Left;
    public float Height => Bottom - Top;
    public bool Intersects(Kotak o) => Left < o.Right && o.Left < Right && Top < o.Bottom && o.Top < Bottom;
    public bool Contains(float x, float y) => x >= Left && x < Right && y >= Top && y < Bottom;
}

/// <summary>
/// Where things ended up in an image: the map frame, the transform from Web Mercator metres to
/// pixels (x = OffsetX + mx · Skala, y = OffsetY − my · Skala), the label boxes and the watermark.
/// Tests use it to find a unit's pixel; a report may use it to place a caption.
/// </summary>
public sealed record Tataletak(
    Kotak Peta,
    double Skala,
    double OffsetX,
    double OffsetY,
    IReadOnlyList<Kotak> Label,
    Kotak? TandaSintetis)
{
    public (float X, float Y) KePiksel(double mx, double my) => ((float)(OffsetX + mx * Skala), (float)(OffsetY - my * Skala));
}

/// <summary>A rendered map: the PNG and its layout.</summary>
public sealed record GambarPeta(byte[] Png, int Lebar, int Tinggi, bool Sintetis, Tataletak Tataletak);
