namespace Geo.Core.Statistics;

public static class SpatialWeightsSubset
{
    /// <summary>
    /// The weights among the kept units only, with links to dropped units removed (spdep's
    /// <c>subset.nb</c>). A unit whose neighbours were all dropped becomes an island, and is listed as one.
    /// </summary>
    public static SpatialWeights Subset(this SpatialWeights weights, IReadOnlyList<int> keep)
    {
        var newIndex = new int[weights.Count];
        Array.Fill(newIndex, -1);
        for (var k = 0; k < keep.Count; k++) newIndex[keep[k]] = k;

        var ids = keep.Select(i => weights.Ids[i]).ToList();
        var lists = new List<IReadOnlyList<int>>(keep.Count);
        foreach (var i in keep)
        {
            var list = new List<int>();
            foreach (var j in weights.NeighboursOf(i))
            {
                if (newIndex[j] >= 0 && j != i) list.Add(newIndex[j]);
            }
            lists.Add(list);
        }
        return SpatialWeights.FromNeighbours(ids, lists).WithStyle(weights.Style);
    }
}
