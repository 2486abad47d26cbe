namespace Geo.Api.Hosting;

/// <summary>Configuration section <c>Geo:Impor</c>.</summary>
public sealed class ImporOptions
{
    /// <summary>
    /// The largest file the import endpoints take. Kestrel's default of 30 MB refuses a province's
    /// desa boundaries or a national indicator table (77 MB for 2.5 million values).
    /// </summary>
    public int MaksimumMegabyte { get; set; } = 1024;

    public long MaximumBytes => MaksimumMegabyte * 1024L * 1024L;
}
