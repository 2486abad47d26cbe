namespace Geo.Core.Import;

/// <summary>
/// What one import may take, stated (configuration section <c>Geo:Impor</c>, documented in the
/// README) and enforced where the bytes are read, so that no upload grows past them on disk or in
/// memory. Defaults take the national desa set (209 MB of GeoJSON, 83,402 features) and a national
/// indicator table with room to spare.
/// </summary>
public sealed record ImportLimits
{
    private const long MiB = 1024L * 1024L;

    /// <summary>Bytes of the uploaded file as sent.</summary>
    public int MaksimumMegabyte { get; init; } = 1024;

    /// <summary>Bytes read after decompression (gzip, zip) over the whole upload.</summary>
    public int MaksimumDekompresiMegabyte { get; init; } = 2048;

    /// <summary>Bytes of one zip entry after decompression.</summary>
    public int MaksimumEntriMegabyte { get; init; } = 1024;

    /// <summary>Entries in one zip archive.</summary>
    public int MaksimumEntriZip { get; init; } = 1000;

    /// <summary>Decompressed bytes per compressed byte of a zip entry or gzip stream; real boundaries and tables stay under 20.</summary>
    public int MaksimumRasioKompresi { get; init; } = 200;

    /// <summary>Features in one boundary file (the national desa set has 83,402).</summary>
    public int MaksimumFitur { get; init; } = 250_000;

    /// <summary>Bytes of one feature's GeoJSON (the largest real provinsi is 0.4 MB).</summary>
    public int MaksimumFiturMegabyte { get; init; } = 64;

    /// <summary>Rows of one indicator table.</summary>
    public int MaksimumBaris { get; init; } = 10_000_000;

    /// <summary>Columns of one indicator table.</summary>
    public int MaksimumKolom { get; init; } = 1000;

    /// <summary>Characters of one cell.</summary>
    public int MaksimumKarakterSel { get; init; } = 4000;

    /// <summary>Characters of one line of a text table.</summary>
    public int MaksimumKarakterBaris { get; init; } = 1_000_000;

    /// <summary>Characters of a name (wilayah, indicator).</summary>
    public int MaksimumPanjangNama { get; init; } = 200;

    /// <summary>
    /// Cells of a wide indicator table, which is held whole to recognise its layout (a long table
    /// is streamed). The national desa set (83,402 rows) with 30 columns fits.
    /// </summary>
    public int MaksimumSelTabelLebar { get; init; } = 3_000_000;

    public long MaximumUploadBytes => MaksimumMegabyte * MiB;

    public long MaximumDecompressedBytes => MaksimumDekompresiMegabyte * MiB;

    public long MaximumEntryBytes => MaksimumEntriMegabyte * MiB;

    public long MaximumFeatureBytes => MaksimumFiturMegabyte * MiB;

    public static ImportLimits Default { get; } = new();
}
