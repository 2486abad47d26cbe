using Geo.Core.Sintetis;

namespace Geo.Core.Tests.Sintetis;

public sealed class DemoCakupanTests
{
    private static readonly DesaPoint[] Grid =
        Enumerable.Range(0, 15).SelectMany(i => Enumerable.Range(0, 15).Select(j => new DesaPoint($"{i:00}.{j:00}", 105 + 0.02 * i, -5 + 0.02 * j))).ToArray();

    [Fact]
    public void Same_seed_same_values_other_seed_other_values()
    {
        var ind = new[] { new DemoIndicator("L14", 80, true, ["S08"]) };
        var a = DemoCakupan.Generate(Grid, ind, 7);
        Assert.Equal(a, DemoCakupan.Generate(Grid, ind, 7));
        Assert.NotEqual(a, DemoCakupan.Generate(Grid, ind, 8));
    }

    [Fact]
    public void Numerators_never_exceed_denominators_which_are_the_sasaran_counts()
    {
        var values = DemoCakupan.Generate(Grid, [new DemoIndicator("L17", 90, true, ["S08", "S09", "S10"])], 3);
        var sasaran = values.Where(v => v.Penyebut is null).ToDictionary(v => (v.Wilayah, v.Indikator), v => v.Pembilang);
        foreach (var v in values.Where(v => v.Indikator == "L17"))
        {
            Assert.InRange(v.Pembilang, 0, v.Penyebut!.Value);
            Assert.Equal(sasaran[(v.Wilayah, "S08")] + sasaran[(v.Wilayah, "S09")] + sasaran[(v.Wilayah, "S10")], v.Penyebut.Value);
        }
    }

    /// <summary>Moran's I with inverse-distance-band weights: the smoothed field is clearly autocorrelated, white noise is not.</summary>
    [Fact]
    public void The_field_is_spatially_autocorrelated()
    {
        var field = SpatialField.Generate(Grid, new Random(11), SpatialField.SuggestedBandwidthKm(Grid));
        var noise = Enumerable.Range(0, Grid.Length).Select(_ => 0.0).ToArray();
        var random = new Random(11);
        for (var i = 0; i < noise.Length; i++) noise[i] = random.NextDouble() - 0.5;

        Assert.InRange(field.Average(), -1e-9, 1e-9);
        Assert.True(MoranI(field) > 0.5, $"Moran's I {MoranI(field)}");
        Assert.InRange(MoranI(noise), -0.15, 0.15);
    }

    private static double MoranI(double[] x)
    {
        var mean = x.Average();
        double num = 0, weights = 0;
        for (var i = 0; i < x.Length; i++)
            for (var j = 0; j < x.Length; j++)
            {
                if (i == j) continue;
                var d = Math.Abs(Grid[i].Lon - Grid[j].Lon) + Math.Abs(Grid[i].Lat - Grid[j].Lat);
                if (d > 0.021) continue; // rook neighbours on the 0.02-degree grid
                num += (x[i] - mean) * (x[j] - mean);
                weights++;
            }
        var den = x.Sum(v => (v - mean) * (v - mean));
        return x.Length / weights * num / den;
    }
}
