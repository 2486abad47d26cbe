using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Geo.Core.Indikator;

namespace Geo.Core.Tests.Properties;

public sealed class NumberParserProperties
{
    /// <summary>Text made of what numbers (and their non-finite spellings) are written with, so the parser's edges are hit often.</summary>
    private static Arbitrary<string> NumberLikeText() =>
        Gen.Elements("0123456789.,-−+ %eEnaNIifty∞#!/".ToCharArray()).ArrayOf().Select(c => new string(c))
            .Or(Gen.Elements("1e999", "NaN", "-Infinity", "∞", new string('9', 400), "1.7976931348623157E+309"))
            .ToArbitrary();

    [Property(MaxTest = 2000)]
    public Property A_number_that_comes_out_is_always_finite() =>
        Prop.ForAll(NumberLikeText(), text =>
            (NumberParser.TryParse(text, DecimalSeparator.Comma, out var comma) != NumberParser.Outcome.Number || double.IsFinite(comma))
            && (NumberParser.TryParse(text, DecimalSeparator.Point, out var point) != NumberParser.Outcome.Number || double.IsFinite(point)));

    [Property(MaxTest = 1000)]
    public Property Any_string_parses_without_throwing_and_non_numbers_have_a_reason(string? text) =>
        Prop.ToProperty(Enum.GetValues<DecimalSeparator>().All(separator =>
        {
            var outcome = NumberParser.TryParse(text, separator, out var value);
            return outcome switch
            {
                NumberParser.Outcome.Number => double.IsFinite(value),
                NumberParser.Outcome.Empty => NumberParser.Reason(outcome, text) is null,
                _ => NumberParser.Reason(outcome, text) is { Length: > 0 },
            };
        }));

    /// <summary>A finite number printed as Indonesian (1.234,5) or English (1,234.5) tables print it, with or without grouping, reads back.</summary>
    [Property(MaxTest = 1000)]
    public Property Printed_numbers_read_back(NormalFloat number, bool comma, bool grouped, bool spaces)
    {
        var x = Math.Round(number.Item, 3);
        // Built by hand: the tests run in globalization-invariant mode, without id-ID.
        var format = (NumberFormatInfo)CultureInfo.InvariantCulture.NumberFormat.Clone();
        (format.NumberDecimalSeparator, format.NumberGroupSeparator) = comma ? (",", grouped && spaces ? " " : ".") : (".", grouped && spaces ? " " : ",");
        var printed = x.ToString(grouped ? "N3" : "F3", format);
        var expected = double.Parse(x.ToString("F3", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

        var outcome = NumberParser.TryParse(printed, comma ? DecimalSeparator.Comma : DecimalSeparator.Point, out var parsed);

        return (outcome == NumberParser.Outcome.Number && parsed == expected).Label($"{printed} -> {outcome} {parsed}, expected {expected}");
    }
}
