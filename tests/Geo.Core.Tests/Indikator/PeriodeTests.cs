using Geo.Core.Indikator;

namespace Geo.Core.Tests.Indikator;

public sealed class PeriodeTests
{
    [Theory]
    [InlineData("2024", "2024", 2024)]
    [InlineData("2022-08", "2022-08", 2022)]
    [InlineData(" 2024-s1 ", "2024-S1", 2024)]
    [InlineData("2023-S2", "2023-S2", 2023)]
    public void Accepts_year_month_and_semester(string text, string value, int tahun)
    {
        var periode = Periode.Parse(text);
        Assert.Equal(value, periode.Value);
        Assert.Equal(tahun, periode.Tahun);
    }

    [Theory]
    [InlineData("")]
    [InlineData("24")]
    [InlineData("2024-13")]
    [InlineData("2024-00")]
    [InlineData("2024-S3")]
    [InlineData("2024-8")]
    [InlineData("Agustus 2024")]
    [InlineData("1850")]
    public void Refuses_anything_else(string text)
    {
        Assert.False(Periode.TryParse(text, out _, out var error));
        Assert.Contains("periode", error);
    }
}
