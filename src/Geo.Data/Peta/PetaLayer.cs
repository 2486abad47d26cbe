using Geo.Core.Wilayah;

namespace Geo.Data.Peta;

/// <summary>
/// A map layer of one administrative level: what tiles, TileJSON and OGC collections serve. The
/// list is closed: request paths pick a layer by name from it, never a table or column.
/// </summary>
public sealed record PetaLayer(string Name, Tingkat Tingkat, string Title, int MinZoom, int MaxZoom)
{
    /// <summary>
    /// Levels appear as they become legible. Below z8 a desa is a pixel or two across and a tile
    /// over Java holds 5,000 (z7) to 20,000 (z6) of them, a 2 MB tile of noise: maps show
    /// kecamatan there (about 1,600 in a z6 tile over Java). Provinsi serve every zoom.
    /// </summary>
    public static IReadOnlyList<PetaLayer> All { get; } =
    [
        new("provinsi", Tingkat.Provinsi, "Provinsi", 0, 14),
        new("kabkota", Tingkat.KabKota, "Kabupaten/kota", 4, 14),
        new("kecamatan", Tingkat.Kecamatan, "Kecamatan", 6, 14),
        new("desa", Tingkat.Desa, "Desa/kelurahan", 8, 14),
    ];

    public static PetaLayer? Find(string? name) =>
        All.FirstOrDefault(l => string.Equals(l.Name, name, StringComparison.Ordinal));
}
