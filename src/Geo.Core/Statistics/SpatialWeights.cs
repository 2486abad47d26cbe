namespace Geo.Core.Statistics;

/// <summary>
/// Neighbour lists of n units in compressed rows (CSR), with binary or row-standardised weights.
/// Lists are sorted and free of duplicates, as spdep's nb objects. Units without neighbours
/// (islands: common in Indonesia) stay in the set and are listed in <see cref="Islands"/>; each
/// statistic documents what it returns for them, never dropping them silently.
/// </summary>
public sealed class SpatialWeights
{
    internal readonly int[] Offsets;
    internal readonly int[] Neighbours;
    internal readonly double[] Weights;

    private SpatialWeights(IReadOnlyList<string> ids, int[] offsets, int[] neighbours, WeightsStyle style, bool selfIncluded)
    {
        Ids = ids;
        Offsets = offsets;
        Neighbours = neighbours;
        Style = style;
        SelfIncluded = selfIncluded;
        Weights = new double[neighbours.Length];
        var islands = new List<int>();
        for (var i = 0; i < Count; i++)
        {
            var k = offsets[i + 1] - offsets[i];
            if (k == 0) islands.Add(i);
            var w = style == WeightsStyle.Binary ? 1.0 : 1.0 / k;
            Array.Fill(Weights, w, offsets[i], k);
        }
        Islands = islands;
    }

    public int Count => Offsets.Length - 1;

    public IReadOnlyList<string> Ids { get; }

    public WeightsStyle Style { get; }

    /// <summary>True when every unit is its own neighbour (spdep include.self, for Gi*).</summary>
    public bool SelfIncluded { get; }

    /// <summary>Indices of units with no neighbour, ascending.</summary>
    public IReadOnlyList<int> Islands { get; }

    public int LinkCount => Neighbours.Length;

    public int Cardinality(int i) => Offsets[i + 1] - Offsets[i];

    public ReadOnlySpan<int> NeighboursOf(int i) => Neighbours.AsSpan(Offsets[i], Cardinality(i));

    public ReadOnlySpan<double> WeightsOf(int i) => Weights.AsSpan(Offsets[i], Cardinality(i));

    /// <summary>The weight w_ij, or 0 when j is not a neighbour of i.</summary>
    public double Weight(int i, int j)
    {
        var at = NeighboursOf(i).BinarySearch(j);
        return at >= 0 ? Weights[Offsets[i] + at] : 0.0;
    }

    public bool IsSymmetric
    {
        get
        {
            for (var i = 0; i < Count; i++)
            {
                foreach (var j in NeighboursOf(i))
                {
                    if (NeighboursOf(j).BinarySearch(i) < 0) return false;
                }
            }
            return true;
        }
    }

    /// <summary>Binary weights from neighbour lists given by index into <paramref name="ids"/>.</summary>
    public static SpatialWeights FromNeighbours(IReadOnlyList<string> ids, IReadOnlyList<IReadOnlyList<int>> neighbours)
    {
        if (ids.Count != neighbours.Count) throw new ArgumentException("one neighbour list per id is required", nameof(neighbours));
        var edges = new List<(int, int)>();
        for (var i = 0; i < neighbours.Count; i++)
        {
            foreach (var j in neighbours[i]) edges.Add((i, j));
        }
        return FromEdges(ids, edges);
    }

    /// <summary>
    /// Binary weights from directed edges (i, j): j is a neighbour of i. Give both directions for a
    /// symmetric relation such as contiguity. Repeated edges count once; a self edge is an error.
    /// </summary>
    public static SpatialWeights FromEdges(IReadOnlyList<string> ids, IEnumerable<(int From, int To)> edges)
    {
        var n = ids.Count;
        var lists = new List<int>[n];
        for (var i = 0; i < n; i++) lists[i] = [];
        foreach (var (from, to) in edges)
        {
            if ((uint)from >= (uint)n || (uint)to >= (uint)n) throw new ArgumentOutOfRangeException(nameof(edges), $"edge ({from}, {to}) outside 0..{n - 1}");
            if (from == to) throw new ArgumentException($"unit {ids[from]} is listed as its own neighbour; use WithSelf", nameof(edges));
            lists[from].Add(to);
        }
        var offsets = new int[n + 1];
        var all = new List<int>();
        for (var i = 0; i < n; i++)
        {
            lists[i].Sort();
            var previous = -1;
            foreach (var j in lists[i])
            {
                if (j == previous) continue;
                all.Add(j);
                previous = j;
            }
            offsets[i + 1] = all.Count;
        }
        return new SpatialWeights(ids, offsets, [.. all], WeightsStyle.Binary, selfIncluded: false);
    }

    public SpatialWeights WithStyle(WeightsStyle style) =>
        style == Style ? this : new SpatialWeights(Ids, Offsets, Neighbours, style, SelfIncluded);

    public SpatialWeights Binary() => WithStyle(WeightsStyle.Binary);

    public SpatialWeights RowStandardised() => WithStyle(WeightsStyle.RowStandardised);

    /// <summary>
    /// Every unit becomes its own neighbour (spdep include.self); the style is reapplied, so a
    /// row-standardised unit with k neighbours then weighs 1/(k+1) each, itself included. An island
    /// ends up with itself alone.
    /// </summary>
    public SpatialWeights WithSelf()
    {
        if (SelfIncluded) return this;
        var offsets = new int[Count + 1];
        var neighbours = new int[Neighbours.Length + Count];
        var at = 0;
        for (var i = 0; i < Count; i++)
        {
            var inserted = false;
            foreach (var j in NeighboursOf(i))
            {
                if (!inserted && j > i)
                {
                    neighbours[at++] = i;
                    inserted = true;
                }
                neighbours[at++] = j;
            }
            if (!inserted) neighbours[at++] = i;
            offsets[i + 1] = at;
        }
        return new SpatialWeights(Ids, offsets, neighbours, Style, selfIncluded: true);
    }

    /// <summary>The spatial lag sum_j w_ij v_j of every unit (0 for an island, as spdep's zero.policy).</summary>
    public double[] Lag(ReadOnlySpan<double> values)
    {
        if (values.Length != Count) throw new ArgumentException($"{values.Length} values for {Count} units", nameof(values));
        var lag = new double[Count];
        for (var i = 0; i < Count; i++)
        {
            var sum = 0.0;
            for (var p = Offsets[i]; p < Offsets[i + 1]; p++) sum += Weights[p] * values[Neighbours[p]];
            lag[i] = sum;
        }
        return lag;
    }
}
