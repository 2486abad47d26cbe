using Geo.Core.Indikator;

namespace Geo.Core.Tests.Indikator;

public sealed class AngkaTests
{
    [Theory]
    [InlineData("7,41", PemisahDesimal.Koma, 7.41)]
    [InlineData("1.234,5", PemisahDesimal.Koma, 1234.5)]
    [InlineData("12.345.678", PemisahDesimal.Koma, 12345678)]
    [InlineData("1 234", PemisahDesimal.Koma, 1234)]
    [InlineData("1\u00A0234,25", PemisahDesimal.Koma, 1234.25)]
    [InlineData("7.41", PemisahDesimal.Titik, 7.41)]
    [InlineData("1,234.5", PemisahDesimal.Titik, 1234.5)]
    [InlineData("45 %", PemisahDesimal.Koma, 45)]
    [InlineData("-3", PemisahDesimal.Koma, -3)]
    [InlineData("0", PemisahDesimal.Titik, 0)]
    public void Reads_numbers_as_printed(string text, PemisahDesimal pemisah, double expected)
    {
        Assert.Equal(Angka.Hasil.Angka, Angka.TryParse(text, pemisah, out var value));
        Assert.Equal(expected, value, 9);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("-")]
    [InlineData("n/a")]
    public void Dashes_and_blanks_are_empty_not_zero(string text) =>
        Assert.Equal(Angka.Hasil.Kosong, Angka.TryParse(text, PemisahDesimal.Koma, out _));

    [Theory]
    [InlineData("12.34", PemisahDesimal.Koma)]
    [InlineData("1,2,3", PemisahDesimal.Koma)]
    [InlineData("7,4a", PemisahDesimal.Koma)]
    [InlineData("tujuh", PemisahDesimal.Koma)]
    [InlineData("1.234,5", PemisahDesimal.Titik)]
    [InlineData("12,34", PemisahDesimal.Titik)]
    [InlineData("7,", PemisahDesimal.Koma)]
    public void Refuses_what_does_not_fit_the_file_separator(string text, PemisahDesimal pemisah) =>
        Assert.Equal(Angka.Hasil.TidakTerbaca, Angka.TryParse(text, pemisah, out _));

    [Fact]
    public void Detects_decimal_comma_and_point_from_the_cells()
    {
        Assert.Equal(PemisahDesimal.Koma, Angka.DetectDecimal(["7,41", "5,42", "1.234"]));
        Assert.Equal(PemisahDesimal.Titik, Angka.DetectDecimal(["7.41", "5.42", "1,234"]));
        Assert.Equal(PemisahDesimal.Titik, Angka.DetectDecimal(["1,234.5"]));
        Assert.Equal(PemisahDesimal.Koma, Angka.DetectDecimal(["12", "1.234"]));
    }
}
