using System.Globalization;
using Geo.Core.Errors;
using Microsoft.Data.Sqlite;
using NetTopologySuite.IO;
using ParseException = NetTopologySuite.IO.ParseException;

namespace Geo.Data.Wilayah.Import;

/// <summary>
/// Reads one feature layer of a GeoPackage (plain SQLite underneath): the only one, or the one named. The layer's srs_id is
/// looked up in gpkg_spatial_ref_sys and becomes <see cref="SourceCrs"/> for PostGIS to reproject from.
/// </summary>
public sealed class GeoPackageBoundaryReader : IBoundaryReader
{
    private readonly SqliteConnection _connection;
    private readonly string _fileName;
    private readonly Layer _layer;

    private sealed record Layer(string Table, string GeometryColumn, int SrsId);

    public GeoPackageBoundaryReader(string path, string? layer = null, string? displayName = null)
    {
        _fileName = displayName ?? Path.GetFileName(path);
        // Pooling would keep the file open after Dispose, and the API deletes its upload at once.
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        try
        {
            _connection.Open();
            _layer = FindLayer(layer);
            SourceCrs = CrsOf(_layer.SrsId);
        }
        catch (Exception e) when (e is SqliteException or InvalidCastException or FormatException or InvalidOperationException or OverflowException)
        {
            _connection.Dispose();
            throw GeoException.Invalid($"bukan GeoPackage yang dapat dibaca: {e.Message}", new GeoErrorLocation(Berkas: _fileName), e);
        }
        catch
        {
            _connection.Dispose();
            throw;
        }
    }

    public string? SourceCrs { get; }

    public IEnumerable<BoundaryFeature> ReadFeatures()
    {
        var geometryReader = new GeoPackageGeoReader();
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = $"SELECT * FROM {Quote(_layer.Table)}";
        SqliteDataReader reader;
        int geometryOrdinal;
        try
        {
            reader = cmd.ExecuteReader();
            geometryOrdinal = reader.GetOrdinal(_layer.GeometryColumn);
        }
        catch (Exception e) when (e is SqliteException or ArgumentException or IndexOutOfRangeException)
        {
            throw Unreadable(e, null);
        }
        using var _ = reader;
        var number = 0;
        while (true)
        {
            BoundaryFeature feature;
            try
            {
                if (!reader.Read()) break;
                number++;
                var attributes = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (i != geometryOrdinal) attributes[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }
                feature = ReadGeometry(geometryReader, reader, geometryOrdinal, number, attributes);
            }
            catch (SqliteException e)
            {
                // A damaged page: what follows cannot be trusted either.
                throw Unreadable(e, number);
            }
            yield return feature;
        }
    }

    /// <summary>A blob that is not a GeoPackage geometry rejects its feature, with the others, rather than the file.</summary>
    private static BoundaryFeature ReadGeometry(
        GeoPackageGeoReader geometryReader, SqliteDataReader reader, int ordinal, int number, Dictionary<string, object?> attributes)
    {
        if (reader.IsDBNull(ordinal)) return new BoundaryFeature(number, attributes, null);
        if (reader.GetValue(ordinal) is not byte[] blob)
        {
            return new BoundaryFeature(number, attributes, null, "geometri tidak dapat dibaca: kolom geometri bukan blob GeoPackage");
        }
        try
        {
            return new BoundaryFeature(number, attributes, geometryReader.Read(blob));
        }
        catch (Exception e) when (e is ParseException or ArgumentException or FormatException or InvalidOperationException
            or NotSupportedException or IndexOutOfRangeException or InvalidCastException or EndOfStreamException or OverflowException)
        {
            return new BoundaryFeature(number, attributes, null, BoundaryValidator.DescribeUnreadable(e));
        }
    }

    private GeoException Unreadable(Exception e, int? number) => GeoException.Invalid(
        $"GeoPackage tidak dapat dibaca: {e.Message}", new GeoErrorLocation(Berkas: _fileName, Fitur: number + 1), e);

    private Layer FindLayer(string? wanted)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = """
            SELECT g.table_name, g.column_name, g.srs_id
            FROM gpkg_geometry_columns g JOIN gpkg_contents c ON c.table_name = g.table_name
            WHERE c.data_type = 'features'
            ORDER BY g.table_name
            """;
        var layers = new List<Layer>();
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read()) layers.Add(new Layer(reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
        }
        var names = string.Join(", ", layers.Select(l => l.Table));
        if (wanted is not null)
        {
            return layers.FirstOrDefault(l => string.Equals(l.Table, wanted, StringComparison.OrdinalIgnoreCase))
                ?? throw GeoException.Invalid($"GeoPackage {_fileName} tidak berisi lapisan fitur '{wanted}'; lapisan yang ada: {names}");
        }
        return layers.Count switch
        {
            1 => layers[0],
            0 => throw GeoException.Invalid($"GeoPackage {_fileName} tidak berisi lapisan fitur"),
            _ => throw GeoException.Invalid(
                $"GeoPackage {_fileName} berisi {layers.Count} lapisan fitur ({names}); pilih satu dengan --lapisan (API: lapisan=)"),
        };
    }

    /// <summary>
    /// srs_id 4326 is WGS 84 lon/lat already (GeoPackage fixes the axis order to x = lon); 0 and -1
    /// are "undefined", treated like a Shapefile without .prj. Others go to PROJ by authority code,
    /// or by their WKT when the organisation is not one PROJ knows.
    /// </summary>
    private string? CrsOf(int srsId)
    {
        if (srsId is 4326 or 0 or -1) return null;
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys WHERE srs_id = $id";
        cmd.Parameters.AddWithValue("$id", srsId);
        using var reader = cmd.ExecuteReader();
        if (!reader.Read()) throw GeoException.Invalid($"GeoPackage {_fileName}: srs_id {srsId} tidak ada di gpkg_spatial_ref_sys");
        var organization = reader.GetString(0).ToUpperInvariant();
        var code = reader.GetInt32(1);
        if (organization == "EPSG") return code == 4326 ? null : string.Create(CultureInfo.InvariantCulture, $"EPSG:{code}");
        return reader.IsDBNull(2) ? throw GeoException.Invalid($"GeoPackage {_fileName}: CRS srs_id {srsId} tanpa definisi") : reader.GetString(2);
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    public void Dispose() => _connection.Dispose();
}
