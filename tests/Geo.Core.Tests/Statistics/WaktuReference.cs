using System.Text.Json;

namespace Geo.Core.Tests.Statistics;

/// <summary>
/// The reference files written by the scripts in tests/reference/waktu (R, run by hand; the tests
/// read only the JSON they leave in tests/data/waktu).
/// </summary>
internal static class WaktuReference
{
    public static JsonElement Load(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory(), name + ".json")));
        return doc.RootElement.Clone();
    }

    /// <summary>jsonlite writes NaN and Inf as strings.</summary>
    public static double Number(this JsonElement e) =>
        e.ValueKind == JsonValueKind.String ? double.Parse(e.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : e.GetDouble();

    public static double Number(this JsonElement e, string property) => e.GetProperty(property).Number();

    public static double[] Numbers(this JsonElement e, string property)
    {
        var p = e.GetProperty(property);
        return p.ValueKind == JsonValueKind.Array ? p.EnumerateArray().Select(Number).ToArray() : [p.Number()];
    }

    private static string Directory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Geo.sln"))) return Path.Combine(dir.FullName, "tests", "data", "waktu");
        }
        throw new InvalidOperationException("Geo.sln not found above the test binaries");
    }
}
