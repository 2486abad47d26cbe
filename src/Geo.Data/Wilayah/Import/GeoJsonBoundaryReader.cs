using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Geo.Core.Errors;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;

namespace Geo.Data.Wilayah.Import;

/// <summary>
/// Reads a GeoJSON FeatureCollection, or a GeoJSON text sequence (one Feature per line, RFC 8142
/// record separators allowed), plain or gzipped. Text sequences are streamed line by line so that
/// the national desa file never sits in memory whole.
/// </summary>
public sealed class GeoJsonBoundaryReader(Stream stream) : IBoundaryReader
{
    private static readonly JsonSerializerOptions Json = CreateOptions();

    public IEnumerable<BoundaryFeature> ReadFeatures()
    {
        var input = new BufferedStream(IsGzip(stream) ? new GZipStream(stream, CompressionMode.Decompress) : stream, 1 << 16);
        var reader = new StreamReader(input, Encoding.UTF8);
        var first = FirstContentLine(reader, out var consumed);
        if (first is null) yield break;

        if (LooksLikeSingleFeature(first))
        {
            var number = 0;
            for (var line = first; line is not null; line = reader.ReadLine())
            {
                line = line.Trim().TrimStart('\u001e');
                if (line.Length == 0) continue;
                number++;
                yield return ToBoundaryFeature(number, ParseFeature(line, number));
            }
            yield break;
        }

        var document = consumed + reader.ReadToEnd();
        FeatureCollection collection;
        try
        {
            collection = JsonSerializer.Deserialize<FeatureCollection>(document, Json)
                ?? throw GeoException.Invalid("berkas GeoJSON kosong");
        }
        catch (JsonException e)
        {
            throw GeoException.Invalid($"GeoJSON tidak dapat dibaca: {e.Message}");
        }

        var i = 0;
        foreach (var feature in collection)
        {
            yield return ToBoundaryFeature(++i, feature);
        }
    }

    private static IFeature ParseFeature(string line, int number)
    {
        try
        {
            return JsonSerializer.Deserialize<IFeature>(line, Json)
                ?? throw GeoException.Invalid($"fitur {number}: baris kosong");
        }
        catch (JsonException e)
        {
            throw GeoException.Invalid($"fitur {number}: GeoJSON tidak dapat dibaca: {e.Message}");
        }
    }

    private static BoundaryFeature ToBoundaryFeature(int number, IFeature feature)
    {
        var attributes = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        if (feature.Attributes is { } table)
        {
            foreach (var name in table.GetNames()) attributes[name] = table[name];
        }
        return new BoundaryFeature(number, attributes, feature.Geometry);
    }

    /// <summary>The first non-blank line; a FeatureCollection may span many lines, so what was read is kept.</summary>
    private static string? FirstContentLine(StreamReader reader, out string consumed)
    {
        var seen = new StringBuilder();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            seen.Append(line).Append('\n');
            if (line.Trim().TrimStart('\u001e').Length > 0) break;
        }
        consumed = seen.ToString();
        return line;
    }

    private static bool LooksLikeSingleFeature(string line)
    {
        var trimmed = line.Trim().TrimStart('\u001e');
        if (!trimmed.StartsWith('{') || !trimmed.EndsWith('}')) return false;
        try
        {
            using var doc = JsonDocument.Parse(trimmed);
            return doc.RootElement.TryGetProperty("type", out var type) && type.GetString() == "Feature";
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool IsGzip(Stream s)
    {
        if (!s.CanSeek) return false;
        Span<byte> magic = stackalloc byte[2];
        var read = s.Read(magic);
        s.Seek(-read, SeekOrigin.Current);
        return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        return options;
    }

    public void Dispose() => stream.Dispose();
}
