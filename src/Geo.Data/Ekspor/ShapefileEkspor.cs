using System.Globalization;
using System.IO.Compression;
using System.Text;
using NetTopologySuite.Features;
using NetTopologySuite.IO;
using NetTopologySuite.IO.Esri;
using NetTopologySuite.IO.Esri.Dbf.Fields;
using NetTopologySuite.IO.Esri.Shapefiles.Writers;

namespace Geo.Data.Ekspor;

/// <summary>
/// A zipped Shapefile: .shp/.shx/.dbf (UTF-8, said in .cpg), .prj of EPSG:4326, and a sidecar
/// CSV naming each DBF field's full name and description, since DBF names stop at 10 characters.
/// Text over 254 characters (the DBF limit) is cut there; the CSV and XLSX exports keep it whole.
/// </summary>
public static class ShapefileEkspor
{
    /// <summary>EPSG:4326 in the ESRI WKT that .prj files carry.</summary>
    public const string Wgs84Prj =
        "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";

    private const int MaksimumTeks = 254;

    public static async Task<long> WriteZipAsync(LapisanEkspor layer, Stream output, CancellationToken ct = default)
    {
        var dir = Directory.CreateTempSubdirectory("geo-ekspor-shp-");
        try
        {
            var shortNames = ShortNames(layer.Kolom.Select(k => k.Nama).ToList());
            var fields = layer.Kolom.Select((k, i) => (DbfField)(k.Jenis switch
            {
                JenisKolom.Angka => new DbfNumericDoubleField(shortNames[i]),
                JenisKolom.Bulat => new DbfNumericInt32Field(shortNames[i]),
                JenisKolom.Logika => new DbfLogicalField(shortNames[i]),
                _ => new DbfCharacterField(shortNames[i], MaksimumTeks),
            })).ToArray();
            var shp = Path.Combine(dir.FullName, layer.Nama + ".shp");
            var options = new ShapefileWriterOptions(ShapeType.Polygon, fields) { Encoding = new UTF8Encoding(false), Projection = Wgs84Prj };
            var reader = new WKBReader();
            long count = 0;
            using (var writer = Shapefile.OpenWrite(shp, options))
            {
                await foreach (var row in EksporWriter.ReadAhead(layer.BarisAsync(BentukGeometri.Wkb, ct), ct: ct))
                {
                    var attributes = new AttributesTable();
                    for (var i = 0; i < fields.Length; i++)
                    {
                        attributes.Add(shortNames[i], row.Nilai[i] switch
                        {
                            string s when s.Length > MaksimumTeks => s[..MaksimumTeks],
                            long l => (int)l,
                            var v => v,
                        });
                    }
                    writer.Write(new Feature(reader.Read(row.Wkb), attributes));
                    count++;
                }
            }
            var cpg = Path.ChangeExtension(shp, ".cpg");
            if (!File.Exists(cpg)) await File.WriteAllTextAsync(cpg, "UTF-8", ct);
            var prj = Path.ChangeExtension(shp, ".prj");
            if (!File.Exists(prj)) await File.WriteAllTextAsync(prj, Wgs84Prj, ct);
            await File.WriteAllTextAsync(Path.Combine(dir.FullName, layer.Nama + "_kolom.csv"), Sidecar(layer, shortNames), new UTF8Encoding(true), ct);

            using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var file in dir.EnumerateFiles().OrderBy(f => f.Name, StringComparer.Ordinal))
                {
                    await using var entry = zip.CreateEntry(file.Name, CompressionLevel.Fastest).Open();
                    await using var source = file.OpenRead();
                    await source.CopyToAsync(entry, ct);
                }
            }
            return count;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Names within 10 characters, unique: cut to 10, and on a clash cut shorter with a number.</summary>
    public static IReadOnlyList<string> ShortNames(IReadOnlyList<string> names)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<string>();
        foreach (var name in names)
        {
            var candidate = name.Length <= 10 ? name : name[..10];
            for (var n = 1; !used.Add(candidate); n++)
            {
                var suffix = n.ToString(CultureInfo.InvariantCulture);
                candidate = name[..Math.Min(name.Length, 10 - suffix.Length)] + suffix;
            }
            result.Add(candidate);
        }
        return result;
    }

    private static string Sidecar(LapisanEkspor layer, IReadOnlyList<string> shortNames)
    {
        var text = new StringBuilder("nama_pendek,nama_lengkap,jenis,keterangan\r\n");
        for (var i = 0; i < layer.Kolom.Count; i++)
        {
            var k = layer.Kolom[i];
            text.Append(TabelEkspor.CsvField(shortNames[i], ',')).Append(',').Append(TabelEkspor.CsvField(k.Nama, ',')).Append(',')
                .Append(k.Jenis switch { JenisKolom.Angka => "angka", JenisKolom.Bulat => "bulat", JenisKolom.Logika => "logika", _ => "teks" })
                .Append(',').Append(TabelEkspor.CsvField(k.Keterangan, ',')).Append("\r\n");
        }
        return text.ToString();
    }
}
