using Geo.Data.Wilayah.Import;
using NetTopologySuite.Geometries;

namespace Geo.Data.Tests.Support;

/// <summary>The real source geometries behind the fixtures, read straight from ../shared/data, to compare imports against.</summary>
public static class BoundarySource
{
    public static Dictionary<string, Geometry> Geometries(string sharedFile)
    {
        using var reader = new GeoJsonBoundaryReader(File.OpenRead(DataFiles.Shared(Path.Combine("boundaries", sharedFile))));
        return reader.ReadFeatures().ToDictionary(f => (string)f.Attributes["kode"]!, f => f.Geometry!);
    }

    /// <summary>An order-independent fingerprint of every column of every row, to prove a table untouched.</summary>
    public const string WilayahChecksumSql = "SELECT md5(coalesce(string_agg(w::text, '|' ORDER BY w.kode), '')) FROM wilayah w";
}
