using System.Text.Json;
using Geo.Core.Statistics;

namespace Geo.Core.Tests.Statistics;

/// <summary>
/// One reference case written by tests/reference/spdep/make-fixtures.R: real boundaries, synthetic
/// values, spdep's neighbour lists and spdep's results on them.
/// </summary>
public sealed class SpdepFixture
{
    private readonly JsonElement _root;

    private SpdepFixture(string name, JsonElement root)
    {
        Name = name;
        _root = root;
        Ids = root.GetProperty("ids").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Neighbours = root.GetProperty("neighbours").EnumerateArray().Select(IntArray).ToArray();
        X = Numbers("x");
        Events = Numbers("events");
        Population = Numbers("population");
    }

    public string Name { get; }
    public string[] Ids { get; }
    public int[][] Neighbours { get; }
    public double[] X { get; }
    public double[] Events { get; }
    public double[] Population { get; }

    public SpatialWeights Weights => SpatialWeights.FromNeighbours(Ids, Neighbours);

    public static IEnumerable<string> Cases => Directory.GetFiles(FixtureDirectory(), "*.json").Select(Path.GetFileNameWithoutExtension).Order()!;

    public static SpdepFixture Load(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(FixtureDirectory(), name + ".json")));
        return new SpdepFixture(name, doc.RootElement.Clone());
    }

    public double Scalar(string group, string field) => Number(_root.GetProperty(group).GetProperty(field));

    /// <summary>A numeric array at a path such as "localMoranW", "Ii" or just "localGStarB".</summary>
    public double[] Numbers(params string[] path)
    {
        var e = _root;
        foreach (var p in path) e = e.GetProperty(p);
        return e.EnumerateArray().Select(Number).ToArray();
    }

    public bool Has(string property) => _root.TryGetProperty(property, out _);

    // jsonlite writes NaN as the string "NaN" and unboxes one-element vectors to scalars
    private static double Number(JsonElement e) => e.ValueKind == JsonValueKind.String ? double.Parse(e.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : e.GetDouble();

    private static int[] IntArray(JsonElement e) =>
        e.ValueKind == JsonValueKind.Array ? e.EnumerateArray().Select(v => v.GetInt32()).ToArray() : [e.GetInt32()];

    private static string FixtureDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Geo.sln"))) return Path.Combine(dir.FullName, "tests", "data", "spdep");
        }
        throw new InvalidOperationException("Geo.sln not found above the test binaries");
    }
}
