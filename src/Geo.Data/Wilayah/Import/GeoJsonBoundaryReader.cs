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
/// record separators allowed), plain or gzipped. Both are streamed, a sequence line by line and a
/// collection feature by feature, so that no file sits in memory whole: what is held at once is one
/// feature (<see cref="ImportLimits.MaximumFeatureBytes"/>) and a read buffer. Every read is bounded by
/// <see cref="ImportLimits"/>, and a file that ends before its format says it does (a gzip without
/// its trailer, a collection without its closing bracket, a partial last line) is refused whole.
/// </summary>
public sealed class GeoJsonBoundaryReader(Stream stream, ImportLimits? limits = null, string? fileName = null) : IBoundaryReader
{
    private const int DefaultChunkBytes = 1 << 16;

    private static readonly JsonSerializerOptions Json = CreateOptions();

    private readonly ImportLimits _limits = limits ?? ImportLimits.Default;
    private readonly GeoErrorLocation _file = new(Berkas: fileName);
    private readonly int _chunkBytes = DefaultChunkBytes;
    private CountingStream? _inflated;
    private bool _gzipVerified;

    /// <summary>Reads at most <paramref name="chunkBytes"/> at a time into a buffer that starts that size: for tests, to cut features across refills.</summary>
    internal GeoJsonBoundaryReader(Stream stream, ImportLimits? limits, string? fileName, int chunkBytes)
        : this(stream, limits, fileName) => _chunkBytes = chunkBytes;

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
            var lines = new LineReader(input, _limits.MaximumFeatureBytes, _file, _chunkBytes);
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

            var collection = new CollectionWalker(this, input, lines);
            while (collection.Next(out var number) is { } feature)
            {
                yield return ParseFeature(feature.Span, number);
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

    private static GeoException Corrupt(InvalidDataException e, GeoErrorLocation file) =>
        GeoException.Invalid("berkas gzip rusak: data terkompresi tidak dapat dibuka", file, e);

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
    private sealed class LineReader(Stream input, long maxLine, GeoErrorLocation file, int chunkBytes)
    {
        private byte[] _buffer = new byte[chunkBytes];
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

        /// <summary>
        /// Hands over the buffer, from the current line on, to a reader that takes the rest of the
        /// input as a document; this reader is not used again.
        /// </summary>
        public byte[] Detach(out int start, out int end, out bool eof)
        {
            (start, end, eof) = (_start, _end, _eof);
            var buffer = _buffer;
            _buffer = [];
            _start = _end = 0;
            return buffer;
        }

        private void Fill()
        {
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            // One byte over the longest line is enough to know a line too long: never more.
            if (_end == _buffer.Length) Array.Resize(ref _buffer, (int)Math.Min(Math.Min(_buffer.Length * 2L, maxLine + 1), Array.MaxLength));
            try
            {
                var read = input.Read(_buffer, _end, Math.Min(_buffer.Length - _end, chunkBytes));
                if (read == 0) _eof = true;
                _end += read;
            }
            catch (InvalidDataException e)
            {
                throw Corrupt(e, file);
            }
        }
    }

    /// <summary>
    /// Walks a FeatureCollection as it arrives: <see cref="Utf8JsonReader"/> over a buffer refilled
    /// from the input, resumed from its saved <see cref="JsonReaderState"/> after each refill, with
    /// <c>isFinalBlock: false</c> throughout so that a document that ends early says "need more
    /// data" instead of being guessed at. Top-level members are read as they come (others skipped
    /// token by token); each element of "features" is gathered whole, the buffer growing while
    /// <see cref="Utf8JsonReader.TrySkip"/> needs more but never past the feature limit, and handed
    /// out at once, so memory holds one feature, never the collection. Progress is committed only
    /// at whole units (a token, a member's name with the start of its value, a whole feature), so a
    /// unit cut by the end of the buffer is read again, whole, after the refill.
    /// </summary>
    /// <remarks>
    /// "type" may come after "features": features are handed out while the type is unknown, and a
    /// wrong type found later is refused then, which leaves nothing behind because the importer is
    /// all-or-nothing (one transaction, no commit before the reader ends). A lone Feature document
    /// is kept whole, as one feature, until it is known not to be one.
    /// </remarks>
    private sealed class CollectionWalker
    {
        private const string Truncated = "berkas terpotong: GeoJSON berakhir sebelum FeatureCollection ditutup";

        private readonly GeoJsonBoundaryReader _owner;
        private readonly Stream _input;
        private readonly long _maxFeature;
        private readonly int _capacity;
        private readonly int _chunkBytes;
        private byte[] _buffer;
        private int _start;
        private int _end;
        private bool _eof;
        private JsonReaderState _state;
        private int _readerStart;
        private Stage _stage = Stage.Start;
        private int _skipDepth = -1;
        private string? _type;
        private bool _hasFeatures;
        private int _count;
        private int _yielded;
        private bool _retaining = true;
        private int _docStart;
        private byte[]? _lone;

        public CollectionWalker(GeoJsonBoundaryReader owner, Stream input, LineReader lines)
        {
            _owner = owner;
            _input = input;
            _chunkBytes = owner._chunkBytes;
            _maxFeature = owner._limits.MaximumFeatureBytes;
            // A feature at the limit, and a chunk of what comes before it (a comma, some whitespace).
            _capacity = (int)Math.Min(_maxFeature + DefaultChunkBytes, Array.MaxLength);
            _buffer = lines.Detach(out _start, out _end, out _eof);
            _docStart = _start;
        }

        private enum Stage { Start, Members, Features, Trailing, Done, Finished }

        private enum Step { Feature, NeedMore, Done }

        /// <summary>The next feature's bytes, good until the next call, and its number; null when the document has ended well.</summary>
        public ReadOnlyMemory<byte>? Next(out int number)
        {
            while (true)
            {
                if (_stage == Stage.Finished) break;
                if (_stage == Stage.Done)
                {
                    _stage = Stage.Finished;
                    if (Finish() is { } lone)
                    {
                        number = 1;
                        return lone;
                    }
                    break;
                }
                var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), isFinalBlock: false, _state);
                _readerStart = _start;
                Step step;
                ReadOnlyMemory<byte> feature;
                try
                {
                    step = Walk(ref reader, out feature);
                }
                catch (JsonException e)
                {
                    var error = GeoException.Invalid(
                        $"GeoJSON tidak dapat dibaca: sintaks JSON salah pada baris {e.LineNumber + 1}, posisi {e.BytePositionInLine}",
                        _hasFeatures ? _owner.Where(_count + 1) : _owner._file, e);
                    DrainInput();
                    throw error;
                }
                catch (GeoException)
                {
                    DrainInput();
                    throw;
                }
                if (step == Step.Feature)
                {
                    number = _count;
                    return feature;
                }
                if (step == Step.NeedMore)
                {
                    if (_eof)
                    {
                        _owner.VerifyGzipEnd();
                        throw GeoException.Invalid(Truncated, _stage == Stage.Features ? _owner.Where(_count + 1) : _owner._file);
                    }
                    Fill();
                }
            }
            number = 0;
            return null;
        }

        private Step Walk(ref Utf8JsonReader reader, out ReadOnlyMemory<byte> feature)
        {
            feature = default;
            while (true)
            {
                switch (_stage)
                {
                    case Stage.Start:
                        if (!reader.Read()) return Pause(ref reader);
                        if (reader.TokenType != JsonTokenType.StartObject) throw GeoException.Invalid("GeoJSON harus berupa objek FeatureCollection", _owner._file);
                        Commit(ref reader);
                        _stage = Stage.Members;
                        break;

                    case Stage.Members when _skipDepth >= 0:
                        // A member not read is skipped a token at a time, so that it may be of any size.
                        if (!reader.Read()) return Pause(ref reader);
                        if (reader.CurrentDepth == _skipDepth && reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray) _skipDepth = -1;
                        Commit(ref reader);
                        break;

                    case Stage.Members:
                        if (!reader.Read()) return Pause(ref reader);
                        if (reader.TokenType == JsonTokenType.EndObject)
                        {
                            Commit(ref reader);
                            EndDocument();
                            _stage = Stage.Trailing;
                            break;
                        }
                        var name = reader.GetString();
                        // The name is read again, with its value, after the refill.
                        if (!reader.Read()) return Step.NeedMore;
                        if (name == "type" && reader.TokenType == JsonTokenType.String)
                        {
                            SetType(reader.GetString());
                        }
                        else if (name == "features" && reader.TokenType == JsonTokenType.StartArray)
                        {
                            _hasFeatures = true;
                            _stage = Stage.Features;
                        }
                        else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                        {
                            _skipDepth = reader.CurrentDepth;
                        }
                        Commit(ref reader);
                        break;

                    case Stage.Features:
                        if (!reader.Read()) return Pause(ref reader);
                        if (reader.TokenType == JsonTokenType.EndArray)
                        {
                            Commit(ref reader);
                            _stage = Stage.Members;
                            break;
                        }
                        if (reader.TokenType != JsonTokenType.StartObject)
                        {
                            throw GeoException.Invalid("anggota 'features' bukan objek Feature", _owner.Where(_count + 1));
                        }
                        var start = _readerStart + (int)reader.TokenStartIndex;
                        if (!reader.TrySkip())
                        {
                            // Gathered so far; the whole feature is read again after the refill.
                            if (_end - start > _maxFeature) throw _owner.FeatureTooLarge(_count + 1);
                            return Step.NeedMore;
                        }
                        var length = _readerStart + (int)reader.BytesConsumed - start;
                        if (length > _maxFeature) throw _owner.FeatureTooLarge(_count + 1);
                        _count++;
                        Commit(ref reader);
                        // A lone Feature's own "features" are checked as before but are not features.
                        if (_type == "Feature") break;
                        _retaining = false;
                        _yielded++;
                        feature = _buffer.AsMemory(start, length);
                        return Step.Feature;

                    case Stage.Trailing:
                        // Only whitespace may follow; anything else makes the reader throw.
                        reader.Read();
                        Commit(ref reader);
                        if (!_eof) return Step.NeedMore;
                        _stage = Stage.Done;
                        return Step.Done;

                    default:
                        return Step.Done;
                }
            }
        }

        /// <summary>
        /// Reads the rest of the input, keeping none of it, before a fault of the document is told:
        /// a fault of the file as a whole (gzip corrupt or cut short, a size or ratio limit passed)
        /// is the truer answer, and was the one given when the document was read whole before it
        /// was walked.
        /// </summary>
        private void DrainInput()
        {
            try
            {
                while (!_eof)
                {
                    if (_input.Read(_buffer, 0, Math.Min(_buffer.Length, _chunkBytes)) == 0) _eof = true;
                }
            }
            catch (InvalidDataException e)
            {
                throw Corrupt(e, _owner._file);
            }
            _owner.VerifyGzipEnd();
        }

        /// <summary>A read that found no whole token: the whitespace before it is consumed, then more data is needed.</summary>
        private Step Pause(ref Utf8JsonReader reader)
        {
            Commit(ref reader);
            return Step.NeedMore;
        }

        private void Commit(ref Utf8JsonReader reader)
        {
            _start = _readerStart + (int)reader.BytesConsumed;
            _state = reader.CurrentState;
        }

        private void SetType(string? type)
        {
            // With the type known, features are handed out or not from the first; a type that changed
            // half-way would have to undo that. (Duplicate names were "the last one wins" before.)
            if (_type is not null && _type != type)
            {
                throw GeoException.Invalid("GeoJSON memuat anggota 'type' lebih dari sekali dengan nilai berbeda", _owner._file);
            }
            _type = type;
            if (type != "Feature") _retaining = false;
        }

        private void EndDocument()
        {
            if (_retaining && _type == "Feature") _lone = _buffer.AsSpan(_docStart, _start - _docStart).ToArray();
            _retaining = false;
        }

        /// <summary>The checks made once the whole document is read: its type, and its features.</summary>
        private ReadOnlyMemory<byte>? Finish()
        {
            _owner.VerifyGzipEnd();
            if (_type == "Feature")
            {
                if (_yielded > 0)
                {
                    throw GeoException.Invalid("GeoJSON bertipe 'Feature' memuat daftar 'features' sebelum anggota 'type'", _owner._file);
                }
                if (_lone is null || _lone.Length > _maxFeature) throw _owner.FeatureTooLarge(1);
                return _lone;
            }
            if (_type is not (null or "FeatureCollection"))
            {
                throw GeoException.Invalid($"GeoJSON bertipe '{_type}', bukan FeatureCollection atau Feature", _owner._file);
            }
            if (!_hasFeatures) throw GeoException.Invalid("FeatureCollection tanpa daftar 'features'", _owner._file);
            return null;
        }

        /// <summary>
        /// Moves what is still needed to the front of the buffer (the unit being read; the whole
        /// document while it may be a lone Feature) and reads more after it, growing the buffer while
        /// one unit fills it, up to a feature and a chunk.
        /// </summary>
        private void Fill()
        {
            if (_retaining && _end - _docStart >= _capacity)
            {
                if (_type == "Feature") throw _owner.FeatureTooLarge(1);
                _retaining = false;
            }
            var keep = _retaining ? _docStart : _start;
            if (keep > 0)
            {
                Buffer.BlockCopy(_buffer, keep, _buffer, 0, _end - keep);
                _start -= keep;
                _end -= keep;
                _docStart -= keep;
            }
            if (_end == _buffer.Length)
            {
                if (_buffer.Length >= _capacity)
                {
                    throw _stage == Stage.Features
                        ? _owner.FeatureTooLarge(_count + 1)
                        : GeoException.TooLarge(
                            $"nilai JSON melebihi {_owner._limits.MaksimumFiturMegabyte} MB; batas ini diatur dengan Geo:Impor:MaksimumFiturMegabyte", _owner._file);
                }
                Array.Resize(ref _buffer, (int)Math.Min(Math.Max(_buffer.Length * 2L, 16), _capacity));
            }
            try
            {
                var read = _input.Read(_buffer, _end, Math.Min(_buffer.Length - _end, _chunkBytes));
                if (read == 0) _eof = true;
                _end += read;
            }
            catch (InvalidDataException e)
            {
                throw Corrupt(e, _owner._file);
            }
        }
    }
}
