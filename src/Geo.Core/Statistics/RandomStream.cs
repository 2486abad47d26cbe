using System.Runtime.CompilerServices;

namespace Geo.Core.Statistics;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood 2014): one 64-bit add and a mix per number, so it costs about
/// a nanosecond, and streams seeded by different keys are independent for permutation purposes.
/// A struct, so that the permutation kernels keep it in registers.
/// </summary>
internal struct RandomStream(ulong seed, ulong stream)
{
    private ulong _state = Mix(seed ^ Mix(stream + 0x632BE59BD9B4E019UL));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Next()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>Uniform integer in [0, bound) without modulo bias (Lemire 2019).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint NextBelow(uint bound)
    {
        var product = (ulong)(uint)Next() * bound;
        var low = (uint)product;
        if (low < bound)
        {
            var threshold = (uint)-bound % bound;
            while (low < threshold)
            {
                product = (ulong)(uint)Next() * bound;
                low = (uint)product;
            }
        }
        return (uint)(product >> 32);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
