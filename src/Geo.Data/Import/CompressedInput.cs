using Geo.Core.Errors;
using Geo.Core.Import;

namespace Geo.Data.Import;

/// <summary>
/// Bounds what a decompressing reader inflates, as it inflates: bytes per stream, bytes over the
/// whole upload, and decompressed bytes per compressed byte read so far. Sizes in archive headers
/// are written by whoever made the file, so none of this trusts them.
/// </summary>
internal static class CompressedInput
{
    // Below this, a high ratio is harmless (a 1 KB .prj of spaces compresses 50:1) and the deflate
    // buffer makes the measured compressed bytes coarse.
    private const long RatioCheckedAfter = 1024 * 1024;

    /// <summary>
    /// Wraps <paramref name="decompressed"/> so that reading stops with a 413 past <paramref name="limit"/>
    /// bytes or past the limit's ratio to what <paramref name="compressed"/> has read since <paramref name="compressedStart"/>.
    /// </summary>
    public static Stream Guard(
        Stream decompressed, CountingStream compressed, long compressedStart, long limit, ImportLimits limits, Func<long, string> describeLimit)
    {
        var limited = new LimitedStream(decompressed, limit, describeLimit);
        return new RatioGuard(limited, () => compressed.BytesRead - compressedStart, limits.MaksimumRasioKompresi);
    }

    private sealed class RatioGuard(LimitedStream inner, Func<long> compressedRead, int maxRatio) : ReadOnlyStream
    {
        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            var inflated = inner.BytesRead;
            if (inflated > RatioCheckedAfter && inflated > maxRatio * Math.Max(1, compressedRead()))
            {
                throw GeoException.TooLarge(
                    $"rasio kompresi melebihi {maxRatio}:1 ({inflated / Math.Max(1, compressedRead())}:1 sejauh ini; kemungkinan bom zip); batas ini diatur dengan Geo:Impor:MaksimumRasioKompresi");
            }
            return read;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}

/// <summary>A seekable pass-through that counts the bytes read through it (the compressed side of a guard).</summary>
internal sealed class CountingStream(Stream inner, bool leaveOpen = false) : Stream
{
    public long BytesRead { get; private set; }

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        BytesRead += read;
        return read;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override bool CanRead => true;
    public override bool CanSeek => inner.CanSeek;
    public override bool CanWrite => false;
    public override long Length => inner.Length;
    public override long Position { get => inner.Position; set => inner.Position = value; }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen) inner.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>The boilerplate of a forward-only read stream; subclasses implement Read(Span).</summary>
internal abstract class ReadOnlyStream : Stream
{
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));
    public abstract override int Read(Span<byte> buffer);
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
