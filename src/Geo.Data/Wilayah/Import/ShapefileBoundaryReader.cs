using System.Text;
using Geo.Core.Errors;
using Geo.Core.Import;
using Geo.Data.Import;
using NetTopologySuite.IO.Esri;
using NetTopologySuite.IO.Esri.Shapefiles.Readers;

namespace Geo.Data.Wilayah.Import;

/// <summary>
/// Reads a Shapefile, bare (.shp with its sidecars) or zipped as BIG and Dukcapil deliver it,
/// possibly in a subfolder of the archive. The .prj becomes <see cref="SourceCrs"/> for PostGIS
/// to reproject from; the .cpg decides the DBF encoding.
/// </summary>
public sealed class ShapefileBoundaryReader : IBoundaryReader
{
    private readonly string _shpPath;
    private readonly DirectoryInfo? _extracted;
    private readonly GeoErrorLocation _file;

    static ShapefileBoundaryReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private ShapefileBoundaryReader(string shpPath, DirectoryInfo? extracted, string? displayName = null)
    {
        _shpPath = shpPath;
        _extracted = extracted;
        _file = new GeoErrorLocation(Berkas: displayName ?? Path.GetFileName(shpPath));
        SourceCrs = CrsFromPrj(Sidecar(".prj"));
    }

    public string? SourceCrs { get; }

    public static ShapefileBoundaryReader OpenShp(string shpPath) => new(shpPath, null);

    /// <summary>
    /// Extracts the archive's Shapefile parts into a directory of its own. The archive is checked
    /// first (entry count, entry names) and each entry is bounded while it inflates, so that
    /// neither a hostile name nor a zip bomb can write outside the directory or past the limits.
    /// </summary>
    public static ShapefileBoundaryReader OpenZip(string zipPath, ImportLimits? limits = null, string? displayName = null)
    {
        limits ??= ImportLimits.Default;
        var name = displayName ?? Path.GetFileName(zipPath);
        var file = new GeoErrorLocation(Berkas: name);
        var directory = Directory.CreateTempSubdirectory("geo-shp-");
        try
        {
            using (var archiveFile = File.OpenRead(zipPath))
            using (var archive = BoundedArchive.Open(archiveFile, limits, file))
            {
                Extract(archive, directory.FullName, file);
            }
            var shapefiles = Directory.EnumerateFiles(directory.FullName, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".shp", StringComparison.OrdinalIgnoreCase))
                .ToList();
            return shapefiles.Count switch
            {
                1 => new ShapefileBoundaryReader(shapefiles[0], directory, name),
                0 => throw GeoException.Invalid("arsip tidak berisi Shapefile (.shp)", file),
                _ => throw GeoException.Invalid(
                    $"arsip berisi {shapefiles.Count} Shapefile ({string.Join(", ", shapefiles.Select(f => Path.GetRelativePath(directory.FullName, f)))}); impor satu per satu", file),
            };
        }
        catch
        {
            directory.Delete(recursive: true);
            throw;
        }
    }

    // The parts of a Shapefile the reader opens; anything else in the archive is not extracted.
    private static readonly string[] Parts = [".shp", ".shx", ".dbf", ".prj", ".cpg"];

    private static void Extract(BoundedArchive archive, string directory, GeoErrorLocation file)
    {
        var root = Path.GetFullPath(directory) + Path.DirectorySeparatorChar;
        foreach (var entry in archive.Entries)
        {
            if (entry.FullName.EndsWith('/') || !Parts.Contains(Path.GetExtension(entry.Name), StringComparer.OrdinalIgnoreCase)) continue;
            // The names were checked when the archive opened; the resolved path is checked again here.
            var target = Path.GetFullPath(Path.Combine(directory, entry.FullName));
            if (!target.StartsWith(root, StringComparison.Ordinal)) throw BoundedArchive.UnsafeEntry(entry.FullName, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            using var source = archive.OpenEntry(entry);
            using var output = File.Create(target);
            source.CopyTo(output);
        }
    }

    public IEnumerable<BoundaryFeature> ReadFeatures()
    {
        if (Sidecar(".dbf") is null) throw GeoException.Invalid("berkas .dbf (atribut) tidak ada", _file);
        using var reader = Open();
        var number = 0;
        while (true)
        {
            BoundaryFeature feature;
            try
            {
                if (!reader.Read(out var deleted)) break;
                number++;
                if (deleted) continue;
                var attributes = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                foreach (var field in reader.Fields) attributes[field.Name] = field.Value;
                feature = new BoundaryFeature(number, attributes, reader.Geometry);
            }
            catch (Exception e) when (e is ShapefileException or IOException or ArgumentException or FormatException
                or InvalidOperationException or NotSupportedException or IndexOutOfRangeException or InvalidCastException or OverflowException)
            {
                // A record the library cannot decode leaves the reader out of step with the file: stop there.
                throw GeoException.Invalid(
                    $"Shapefile tidak dapat dibaca pada rekaman ini ({BoundaryValidator.DescribeUnreadable(e)}); rekaman sesudahnya tidak dapat dipercaya, jadi berkas dihentikan",
                    _file with { Fitur = number + 1 }, e);
            }
            yield return feature;
        }
    }

    private ShapefileReader Open()
    {
        try
        {
            return Shapefile.OpenRead(_shpPath, new ShapefileReaderOptions { Encoding = EncodingFromCpg(Sidecar(".cpg")) });
        }
        catch (Exception e) when (e is ShapefileException or IOException or NotSupportedException or ArgumentException
            or FormatException or InvalidOperationException or IndexOutOfRangeException or OverflowException)
        {
            throw GeoException.Invalid($"Shapefile {Path.GetFileName(_shpPath)} tidak dapat dibaca: {e.Message}", _file, e);
        }
    }

    /// <summary>Sidecar files keep the .shp's base name; their extension's case varies between tools.</summary>
    private string? Sidecar(string extension)
    {
        var directory = Path.GetDirectoryName(_shpPath)!;
        var stem = Path.GetFileNameWithoutExtension(_shpPath);
        return Directory.EnumerateFiles(directory, stem + ".*")
            .FirstOrDefault(f => string.Equals(Path.GetFileName(f), stem + extension, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// WGS 84 lon/lat needs no reprojection; anything else goes to PostGIS as the .prj's WKT, which
    /// PROJ reads in its ESRI flavour too. No .prj: assume WGS 84 and let the extent check speak.
    /// </summary>
    private static string? CrsFromPrj(string? prjPath)
    {
        if (prjPath is null) return null;
        var wkt = File.ReadAllText(prjPath).Trim();
        if (wkt.Length == 0) return null;
        var normalized = wkt.Replace(" ", "").Replace("_", "").ToUpperInvariant();
        var isWgs84Geographic = normalized.StartsWith("GEOGCS[") && (normalized.Contains("DWGS1984") || normalized.Contains("WGS1984\"") || normalized.Contains("WGS84\""));
        return isWgs84Geographic ? null : wkt;
    }

    /// <summary>
    /// The .cpg names the DBF code page in one of several spellings ("UTF-8", "1252", "ANSI 1252",
    /// "ISO-8859-1"). Without a .cpg the DBF header's language driver decides, which the library does.
    /// </summary>
    private static Encoding? EncodingFromCpg(string? cpgPath)
    {
        if (cpgPath is null) return null;
        var name = File.ReadAllText(cpgPath).Trim();
        if (name.Length == 0) return null;
        var upper = name.ToUpperInvariant().Replace("ANSI", "").Trim();
        if (upper is "UTF8" or "UTF-8" or "65001") return new UTF8Encoding(false);
        try
        {
            return int.TryParse(upper.Replace("CP", "").Replace("WINDOWS-", ""), out var codePage)
                ? Encoding.GetEncoding(codePage)
                : Encoding.GetEncoding(name);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            throw GeoException.Invalid($"pengodean DBF '{name}' pada .cpg tidak dikenali");
        }
    }

    public void Dispose() => _extracted?.Delete(recursive: true);
}
