namespace Geo.Core.Text;

/// <summary>What a person typed, echoed in a message: cut short so an overlong value cannot flood the reply.</summary>
public static class UserText
{
    public const int EchoLength = 40;

    public static string Shorten(string? text) =>
        text is null ? "" : text.Length <= EchoLength ? text : string.Concat(text.AsSpan(0, EchoLength), "…");
}
