using Geo.Core.Indikator;

namespace Geo.Core.Tests.Indikator;

public sealed class NumberParserTests
{
    [Theory]
    [InlineData("7,41", DecimalSeparator.Comma, 7.41)]
    [InlineData("1.234,5", DecimalSeparator.Comma, 1234.5)]
    [InlineData("12.345.678", DecimalSeparator.Comma, 12345678)]
    [InlineData("1 234", DecimalSeparator.Comma, 1234)]
    [InlineData("1\u00A0234,25", DecimalSeparator.Comma, 1234.25)]
    [InlineData("7.41", DecimalSeparator.Point, 7.41)]
    [InlineData("1,234.5", DecimalSeparator.Point, 1234.5)]
    [InlineData("45 %", DecimalSeparator.Comma, 45)]
    [InlineData("-3", DecimalSeparator.Comma, -3)]
    [InlineData("0", DecimalSeparator.Point, 0)]
    public void Reads_numbers_as_printed(string text, DecimalSeparator pemisah, double expected)
    {
        Assert.Equal(NumberParser.Outcome.Number, NumberParser.TryParse(text, pemisah, out var value));
        Assert.Equal(expected, value, 9);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("-")]
    [InlineData("n/a")]
    public void Dashes_and_blanks_are_empty_not_zero(string text) =>
        Assert.Equal(NumberParser.Outcome.Empty, NumberParser.TryParse(text, DecimalSeparator.Comma, out _));

    [Theory]
    [InlineData("12.34", DecimalSeparator.Comma)]
    [InlineData("1,2,3", DecimalSeparator.Comma)]
    [InlineData("7,4a", DecimalSeparator.Comma)]
    [InlineData("tujuh", DecimalSeparator.Comma)]
    [InlineData("1.234,5", DecimalSeparator.Point)]
    [InlineData("12,34", DecimalSeparator.Point)]
    [InlineData("7,", DecimalSeparator.Comma)]
    public void Refuses_what_does_not_fit_the_file_separator(string text, DecimalSeparator pemisah) =>
        Assert.Equal(NumberParser.Outcome.Unreadable, NumberParser.TryParse(text, pemisah, out _));

    [Fact]
    public void Detects_decimal_comma_and_point_from_the_cells()
    {
        Assert.Equal(DecimalSeparator.Comma, NumberParser.DetectDecimal(["7,41", "5,42", "1.234"]));
        Assert.Equal(DecimalSeparator.Point, NumberParser.DetectDecimal(["7.41", "5.42", "1,234"]));
        Assert.Equal(DecimalSeparator.Point, NumberParser.DetectDecimal(["1,234.5"]));
        Assert.Equal(DecimalSeparator.Comma, NumberParser.DetectDecimal(["12", "1.234"]));
    }
}
