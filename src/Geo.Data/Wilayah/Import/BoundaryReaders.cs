using Geo.Core.Errors;
namespace Geo.Data.Wilayah.Import;

public static class BoundaryReaders
{
    /// <summary>
    /// Picks a reader from the file name; the content decides between FeatureCollection and text
    /// sequence. A layer can be named only for a GeoPackage, the one format here that holds several.
    /// </summary>
    public static IBoundaryReader Open(string path, string? layer = null)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        if (name.EndsWith(".gpkg")) return new GeoPackageBoundaryReader(path, layer);
        if (layer is not null) throw GeoException.Invalid($"lapisan '{layer}' hanya dapat dipilih dari GeoPackage (.gpkg), bukan dari {Path.GetFileName(path)}");
        if (name.EndsWith(".geojson") || name.EndsWith(".json") || name.EndsWith(".geojsonl")
            || name.EndsWith(".geojsons") || name.EndsWith(".ndjson") || name.EndsWith(".gz"))
        {
            return new GeoJsonBoundaryReader(File.OpenRead(path));
        }
        if (name.EndsWith(".zip")) return ShapefileBoundaryReader.OpenZip(path);
        if (name.EndsWith(".shp")) return ShapefileBoundaryReader.OpenShp(path);
        throw GeoException.Invalid(
            $"format berkas '{Path.GetFileName(path)}' tidak dikenali; yang diterima: GeoJSON (.geojson, .geojsonl, .gz), Shapefile dalam .zip, GeoPackage (.gpkg)");
    }
}
