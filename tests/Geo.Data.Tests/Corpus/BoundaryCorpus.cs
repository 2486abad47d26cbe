using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Geo.Core.Errors;
using Geo.Data.Tests.Support;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri;

namespace Geo.Data.Tests.Corpus;

/// <summary>
/// Malformed boundary files, made here from the real Kota Metro kelurahan (GeoJSON and GeoPackage)
/// and Kab. Paser (zipped UTM Shapefile) files: broken geometries, hostile archives, bad upload
/// names, files cut short, and limits, in every format the boundary import reads. Each case says
/// what the import must answer; nothing in any of them may be written.
/// </summary>
public static class BoundaryCorpus
{
    private const GeoErrorKind Invalid = GeoErrorKind.Invalid;
    private const GeoErrorKind TooLarge = GeoErrorKind.TooLarge;

    private static readonly Lazy<List<MalformedFile>> Cases = new(Build);

    public static IEnumerable<MalformedFile> All() => Cases.Value;

    /// <summary>For [MemberData]: each case by its name, so test names stay short and the bytes are built once.</summary>
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var c in All()) data.Add(c.Case);
        return data;
    }

    public static MalformedFile Get(string name) => All().Single(c => c.Case == name);

    private static List<MalformedFile> Build()
    {
        var cases = new List<MalformedFile>();
        cases.AddRange(Geometries());
        cases.AddRange(Shapefiles());
        cases.AddRange(GeoPackages());
        cases.AddRange(Archives());
        cases.AddRange(UploadNames());
        cases.AddRange(Truncations());
        cases.AddRange(Documents());
        var duplicate = cases.GroupBy(c => c.Case).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidOperationException($"corpus case named twice: {duplicate.Key}");
        return cases;
    }

    // ---- the real files ----

    private static byte[] MetroBytes => File.ReadAllBytes(DataFiles.Boundaries("kota-metro-kelurahan.geojson"));

    private static JsonObject Metro() => JsonNode.Parse(MetroBytes)!.AsObject();

    private static JsonArray FeaturesOf(JsonObject collection) => collection["features"]!.AsArray();

    private static byte[] Collection(JsonObject collection) => Encoding.UTF8.GetBytes(collection.ToJsonString());

    /// <summary>One feature per line, as ogr2ogr writes GeoJSONSeq.</summary>
    private static byte[] Sequence(JsonObject collection) =>
        Encoding.UTF8.GetBytes(string.Concat(FeaturesOf(collection).Select(f => f!.ToJsonString() + "\n")));

    private static byte[] Gzip(byte[] bytes)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(bytes);
        return output.ToArray();
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
                entry.Write(content);
            }
        }
        return output.ToArray();
    }

    /// <summary>The Paser Shapefile's parts, by extension, as its archive holds them.</summary>
    private static Dictionary<string, byte[]> PaserParts()
    {
        using var archive = ZipFile.OpenRead(DataFiles.TestData("kab-paser-utm50s-utf8.zip"));
        return archive.Entries.Where(e => e.Name.Length > 0).ToDictionary(
            e => Path.GetExtension(e.Name).ToLowerInvariant(),
            e => { using var s = e.Open(); var m = new MemoryStream(); s.CopyTo(m); return m.ToArray(); });
    }

    private static (string, byte[])[] PaserEntries(string stem = "desa") =>
        PaserParts().Select(p => (stem + p.Key, p.Value)).ToArray();

    // ---- 1. geometries and attributes, in the three GeoJSON forms ----

    private static IEnumerable<MalformedFile> Geometries()
    {
        var changes = new (string Name, Action<JsonObject> Change, string Detail)[]
        {
            ("cincin tidak tertutup", f => Ring(f).RemoveAt(Ring(f).Count - 1), "tidak tertutup"),
            ("cincin tiga titik", f => SetCoordinates(f, "[[[[105.30,-5.10],[105.31,-5.10],[105.30,-5.10]]]]"), "kurang dari 4 titik"),
            ("jenis geometri Hexagon", f => f["geometry"]!["type"] = "Hexagon", "'Hexagon' tidak dikenal"),
            ("geometri null", f => f["geometry"] = null, "geometri kosong"),
            ("geometri kosong", f => SetCoordinates(f, "[]"), "geometri kosong"),
            ("koordinat tak hingga", f => SetCoordinates(f, "[[[[1e400,-5.10],[105.31,-5.10],[105.31,-5.11],[1e400,-5.10]]]]"), "tak hingga"),
            ("bujur di atas 180", f => SetCoordinates(f, "[[[[200.0,-5.10],[200.1,-5.10],[200.1,-5.11],[200.0,-5.10]]]]"), "bukan derajat"),
            ("lintang di bawah -90", f => SetCoordinates(f, "[[[[105.30,-95.0],[105.31,-95.0],[105.31,-95.1],[105.30,-95.0]]]]"), "bukan derajat"),
            ("di luar Indonesia", f => SetCoordinates(f, "[[[[165.30,-5.0],[165.31,-5.0],[165.31,-5.1],[165.30,-5.0]]]]"), "di luar wilayah Indonesia"),
            ("geometri titik", f => f["geometry"] = JsonNode.Parse("""{"type":"Point","coordinates":[105.3,-5.1]}"""), "bukan poligon"),
            ("koordinat berupa teks", f => SetCoordinates(f, """[[[["105.3","-5.1"]]]]"""), "geometri tidak dapat dibaca"),
            ("nama 201 karakter", f => f["properties"]!["nama"] = new string('a', 201), "MaksimumPanjangNama"),
            ("nama 5000 karakter", f => f["properties"]!["nama"] = new string('b', 5000), "lebih dari batas 200"),
            ("kode bukan Kepmendagri", f => f["properties"]!["kode"] = "18.72.01.A001", "bukan kode Kepmendagri"),
            ("kode 10000 karakter", f => f["properties"]!["kode"] = new string('1', 10_000), "bukan kode Kepmendagri"),
            ("nama kosong", f => f["properties"]!["nama"] = "  ", "kolom 'nama' kosong"),
        };
        foreach (var (name, change, detail) in changes)
        {
            var collection = Metro();
            // The third feature: the first ones name the columns, and a bad one amid good ones must still stop the file.
            change(FeaturesOf(collection)[2]!.AsObject());
            yield return new MalformedFile($"geojson: {name}", "metro.geojson", Collection(collection), null, detail);
            yield return new MalformedFile($"geojsonl: {name}", "metro.geojsonl", Sequence(collection), null, detail);
            yield return new MalformedFile($"geojsonl.gz: {name}", "metro.geojsonl.gz", Gzip(Sequence(collection)), null, detail);
        }
    }

    private static JsonArray Ring(JsonObject feature) => feature["geometry"]!["coordinates"]![0]![0]!.AsArray();

    private static void SetCoordinates(JsonObject feature, string json)
    {
        feature["geometry"] = new JsonObject { ["type"] = "MultiPolygon", ["coordinates"] = JsonNode.Parse(json) };
    }

    // ---- 1b. geometries in a zipped Shapefile ----

    private static IEnumerable<MalformedFile> Shapefiles()
    {
        const double nan = double.NaN;
        // The library itself refuses a ring with a NaN corner, so the file stops at that record (400) instead of a report.
        yield return new MalformedFile("shapefile: koordinat NaN", "nan.zip",
            ZippedShapefile([Square(105.30, -5.10), Square(105.32, -5.10, middle: nan)], ["18.72.01.1001", "18.72.01.1002"], ["Metro", "Imopuro"]),
            Invalid, "fitur 2: Shapefile tidak dapat dibaca");
        yield return new MalformedFile("shapefile: bujur 500 tanpa .prj", "meter.zip",
            ZippedShapefile([Square(500, -5.10)], ["18.72.01.1001"], ["Metro"]), null, "bukan derajat");
        yield return new MalformedFile("shapefile: nama 201 karakter", "nama.zip",
            ZippedShapefile([Square(105.30, -5.10)], ["18.72.01.1001"], [new string('n', 201)]), null, "MaksimumPanjangNama");
        yield return new MalformedFile("shapefile: kode bukan Kepmendagri", "kode.zip",
            ZippedShapefile([Square(105.30, -5.10)], ["1872011001X"], ["Metro"]), null, "bukan kode Kepmendagri");
        // Degrees declared as UTM 50S: PROJ puts them near the South Pole.
        yield return new MalformedFile("shapefile: derajat dengan .prj UTM", "utm.zip",
            ZippedShapefile([Square(105.30, -5.10)], ["18.72.01.1001"], ["Metro"], Encoding.UTF8.GetString(PaserParts()[".prj"])),
            null, "setelah diproyeksikan");
    }

    /// <param name="middle">When given, the second corner's coordinates: the ring's ends stay equal, so NTS builds it.</param>
    private static Polygon Square(double x, double y, double? middle = null)
    {
        var factory = new GeometryFactory(new PrecisionModel(), 4326);
        var second = middle is { } m ? new Coordinate(m, m) : new Coordinate(x + 0.01, y);
        return factory.CreatePolygon([new(x, y), second, new(x + 0.01, y - 0.01), new(x, y - 0.01), new(x, y)]);
    }

    private static byte[] ZippedShapefile(Polygon[] polygons, string[] kode, string[] nama, string? prj = null)
    {
        var directory = Directory.CreateTempSubdirectory("geo-korpus-shp-");
        try
        {
            var shp = Path.Combine(directory.FullName, "desa.shp");
            var features = polygons.Select((p, i) => (IFeature)new Feature(p, new AttributesTable { { "kode", kode[i] }, { "nama", nama[i] } }));
            Shapefile.WriteAllFeatures(features, shp, prj, Encoding.UTF8);
            return Zip(Directory.GetFiles(directory.FullName).Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))).ToArray());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    // ---- 6. GeoPackages ----

    private static IEnumerable<MalformedFile> GeoPackages()
    {
        var real = File.ReadAllBytes(DataFiles.TestData("kota-metro-kelurahan.gpkg"));
        yield return new MalformedFile("gpkg: 0 byte", "kosong.gpkg", [], Invalid, "GeoPackage");
        yield return new MalformedFile("gpkg: teks berganti nama", "teks.gpkg", Encoding.UTF8.GetBytes("ini bukan GeoPackage\n"), Invalid, "bukan GeoPackage");
        yield return new MalformedFile("gpkg: GeoJSON berganti nama", "metro.gpkg", MetroBytes, Invalid, "bukan GeoPackage");
        yield return new MalformedFile("gpkg: bita acak", "acak.gpkg", RandomBytes(50_000, 7), Invalid, "bukan GeoPackage");
        foreach (var fraction in new[] { 0.1, 0.5, 0.9 })
        {
            yield return new MalformedFile($"gpkg: terpotong pada {fraction:P0}", "potong.gpkg", real[..(int)(real.Length * fraction)], Invalid, "GeoPackage");
        }
        yield return new MalformedFile("gpkg: dua lapisan tanpa pilihan", "dua.gpkg",
            File.ReadAllBytes(DataFiles.TestData("kota-metro-dua-lapisan.gpkg")), Invalid, "lapisan");
        yield return new MalformedFile("gpkg: lapisan tidak ada", "metro.gpkg", real, Invalid, "tidak berisi lapisan fitur 'jalan'", "lapisan=jalan");
        yield return new MalformedFile("gpkg: blob geometri sampah", "sampah.gpkg",
            ChangedGeoPackage(real, "UPDATE kelurahan SET GEOMETRY = X'4750000100000000DEADBEEF' WHERE fid = 3"), null, "geometri tidak dapat dibaca");
        yield return new MalformedFile("gpkg: geometri null", "null.gpkg",
            ChangedGeoPackage(real, "UPDATE kelurahan SET GEOMETRY = NULL WHERE fid = 3"), null, "geometri kosong");
        yield return new MalformedFile("gpkg: geometri berupa teks", "teksgeom.gpkg",
            ChangedGeoPackage(real, "UPDATE kelurahan SET GEOMETRY = 'POLYGON' WHERE fid = 3"), null, "bukan blob GeoPackage");
        yield return new MalformedFile("gpkg: nama 300 karakter", "nama.gpkg",
            ChangedGeoPackage(real, $"UPDATE kelurahan SET nama_wilayah = '{new string('x', 300)}' WHERE fid = 3"), null, "MaksimumPanjangNama");
    }

    /// <summary>The real GeoPackage with one change; the R-tree triggers call functions plain SQLite lacks, so they go first.</summary>
    private static byte[] ChangedGeoPackage(byte[] real, string sql)
    {
        var path = Path.Combine(Path.GetTempPath(), $"geo-korpus-{Guid.NewGuid():N}.gpkg");
        try
        {
            File.WriteAllBytes(path, real);
            using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
            {
                connection.Open();
                var triggers = new List<string>();
                using (var list = connection.CreateCommand())
                {
                    list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'trigger'";
                    using var reader = list.ExecuteReader();
                    while (reader.Read()) triggers.Add(reader.GetString(0));
                }
                using var change = connection.CreateCommand();
                change.CommandText = string.Concat(triggers.Select(t => $"DROP TRIGGER \"{t}\";")) + sql;
                change.ExecuteNonQuery();
            }
            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    // ---- 2. zip archives ----

    private static IEnumerable<MalformedFile> Archives()
    {
        var paser = PaserEntries();
        foreach (var hostile in new[] { "../desa.shp", "/etc/desa.shp", "..\\desa.shp", "batas/../../desa.shp", "C:/desa.shp", "batas/..\\..\\desa.shp" })
        {
            yield return new MalformedFile($"zip: entri '{hostile}'", "jahat.zip",
                Zip([.. paser.Where(e => !e.Item1.EndsWith(".shp")), (hostile, PaserParts()[".shp"])]), Invalid, "tidak aman");
        }
        yield return new MalformedFile("zip: entri lain '../../README' di samping Shapefile yang baik", "jahat.zip",
            Zip([.. paser, ("../../README", "halo"u8.ToArray())]), Invalid, "../../README");
        yield return new MalformedFile("zip: nama entri dengan NUL", "nul.zip",
            Zip([.. paser, ("a\0b.txt", "halo"u8.ToArray())]), Invalid, "tidak aman");
        yield return new MalformedFile("zip: 1001 entri", "banyak.zip",
            Zip([.. Enumerable.Range(0, 1001).Select(i => ($"e{i}.txt", new byte[] { 1 }))]), TooLarge, "MaksimumEntriZip");
        yield return new MalformedFile("zip: bom zip 3 MB sebagai .shp", "bom.zip", ZipBomb("desa.shp"), TooLarge, "rasio kompresi");
        yield return new MalformedFile("zip: bom zip 3 MB sebagai .dbf", "bom-dbf.zip", ZipBomb("batas/desa.dbf"), TooLarge, "rasio kompresi");
        yield return new MalformedFile("zip: bita acak", "acak.zip", RandomBytes(20_000, 11), Invalid, "arsip zip rusak");
        yield return new MalformedFile("zip: 0 byte", "kosong.zip", [], Invalid, "arsip zip rusak");
        var real = File.ReadAllBytes(DataFiles.TestData("kab-paser-utm50s-utf8.zip"));
        foreach (var fraction in new[] { 0.2, 0.5, 0.8, 0.99 })
        {
            yield return new MalformedFile($"zip: terpotong pada {fraction:P0}", "potong.zip", real[..(int)(real.Length * fraction)], Invalid, "arsip zip rusak");
        }
        yield return new MalformedFile("zip: tanpa entri", "hampa.zip", Zip(), Invalid, "tidak berisi Shapefile");
        yield return new MalformedFile("zip: dua Shapefile", "dua.zip", Zip([.. paser, .. PaserEntries("lain")]), Invalid, "2 Shapefile");
        yield return new MalformedFile("zip: .shp tanpa .dbf", "tanpa-dbf.zip", Zip([.. paser.Where(e => !e.Item1.EndsWith(".dbf"))]), Invalid, ".dbf");
        yield return new MalformedFile("zip: .shp berisi sampah", "sampah.zip",
            Zip([.. paser.Where(e => !e.Item1.EndsWith(".shp")), ("desa.shp", RandomBytes(5000, 3))]), Invalid, "Shapefile");
        var shp = PaserParts()[".shp"];
        foreach (var fraction in new[] { 0.3, 0.7 })
        {
            yield return new MalformedFile($"zip: .shp terpotong pada {fraction:P0}", "shp-potong.zip",
                Zip([.. paser.Where(e => !e.Item1.EndsWith(".shp")), ("desa.shp", shp[..(int)(shp.Length * fraction)])]), Invalid, "Shapefile");
        }
    }

    /// <summary>3 GB of zeros in a 3 MB entry: deflate's best ratio is about 1000:1.</summary>
    private static byte[] ZipBomb(string entryName)
    {
        var zeros = new byte[1024 * 1024];
        var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry(entryName, CompressionLevel.Optimal).Open();
            for (var i = 0; i < 3000; i++) entry.Write(zeros);
        }
        return output.ToArray();
    }

    // ---- 3. upload names ----

    private static IEnumerable<MalformedFile> UploadNames()
    {
        var metro = MetroBytes;
        foreach (var name in new[] { "..", ".", "../../etc/passwd", "batas.txt", "batas.kml", "batas", "batas.geojson.exe", "/etc/shadow", "C:\\batas\\x.csv" })
        {
            yield return new MalformedFile($"nama unggahan '{name}'", name, metro, Invalid, "tidak dikenali");
        }
        // A multipart part without a file name is a field, not a file, so the API answers that the file is
        // missing ("berkas wajib diunggah") where the importer says the name is empty: both 400 about the berkas.
        yield return new MalformedFile("nama unggahan kosong", "", metro, Invalid, "berkas");
        yield return new MalformedFile("nama unggahan 300 karakter tanpa akhiran dikenal", new string('x', 300) + ".dat", metro, Invalid, "tidak dikenali");
        yield return new MalformedFile("nama unggahan 300 karakter, isi rusak", new string('x', 300) + ".geojson", "{\"type\":"u8.ToArray(), Invalid, "terpotong");
        yield return new MalformedFile("nama unggahan dengan NUL", "bat\0as.geojson.txt", metro, Invalid, "tidak dikenali");
        yield return new MalformedFile("nama unggahan menanjak dengan akhiran dikenal, isi rusak", "../../../tmp/x.geojson", "bukan json"u8.ToArray(), Invalid, "sintaks JSON");
    }

    // ---- 4. files cut short ----

    private static IEnumerable<MalformedFile> Truncations()
    {
        var collection = MetroBytes;
        foreach (var fraction in Fractions)
        {
            var cut = (int)(collection.Length * fraction);
            yield return new MalformedFile($"geojson terpotong pada {fraction:P0}", "metro.geojson", collection[..cut], Invalid, "terpotong");
        }
        yield return new MalformedFile("geojson tanpa kurung tutup", "metro.geojson", collection.AsSpan().TrimEnd("\r\n "u8)[..^1].ToArray(), Invalid, "terpotong");

        var sequence = Sequence(Metro());
        foreach (var fraction in Fractions)
        {
            // Inside a line: a cut on a line boundary would be a shorter file, not a cut one.
            var cut = (int)(sequence.Length * fraction);
            while (sequence[cut - 1] == (byte)'\n' || sequence[cut] == (byte)'\n') cut--;
            yield return new MalformedFile($"geojsonl terpotong pada {fraction:P0}", "metro.geojsonl", sequence[..cut], Invalid, "terpotong");
        }

        var gzipped = Gzip(sequence);
        foreach (var cut in GzipCuts(gzipped.Length))
        {
            yield return new MalformedFile($"geojsonl.gz terpotong pada bita {cut} dari {gzipped.Length}", "metro.geojsonl.gz", gzipped[..cut], Invalid, "terpotong");
        }
        var gzippedCollection = Gzip(collection);
        foreach (var cut in GzipCuts(gzippedCollection.Length).Take(4))
        {
            yield return new MalformedFile($"geojson.gz terpotong pada bita {cut} dari {gzippedCollection.Length}", "metro.geojson.gz", gzippedCollection[..cut], Invalid, "terpotong");
        }
        // Kab. Paser laid out as ogr2ogr writes it is read in 64 KiB chunks: these cuts fall past the first.
        var paser = GeoJsonLayouts.FeaturePerLine(GeoJsonLayouts.Collection(DataFiles.Shared(Path.Combine("boundaries", "kab-paser-desa.geojson"))));
        foreach (var fraction in Fractions.Skip(1))
        {
            var cut = (int)(paser.Length * fraction);
            yield return new MalformedFile($"geojson per baris terpotong pada bita {cut} dari {paser.Length}", "paser.geojson", paser[..cut], Invalid, "terpotong");
        }
        yield return new MalformedFile("geojsonl.gz: bom gzip 3 MB", "bom.geojsonl.gz", GzipBomb(), TooLarge, "rasio kompresi");
        yield return new MalformedFile("geojsonl.gz: data terkompresi rusak", "rusak.geojsonl.gz", Corrupted(gzipped), Invalid, "gzip");
    }

    private static readonly double[] Fractions = [0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.999];

    /// <summary>Cuts in the data and in the 8-byte trailer (CRC32, ISIZE), where GZipStream notices nothing.</summary>
    private static int[] GzipCuts(int length) => [length - 1, length - 4, length - 5, length - 8, length - 9, length / 2, length / 4, length * 3 / 4, 30, length - 100];

    private static byte[] GzipBomb()
    {
        var zeros = new byte[1024 * 1024];
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (var i = 0; i < 3000; i++) gzip.Write(zeros);
        }
        return output.ToArray();
    }

    private static byte[] Corrupted(byte[] gzipped)
    {
        var copy = (byte[])gzipped.Clone();
        for (var i = gzipped.Length / 3; i < gzipped.Length / 3 + 64; i++) copy[i] ^= 0x5A;
        return copy;
    }

    // ---- documents that are not what they claim ----

    private static IEnumerable<MalformedFile> Documents()
    {
        yield return new MalformedFile("geojson: berkas kosong", "kosong.geojson", [], null, "tidak berisi fitur");
        yield return new MalformedFile("geojson: teks biasa", "teks.geojson", "kode;nama\n18.72.01.1001;Metro\n"u8.ToArray(), Invalid, "sintaks JSON");
        yield return new MalformedFile("geojson: larik di puncak", "larik.geojson", "[1,2,3]"u8.ToArray(), Invalid, "harus berupa objek");
        yield return new MalformedFile("geojson: tipe Topology", "topo.json", """{"type":"Topology","objects":{}}"""u8.ToArray(), Invalid, "bukan FeatureCollection");
        yield return new MalformedFile("geojson: tanpa features", "tanpa.geojson", """{"type":"FeatureCollection"}"""u8.ToArray(), Invalid, "tanpa daftar 'features'");
        yield return new MalformedFile("geojson: sampah sesudah koleksi", "ekor.geojson", [.. MetroBytes, .. "}}garbage"u8.ToArray()], Invalid, "sintaks JSON");
        // Read after its features, which are handed out as they are read: refused then, and nothing written.
        yield return new MalformedFile("geojson: tipe Polygon sesudah features", "sesudah.geojson", GeoJsonLayouts.FeaturePerLine(Metro(), typeAfterFeatures: "Polygon"), Invalid, "bukan FeatureCollection");
        yield return new MalformedFile("geojson: sintaks salah pada fitur ke-23, sesudah 22 yang baik", "rusak.geojson", BadLastFeature(), Invalid, "sintaks JSON");
        yield return new MalformedFile("geojson: angka dalam features", "angka.geojson", """{"type":"FeatureCollection","features":[1]}"""u8.ToArray(), Invalid, "bukan objek Feature");
        yield return new MalformedFile("geojson: bita acak", "acak.geojson", RandomBytes(10_000, 5), Invalid, "sintaks JSON");
        var sequence = Sequence(Metro());
        var lines = Encoding.UTF8.GetString(sequence).Split('\n');
        lines[3] = lines[3][..(lines[3].Length / 2)];
        yield return new MalformedFile("geojsonl: baris tengah terpotong", "metro.geojsonl", Encoding.UTF8.GetBytes(string.Join('\n', lines)), Invalid, "terpotong");
        lines = Encoding.UTF8.GetString(sequence).Split('\n');
        lines[2] += " ekor";
        yield return new MalformedFile("geojsonl: sampah sesudah fitur", "metro.geojsonl", Encoding.UTF8.GetBytes(string.Join('\n', lines)), Invalid, "sintaks JSON");
    }

    private static byte[] BadLastFeature()
    {
        var collection = GeoJsonLayouts.FeaturePerLine(Metro());
        var end = collection.AsSpan().LastIndexOf("\n]"u8);
        return [.. collection[..end], .. ",\n{\"type\":\"Feature\",}\n]\n}\n"u8];
    }

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
