namespace Geo.Core.Statistics;

/// <summary>
/// Conditional randomisation for local statistics (Anselin 1995): unit i keeps its own value and,
/// in each of R permutations, its k_i neighbour weights are laid on k_i values drawn without
/// replacement from the n-1 other units. The permuted statistic is slope_i * sum_m w_im v_draw(m)
/// + offset_i, compared with the observed one.
///
/// The pseudo p-value is esda's folded one: with M = number of permuted statistics &gt;= the observed
/// one, M is replaced by R - M when that is smaller, and p = (M + 1) / (R + 1). It is thus a
/// one-sided p in the direction the observed statistic lies (at most 0.5 + 1/(R+1)), not doubled.
///
/// Draws for up to 24 neighbours redraw repeats; for more, a partial Fisher-Yates shuffle of a
/// per-thread index array, undone after each permutation, keeps the cost O(k) whatever n. Nothing
/// is allocated in the loop. Each unit
/// has its own random stream keyed by (seed, unit), so results do not depend on the thread count.
/// </summary>
internal static class ConditionalPermutation
{
    /// <summary>Per unit: folded pseudo p, and mean and standard deviation of the permuted statistic (NaN for an island).</summary>
    public sealed record Result(double[] PseudoP, double[] Mean, double[] StandardDeviation);

    /// <param name="weights">weights without self: the self term belongs in <paramref name="offset"/></param>
    public static Result Run(
        SpatialWeights weights, double[] values, double[] slope, double[] offset, double[] observed, PermutationOptions options)
    {
        if (weights.SelfIncluded) throw new ArgumentException("conditional permutation draws neighbours other than self", nameof(weights));
        var n = weights.Count;
        var r = options.Permutations;
        var result = new double[n];
        var mean = new double[n];
        var sd = new double[n];
        var offsets = weights.Offsets;
        var w = weights.Weights;

        Parallel.For(0, n, options.Parallel,
            () => CreateIdentity(n - 1),
            (i, _, pool) =>
            {
                var k = offsets[i + 1] - offsets[i];
                if (k == 0)
                {
                    result[i] = mean[i] = sd[i] = double.NaN;
                    return pool;
                }
                if (k > n - 1) throw new InvalidOperationException($"unit {i} has more neighbours than there are other units");
                var rng = new RandomStream(options.Seed, (ulong)i);
                var wi = w.AsSpan(offsets[i], k);
                var a = slope[i];
                var b = offset[i];
                var obs = observed[i];
                var span = (uint)(n - 1);
                Span<int> drawn = k <= 512 ? stackalloc int[k] : new int[k];
                var atLeast = 0;
                double total = 0, totalSquares = 0;
                for (var p = 0; p < r; p++)
                {
                    var sum = k <= SmallK
                        ? SumByRejection(ref rng, drawn, wi, values, span, i)
                        : SumByPartialShuffle(ref rng, drawn, pool, wi, values, span, i);
                    var statistic = a * sum + b;
                    if (statistic >= obs) atLeast++;
                    total += statistic;
                    totalSquares += statistic * statistic;
                }
                result[i] = Folded(atLeast, r);
                mean[i] = total / r;
                sd[i] = Math.Sqrt(Math.Max(0.0, (totalSquares - total * total / r) / (r - 1)));
                return pool;
            },
            _ => { });
        return new Result(result, mean, sd);
    }

    /// <summary>esda's folding: count the smaller tail, then (M + 1) / (R + 1).</summary>
    internal static double Folded(int atLeast, int permutations)
    {
        var m = Math.Min(atLeast, permutations - atLeast);
        return (m + 1.0) / (permutations + 1.0);
    }

    /// <summary>
    /// Up to this many neighbours, a draw that repeats an earlier one of the same permutation is
    /// simply redrawn (k^2/2 comparisons, no memory traffic); beyond it, the partial shuffle wins.
    /// </summary>
    private const int SmallK = 24;

    /// <summary>k distinct draws from 0..n-2 by redrawing repeats; index i itself is skipped.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static double SumByRejection(ref RandomStream rng, Span<int> drawn, ReadOnlySpan<double> wi, double[] values, uint span, int i)
    {
        var sum = 0.0;
        for (var m = 0; m < drawn.Length; m++)
        {
            int candidate;
            do
            {
                candidate = (int)rng.NextBelow(span);
            }
            while (drawn[..m].Contains(candidate));
            drawn[m] = candidate;
            sum += wi[m] * values[candidate >= i ? candidate + 1 : candidate];
        }
        return sum;
    }

    /// <summary>k distinct draws as the first k of a partial Fisher-Yates shuffle of the pool, undone afterwards.</summary>
    private static double SumByPartialShuffle(ref RandomStream rng, Span<int> swaps, int[] pool, ReadOnlySpan<double> wi, double[] values, uint span, int i)
    {
        var k = swaps.Length;
        var sum = 0.0;
        for (var m = 0; m < k; m++)
        {
            var t = m + (int)rng.NextBelow(span - (uint)m);
            swaps[m] = t;
            var drawn = pool[t];
            pool[t] = pool[m];
            pool[m] = drawn;
            sum += wi[m] * values[drawn >= i ? drawn + 1 : drawn];
        }
        for (var m = k - 1; m >= 0; m--)
        {
            var t = swaps[m];
            (pool[t], pool[m]) = (pool[m], pool[t]);
        }
        return sum;
    }

    private static int[] CreateIdentity(int size)
    {
        var pool = new int[size];
        for (var i = 0; i < size; i++) pool[i] = i;
        return pool;
    }
}
