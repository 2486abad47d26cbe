using Geo.Core.Wilayah;

namespace Geo.Core.Tests.Wilayah;

public class KodeWilayahTests
{
    [Theory]
    [InlineData("18", Tingkat.Provinsi, null)]
    [InlineData("18.72", Tingkat.KabKota, "18")]
    [InlineData("18.72.01", Tingkat.Kecamatan, "18.72")]
    [InlineData("18.72.01.1001", Tingkat.Desa, "18.72.01")]
    public void Level_and_parent_follow_the_segments(string text, Tingkat tingkat, string? induk)
    {
        var kode = KodeWilayah.Parse(text);
        Assert.Equal(tingkat, kode.Tingkat);
        Assert.Equal(induk, kode.Induk?.Value);
    }

    [Theory]
    [InlineData("1872011001", "18.72.01.1001")]
    [InlineData("187201", "18.72.01")]
    [InlineData(" 18.72 ", "18.72")]
    public void Undotted_and_padded_codes_are_normalised(string text, string expected) =>
        Assert.Equal(expected, KodeWilayah.Parse(text).Value);

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("18.7")]
    [InlineData("18.72.01.4001")]
    [InlineData("18.72.01.1001.01")]
    [InlineData("AB.72")]
    [InlineData("187201100")]
    public void Malformed_codes_are_refused_with_a_reason(string text)
    {
        Assert.False(KodeWilayah.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Theory]
    [InlineData("18.72.01.1001", true)]
    [InlineData("64.01.01.2001", false)]
    [InlineData("91.03.01.3007", false)]
    public void The_desa_segment_tells_kelurahan_from_desa(string text, bool kelurahan) =>
        Assert.Equal(kelurahan, KodeWilayah.Parse(text).IsKelurahan);

    [Fact]
    public void Scope_contains_its_subtree_only()
    {
        var scope = WilayahScope.Within(KodeWilayah.Parse("18.72"));
        Assert.True(scope.Contains(KodeWilayah.Parse("18.72.01.1001")));
        Assert.True(scope.Contains(KodeWilayah.Parse("18.72")));
        Assert.False(scope.Contains(KodeWilayah.Parse("18.71.01")));
        Assert.True(WilayahScope.Nasional.Contains(KodeWilayah.Parse("94")));
    }
}
