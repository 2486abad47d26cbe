using System.IO.Compression;
using System.Text;
using Geo.Core.Errors;
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

    static ShapefileBoundaryReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private ShapefileBoundaryReader(string shpPath, DirectoryInfo? extracted)
    {
        _shpPath = shpPath;
        _extracted = extracted;
        SourceCrs = CrsFromPrj(Sidecar(".prj"));
    }

    public string? SourceCrs { get; }

    public static ShapefileBoundaryReader OpenShp(string shpPath) => new(shpPath, null);

    public static ShapefileBoundaryReader OpenZip(string zipPath)
    {
        var directory = Directory.CreateTempSubdirectory("geo-shp-");
        try
        {
            try
            {
                ZipFile.ExtractToDirectory(zipPath, directory.FullName);
            }
            catch (InvalidDataException e)
            {
                throw GeoException.Invalid($"arsip zip '{Path.GetFileName(zipPath)}' rusak: {e.Message}");
            }
            var shapefiles = Directory.EnumerateFiles(directory.FullName, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".shp", StringComparison.OrdinalIgnoreCase))
                .ToList();
            return shapefiles.Count switch
            {
                1 => new ShapefileBoundaryReader(shapefiles[0], directory),
                0 => throw GeoException.Invalid($"arsip '{Path.GetFileName(zipPath)}' tidak berisi Shapefile (.shp)"),
                _ => throw GeoException.Invalid(
                    $"arsip '{Path.GetFileName(zipPath)}' berisi {shapefiles.Count} Shapefile ({string.Join(", ", shapefiles.Select(f => Path.GetRelativePath(directory.FullName, f)))}); impor satu per satu"),
            };
        }
        catch
        {
            directory.Delete(recursive: true);
            throw;
        }
    }

    public IEnumerable<BoundaryFeature> ReadFeatures()
    {
        if (Sidecar(".dbf") is null) throw GeoException.Invalid($"{Path.GetFileName(_shpPath)}: berkas .dbf (atribut) tidak ada");
        using var reader = Open();
        var number = 0;
        while (reader.Read(out var deleted))
        {
            number++;
            if (deleted) continue;
            var attributes = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (var field in reader.Fields) attributes[field.Name] = field.Value;
            yield return new BoundaryFeature(number, attributes, reader.Geometry);
        }
    }

    private ShapefileReader Open()
    {
        try
        {
            return Shapefile.OpenRead(_shpPath, new ShapefileReaderOptions { Encoding = EncodingFromCpg(Sidecar(".cpg")) });
        }
        catch (Exception e) when (e is ShapefileException or IOException or NotSupportedException)
        {
            throw GeoException.Invalid($"Shapefile {Path.GetFileName(_shpPath)} tidak dapat dibaca: {e.Message}");
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
