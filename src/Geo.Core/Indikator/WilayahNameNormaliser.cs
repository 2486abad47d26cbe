using System.Globalization;
using System.Text;

namespace Geo.Core.Indikator;

/// <summary>Normal forms of place names, so that "Kel. Ganjaragung" and "GANJAR AGUNG" can meet.</summary>
public static class WilayahNameNormaliser
{
    // Longest first, so that "kelurahan" is removed rather than "kel" leaving "urahan".
    private static readonly string[] Prefixes =
    [
        "desa/kelurahan", "kelurahan", "kel.", "kel", "desa", "ds.", "ds", "kampung", "kp.", "gampong", "nagari",
        "kecamatan", "kec.", "kec", "puskesmas", "pkm.", "pkm",
    ];

    /// <summary>Lower case, accents and punctuation other than word separators folded, single spaces, administrative prefix removed.</summary>
    public static string Normalise(string? name)
    {
        var text = FoldAccents((name ?? "").Trim().ToLowerInvariant());
        text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        foreach (var prefix in Prefixes)
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal) && text.Length > prefix.Length
                && (prefix.EndsWith('.') || text[prefix.Length] is ' ' or '.'))
            {
                text = text[prefix.Length..].TrimStart(' ', '.');
                break;
            }
        }
        return text;
    }

    /// <summary>The normal form without spaces and punctuation: "ganjar agung" and "ganjaragung" are one.</summary>
    public static string Compact(string normalised) => string.Concat(normalised.Where(char.IsLetterOrDigit));

    public static IReadOnlyList<string> Words(string normalised) =>
        normalised.Split([' ', '-', '.', ',', '/', '(', ')'], StringSplitOptions.RemoveEmptyEntries);

    public static int EditDistance(string a, string b)
    {
        if (a.Length < b.Length) (a, b) = (b, a);
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    private static string FoldAccents(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) builder.Append(c);
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
