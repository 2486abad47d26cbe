using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Geo.Core.Errors;
using Geo.Core.Import;
using Geo.Core.Wilayah;
using Geo.Data.Tests.Corpus;
using Geo.Data.Tests.Indikator;
using Geo.Data.Tests.Support;
using Geo.Data.Wilayah.Import;

namespace Geo.Data.Tests.Wilayah;

/// <summary>The one database the corpus replays against: Kota Metro loaded, so that there is something to protect.</summary>
public sealed class MetroBoundaryDatabase : IAsyncLifetime
{
    public PostgisDatabase Db { get; } = new();

    public async Task InitializeAsync()
    {
        await Db.InitializeAsync();
        await KotaMetroData.LoadBoundariesAsync(Db);
    }

    public Task DisposeAsync() => Db.DisposeAsync();
}

/// <summary>
/// Every malformed boundary file of <see cref="BoundaryCorpus"/>, and the limits that need a small
/// setting to reach, through the importer as the API and CLI call it: a GeoException of the
/// expected kind or a rejection report, and every table exactly as before.
/// </summary>
public sealed class BoundaryCorpusTests(MetroBoundaryDatabase database) : IClassFixture<MetroBoundaryDatabase>
{
    [Theory]
    [MemberData(nameof(BoundaryCorpus.Names), MemberType = typeof(BoundaryCorpus))]
    public Task A_malformed_boundary_file_is_refused_with_a_clear_answer_and_nothing_is_written(string name) =>
        AssertRefusedAsync(BoundaryCorpus.Get(name));

    [Fact]
    public Task More_features_than_MaksimumFitur_is_a_413() => AssertRefusedAsync(
        new MalformedFile("11 fitur, batas 10", "metro.geojsonl", MetroSequence(), GeoErrorKind.TooLarge, "MaksimumFitur"),
        ImportLimits.Default with { MaksimumFitur = 10 });

    [Theory]
    [InlineData("besar.geojsonl")]
    [InlineData("besar.geojson")]
    [InlineData("besar.geojsonl.gz")]
    public Task A_feature_over_MaksimumFiturMegabyte_is_a_413(string fileName)
    {
        var collection = JsonNode.Parse(File.ReadAllBytes(DataFiles.Boundaries("kota-metro-kelurahan.geojson")))!.AsObject();
        var padding = new StringBuilder();
        var random = new Random(1);
        while (padding.Length < 1_500_000) padding.Append(random.Next());
        collection["features"]![1]!["properties"]!["catatan"] = padding.ToString();
        var bytes = fileName.EndsWith(".geojson", StringComparison.Ordinal)
            ? Encoding.UTF8.GetBytes(collection.ToJsonString())
            : Encoding.UTF8.GetBytes(string.Concat(collection["features"]!.AsArray().Select(f => f!.ToJsonString() + "\n")));
        if (fileName.EndsWith(".gz", StringComparison.Ordinal)) bytes = Gzip(bytes);
        return AssertRefusedAsync(
            new MalformedFile("fitur 1,5 MB", fileName, bytes, GeoErrorKind.TooLarge, "MaksimumFiturMegabyte"),
            ImportLimits.Default with { MaksimumFiturMegabyte = 1 });
    }

    [Fact]
    public Task A_zip_entry_over_MaksimumEntriMegabyte_is_a_413_while_it_inflates() => AssertRefusedAsync(
        new MalformedFile("entri 2 MB", "besar.zip", Zip(("desa.shp", Incompressible(2_000_000))), GeoErrorKind.TooLarge, "MaksimumEntriMegabyte"),
        ImportLimits.Default with { MaksimumEntriMegabyte = 1 });

    [Fact]
    public Task Zip_entries_together_over_MaksimumDekompresiMegabyte_are_a_413() => AssertRefusedAsync(
        new MalformedFile("dua entri 0,7 MB", "besar.zip",
            Zip(("desa.shp", Incompressible(700_000)), ("desa.dbf", Incompressible(700_000))), GeoErrorKind.TooLarge, "MaksimumDekompresiMegabyte"),
        ImportLimits.Default with { MaksimumDekompresiMegabyte = 1 });

    [Fact]
    public Task A_gzip_over_MaksimumDekompresiMegabyte_is_a_413() => AssertRefusedAsync(
        new MalformedFile("gzip 2 MB", "besar.geojsonl.gz", Gzip(Incompressible(2_000_000)), GeoErrorKind.TooLarge, "MaksimumDekompresiMegabyte"),
        ImportLimits.Default with { MaksimumDekompresiMegabyte = 1 });

    [Fact]
    public Task A_zip_over_MaksimumEntriZip_is_a_413() => AssertRefusedAsync(
        new MalformedFile("4 entri, batas 3", "banyak.zip",
            Zip(("a.txt", [1]), ("b.txt", [1]), ("c.txt", [1]), ("d.txt", [1])), GeoErrorKind.TooLarge, "MaksimumEntriZip"),
        ImportLimits.Default with { MaksimumEntriZip = 3 });

    [Fact]
    public Task A_ratio_over_MaksimumRasioKompresi_is_a_413_even_under_the_byte_limits() => AssertRefusedAsync(
        new MalformedFile("50 MB nol", "nol.zip", Zip(("desa.shp", new byte[50_000_000])), GeoErrorKind.TooLarge, "MaksimumRasioKompresi"),
        ImportLimits.Default with { MaksimumRasioKompresi = 20 });

    [Fact]
    public async Task The_importer_leaves_no_extracted_shapefile_behind_when_it_refuses_an_archive()
    {
        var before = Directory.GetDirectories(Path.GetTempPath(), "geo-shp-*").ToHashSet();
        await AssertRefusedAsync(BoundaryCorpus.Get("zip: bom zip 3 MB sebagai .shp"));
        await AssertRefusedAsync(BoundaryCorpus.Get("zip: .shp berisi sampah"));
        // Other test processes on this machine may be extracting at the same moment: only ours are looked for.
        Assert.DoesNotContain(Directory.GetDirectories(Path.GetTempPath(), "geo-shp-*"), d => !before.Contains(d) && Directory.GetCreationTimeUtc(d) > DateTime.UtcNow.AddMinutes(-1) && Directory.EnumerateFiles(d, "desa.*", SearchOption.AllDirectories).Any());
    }

    /// <summary>
    /// The one way a corpus case is replayed: stored under a fixed name with the extension its
    /// upload name picks (as the API stores it), imported, and the database compared.
    /// </summary>
    private async Task AssertRefusedAsync(MalformedFile file, ImportLimits? limits = null)
    {
        var before = await DatabaseState.SnapshotAsync(database.Db);
        var directory = Directory.CreateTempSubdirectory("geo-korpus-");
        BoundaryImportReport? report = null;
        GeoException? error = null;
        try
        {
            var (displayName, extension) = BoundaryReaders.CheckUploadName(file.FileName);
            var path = Path.Combine(directory.FullName, "berkas" + extension);
            await File.WriteAllBytesAsync(path, file.Content);
            report = await new BoundaryImporter(database.Db.DataSource, limits).ImportAsync(path, Options(file.Query), displayName);
        }
        catch (GeoException e)
        {
            error = e;
        }
        finally
        {
            directory.Delete(recursive: true);
        }

        if (file.Kind is { } kind)
        {
            Assert.True(error is not null, $"expected {kind}, got a report: {string.Join("; ", report?.Rejected.Select(r => r.Reason) ?? [])}");
            Assert.Equal(kind, error.Kind);
            Assert.Contains(file.DetailContains, error.Describe(), StringComparison.OrdinalIgnoreCase);
        }
        else
        {
            Assert.True(error is null, $"expected a rejection report, got {error?.Kind}: {error?.Describe()}");
            Assert.NotNull(report);
            Assert.False(report.Succeeded);
            Assert.Contains(report.Rejected, r => r.Reason.Contains(file.DetailContains, StringComparison.OrdinalIgnoreCase));
        }
        Assert.Equal(before, await DatabaseState.SnapshotAsync(database.Db));
    }

    private static BoundaryImportOptions Options(string query)
    {
        var values = query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        Tingkat? tingkat = values.TryGetValue("tingkat", out var t) && TingkatNames.TryParse(t, out var parsed) ? parsed : null;
        return new BoundaryImportOptions(tingkat, values.GetValueOrDefault("kolomKode"), values.GetValueOrDefault("kolomNama"), values.GetValueOrDefault("lapisan"));
    }

    private static byte[] MetroSequence()
    {
        var collection = JsonNode.Parse(File.ReadAllBytes(DataFiles.Boundaries("kota-metro-kelurahan.geojson")))!.AsObject();
        return Encoding.UTF8.GetBytes(string.Concat(collection["features"]!.AsArray().Select(f => f!.ToJsonString() + "\n")));
    }

    private static byte[] Incompressible(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        return bytes;
    }

    private static byte[] Gzip(byte[] bytes)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(bytes);
        return output.ToArray();
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = archive.CreateEntry(name).Open();
                entry.Write(content);
            }
        }
        return output.ToArray();
    }
}
