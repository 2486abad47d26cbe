using Geo.Core.Text;
using System.Globalization;

namespace Geo.Core.Indikator;

/// <summary>
/// Numbers as spreadsheets and regulations print them: decimal comma or point, thousand
/// separators (point, comma, space), a trailing percent sign, and dashes for "no data".
/// A file uses one decimal separator throughout; <see cref="DetectDecimal"/> finds it, and a cell
/// that only makes sense with the other one is refused rather than guessed. Only finite numbers
/// come out: NaN, infinities and numbers past the range of a double are refused with their reason.
/// </summary>
public static class NumberParser
{
    public enum Outcome
    {
        Number,
        Empty,
        Unreadable,

        /// <summary>A number, but not a finite one: NaN, infinity, or too large for a double.</summary>
        NotFinite,
    }

    private static readonly string[] EmptyMarkers = ["", "-", "–", "—", "n/a", "na", "#n/a", "tad", "t.a.d"];

    /// <summary>How spreadsheets, programming languages and people write the non-finite values.</summary>
    private static readonly string[] NonFiniteWords = ["nan", "inf", "infinity", "∞", "#num!", "#div/0!"];

    /// <summary>Why a cell gave no number, for a rejection; null for <see cref="Outcome.Number"/> and <see cref="Outcome.Empty"/>.</summary>
    public static string? Reason(Outcome outcome, string? text) => outcome switch
    {
        Outcome.Unreadable => $"angka '{Shorten(text)}' tidak terbaca",
        Outcome.NotFinite => $"angka '{Shorten(text)}' bukan bilangan terhingga (NaN, tak hingga, atau terlalu besar)",
        _ => null,
    };

    private static string Shorten(string? text) => UserText.Shorten(text?.Trim());

    public static Outcome TryParse(string? text, DecimalSeparator pemisah, out double value)
    {
        value = 0;
        var s = (text ?? "").Trim().Replace('\u00A0', ' ').Replace('\u202F', ' ');
        if (EmptyMarkers.Contains(s.ToLowerInvariant())) return Outcome.Empty;
        if (s.EndsWith('%')) s = s[..^1].TrimEnd();
        var negative = false;
        if (s.StartsWith('-') || s.StartsWith('−'))
        {
            negative = true;
            s = s[1..].TrimStart();
        }
        var unsigned = s.StartsWith('+') ? s[1..].TrimStart() : s;
        if (NonFiniteWords.Contains(unsigned.ToLowerInvariant()) || IsOverflowingExponent(unsigned)) return Outcome.NotFinite;
        if (s.Length == 0 || !s.All(c => char.IsAsciiDigit(c) || c is '.' or ',' or ' ')) return Outcome.Unreadable;

        var (decimalChar, groupChar) = pemisah == DecimalSeparator.Comma ? (',', '.') : ('.', ',');
        var decimalAt = s.LastIndexOf(decimalChar);
        if (s.IndexOf(decimalChar) != decimalAt) return Outcome.Unreadable;
        var integerPart = decimalAt >= 0 ? s[..decimalAt] : s;
        var fraction = decimalAt >= 0 ? s[(decimalAt + 1)..] : "";
        if (decimalAt >= 0 && (fraction.Length == 0 || !fraction.All(char.IsAsciiDigit))) return Outcome.Unreadable;
        if (!TryStripGroups(integerPart, groupChar, out var digits)) return Outcome.Unreadable;

        value = double.Parse(digits + (fraction.Length > 0 ? "." + fraction : ""), CultureInfo.InvariantCulture);
        if (negative) value = -value;
        if (!double.IsFinite(value))
        {
            value = 0;
            return Outcome.NotFinite;
        }
        return Outcome.Number;
    }

    /// <summary>
    /// Scientific notation (1e5, 1,5E+3) is not how tables print counts and stays unreadable, but
    /// one past the range of a double (1e999) is named for what it is.
    /// </summary>
    private static bool IsOverflowingExponent(string s) =>
        s.IndexOfAny(['e', 'E']) > 0
        && double.TryParse(s.Replace(',', '.'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var v)
        && !double.IsFinite(v);

    /// <summary>
    /// Digits, possibly grouped by threes with the group separator or spaces. "12.34" with a point
    /// group separator is not a grouping and is refused.
    /// </summary>
    private static bool TryStripGroups(string integerPart, char groupChar, out string digits)
    {
        digits = "";
        if (integerPart.Length == 0) return false;
        if (integerPart.All(char.IsAsciiDigit))
        {
            digits = integerPart;
            return true;
        }
        var groups = integerPart.Split(integerPart.Contains(groupChar) ? groupChar : ' ');
        if (integerPart.Contains(groupChar) && integerPart.Contains(' ')) return false;
        if (groups[0].Length is < 1 or > 3 || groups.Skip(1).Any(g => g.Length != 3) || !groups.All(g => g.All(char.IsAsciiDigit)))
        {
            return false;
        }
        digits = string.Concat(groups);
        return true;
    }

    /// <summary>
    /// The decimal separator of a set of cells: a comma followed by other than three digits (7,41)
    /// can only be decimal, likewise a point (7.41). When no cell decides, comma is assumed, as
    /// Indonesian sources write; when cells disagree, the majority wins and the others will fail to parse.
    /// </summary>
    public static DecimalSeparator DetectDecimal(IEnumerable<string?> cells)
    {
        int comma = 0, point = 0;
        foreach (var raw in cells)
        {
            var s = (raw ?? "").Trim().TrimEnd('%').TrimEnd();
            var lastComma = s.LastIndexOf(',');
            var lastPoint = s.LastIndexOf('.');
            if (lastComma >= 0 && lastPoint >= 0)
            {
                if (lastComma > lastPoint) comma++;
                else point++;
            }
            else if (lastComma >= 0 && IsDecimalTail(s, lastComma)) comma++;
            else if (lastPoint >= 0 && IsDecimalTail(s, lastPoint)) point++;
        }
        return point > comma ? DecimalSeparator.Point : DecimalSeparator.Comma;
    }

    private static bool IsDecimalTail(string s, int at)
    {
        var tail = s[(at + 1)..];
        return tail.Length != 3 && tail.Length > 0 && tail.All(char.IsAsciiDigit) && at > 0 && char.IsAsciiDigit(s[at - 1]);
    }
}
