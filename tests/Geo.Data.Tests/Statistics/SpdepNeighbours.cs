using System.Text.Json;
using Geo.Data.Tests.Support;

namespace Geo.Data.Tests.Statistics;

/// <summary>spdep's neighbour lists from tests/data/spdep (see tests/reference/spdep/make-fixtures.R), keyed by kode.</summary>
public static class SpdepNeighbours
{
    public static Dictionary<string, SortedSet<string>> Load(string fixture)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(DataFiles.TestData(Path.Combine("spdep", fixture + ".json"))));
        var ids = doc.RootElement.GetProperty("ids").EnumerateArray().Select(e => e.GetString()!).ToArray();
        var lists = doc.RootElement.GetProperty("neighbours").EnumerateArray()
            // jsonlite writes a one-element list as a bare number
            .Select(e => e.ValueKind == JsonValueKind.Array ? e.EnumerateArray().Select(v => v.GetInt32()).ToArray() : [e.GetInt32()])
            .ToArray();
        return ids.Select((id, i) => (id, set: new SortedSet<string>(lists[i].Select(j => ids[j]), StringComparer.Ordinal)))
            .ToDictionary(p => p.id, p => p.set, StringComparer.Ordinal);
    }

    public static Dictionary<string, SortedSet<string>> Of(Geo.Core.Statistics.SpatialWeights w) =>
        Enumerable.Range(0, w.Count).ToDictionary(
            i => w.Ids[i],
            i => new SortedSet<string>(w.NeighboursOf(i).ToArray().Select(j => w.Ids[j]), StringComparer.Ordinal),
            StringComparer.Ordinal);

    /// <summary>Units whose lists differ, as "kode: ours=... spdep=..." lines, for a readable failure.</summary>
    public static List<string> Differences(Dictionary<string, SortedSet<string>> ours, Dictionary<string, SortedSet<string>> spdep)
    {
        var lines = new List<string>();
        foreach (var kode in ours.Keys.Union(spdep.Keys).Order(StringComparer.Ordinal))
        {
            var a = ours.GetValueOrDefault(kode) ?? [];
            var b = spdep.GetValueOrDefault(kode) ?? [];
            if (!a.SetEquals(b)) lines.Add($"{kode}: ours=[{string.Join(",", a)}] spdep=[{string.Join(",", b)}]");
        }
        return lines;
    }
}
