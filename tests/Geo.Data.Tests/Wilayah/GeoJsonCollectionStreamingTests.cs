using System.Text;
using System.Text.Json;
using Geo.Core.Errors;
using Geo.Core.Import;
using Geo.Core.Wilayah;
using Geo.Data.Tests.Support;
using Geo.Data.Wilayah.Import;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;

namespace Geo.Data.Tests.Wilayah;

/// <summary>
/// A FeatureCollection is read as it arrives, a chunk at a time: every feature must come out as
/// if the document had been read whole, wherever the chunks cut it, and a document cut short must
/// be told as such wherever it ends. The reference each time is the document parsed whole by
/// System.Text.Json and NetTopologySuite, apart from the reader.
/// </summary>
public sealed class GeoJsonCollectionStreamingTests
{
    private static string Paser => DataFiles.Shared(Path.Combine("boundaries", "kab-paser-desa.geojson"));

    private static string Metro => DataFiles.Boundaries("kota-metro-kelurahan.geojson");

    [Theory]
    [InlineData("paser", 7)]
    [InlineData("paser", 61)]
    [InlineData("paser", 4096)]
    [InlineData("paser", 65536)]
    [InlineData("metro", 1)]
    [InlineData("metro", 2)]
    [InlineData("metro", 1000)]
    public void A_collection_read_in_chunks_gives_every_feature_as_the_whole_document_does(string file, int chunk)
    {
        var bytes = GeoJsonLayouts.FeaturePerLine(GeoJsonLayouts.Collection(file == "paser" ? Paser : Metro));

        AssertSameFeatures(Reference(bytes), Read(bytes, chunk));
    }

    [Theory]
    [InlineData(61)]
    [InlineData(65536)]
    public void The_real_file_on_one_line_reads_the_same_in_chunks(int chunk)
    {
        var bytes = File.ReadAllBytes(Paser);
        AssertSameFeatures(Reference(bytes), Read(bytes, chunk));
    }

    /// <summary>A first line longer than a feature may be is a document: read on from what the line reader holds.</summary>
    [Fact]
    public void A_collection_on_one_line_longer_than_the_feature_limit_is_read_on_from_the_first_line()
    {
        var collection = GeoJsonLayouts.Collection(Metro);
        var features = collection["features"]!.AsArray();
        var copies = features.Select(f => f!.DeepClone()).ToList();
        while (Encoding.UTF8.GetByteCount(collection.ToJsonString()) < 3_000_000)
        {
            foreach (var f in copies) features.Add(f.DeepClone());
        }
        var bytes = Encoding.UTF8.GetBytes(collection.ToJsonString());

        AssertSameFeatures(Reference(bytes), Read(bytes, limits: ImportLimits.Default with { MaksimumFiturMegabyte = 1 }));
    }

    [Theory]
    [InlineData(61)]
    [InlineData(65536)]
    public void Type_after_features_is_a_collection_all_the_same(int chunk)
    {
        var bytes = GeoJsonLayouts.FeaturePerLine(GeoJsonLayouts.Collection(Metro), typeAfterFeatures: "FeatureCollection");

        AssertSameFeatures(Reference(bytes), Read(bytes, chunk));
    }

    /// <summary>The features are handed out as read; the importer is all-or-nothing, so refusing the file at its end loses nothing.</summary>
    [Fact]
    public void A_wrong_type_after_features_refuses_the_file_once_it_is_seen()
    {
        var bytes = GeoJsonLayouts.FeaturePerLine(GeoJsonLayouts.Collection(Metro), typeAfterFeatures: "Polygon");
        var read = 0;

        using var reader = new GeoJsonBoundaryReader(new MemoryStream(bytes), null, "uji.geojson", 61);
        var e = Assert.Throws<GeoException>(() => { foreach (var _ in reader.ReadFeatures()) read++; });

        Assert.Equal(GeoErrorKind.Invalid, e.Kind);
        Assert.Contains("GeoJSON bertipe 'Polygon', bukan FeatureCollection atau Feature", e.Describe());
        Assert.Equal(22, read);
    }

    [Fact]
    public void Features_are_handed_out_before_the_file_is_read_to_its_end()
    {
        var bytes = GeoJsonLayouts.FeaturePerLine(GeoJsonLayouts.Collection(Paser));
        var stream = new CountingMemoryStream(bytes);

        using var reader = new GeoJsonBoundaryReader(stream, fileName: "paser.geojson");
        using var features = reader.ReadFeatures().GetEnumerator();
        Assert.True(features.MoveNext());

        Assert.True(stream.BytesRead < 70_000, $"{stream.BytesRead} of {bytes.Length} bytes read for the first feature");
    }

    /// <summary>
    /// Three small features after a padding member whose length moves the first chunk's end (64 KiB,
    /// the reader's own chunk) over every byte from the "features" name to the closing brace.
    /// </summary>
    [Fact]
    public void A_feature_cut_by_the_end_of_a_chunk_is_read_whole_wherever_the_cut_falls()
    {
        const int Chunk = 65536;
        var features = string.Join(",", Enumerable.Range(1, 3).Select(i =>
            $$$"""{"type":"Feature","properties":{"kode":"18.72.01.100{{{i}}}","nama":"Desa {{{i}}}"},"geometry":{"type":"Polygon","coordinates":[[[105.{{{i}}},-5.1],[105.{{{i}}}1,-5.1],[105.{{{i}}},-5.11],[105.{{{i}}},-5.1]]]}}"""));
        var tail = "\"features\": [" + features + "]}";
        var checkedCuts = 0;
        for (var cut = 0; cut <= tail.Length; cut++)
        {
            // "{\n" is the first line; the padding member ends where the tail starts, `cut` bytes before the chunk's end.
            var head = "{\n\"type\":\"FeatureCollection\",\"pad\":\"\",";
            var padding = new string('x', Chunk - cut - Encoding.UTF8.GetByteCount(head));
            var text = head.Replace("\"pad\":\"\"", $"\"pad\":\"{padding}\"", StringComparison.Ordinal) + tail;
            var bytes = Encoding.UTF8.GetBytes(text);
            Assert.Equal(Chunk, bytes.Length - tail.Length + cut);

            var read = Read(bytes);
            Assert.Equal(["18.72.01.1001", "18.72.01.1002", "18.72.01.1003"], read.Select(f => (string)f.Attributes["kode"]!));
            Assert.All(read, f => Assert.Null(f.Problem));
            Assert.Equal(4, read[2].Geometry!.NumPoints);
            checkedCuts++;
        }
        Assert.True(checkedCuts > 400);
    }

    [Theory]
    [InlineData("metro", 61, 37)]
    [InlineData("metro", 65536, 97)]
    [InlineData("paser", 65536, 4999)]
    public void A_collection_cut_short_anywhere_is_refused_as_cut_naming_the_feature_it_ends_in(string file, int chunk, int step)
    {
        var bytes = GeoJsonLayouts.FeaturePerLine(GeoJsonLayouts.Collection(file == "paser" ? Paser : Metro));
        var (arrayStart, arrayEnd, featureEnds, documentEnd) = Landmarks(bytes);
        var cuts = 0;
        for (var cut = 1; cut < documentEnd; cut += step)
        {
            var e = Assert.Throws<GeoException>(() => Read(bytes[..cut], chunk));
            Assert.Equal(GeoErrorKind.Invalid, e.Kind);
            Assert.Contains("berkas terpotong: GeoJSON berakhir sebelum FeatureCollection ditutup", e.Describe());
            int? expected = cut > arrayStart && cut <= arrayEnd ? featureEnds.Count(end => end <= cut) + 1 : null;
            Assert.True(expected == e.Lokasi?.Fitur, $"cut at {cut}: feature {e.Lokasi?.Fitur}, expected {expected}");
            cuts++;
        }
        Assert.True(cuts >= 90);
    }

    [Fact]
    public void A_feature_at_the_limit_is_read_and_one_byte_over_is_a_413()
    {
        var limits = ImportLimits.Default with { MaksimumFiturMegabyte = 1 };
        var limit = (int)limits.MaximumFeatureBytes;

        var atLimit = Read(FeatureOfLength(limit), 4096, limits);
        Assert.Equal("18.72.01.1001", Assert.Single(atLimit).Attributes["kode"]);

        var e = Assert.Throws<GeoException>(() => Read(FeatureOfLength(limit + 1), 4096, limits));
        Assert.Equal(GeoErrorKind.TooLarge, e.Kind);
        Assert.Contains("MaksimumFiturMegabyte", e.Describe());
        Assert.Equal(1, e.Lokasi?.Fitur);
    }

    /// <summary>As the upload bench's file: one feature that never ends, on one line.</summary>
    [Fact]
    public void An_endless_feature_is_a_413_at_the_limit()
    {
        var limits = ImportLimits.Default with { MaksimumFiturMegabyte = 1 };
        var text = new StringBuilder("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"kode":"18.72.01.1001"},"geometry":{"type":"Polygon","coordinates":[[""");
        while (text.Length < 5_000_000) text.Append("[105.3,-5.1],");
        text.Append("[105.3,-5.1]]]}}]}");

        var e = Assert.Throws<GeoException>(() => Read(Encoding.UTF8.GetBytes(text.ToString()), limits: limits));
        Assert.Equal(GeoErrorKind.TooLarge, e.Kind);
        Assert.Contains("fitur melebihi 1 MB", e.Describe());
        Assert.Equal(1, e.Lokasi?.Fitur);
    }

    [Theory]
    [InlineData(false, 7)]
    [InlineData(false, 65536)]
    [InlineData(true, 7)]
    public void A_lone_Feature_over_several_lines_is_one_feature(bool typeLast, int chunk)
    {
        var feature = GeoJsonLayouts.Collection(Metro)["features"]![3]!.AsObject();
        if (typeLast)
        {
            feature.Remove("type");
            feature["type"] = "Feature";
        }
        var bytes = Encoding.UTF8.GetBytes(feature.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

        var read = Assert.Single(Read(bytes, chunk));
        var expected = JsonSerializer.Deserialize<IFeature>(bytes, Options)!;
        Assert.Equal(1, read.Number);
        Assert.Equal(expected.Attributes["kode"], read.Attributes["kode"]);
        Assert.True(expected.Geometry.EqualsExact(read.Geometry), "geometry differs");
    }

    /// <summary>Before, such a file was one Feature; its features are handed out before its type is seen, so it is refused now.</summary>
    [Fact]
    public void A_Feature_whose_features_come_before_its_type_is_refused()
    {
        var bytes = GeoJsonLayouts.FeaturePerLine(GeoJsonLayouts.Collection(Metro), typeAfterFeatures: "Feature");

        var e = Assert.Throws<GeoException>(() => Read(bytes, 61));
        Assert.Contains("GeoJSON bertipe 'Feature' memuat daftar 'features' sebelum anggota 'type'", e.Describe());
    }

    private static readonly JsonSerializerOptions Options = new() { Converters = { new GeoJsonConverterFactory() } };

    private static List<IFeature> Reference(byte[] collection)
    {
        using var document = JsonDocument.Parse(collection);
        return [.. document.RootElement.GetProperty("features").EnumerateArray().Select(f => f.Deserialize<IFeature>(Options)!)];
    }

    private static List<BoundaryFeature> Read(byte[] bytes, int? chunk = null, ImportLimits? limits = null)
    {
        using var reader = chunk is { } size
            ? new GeoJsonBoundaryReader(new MemoryStream(bytes), limits, "uji.geojson", size)
            : new GeoJsonBoundaryReader(new MemoryStream(bytes), limits, "uji.geojson");
        return [.. reader.ReadFeatures()];
    }

    private static void AssertSameFeatures(List<IFeature> expected, List<BoundaryFeature> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(i + 1, actual[i].Number);
            Assert.Null(actual[i].Problem);
            var names = expected[i].Attributes.GetNames();
            Assert.Equal(names.Order(), actual[i].Attributes.Keys.Order());
            foreach (var name in names) Assert.Equal(expected[i].Attributes[name], actual[i].Attributes[name]);
            Assert.True(expected[i].Geometry.EqualsExact(actual[i].Geometry), $"feature {i + 1}: geometry differs");
        }
    }

    /// <summary>Where the features array opens and closes, where each feature ends, and where the document does.</summary>
    private static (int ArrayStart, int ArrayEnd, List<int> FeatureEnds, int DocumentEnd) Landmarks(byte[] bytes)
    {
        var reader = new Utf8JsonReader(bytes);
        var ends = new List<int>();
        int arrayStart = -1, arrayEnd = -1;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("features"))
            {
                reader.Read();
                arrayStart = (int)reader.TokenStartIndex;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    reader.Skip();
                    ends.Add((int)reader.BytesConsumed);
                }
                arrayEnd = (int)reader.TokenStartIndex;
            }
        }
        return (arrayStart, arrayEnd, ends, (int)reader.TokenStartIndex);
    }

    /// <summary>One feature of exactly <paramref name="length"/> bytes, padded in a property, on a line of its own.</summary>
    private static byte[] FeatureOfLength(int length)
    {
        var shell = """{"type":"Feature","properties":{"kode":"18.72.01.1001","nama":"Metro","catatan":""},"geometry":{"type":"Polygon","coordinates":[[[105.3,-5.1],[105.31,-5.1],[105.3,-5.11],[105.3,-5.1]]]}}""";
        var feature = shell.Replace("\"catatan\":\"\"", $"\"catatan\":\"{new string('x', length - shell.Length)}\"", StringComparison.Ordinal);
        Assert.Equal(length, Encoding.UTF8.GetByteCount(feature));
        return Encoding.UTF8.GetBytes("{\n\"type\": \"FeatureCollection\",\n\"features\": [\n" + feature + "\n]\n}\n");
    }

    /// <summary>Counts the bytes read out of it, seekable as an uploaded file is.</summary>
    private sealed class CountingMemoryStream(byte[] bytes) : MemoryStream(bytes)
    {
        public long BytesRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = base.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }

        // MemoryStream reads a span through the method above when it is derived from: counted there.
    }
}

/// <summary>The real Kab. Paser desa file, one feature a line, read in small chunks and imported: the same desa as the file.</summary>
public sealed class GeoJsonCollectionChunkedImportTests : PostgisTest
{
    [Fact]
    public async Task Paser_read_in_61_byte_chunks_imports_every_desa_exactly()
    {
        var path = DataFiles.Shared(Path.Combine("boundaries", "kab-paser-desa.geojson"));
        var bytes = GeoJsonLayouts.FeaturePerLine(GeoJsonLayouts.Collection(path));
        var source = BoundarySource.Geometries("kab-paser-desa.geojson");

        using var reader = new GeoJsonBoundaryReader(new MemoryStream(bytes), null, "paser.geojson", 61);
        var report = await new BoundaryImporter(Db.DataSource).ImportAsync(reader, "paser.geojson", new BoundaryImportOptions(Tingkat.Desa));

        Assert.True(report.Succeeded, string.Join("; ", report.Rejected.Select(r => r.Reason)));
        Assert.Equal((144, 144), (report.Read, report.Inserted));
        Assert.Equal(source.Keys.Order(StringComparer.Ordinal), await KodeAsync());
        foreach (var (kode, geometry) in source)
        {
            await using var cmd = Db.DataSource.CreateCommand("SELECT ST_Equals(geom, ST_GeomFromText($2, 4326)) FROM wilayah WHERE kode = $1");
            cmd.Parameters.AddWithValue(kode);
            cmd.Parameters.AddWithValue(geometry.AsText());
            Assert.True((bool)(await cmd.ExecuteScalarAsync())!, kode);
        }
    }

    private async Task<List<string>> KodeAsync()
    {
        await using var cmd = Db.DataSource.CreateCommand("SELECT kode FROM wilayah WHERE length(kode) = 13 ORDER BY kode");
        await using var rows = await cmd.ExecuteReaderAsync();
        var kode = new List<string>();
        while (await rows.ReadAsync()) kode.Add(rows.GetString(0));
        return [.. kode.Order(StringComparer.Ordinal)];
    }
}
