using Geo.Core.Indikator;

namespace Geo.Core.Tests.Indikator;

public sealed class RollUpRuleTests
{
    [Fact]
    public void Ratio_of_sums_not_mean_of_percentages()
    {
        // 1/10 and 90/100: the mean of percentages is 50%, the coverage of the 110 people is 91/110.
        var hasil = RollUp.Compute([new DesaValue(1, 10, 10), new DesaValue(90, 100, 90), null], persen: true);
        Assert.Equal(RollUpMethod.Ratio, hasil.Metode);
        Assert.Equal(100.0 * 91 / 110, hasil.Nilai!.Value, 9);
        Assert.Equal((91.0, 110.0, 2, 3), (hasil.Pembilang!.Value, hasil.Penyebut!.Value, hasil.Melapor, hasil.JumlahDesa));
    }

    [Fact]
    public void Counts_are_summed()
    {
        var hasil = RollUp.Compute([new DesaValue(120, null, 120), new DesaValue(80, null, 80)], persen: false);
        Assert.Equal((RollUpMethod.Sum, 200.0), (hasil.Metode, hasil.Nilai!.Value));
    }

    [Fact]
    public void Percentage_only_without_weights_is_unavailable_not_averaged()
    {
        var hasil = RollUp.Compute([new DesaValue(null, null, 7.41), new DesaValue(null, null, 5.42)], persen: true);
        Assert.Equal(RollUpMethod.Unavailable, hasil.Metode);
        Assert.Null(hasil.Nilai);
        Assert.Equal(2, hasil.Melapor);
    }

    [Fact]
    public void Percentage_only_with_weights_everywhere_is_weighted_and_labelled()
    {
        var hasil = RollUp.Compute([new DesaValue(null, null, 10, 300), new DesaValue(null, null, 4, 100)], persen: true);
        Assert.Equal(RollUpMethod.Weighted, hasil.Metode);
        Assert.Equal((10.0 * 300 + 4 * 100) / 400, hasil.Nilai!.Value, 9);
    }

    [Fact]
    public void Mixing_counts_and_percentage_only_is_unavailable()
    {
        var hasil = RollUp.Compute([new DesaValue(1, 10, 10), new DesaValue(null, null, 4, 100)], persen: true);
        Assert.Equal(RollUpMethod.Unavailable, hasil.Metode);
    }

    [Fact]
    public void Nobody_reported()
    {
        var hasil = RollUp.Compute([null, null], persen: true);
        Assert.Equal((null, 0, 2), (hasil.Nilai, hasil.Melapor, hasil.JumlahDesa));
    }
}
