using Geo.Core.Indikator;

namespace Geo.Core.Tests.Indikator;

public sealed class IncomingValueTests
{
    [Fact]
    public void Counts_give_the_percentage()
    {
        var (nilai, alasan) = IncomingValue.Check(true, 12, 40, null);
        Assert.Null(alasan);
        Assert.Equal(30, nilai!.Nilai!.Value, 9);
        Assert.False(nilai.HanyaPersen);
    }

    [Fact]
    public void A_percentage_alone_is_marked_so() =>
        Assert.Equal(new CleanValue(null, null, 7.41, true), IncomingValue.Check(true, null, null, 7.41).Nilai);

    [Fact]
    public void A_printed_percentage_may_differ_from_its_counts_by_rounding_only()
    {
        Assert.Null(IncomingValue.Check(true, 1, 3, 33.33).Alasan);
        Assert.Contains("tidak sesuai", IncomingValue.Check(true, 1, 3, 35).Alasan);
    }

    [Theory]
    [InlineData(true, 41.0, 40.0, null, "lebih besar")]
    [InlineData(true, -1.0, 40.0, null, "negatif")]
    [InlineData(true, 1.0, -40.0, null, "negatif")]
    [InlineData(true, null, null, 100.5, "di luar 0-100")]
    [InlineData(true, null, null, -0.1, "di luar 0-100")]
    [InlineData(true, 3.0, null, null, "keduanya")]
    [InlineData(false, -5.0, null, null, "negatif")]
    [InlineData(false, 5.0, 10.0, null, "tidak memakai penyebut")]
    public void Refusals(bool persen, double? pembilang, double? penyebut, double? nilai, string reason)
    {
        var (clean, alasan) = IncomingValue.Check(persen, pembilang, penyebut, nilai);
        Assert.Null(clean);
        Assert.Contains(reason, alasan);
    }

    [Fact]
    public void Nothing_given_is_nothing_to_store() => Assert.Equal((null, null), IncomingValue.Check(true, null, null, null));
}
