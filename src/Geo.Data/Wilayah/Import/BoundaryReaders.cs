namespace Geo.Data.Wilayah.Import;

public static class BoundaryReaders
{
    /// <summary>Picks a reader from the file name; the content decides between FeatureCollection and text sequence.</summary>
    public static IBoundaryReader Open(string path)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        if (name.EndsWith(".geojson") || name.EndsWith(".json") || name.EndsWith(".geojsonl")
            || name.EndsWith(".geojsons") || name.EndsWith(".ndjson") || name.EndsWith(".gz"))
        {
            return new GeoJsonBoundaryReader(File.OpenRead(path));
        }
        if (name.EndsWith(".zip")) return ShapefileBoundaryReader.OpenZip(path);
        if (name.EndsWith(".shp")) return ShapefileBoundaryReader.OpenShp(path);
        if (name.EndsWith(".gpkg")) return new GeoPackageBoundaryReader(path);
        throw new BoundaryFileException(
            $"format berkas '{Path.GetFileName(path)}' tidak dikenali; yang diterima: GeoJSON (.geojson, .geojsonl, .gz), Shapefile dalam .zip, GeoPackage (.gpkg)");
    }
}
