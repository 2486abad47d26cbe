using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Geo.Data.Ekspor;

/// <summary>Options that only tables take: the CSV number style and which table of the export.</summary>
public sealed record OpsiTabel(GayaCsv Gaya = GayaCsv.Titik, string? Tabel = null);

/// <summary>One entry to every writer, for the CLI (to a file) and the API (to a temporary file or the response).</summary>
public static class EksporWriter
{
    /// <summary>Formats written straight to a stream as rows arrive; the others need a file (SQLite, a zip of several files, an OPC package).</summary>
    public static bool Streams(this FormatEkspor format) => format is FormatEkspor.GeoJson or FormatEkspor.Csv;

    /// <summary>Refuses options that do not fit the layer, before a byte is written (a streamed answer cannot turn into an error later).</summary>
    public static void Check(LapisanEkspor layer, OpsiTabel opsi) => TabelEkspor.TableOf(layer, opsi.Tabel);

    public static async Task<long> WriteFileAsync(LapisanEkspor layer, FormatEkspor format, string path, OpsiTabel? opsi = null, CancellationToken ct = default)
    {
        switch (format)
        {
            case FormatEkspor.GeoPackage:
                return await GeoPackageEkspor.WriteAsync(layer, path, ct);
            case FormatEkspor.Xlsx:
                if (File.Exists(path)) File.Delete(path);
                return await TabelEkspor.WriteXlsxAsync(layer, path, ct);
            default:
                await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
                {
                    return await WriteStreamAsync(layer, format, file, opsi, ct);
                }
        }
    }

    public static Task<long> WriteStreamAsync(LapisanEkspor layer, FormatEkspor format, Stream output, OpsiTabel? opsi = null, CancellationToken ct = default) => format switch
    {
        FormatEkspor.GeoJson => GeoJsonEkspor.WriteAsync(layer, output, ct),
        FormatEkspor.Csv => TabelEkspor.WriteCsvAsync(layer, output, opsi?.Gaya ?? GayaCsv.Titik, opsi?.Tabel, ct),
        FormatEkspor.Shapefile => ShapefileEkspor.WriteZipAsync(layer, output, ct),
        _ => throw new InvalidOperationException($"{format} perlu berkas"),
    };

    /// <summary>
    /// Reads rows on another task, up to <paramref name="capacity"/> ahead, so PostGIS producing the
    /// next rows overlaps the writer encoding the last ones (a bounded buffer: memory stays flat).
    /// </summary>
    public static async IAsyncEnumerable<BarisEkspor> ReadAhead(IAsyncEnumerable<BarisEkspor> source, int capacity = 512,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        var channel = Channel.CreateBounded<BarisEkspor>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var producer = Task.Run(async () =>
        {
            try
            {
                await foreach (var row in source.WithCancellation(stop.Token)) await channel.Writer.WriteAsync(row, stop.Token);
                channel.Writer.Complete();
            }
            catch (Exception e)
            {
                channel.Writer.Complete(e);
            }
        }, CancellationToken.None);
        try
        {
            await foreach (var row in channel.Reader.ReadAllAsync(ct)) yield return row;
        }
        finally
        {
            await stop.CancelAsync();
            try { await producer; } catch (OperationCanceledException) { }
        }
    }
}
