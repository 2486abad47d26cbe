using System.Globalization;

namespace Geo.Core.Text;

/// <summary>
/// Numbers as Indonesian readers write them (decimal comma, dot for thousands). Built by hand
/// because the server runs in invariant-globalization mode, without ICU culture data.
/// </summary>
public static class IndonesianNumber
{
    public static readonly NumberFormatInfo Format = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = ".",
        PercentDecimalSeparator = ",",
        PercentGroupSeparator = ".",
        NegativeSign = "-",
    };

    public static string ToText(double value, string pattern = "#,0.##") => value.ToString(pattern, Format);
}
