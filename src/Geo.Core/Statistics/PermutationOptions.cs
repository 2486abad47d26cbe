namespace Geo.Core.Statistics;

/// <summary>
/// Settings of a permutation test. The same seed gives the same pseudo p-values whatever the
/// number of threads: every unit (or every global permutation) draws from its own random stream,
/// keyed by the seed and its index, never from a stream shared across threads.
/// </summary>
public sealed record PermutationOptions
{
    /// <summary>Number of permutations R; 0 skips the test.</summary>
    public int Permutations { get; init; } = 999;

    public ulong Seed { get; init; } = 1;

    /// <summary>Threads to use; null lets the runtime decide (all cores).</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    public static PermutationOptions None { get; } = new() { Permutations = 0 };

    internal ParallelOptions Parallel => new() { MaxDegreeOfParallelism = MaxDegreeOfParallelism ?? -1 };
}
