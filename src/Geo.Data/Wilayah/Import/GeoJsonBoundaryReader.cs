using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Json;
using Geo.Core.Errors;
using Geo.Core.Import;
using Geo.Data.Import;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;

namespace Geo.Data.Wilayah.Import;

/// <summary>
/// Reads a GeoJSON FeatureCollection, or a GeoJSON text sequence (one Feature per line, RFC 8142
/// record separators allowed), plain or gzipped. Text sequences are streamed line by line so that
/// the national desa file never sits in memory whole. Every read is bounded by
/// <see cref="ImportLimits"/>, and a file that ends before its format says it does (a gzip without
/// its trailer, a collection without its closing bracket, a partial last line) is refused whole.
/// </summary>
public sealed class GeoJsonBoundaryReader(Stream stream, ImportLimits? limits = null, string? fileName = null) : IBoundaryReader
{
    private static readonly JsonSerializerOptions Json = CreateOptions();

    private readonly ImportLimits _limits = limits ?? ImportLimits.Default;
    private readonly GeoErrorLocation _file = new(Berkas: fileName);
    private CountingStream? _inflated;
    private bool _gzipVerified;

    public IEnumerable<BoundaryFeature> ReadFeatures()
    {
        var gzip = IsGzip(stream);
        Stream input;
        if (gzip)
        {
            var compressed = new CountingStream(stream, leaveOpen: true);
            _inflated = new CountingStream(new GZipStream(compressed, CompressionMode.Decompress));
            input = CompressedInput.Guard(_inflated, compressed, 0, _limits.MaximumDecompressedBytes, _limits, limit =>
                $"isi gzip melebihi {limit / (1024 * 1024)} MB setelah dekompresi; batas ini diatur dengan Geo:Impor:MaksimumDekompresiMegabyte");
        }
        else
        {
            input = new LimitedStream(stream, _limits.MaximumUploadBytes, limit =>
                $"berkas melebihi {limit / (1024 * 1024)} MB; batas ini diatur dengan Geo:Impor:MaksimumMegabyte", leaveOpen: true);
        }

        using (input)
        {
            var lines = new LineReader(input, _limits.MaximumFeatureBytes, _file);
            while (true)
            {
                var status = lines.Peek(out var line);
                if (status == LineStatus.End)
                {
                    VerifyGzipEnd();
                    yield break;
                }
                if (status == LineStatus.Line && Trim(line.Span).IsEmpty)
                {
                    lines.Advance();
                    continue;
                }
                // A first line too long for one feature, or not one complete Feature, starts a document.
                if (status == LineStatus.TooLong || !IsSingleFeature(Trim(line.Span))) break;
                foreach (var feature in ReadSequence(lines)) yield return feature;
                yield break;
            }

            var document = lines.ReadToEnd();
            VerifyGzipEnd();
            var ranges = WalkCollection(document);
            for (var i = 0; i < ranges.Count; i++)
            {
                yield return ParseFeature(document.AsSpan(ranges[i].Start, ranges[i].Length), i + 1);
            }
        }
    }

    private IEnumerable<BoundaryFeature> ReadSequence(LineReader lines)
    {
        var number = 0;
        while (true)
        {
            var status = lines.Peek(out var line);
            if (status == LineStatus.End) break;
            if (status == LineStatus.TooLong) throw FeatureTooLarge(number + 1);
            lines.Advance();
            var trimmed = Trim(line.Span);
            if (trimmed.IsEmpty) continue;
            number++;
            // The gzip trailer first: a cut stream shows as a partial last line too, and this says why.
            if (lines.Finished) VerifyGzipEnd();
            yield return ParseLine(trimmed, number);
        }
        VerifyGzipEnd();
    }

    private BoundaryFeature ParseLine(ReadOnlySpan<byte> line, int number)
    {
        var reader = new Utf8JsonReader(line, isFinalBlock: false, state: default);
        try
        {
            if (!reader.Read() || (reader.TokenType == JsonTokenType.StartObject && !reader.TrySkip()))
            {
                throw GeoException.Invalid("berkas terpotong: fitur ini bukan objek JSON yang lengkap", Where(number));
            }
            if (reader.TokenType != JsonTokenType.EndObject)
            {
                throw GeoException.Invalid("baris ini bukan objek GeoJSON Feature", Where(number));
            }
            // Anything after the object on the same line is an error the reader raises here.
            reader.Read();
        }
        catch (JsonException e)
        {
            throw GeoException.Invalid($"GeoJSON tidak dapat dibaca: sintaks JSON salah pada posisi {e.BytePositionInLine}", Where(number), e);
        }
        return ParseFeature(line, number);
    }

    /// <summary>
    /// Finds each feature of a FeatureCollection without building the whole collection, so that a
    /// feature's size can be bounded, a syntax error named by its feature, and a document that
    /// ends early told from one that is malformed: with <c>isFinalBlock: false</c> the reader says
    /// "need more data" instead of guessing.
    /// </summary>
    private List<(int Start, int Length)> WalkCollection(byte[] document)
    {
        var ranges = new List<(int Start, int Length)>();
        var reader = new Utf8JsonReader(document, isFinalBlock: false, state: default);
        string? type = null;
        var hasFeatures = false;
        const string Truncated = "berkas terpotong: GeoJSON berakhir sebelum FeatureCollection ditutup";
        try
        {
            if (!reader.Read()) throw GeoException.Invalid(Truncated, _file);
            if (reader.TokenType != JsonTokenType.StartObject) throw GeoException.Invalid("GeoJSON harus berupa objek FeatureCollection", _file);
            while (true)
            {
                if (!reader.Read()) throw GeoException.Invalid(Truncated, _file);
                if (reader.TokenType == JsonTokenType.EndObject) break;
                var name = reader.GetString();
                if (!reader.Read()) throw GeoException.Invalid(Truncated, _file);
                if (name == "type" && reader.TokenType == JsonTokenType.String)
                {
                    type = reader.GetString();
                }
                else if (name == "features" && reader.TokenType == JsonTokenType.StartArray)
                {
                    hasFeatures = true;
                    while (true)
                    {
                        if (!reader.Read()) throw GeoException.Invalid(Truncated, Where(ranges.Count + 1));
                        if (reader.TokenType == JsonTokenType.EndArray) break;
                        var start = (int)reader.TokenStartIndex;
                        if (reader.TokenType != JsonTokenType.StartObject)
                        {
                            throw GeoException.Invalid("anggota 'features' bukan objek Feature", Where(ranges.Count + 1));
                        }
                        if (!reader.TrySkip()) throw GeoException.Invalid(Truncated, Where(ranges.Count + 1));
                        var length = (int)reader.BytesConsumed - start;
                        if (length > _limits.MaximumFeatureBytes) throw FeatureTooLarge(ranges.Count + 1);
                        ranges.Add((start, length));
                    }
                }
                else if (!reader.TrySkip())
                {
                    throw GeoException.Invalid(Truncated, _file);
                }
            }
            // Only whitespace may follow; anything else makes the reader throw.
            reader.Read();
        }
        catch (JsonException e)
        {
            throw GeoException.Invalid(
                $"GeoJSON tidak dapat dibaca: sintaks JSON salah pada baris {e.LineNumber + 1}, posisi {e.BytePositionInLine}",
                ranges.Count > 0 || hasFeatures ? Where(ranges.Count + 1) : _file, e);
        }

        if (type == "Feature") return [(0, document.Length)];
        if (type is not (null or "FeatureCollection"))
        {
            throw GeoException.Invalid($"GeoJSON bertipe '{type}', bukan FeatureCollection atau Feature", _file);
        }
        if (!hasFeatures) throw GeoException.Invalid("FeatureCollection tanpa daftar 'features'", _file);
        return ranges;
    }

    /// <summary>
    /// A feature whose geometry the library refuses (a ring not closed, too few points, an unknown
    /// type) is kept with its attributes and the reason, to be rejected in the report with the others.
    /// </summary>
    private BoundaryFeature ParseFeature(ReadOnlySpan<byte> json, int number)
    {
        try
        {
            var feature = JsonSerializer.Deserialize<IFeature>(json, Json)
                ?? throw GeoException.Invalid("fitur bernilai null", Where(number));
            return ToBoundaryFeature(number, feature);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or FormatException or InvalidOperationException or NotSupportedException or InvalidCastException)
        {
            return new BoundaryFeature(number, PropertiesOf(json, number), null, BoundaryValidator.DescribeUnreadable(e));
        }
    }

    private Dictionary<string, object?> PropertiesOf(ReadOnlySpan<byte> json, int number)
    {
        var attributes = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        try
        {
            var reader = new Utf8JsonReader(json);
            using var doc = JsonDocument.ParseValue(ref reader);
            if (doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in properties.EnumerateObject())
                {
                    attributes[p.Name] = p.Value.ValueKind switch
                    {
                        JsonValueKind.String => p.Value.GetString(),
                        JsonValueKind.Null => null,
                        _ => p.Value.GetRawText(),
                    };
                }
            }
        }
        catch (JsonException e)
        {
            throw GeoException.Invalid($"GeoJSON tidak dapat dibaca: sintaks JSON salah pada posisi {e.BytePositionInLine}", Where(number), e);
        }
        return attributes;
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

    /// <summary>
    /// GZipStream answers a stream cut anywhere with a quiet end of data. A complete member ends with
    /// its length modulo 2^32 (ISIZE), which zlib checks, with the CRC, only when it gets there; so
    /// the last four bytes of the file must be the length inflated. A cut file ends in compressed
    /// data instead, which matches by chance once in 2^32.
    /// </summary>
    private void VerifyGzipEnd()
    {
        if (_inflated is null || _gzipVerified) return;
        _gzipVerified = true;
        Span<byte> isize = stackalloc byte[4];
        var ok = stream.Length >= 18;
        if (ok)
        {
            stream.Seek(-4, SeekOrigin.End);
            stream.ReadExactly(isize);
            ok = BinaryPrimitives.ReadUInt32LittleEndian(isize) == (uint)_inflated.BytesRead;
        }
        if (!ok)
        {
            throw GeoException.Invalid(
                "berkas gzip terpotong: penutup gzip (CRC32 dan panjang) tidak ada atau tidak cocok dengan isinya; unggah ulang berkas yang utuh", _file);
        }
    }

    private GeoException FeatureTooLarge(int number) => GeoException.TooLarge(
        $"fitur melebihi {_limits.MaksimumFiturMegabyte} MB; batas ini diatur dengan Geo:Impor:MaksimumFiturMegabyte", Where(number));

    private GeoErrorLocation Where(int number) => _file with { Fitur = number };

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> line) => line.Trim(" \t\r\n\u001e"u8);

    private static bool IsSingleFeature(ReadOnlySpan<byte> line)
    {
        if (line.IsEmpty || line[0] != (byte)'{' || line[^1] != (byte)'}') return false;
        try
        {
            var reader = new Utf8JsonReader(line);
            using var doc = JsonDocument.ParseValue(ref reader);
            return doc.RootElement.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "Feature";
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
        var read = s.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
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

    private enum LineStatus { Line, TooLong, End }

    /// <summary>
    /// Splits bytes into lines no longer than a feature may be, so that one endless line cannot
    /// fill memory; StreamReader.ReadLine has no such bound. A line stays in the buffer until
    /// <see cref="Advance"/>, so that the first one can be looked at and then read as part of a document.
    /// </summary>
    private sealed class LineReader(Stream input, long maxLine, GeoErrorLocation file)
    {
        private byte[] _buffer = new byte[1 << 16];
        private int _start;
        private int _end;
        private int _lineLength = -1;
        private int _consumed;
        private bool _eof;

        /// <summary>The input is exhausted and its last line has been taken.</summary>
        public bool Finished => _eof && _start >= _end;

        public LineStatus Peek(out ReadOnlyMemory<byte> line)
        {
            var scanned = 0;
            while (true)
            {
                var newline = _buffer.AsSpan(_start + scanned, _end - _start - scanned).IndexOf((byte)'\n');
                if (newline >= 0)
                {
                    _lineLength = scanned + newline;
                    _consumed = _lineLength + 1;
                    line = _buffer.AsMemory(_start, _lineLength);
                    return _lineLength > maxLine ? LineStatus.TooLong : LineStatus.Line;
                }
                scanned = _end - _start;
                if (scanned > maxLine)
                {
                    line = default;
                    return LineStatus.TooLong;
                }
                if (_eof)
                {
                    line = _buffer.AsMemory(_start, scanned);
                    _lineLength = _consumed = scanned;
                    return scanned == 0 ? LineStatus.End : LineStatus.Line;
                }
                Fill();
            }
        }

        public void Advance() => _start += _consumed;

        /// <summary>Everything from the current line on: a document read whole.</summary>
        public byte[] ReadToEnd()
        {
            var rest = new MemoryStream();
            rest.Write(_buffer, _start, _end - _start);
            _start = _end;
            try
            {
                input.CopyTo(rest);
            }
            catch (InvalidDataException e)
            {
                throw Corrupt(e);
            }
            _eof = true;
            return rest.ToArray();
        }

        private void Fill()
        {
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
            try
            {
                var read = input.Read(_buffer, _end, _buffer.Length - _end);
                if (read == 0) _eof = true;
                _end += read;
            }
            catch (InvalidDataException e)
            {
                throw Corrupt(e);
            }
        }

        private GeoException Corrupt(InvalidDataException e) =>
            GeoException.Invalid("berkas gzip rusak: data terkompresi tidak dapat dibuka", file, e);
    }
}
