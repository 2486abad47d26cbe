namespace Geo.Core.Statistics;

public sealed record EmergingHotSpotOptions
{
    /// <summary>
    /// Earlier periods in a bin's neighbourhood (ArcGIS's neighbourhood time step): 1 puts a desa's
    /// neighbours of this period and the one before in its space-time neighbourhood.
    /// </summary>
    public int TimeWindow { get; init; } = 1;

    /// <summary>Conditional permutations for each bin's pseudo p; 0 judges bins on the normal p of Gi*.</summary>
    public PermutationOptions Permutations { get; init; } = new();

    /// <summary>Significance of a bin (hot or cold spot) and of the Mann-Kendall trend of its z-series.</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>Judge bins on Benjamini-Hochberg adjusted p over all bins (ArcGIS applies FDR correction).</summary>
    public bool FalseDiscoveryRate { get; init; }
}

/// <summary>Space-time Gi* for every desa and period, its trend, and the desa's pattern.</summary>
public sealed record EmergingHotSpotResult
{
    /// <summary>Gi* z of bin (period t, unit i) at [t][i].</summary>
    public required double[][] Z { get; init; }

    /// <summary>The p each bin was judged on (pseudo p when permuted, else normal; BH-adjusted when FDR is on).</summary>
    public required double[][] P { get; init; }

    /// <summary>+1 significant hot spot, -1 significant cold spot, 0 neither, per [t][i].</summary>
    public required int[][] Spot { get; init; }

    /// <summary>Mann-Kendall on each unit's z-series.</summary>
    public required MannKendallResult[] Trend { get; init; }

    /// <summary>Each unit's pattern, one of <see cref="EmergingPattern.All"/>.</summary>
    public required string[] Pattern { get; init; }
}

/// <summary>The patterns of ArcGIS Pro's Emerging Hot Spot Analysis, named in Indonesian as outputs show them.</summary>
public static class EmergingPattern
{
    public const string None = "tanpa_pola";

    public static string Hot(string kind) => "titik_panas_" + kind;

    public static string Cold(string kind) => "titik_dingin_" + kind;

    /// <summary>ArcGIS's new, consecutive, intensifying, persistent, diminishing, sporadic, oscillating, historical.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["baru", "berturut", "menguat", "menetap", "melemah", "sporadis", "berosilasi", "historis"];

    public static readonly IReadOnlyList<string> All = [.. Kinds.Select(Hot), .. Kinds.Select(Cold), None];
}

/// <summary>
/// Emerging hot spot analysis as ArcGIS Pro describes it ("How Emerging Hot Spot Analysis works"):
/// Gi* on every space-time bin with the neighbourhood "spatial neighbours and self, in this period
/// and the <see cref="EmergingHotSpotOptions.TimeWindow"/> before it", binary weights, mean and
/// variance over all bins (spdep's localG on that neighbour list with include.self); then Mann-Kendall
/// on each desa's z-series; then the pattern from ArcGIS's definitions, with 90% as their share:
/// <list type="bullet">
/// <item>new: hot in the final period and never before;</item>
/// <item>consecutive: a single uninterrupted run of at least two hot periods at the end, never hot before it, under 90% hot;</item>
/// <item>intensifying / diminishing: hot in at least 90% of periods including the final, z rising / falling significantly (Mann-Kendall p &lt; alpha);</item>
/// <item>persistent: hot in at least 90% of periods including the final, no significant trend;</item>
/// <item>sporadic: hot in the final period, on and off before, under 90% hot, never cold;</item>
/// <item>oscillating: hot in the final period, cold in some earlier one, under 90% hot;</item>
/// <item>historical: not hot in the final period, but hot in at least 90% of them;</item>
/// <item>and the same for cold spots with the trend's sign reversed (intensifying cold: z falling).</item>
/// </list>
/// Where ArcGIS's wording lets two patterns hold, the choice here: any cold history makes a final
/// hot spot oscillating (before new or consecutive), and persistent needs the final period hot (a
/// desa hot in ≥ 90% but not at the end is historical). With 8 periods "90%" means all 8, so a
/// historical pattern needs at least 10 periods.
/// </summary>
public static class EmergingHotSpots
{
    public const double Share = 0.9;

    /// <summary>The binary space-time neighbour lists over bins t·n + i (self not included; Gi* adds it).</summary>
    public static SpatialWeights SpaceTimeWeights(SpatialWeights spatial, IReadOnlyList<string> periods, int window)
    {
        if (window < 0) throw new ArgumentOutOfRangeException(nameof(window), "jendela waktu harus 0 atau lebih");
        var n = spatial.Count;
        var ids = new string[n * periods.Count];
        for (var t = 0; t < periods.Count; t++)
        {
            for (var i = 0; i < n; i++) ids[t * n + i] = spatial.Ids[i] + "@" + periods[t];
        }
        var edges = new List<(int, int)>();
        for (var t = 0; t < periods.Count; t++)
        {
            for (var i = 0; i < n; i++)
            {
                var bin = t * n + i;
                for (var s = Math.Max(0, t - window); s <= t; s++)
                {
                    if (s < t) edges.Add((bin, s * n + i));
                    foreach (var j in spatial.NeighboursOf(i)) edges.Add((bin, s * n + j));
                }
            }
        }
        return SpatialWeights.FromEdges(ids, edges);
    }

    /// <param name="values">values[t][i]: every unit in every period, in the order of <paramref name="spatial"/>.</param>
    public static EmergingHotSpotResult Compute(IReadOnlyList<IReadOnlyList<double>> values, SpatialWeights spatial, IReadOnlyList<string> periods, EmergingHotSpotOptions? options = null)
    {
        options ??= new EmergingHotSpotOptions();
        var n = spatial.Count;
        var periodCount = values.Count;
        if (periods.Count != periodCount) throw new ArgumentException($"{periods.Count} nama periode untuk {periodCount} periode", nameof(periods));
        if (periodCount < 2) throw new ArgumentException("titik panas yang muncul memerlukan paling sedikit 2 periode", nameof(values));
        var flat = new double[n * periodCount];
        for (var t = 0; t < periodCount; t++)
        {
            if (values[t].Count != n) throw new ArgumentException($"periode {periods[t]}: {values[t].Count} nilai untuk {n} unit", nameof(values));
            for (var i = 0; i < n; i++)
            {
                var v = values[t][i];
                if (!double.IsFinite(v)) throw new ArgumentException($"periode {periods[t]}, unit {spatial.Ids[i]}: nilai kosong", nameof(values));
                flat[t * n + i] = v;
            }
        }

        var weights = SpaceTimeWeights(spatial, periods, options.TimeWindow);
        var gi = GetisOrdGiStar.Compute(flat, weights, new GetisOrdOptions { Permutations = options.Permutations });
        var judged = gi.PseudoP ?? gi.P;
        if (options.FalseDiscoveryRate) judged = MultipleTesting.BenjaminiHochberg(judged);

        var z = new double[periodCount][];
        var p = new double[periodCount][];
        var spot = new int[periodCount][];
        for (var t = 0; t < periodCount; t++)
        {
            z[t] = new double[n];
            p[t] = new double[n];
            spot[t] = new int[n];
            for (var i = 0; i < n; i++)
            {
                var b = t * n + i;
                z[t][i] = gi.Z[b];
                p[t][i] = judged[b];
                spot[t][i] = judged[b] <= options.Alpha && double.IsFinite(gi.Z[b]) ? Math.Sign(gi.Z[b]) : 0;
            }
        }

        var trend = new MannKendallResult[n];
        var pattern = new string[n];
        var spots = new int[periodCount];
        for (var i = 0; i < n; i++)
        {
            var series = new List<double>(periodCount);
            for (var t = 0; t < periodCount; t++)
            {
                // a bin whose neighbourhood is every bin has z = NaN: left out of the trend
                if (!double.IsNaN(z[t][i])) series.Add(z[t][i]);
                spots[t] = spot[t][i];
            }
            trend[i] = MannKendall.Compute(series);
            pattern[i] = Classify(spots, trend[i], options.Alpha);
        }
        return new EmergingHotSpotResult { Z = z, P = p, Spot = spot, Trend = trend, Pattern = pattern };
    }

    /// <summary>The pattern of one desa from its significant spots (+1 hot, -1 cold, 0) in time order and the trend of its z.</summary>
    public static string Classify(IReadOnlyList<int> spots, MannKendallResult trend, double alpha)
    {
        var rising = trend.P < alpha && trend.S > 0;
        var falling = trend.P < alpha && trend.S < 0;
        return ClassifySide(spots, +1, rising, falling, EmergingPattern.Hot)
            ?? ClassifySide(spots, -1, falling, rising, EmergingPattern.Cold)
            ?? EmergingPattern.None;
    }

    /// <param name="intensifying">The trend that strengthens this side (z rising for hot, falling for cold).</param>
    private static string? ClassifySide(IReadOnlyList<int> spots, int side, bool intensifying, bool diminishing, Func<string, string> name)
    {
        var n = spots.Count;
        var count = spots.Count(s => s == side);
        var opposite = spots.Count(s => s == -side);
        var mostly = count >= Share * n;
        if (spots[n - 1] != side) return mostly ? name("historis") : null;
        if (mostly) return name(intensifying ? "menguat" : diminishing ? "melemah" : "menetap");
        if (opposite > 0) return name("berosilasi");
        if (count == 1) return name("baru");
        var run = 0;
        for (var t = n - 1; t >= 0 && spots[t] == side; t--) run++;
        return run == count ? name("berturut") : name("sporadis");
    }
}
