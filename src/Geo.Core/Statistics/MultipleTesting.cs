namespace Geo.Core.Statistics;

public static class MultipleTesting
{
    /// <summary>
    /// Benjamini-Hochberg adjusted p-values (R's p.adjust(p, "BH")): q_(i) = min over j &gt;= i of
    /// m p_(j) / j, capped at 1, so that q &lt;= alpha marks the discoveries at false discovery rate
    /// alpha. NaN entries (islands) are left out of m and stay NaN.
    /// </summary>
    public static double[] BenjaminiHochberg(IReadOnlyList<double> p)
    {
        var q = new double[p.Count];
        var order = Enumerable.Range(0, p.Count).Where(i => !double.IsNaN(p[i])).OrderBy(i => p[i]).ToArray();
        var m = order.Length;
        var running = 1.0;
        for (var rank = m; rank >= 1; rank--)
        {
            var i = order[rank - 1];
            running = Math.Min(running, p[i] * m / rank);
            q[i] = running;
        }
        for (var i = 0; i < q.Length; i++)
        {
            if (double.IsNaN(p[i])) q[i] = double.NaN;
        }
        return q;
    }
}
