using System.IO.Compression;
using Geo.Core.Errors;
using Geo.Core.Import;

namespace Geo.Data.Import;

/// <summary>
/// A zip archive read within <see cref="ImportLimits"/>, the one way imports open zips (zipped
/// Shapefiles, XLSX workbooks): the entry count and every entry's name are checked before anything
/// is read, and each entry is bounded while it inflates (bytes per entry, bytes over the archive,
/// and decompressed per compressed byte), since sizes in the archive's headers are its maker's.
/// </summary>
public sealed class BoundedArchive : IDisposable
{
    private readonly CountingStream _compressed;
    private readonly ZipArchive _archive;
    private readonly ImportLimits _limits;
    private readonly GeoErrorLocation _file;
    private long _inflated;

    private BoundedArchive(CountingStream compressed, ZipArchive archive, ImportLimits limits, GeoErrorLocation file)
    {
        (_compressed, _archive, _limits, _file) = (compressed, archive, limits, file);
    }

    /// <summary>A 413 with too many entries; a 400 naming the entry when one name is absolute, climbs out, or holds a control character.</summary>
    public static BoundedArchive Open(Stream content, ImportLimits limits, GeoErrorLocation file, string what = "arsip")
    {
        var compressed = new CountingStream(content, leaveOpen: true);
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(compressed, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            compressed.Dispose();
            throw GeoException.Invalid($"{what} zip rusak atau bukan zip ({e.Message})", file, e);
        }
        if (archive.Entries.Count is var count && count > limits.MaksimumEntriZip)
        {
            archive.Dispose();
            compressed.Dispose();
            throw GeoException.TooLarge(
                $"{what} berisi {count} entri, lebih dari batas {limits.MaksimumEntriZip}; batas ini diatur dengan Geo:Impor:MaksimumEntriZip", file);
        }
        var bounded = new BoundedArchive(compressed, archive, limits, file);
        try
        {
            // Every name is checked before anything is read: an archive with one hostile name is refused whole.
            foreach (var entry in archive.Entries) CheckEntryName(entry.FullName, file);
        }
        catch
        {
            bounded.Dispose();
            throw;
        }
        return bounded;
    }

    public IReadOnlyCollection<ZipArchiveEntry> Entries => _archive.Entries;

    public ZipArchiveEntry? GetEntry(string name) => _archive.GetEntry(name);

    /// <summary>The entry's bytes, stopped with a 413 (naming the entry) past any of the limits.</summary>
    public Stream OpenEntry(ZipArchiveEntry entry)
    {
        var remaining = _limits.MaximumDecompressedBytes - _inflated;
        var perEntry = Math.Min(_limits.MaximumEntryBytes, remaining);
        var guarded = CompressedInput.Guard(entry.Open(), _compressed, _compressed.BytesRead, perEntry, _limits, _ => perEntry < _limits.MaximumEntryBytes
            ? $"isi arsip melebihi {_limits.MaksimumDekompresiMegabyte} MB setelah dekompresi; batas ini diatur dengan Geo:Impor:MaksimumDekompresiMegabyte"
            : $"entri melebihi {_limits.MaksimumEntriMegabyte} MB setelah dekompresi; batas ini diatur dengan Geo:Impor:MaksimumEntriMegabyte");
        return new EntryStream(this, guarded, _file with { Entri = entry.FullName });
    }

    public void Dispose()
    {
        _archive.Dispose();
        _compressed.Dispose();
    }

    /// <summary>
    /// Entry names are the archive maker's: an absolute path, a drive, a ".." segment (with either
    /// slash) or a control character is refused rather than cleaned up, since no honest tool writes one.
    /// </summary>
    private static void CheckEntryName(string entryName, GeoErrorLocation file)
    {
        var segments = entryName.Replace('\\', '/').Split('/');
        var unsafeName = entryName.Length == 0
            || entryName[0] is '/' or '\\'
            || (entryName.Length > 1 && entryName[1] == ':')
            || entryName.Any(char.IsControl)
            || segments.Any(s => s == "..");
        if (unsafeName) throw UnsafeEntry(entryName, file);
    }

    public static GeoException UnsafeEntry(string entryName, GeoErrorLocation file) => GeoException.Invalid(
        $"arsip ditolak: nama entri '{Printable(entryName)}' tidak aman (jalur mutlak, '..' yang menunjuk ke luar folder arsip, atau karakter kendali)",
        file with { Entri = Printable(entryName) });

    private static string Printable(string text) => new(text.Select(c => char.IsControl(c) ? '?' : c).ToArray());

    /// <summary>Counts what the entry inflated toward the archive's total, and names the entry in any error.</summary>
    private sealed class EntryStream(BoundedArchive archive, Stream inner, GeoErrorLocation where) : ReadOnlyStream
    {
        public override int Read(Span<byte> buffer)
        {
            int read;
            try
            {
                read = inner.Read(buffer);
            }
            catch (GeoException e)
            {
                throw e.At(where);
            }
            catch (InvalidDataException e)
            {
                throw GeoException.Invalid($"entri arsip rusak ({e.Message})", where, e);
            }
            archive._inflated += read;
            return read;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
