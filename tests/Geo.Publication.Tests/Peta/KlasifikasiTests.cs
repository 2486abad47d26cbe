using Geo.Publication.Peta;

namespace Geo.Publication.Tests.Peta;

/// <summary>The port of web/src/classify.ts and palettes.ts: the same bounds, labels and colours as the web page.</summary>
public sealed class KlasifikasiTests
{
    private static UnitNilai[] Units(params double?[] values) => values.Select((v, i) => new UnitNilai($"u{i}", v, null)).ToArray();

    [Fact]
    public void WHO_classes_put_prevalence_in_the_five_stunting_classes_dark_red_being_worst()
    {
        var k = Klasifikasi.Klasifikasikan(Units(1, 2.5, 9.99, 10, 25, 30, 45, null), MetodeKlasifikasi.Who, Polaritas.Turun, persen: true);

        Assert.Equal([1, 2, 1, 1, 2], k.Kelas.Select(c => c.Jumlah));
        Assert.Equal(1, k.TanpaData);
        Assert.Equal(["#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"], k.Kelas.Select(c => c.Warna));
        Assert.Equal("Sangat tinggi (≥ 30%)", k.Kelas[4].Label);
        Assert.Equal(4, k.KelasUnit["u5"]);
    }

    [Fact]
    public void Coverage_reverses_the_ramp_so_low_values_are_dark_red()
    {
        var k = Klasifikasi.Klasifikasikan(Units(10, 20, 30, 40, 50, 60, 70, 80, 90, 100), MetodeKlasifikasi.Kuantil, Polaritas.Naik, persen: true);

        Assert.Equal("#bd0026", k.Kelas[0].Warna);
        Assert.Equal("#ffffb2", k.Kelas[^1].Warna);
        // quantileSorted (type 7) at 0.2, 0.4, 0.6, 0.8 of 10..100: 28, 46, 64, 82.
        Assert.Equal(["< 28%", "28–< 46%", "46–< 64%", "64–< 82%", "≥ 82%"], k.Kelas.Select(c => c.Label));
    }

    [Fact]
    public void Jenks_finds_the_natural_breaks_and_counts_without_polarity_are_blue()
    {
        double[] sorted = [1, 2, 3, 10, 11, 12, 20, 21, 22];
        Assert.Equal([0, 3, 6], Klasifikasi.Ckmeans(sorted, 3));
        var k = Klasifikasi.Klasifikasikan(Units(1, 2, 3, 10, 11, 12, 20, 21, 22), MetodeKlasifikasi.Jenks, Polaritas.Tidak, persen: false, jumlahKelas: 3);
        Assert.Equal([3, 3, 3], k.Kelas.Select(c => c.Jumlah));
        Assert.Equal(["#deebf7", "#9ecae1", "#3182bd"], k.Kelas.Select(c => c.Warna));
    }

    [Fact]
    public void Target_classes_respect_polarity()
    {
        UnitNilai[] units = [new("a", 12, 14), new("b", 16, 14), new("c", null, 14), new("d", 10, null)];
        var k = Klasifikasi.Klasifikasikan(units, MetodeKlasifikasi.Target, Polaritas.Turun, persen: true);
        Assert.Equal(1, k.KelasUnit["a"]);
        Assert.Equal(0, k.KelasUnit["b"]);
        Assert.Equal(2, k.TanpaData);
    }

    [Fact]
    public void The_missing_greater_or_equal_glyph_is_written_in_words()
    {
        Assert.Equal("Sangat tinggi (30% ke atas)", PetaRenderer.TanpaTandaTakTersedia("Sangat tinggi (≥ 30%)"));
        Assert.Equal("82% ke atas", PetaRenderer.TanpaTandaTakTersedia("≥ 82%"));
    }
}
