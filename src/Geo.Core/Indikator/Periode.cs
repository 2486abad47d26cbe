using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Geo.Core.Indikator;

/// <summary>
/// The period of a value: a year (<c>2024</c>), a month (<c>2024-08</c>, the February and August
/// weighing months of e-PPGBM) or a semester (<c>2024-S1</c>). The text form is what is stored.
/// </summary>
public readonly partial record struct Periode
{
    public string Value { get; }
    public int Tahun { get; }

    private Periode(string value, int tahun)
    {
        Value = value;
        Tahun = tahun;
    }

    public static Periode Parse(string text) =>
        TryParse(text, out var periode, out var error) ? periode : throw new FormatException(error);

    public static bool TryParse(string? text, out Periode periode, [NotNullWhen(false)] out string? error)
    {
        periode = default;
        var trimmed = (text ?? "").Trim().ToUpperInvariant();
        var match = Pattern().Match(trimmed);
        if (!match.Success)
        {
            error = $"periode '{text}' tidak dikenal: tulis tahun (2024), bulan (2024-08) atau semester (2024-S1)";
            return false;
        }
        var tahun = int.Parse(match.Groups["tahun"].Value);
        if (tahun is < 1990 or > 2100)
        {
            error = $"tahun periode '{text}' di luar 1990-2100";
            return false;
        }
        periode = new Periode(trimmed, tahun);
        error = null;
        return true;
    }

    public override string ToString() => Value;

    /// <summary>
    /// The period's start as a decimal year, for slopes per year: a month m is Tahun + (m - 1)/12
    /// (2024-08 is 2024.583), a semester S2 is Tahun + 0.5, a year is Tahun.
    /// </summary>
    public double TahunDesimal => Value.Length switch
    {
        4 => Tahun,
        _ when Value[5] == 'S' => Value[6] == '2' ? Tahun + 0.5 : Tahun,
        _ => Tahun + (int.Parse(Value.AsSpan(5, 2), provider: System.Globalization.CultureInfo.InvariantCulture) - 1) / 12.0,
    };

    [GeneratedRegex(@"^(?<tahun>[0-9]{4})(-(0[1-9]|1[0-2]|S[12]))?$")]
    private static partial Regex Pattern();
}
