using Geo.Core.Statistics;

namespace Geo.Core.Tests.Statistics;

public sealed class WeightsSpecTests
{
    [Theory]
    [InlineData("queen", "queen")]
    [InlineData(" ROOK ", "rook")]
    [InlineData("knn:1", "knn:1")]
    [InlineData("knn:06", "knn:6")]
    [InlineData("knn:100", "knn:100")]
    [InlineData("jarak:5000", "jarak:5000")]
    [InlineData("jarak:2e6", "jarak:2000000")]
    [InlineData("jarak:0.5", "jarak:0.5")]
    public void Valid_specs_parse_to_their_canonical_text(string text, string canonical) =>
        Assert.Equal(canonical, WeightsSpec.Parse(text).ToString());

    [Theory]
    [InlineData("knn:0", "knn:K")]
    [InlineData("knn:-1", "knn:K")]
    [InlineData("knn:101", "knn:K")]
    [InlineData("knn:1.5", "knn:K")]
    [InlineData("knn:99999999999", "knn:K")]
    [InlineData("knn:", "knn:K")]
    [InlineData("jarak:0", "jarak:METER")]
    [InlineData("jarak:-5", "jarak:METER")]
    [InlineData("jarak:NaN", "jarak:METER")]
    [InlineData("jarak:Infinity", "jarak:METER")]
    [InlineData("jarak:1e308", "jarak:METER")]
    [InlineData("jarak:2000001", "jarak:METER")]
    [InlineData("jarak:1e-400", "jarak:METER")]
    [InlineData("hexagon", "tidak dikenal")]
    [InlineData("queen:1", "tidak dikenal")]
    public void Bad_specs_say_what_is_wrong_in_Indonesian(string text, string fragment)
    {
        var e = Assert.Throws<FormatException>(() => WeightsSpec.Parse(text));
        Assert.Contains(fragment, e.Message);
    }

    [Fact]
    public void An_overlong_spec_is_echoed_shortened()
    {
        var e = Assert.Throws<FormatException>(() => WeightsSpec.Parse(new string('q', 5000)));
        Assert.True(e.Message.Length < 300, e.Message);
    }
}
