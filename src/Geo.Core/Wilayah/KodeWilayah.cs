using System.Diagnostics.CodeAnalysis;

namespace Geo.Core.Wilayah;

/// <summary>
/// A Kepmendagri area code: <c>PP</c>, <c>PP.KK</c>, <c>PP.KK.CC</c> or <c>PP.KK.CC.DDDD</c>.
/// The level follows from the number of segments; a desa segment starting with 1 is a kelurahan,
/// with 2 a desa, with 3 a desa adat (Kepmendagri 2025 numbers the desa adat of Kabupaten
/// Jayapura 91.03.xx.3xxx).
/// </summary>
public readonly record struct KodeWilayah
{
    private static readonly int[] SegmentLengths = [2, 2, 2, 4];

    public string Value { get; }

    private KodeWilayah(string value) => Value = value;

    public Tingkat Tingkat => (Tingkat)(Value.Count(c => c == '.') + 1);

    public KodeWilayah? Induk => Tingkat == Tingkat.Provinsi ? null : new KodeWilayah(Value[..Value.LastIndexOf('.')]);

    /// <summary>For a desa-level code: true for kelurahan (1xxx), false for desa (2xxx, desa adat 3xxx); null above desa level.</summary>
    public bool? IsKelurahan => Tingkat == Tingkat.Desa ? Value[^4] == '1' : null;

    public bool IsWithin(KodeWilayah ancestor) =>
        Value == ancestor.Value || Value.StartsWith(ancestor.Value + ".", StringComparison.Ordinal);

    public static KodeWilayah Parse(string text) =>
        TryParse(text, out var kode, out var error) ? kode : throw new FormatException(error);

    /// <summary>
    /// Accepts the dotted form, and also the undotted digit strings that spreadsheets and BPS-style
    /// files carry (2, 4, 6 or 10 digits), normalising them to the dotted form.
    /// </summary>
    public static bool TryParse(string? text, out KodeWilayah kode, [NotNullWhen(false)] out string? error)
    {
        kode = default;
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            error = "kode kosong";
            return false;
        }

        var segments = trimmed.Contains('.') ? trimmed.Split('.') : SplitUndotted(trimmed);
        if (segments is null || segments.Length > SegmentLengths.Length)
        {
            error = $"kode '{trimmed}' bukan kode Kepmendagri (PP, PP.KK, PP.KK.CC atau PP.KK.CC.DDDD)";
            return false;
        }

        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i].Length != SegmentLengths[i] || !segments[i].All(char.IsAsciiDigit))
            {
                error = $"kode '{trimmed}' bukan kode Kepmendagri (PP, PP.KK, PP.KK.CC atau PP.KK.CC.DDDD)";
                return false;
            }
        }

        if (segments.Length == 4 && segments[3][0] is not ('1' or '2' or '3'))
        {
            error = $"kode desa/kelurahan '{trimmed}' harus diawali 1 (kelurahan), 2 (desa) atau 3 (desa adat) pada segmen terakhir";
            return false;
        }

        kode = new KodeWilayah(string.Join('.', segments));
        error = null;
        return true;
    }

    private static string[]? SplitUndotted(string digits)
    {
        if (!digits.All(char.IsAsciiDigit)) return null;
        return digits.Length switch
        {
            2 => [digits],
            4 => [digits[..2], digits[2..4]],
            6 => [digits[..2], digits[2..4], digits[4..6]],
            10 => [digits[..2], digits[2..4], digits[4..6], digits[6..10]],
            _ => null,
        };
    }

    public override string ToString() => Value;
}
