using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Geo.Core.Wilayah;
using Geo.Data.Tests.Support;
using Geo.Data.Wilayah.Import;

namespace Geo.Data.Tests.Wilayah;

/// <summary>
/// GeoJSON text sequences, as the national files come (one Feature a line, RFC 8142 record
/// separators allowed, plain or gzipped), made here from the real Kota Metro FeatureCollection.
/// </summary>
public sealed class GeoJsonSequenceImportTests : PostgisTest
{
    [Theory]
    [InlineData("metro.geojsonl", false, false)]
    [InlineData("metro.geojsons", true, false)]
    [InlineData("metro.geojsonl.gz", false, true)]
    public async Task A_text_sequence_imports_every_feature_exactly(string name, bool recordSeparators, bool gzip)
    {
        var source = BoundarySource.Geometries("kota-metro-kelurahan.geojson");
        var path = await WriteSequenceAsync(name, recordSeparators, gzip);
        try
        {
            var report = await new BoundaryImporter(Db.DataSource).ImportAsync(path, new BoundaryImportOptions(Tingkat.Desa));

            Assert.True(report.Succeeded, string.Join("; ", report.Rejected.Select(r => r.Reason)));
            Assert.Equal((22, 22), (report.Read, report.Inserted));
            foreach (var (kode, geometry) in source)
            {
                await using var cmd = Db.DataSource.CreateCommand("SELECT ST_Equals(geom, ST_GeomFromText($2, 4326)) FROM wilayah WHERE kode = $1");
                cmd.Parameters.AddWithValue(kode);
                cmd.Parameters.AddWithValue(geometry.AsText());
                Assert.True((bool)(await cmd.ExecuteScalarAsync())!, kode);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<string> WriteSequenceAsync(string name, bool recordSeparators, bool gzip)
    {
        using var collection = JsonDocument.Parse(await File.ReadAllTextAsync(DataFiles.Boundaries("kota-metro-kelurahan.geojson")));
        var text = new StringBuilder();
        foreach (var feature in collection.RootElement.GetProperty("features").EnumerateArray())
        {
            if (recordSeparators) text.Append('\u001e');
            text.Append(JsonSerializer.Serialize(feature)).Append('\n');
        }
        var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}-{name}");
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        await using var file = File.Create(path);
        if (gzip)
        {
            await using var zipped = new GZipStream(file, CompressionLevel.Fastest);
            await zipped.WriteAsync(bytes);
        }
        else
        {
            await file.WriteAsync(bytes);
        }
        return path;
    }
}
