using Geo.Core.Errors;
using Geo.Core.Import;

namespace Geo.Data.Wilayah.Import;

public static class BoundaryReaders
{
    /// <summary>The extensions that pick a reader, longest first so that ".geojsonl.gz" wins over ".gz".</summary>
    public static readonly string[] Extensions =
        [".geojsonl.gz", ".geojson.gz", ".geojsons", ".geojsonl", ".geojson", ".ndjson", ".json", ".gz", ".zip", ".shp", ".gpkg"];

    private const string Accepted = "GeoJSON (.geojson, .json), GeoJSON text sequence (.geojsonl, .geojsons, .ndjson, .gz), Shapefile dalam .zip, GeoPackage (.gpkg)";

    // Long enough for any real file name, short enough for a report line.
    private const int MaxDisplayName = 100;

    /// <summary>
    /// Picks a reader from the file name; the content decides between FeatureCollection and text
    /// sequence. A layer can be named only for a GeoPackage, the one format here that holds several.
    /// </summary>
    /// <param name="displayName">The name errors and reports use, when <paramref name="path"/> is a stored copy.</param>
    public static IBoundaryReader Open(string path, string? layer = null, ImportLimits? limits = null, string? displayName = null)
    {
        var name = displayName ?? Path.GetFileName(path);
        var extension = ExtensionOf(path) ?? throw UnknownFormat(name);
        if (extension == ".gpkg") return new GeoPackageBoundaryReader(path, layer, name);
        if (layer is not null) throw GeoException.Invalid($"lapisan '{layer}' hanya dapat dipilih dari GeoPackage (.gpkg), bukan dari {name}");
        return extension switch
        {
            ".zip" => ShapefileBoundaryReader.OpenZip(path, limits, name),
            ".shp" => ShapefileBoundaryReader.OpenShp(path),
            _ => new GeoJsonBoundaryReader(File.OpenRead(path), limits, name),
        };
    }

    /// <summary>The extension that picks the reader, in lower case, or null when none does.</summary>
    public static string? ExtensionOf(string? fileName)
    {
        var name = (fileName ?? "").ToLowerInvariant();
        return Extensions.FirstOrDefault(e => name.EndsWith(e, StringComparison.Ordinal) && name.Length > e.Length);
    }

    /// <summary>
    /// What a client called its upload, made safe to show and never used as a path: the last
    /// segment after either slash, control characters replaced, cut to <see cref="MaxDisplayName"/>
    /// characters with the extension kept; the extension must pick a reader.
    /// </summary>
    public static (string DisplayName, string Extension) CheckUploadName(string? fileName)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = new string(name[(name.LastIndexOf('/') + 1)..].Select(c => char.IsControl(c) ? '_' : c).ToArray()).Trim();
        var extension = ExtensionOf(name) ?? throw UnknownFormat(name.Length > MaxDisplayName ? name[..MaxDisplayName] + "…" : name);
        if (name.Length > MaxDisplayName) name = name[..(MaxDisplayName - extension.Length - 1)] + "…" + extension;
        return (name, extension);
    }

    private static GeoException UnknownFormat(string name) => GeoException.Invalid(
        name.Length == 0
            ? $"nama berkas kosong; format dikenali dari akhiran nama. Yang diterima: {Accepted}"
            : $"format berkas '{name}' tidak dikenali dari akhiran namanya; yang diterima: {Accepted}");
}
