using System.Text;
using System.Text.Json.Nodes;

namespace Geo.Data.Tests.Support;

/// <summary>The same FeatureCollection laid out as the tools that write them do.</summary>
public static class GeoJsonLayouts
{
    public static JsonObject Collection(string path) => JsonNode.Parse(File.ReadAllBytes(path))!.AsObject();

    /// <summary>
    /// As ogr2ogr writes GeoJSON: the opening brace and each member on a line of its own, one feature
    /// a line. The first line is not a feature, so the file is read as a document from there on, in chunks.
    /// </summary>
    public static byte[] FeaturePerLine(JsonObject collection, string? typeAfterFeatures = null)
    {
        var text = new StringBuilder("{\n");
        if (typeAfterFeatures is null) text.Append("\"type\": \"FeatureCollection\",\n");
        text.Append("\"name\": \"uji\",\n\"features\": [\n");
        text.AppendJoin(",\n", collection["features"]!.AsArray().Select(f => f!.ToJsonString()));
        text.Append("\n]");
        if (typeAfterFeatures is not null) text.Append(",\n\"type\": \"").Append(typeAfterFeatures).Append('"');
        text.Append("\n}\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
