namespace Geo.Data.Wilayah.Import;

/// <summary>Streams the features of one boundary file.</summary>
public interface IBoundaryReader : IDisposable
{
    /// <summary>
    /// The CRS of the coordinates as PROJ understands it (WKT from a .prj, or "EPSG:32750"), for
    /// PostGIS to reproject from; null when they are already WGS 84 lon/lat, or when the file does
    /// not say (the extent check then catches projected coordinates).
    /// </summary>
    string? SourceCrs => null;

    IEnumerable<BoundaryFeature> ReadFeatures();
}
