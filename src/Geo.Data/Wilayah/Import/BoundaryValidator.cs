using System.Globalization;
using Geo.Core.Errors;
using Geo.Core.Import;
using Geo.Core.Wilayah;
using NetTopologySuite.Geometries;

namespace Geo.Data.Wilayah.Import;

/// <summary>A feature that passed validation, ready for staging.</summary>
public sealed record ValidBoundary(int Number, KodeWilayah Kode, string Nama, MultiPolygon Geometry);

/// <summary>
/// Checks features one at a time as they stream past, so that a whole file's problems are
/// reported together rather than one per attempt. Coordinates in another CRS than WGS 84
/// (<paramref name="sourceCrs"/>) can only be checked against Indonesia's extent once PostGIS has
/// reprojected them: <see cref="CheckReprojectedExtent"/>.
/// </summary>
public sealed class BoundaryValidator(string fileName, BoundaryImportOptions options, string? sourceCrs = null, ImportLimits? limits = null)
{
    private readonly int _maxNameLength = (limits ?? ImportLimits.Default).MaksimumPanjangNama;

    // Indonesia's extent with a margin: Sabang ~95.0 E, Merauke ~141.0 E, Miangas ~5.6 N, Rote ~11.0 S.
    private static readonly Envelope Indonesia = new(94.0, 142.0, -11.5, 6.5);

    private readonly Dictionary<string, int> _firstSeen = new(StringComparer.Ordinal);
    private readonly List<RejectedFeature> _rejected = [];
    private string? _kodeColumn;
    private string? _namaColumn;

    public IReadOnlyList<RejectedFeature> Rejected => _rejected;

    public ValidBoundary? Validate(BoundaryFeature feature)
    {
        _kodeColumn ??= PickColumn(feature, options.KolomKode, BoundaryImportOptions.KodeCandidates, "kode", "--kolom-kode");
        _namaColumn ??= PickColumn(feature, options.KolomNama, BoundaryImportOptions.NamaCandidates, "nama", "--kolom-nama");

        var rawKode = Text(feature.Attributes.GetValueOrDefault(_kodeColumn));
        if (!KodeWilayah.TryParse(rawKode, out var kode, out var kodeError))
        {
            return Reject(feature, rawKode, rawKode is null ? $"kolom '{_kodeColumn}' kosong" : kodeError);
        }

        if (options.Tingkat is { } expected && kode.Tingkat != expected)
        {
            return Reject(feature, kode.Value,
                $"kode {kode.Value} adalah tingkat {kode.Tingkat.ToName()}, bukan {expected.ToName()} seperti --tingkat");
        }

        if (_firstSeen.TryGetValue(kode.Value, out var first))
        {
            return Reject(feature, kode.Value, $"kode ganda: sudah ada pada fitur {first}");
        }
        _firstSeen[kode.Value] = feature.Number;

        var nama = Text(feature.Attributes.GetValueOrDefault(_namaColumn))?.Trim();
        if (string.IsNullOrEmpty(nama))
        {
            return Reject(feature, kode.Value, $"kolom '{_namaColumn}' kosong");
        }
        if (nama.Length > _maxNameLength)
        {
            return Reject(feature, kode.Value,
                $"nama {nama.Length} karakter, lebih dari batas {_maxNameLength} (Geo:Impor:MaksimumPanjangNama)");
        }

        if ((feature.Problem ?? GeometryProblem(feature.Geometry, checkExtent: sourceCrs is null)) is { } problem)
        {
            return Reject(feature, kode.Value, problem);
        }

        var geometry = feature.Geometry!;
        var multi = geometry as MultiPolygon ?? geometry.Factory.CreateMultiPolygon([(Polygon)geometry]);
        multi.SRID = 4326;
        return new ValidBoundary(feature.Number, kode, nama, multi);
    }

    /// <summary>Records a problem found after staging (a repair that left nothing, say).</summary>
    public void RejectStaged(int number, string kode, string reason) =>
        _rejected.Add(new RejectedFeature(fileName, number, kode, reason));

    /// <summary>Rejects a staged feature whose reprojected extent falls outside Indonesia: a wrong or missing CRS.</summary>
    public void CheckReprojectedExtent(int number, string kode, Envelope box)
    {
        if (Indonesia.Contains(box)) return;
        RejectStaged(number, kode, string.Create(CultureInfo.InvariantCulture,
            $"koordinat di luar wilayah Indonesia setelah diproyeksikan dari CRS berkas ({CrsName(sourceCrs)}) ke WGS 84 (bujur {box.MinX:0.###}..{box.MaxX:0.###}, lintang {box.MinY:0.###}..{box.MaxY:0.###}); periksa CRS berkas (.prj atau srs_id)"));
    }

    private static string? GeometryProblem(Geometry? geometry, bool checkExtent)
    {
        if (geometry is null || geometry.IsEmpty) return "geometri kosong";
        if (geometry is not (Polygon or MultiPolygon))
        {
            return $"geometri {geometry.GeometryType} bukan poligon";
        }
        // PostGIS refuses such rings while staging, which would end the file with one error instead of a report.
        foreach (var ring in Rings(geometry))
        {
            if (ring.NumPoints < 4) return "cincin poligon kurang dari 4 titik";
            if (!ring.IsClosed) return "cincin poligon tidak tertutup (titik pertama dan terakhir berbeda)";
        }
        // NaN or infinite coordinates (a Shapefile may hold them; 1e400 in JSON reads as infinity)
        // would make every extent test below false and PostGIS's measures meaningless.
        if (geometry.Coordinates.Any(c => !double.IsFinite(c.X) || !double.IsFinite(c.Y)))
        {
            return "koordinat bukan angka terhingga (NaN atau tak hingga)";
        }

        var box = geometry.EnvelopeInternal;
        if (!checkExtent || Indonesia.Contains(box)) return null;

        var swapped = new Envelope(box.MinY, box.MaxY, box.MinX, box.MaxX);
        if (Indonesia.Contains(swapped))
        {
            return "koordinat di luar wilayah Indonesia; tampaknya lintang dan bujur tertukar (lat/lon, seharusnya lon/lat)";
        }
        if (Math.Abs(box.MaxX) > 180 || Math.Abs(box.MaxY) > 90)
        {
            return "koordinat bukan derajat (misalnya meter UTM) padahal CRS yang dinyatakan WGS 84; periksa CRS berkas (.prj)";
        }
        return string.Create(CultureInfo.InvariantCulture,
            $"koordinat di luar wilayah Indonesia (bujur {box.MinX:0.###}..{box.MaxX:0.###}, lintang {box.MinY:0.###}..{box.MaxY:0.###})");
    }

    private static IEnumerable<LineString> Rings(Geometry geometry)
    {
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            var polygon = (Polygon)geometry.GetGeometryN(i);
            yield return polygon.ExteriorRing;
            foreach (var hole in polygon.InteriorRings) yield return hole;
        }
    }

    /// <summary>
    /// Says in Indonesian why a geometry library refused a geometry. The libraries' messages are
    /// English and not a contract: the known ones are translated, others are quoted.
    /// </summary>
    public static string DescribeUnreadable(Exception e)
    {
        var message = e.Message;
        if (message.Contains("closed linestring", StringComparison.OrdinalIgnoreCase))
        {
            return "geometri tidak dapat dibaca: cincin poligon tidak tertutup (titik pertama dan terakhir berbeda)";
        }
        if (message.Contains("Number of points must be", StringComparison.OrdinalIgnoreCase))
        {
            return "geometri tidak dapat dibaca: cincin poligon kurang dari 4 titik";
        }
        if (message.StartsWith("Requested value '", StringComparison.Ordinal))
        {
            var type = message.Split('\'')[1];
            return $"geometri tidak dapat dibaca: jenis geometri '{type}' tidak dikenal";
        }
        if (message.Contains("Invalid polygon geometry", StringComparison.OrdinalIgnoreCase))
        {
            // How the Shapefile reader refuses a polygon record with NaN or infinite coordinates.
            return "geometri tidak dapat dibaca: poligon tidak sah (koordinat NaN, tak hingga, atau susunan cincin rusak)";
        }
        // The library's own words, for what no case above recognises: still names the problem.
        return $"geometri tidak dapat dibaca (pesan pembaca: {message})";
    }

    /// <summary>The name a WKT gives its CRS (PROJCS["WGS_1984_UTM_Zone_50S", ...), or the code itself.</summary>
    private static string CrsName(string? crs)
    {
        if (crs is null) return "WGS 84";
        var open = crs.IndexOf("[\"", StringComparison.Ordinal);
        var close = open < 0 ? -1 : crs.IndexOf('"', open + 2);
        return close > open ? crs[(open + 2)..close] : crs;
    }

    private static string PickColumn(BoundaryFeature feature, string? chosen, string[] candidates, string what, string flag)
    {
        if (chosen is not null)
        {
            return feature.Attributes.ContainsKey(chosen)
                ? chosen
                : throw GeoException.Invalid($"kolom {what} '{chosen}' tidak ada; kolom yang ada: {string.Join(", ", feature.Attributes.Keys)}");
        }
        return candidates.FirstOrDefault(feature.Attributes.ContainsKey)
            ?? throw GeoException.Invalid(
                $"kolom {what} tidak ditemukan (dicoba: {string.Join(", ", candidates)}); pilih dengan {flag}. Kolom yang ada: {string.Join(", ", feature.Attributes.Keys)}");
    }

    private ValidBoundary? Reject(BoundaryFeature feature, string? kode, string reason)
    {
        _rejected.Add(new RejectedFeature(fileName, feature.Number, kode, reason));
        return null;
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
