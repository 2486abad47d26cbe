using Geo.Core.Wilayah;

namespace Geo.Data.Peta;

/// <summary>
/// A map layer of one administrative level: what tiles, TileJSON and OGC collections serve. The
/// list is closed: request paths pick a layer by name from it, never a table or column.
/// </summary>
public sealed record PetaLayer(string Name, Tingkat Tingkat, string Title, int MinZoom, int MaxZoom)
{
    /// <summary>
    /// Levels appear as they become legible: at z6 a tile spans about 600 km, so desa are a few
    /// pixels wide and drawn from pre-simplified geometry; provinsi serve every zoom.
    /// </summary>
    public static IReadOnlyList<PetaLayer> All { get; } =
    [
        new("provinsi", Tingkat.Provinsi, "Provinsi", 0, 14),
        new("kabkota", Tingkat.KabKota, "Kabupaten/kota", 3, 14),
        new("kecamatan", Tingkat.Kecamatan, "Kecamatan", 5, 14),
        new("desa", Tingkat.Desa, "Desa/kelurahan", 6, 14),
    ];

    public static PetaLayer? Find(string? name) =>
        All.FirstOrDefault(l => string.Equals(l.Name, name, StringComparison.Ordinal));
}
