namespace Geo.Data.Analisis;

/// <summary>
/// Configuration section <c>Geo:Analisis</c>: stored runs are a cache of reads, bounded by count
/// and by age. Runs kept by an account (<c>disimpan_oleh</c>) count toward neither.
/// </summary>
public sealed record AnalysisRetention
{
    /// <summary>Runs kept; beyond this the least recently used are removed when a new run is stored.</summary>
    public int MaksimumTersimpan { get; init; } = 200;

    /// <summary>Hours a run stays unused before it is removed (at the next new run).</summary>
    public int KedaluwarsaJam { get; init; } = 168;

    public static AnalysisRetention Default { get; } = new();

    /// <summary>The settings' own mistakes, said once at start-up.</summary>
    public string? Problem() =>
        MaksimumTersimpan < 1 ? "Geo:Analisis:MaksimumTersimpan harus paling sedikit 1"
        : KedaluwarsaJam < 1 ? "Geo:Analisis:KedaluwarsaJam harus paling sedikit 1"
        : null;
}
