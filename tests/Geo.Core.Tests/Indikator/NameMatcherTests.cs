using Geo.Core.Indikator;

namespace Geo.Core.Tests.Indikator;

public sealed class NameMatcherTests
{
    [Theory]
    [InlineData("Kel. Ganjar Agung", "ganjar agung")]
    [InlineData("KELURAHAN  Metro ", "metro")]
    [InlineData("Desa Sukamaju", "sukamaju")]
    [InlineData("Kel Iringmulyo", "iringmulyo")]
    [InlineData("Desanta", "desanta")]
    [InlineData("Kelapa Dua", "kelapa dua")]
    public void Normalises_case_spacing_and_prefixes(string name, string expected) =>
        Assert.Equal(expected, WilayahNameNormaliser.Normalise(name));

    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("purwosari", "purwoasri", 2)]
    [InlineData("", "abc", 3)]
    [InlineData("metro", "metro", 0)]
    public void Edit_distance(string a, string b, int expected) => Assert.Equal(expected, WilayahNameNormaliser.EditDistance(a, b));

    private static readonly NameMatcher Metro = new(new[]
    {
        ("18.72.03.1002", "Ganjar Agung"), ("18.72.03.1004", "Ganjar Asri"), ("18.72.05.1003", "Sumbersari Bantul"),
        ("18.72.02.1002", "Purwosari"), ("18.72.02.1004", "Purwoasri"), ("18.72.01.1002", "Hadimulyo Timur"),
        ("18.72.01.1004", "Hadimulyo Barat"), ("18.72.04.1001", "Yosodadi"),
    }.Select(x => new WilayahCandidate(x.Item1, x.Item2)));

    [Theory]
    [InlineData("Purwosari", "18.72.02.1002", MatchKind.Exact)]
    [InlineData("kel. PURWOASRI", "18.72.02.1004", MatchKind.Exact)]
    [InlineData("Ganjaragung", "18.72.03.1002", MatchKind.IgnoringSpaces)]
    [InlineData("Ganjar-Asri", "18.72.03.1004", MatchKind.IgnoringSpaces)]
    [InlineData("Sumbersari", "18.72.05.1003", MatchKind.PartialName)]
    [InlineData("Yosodadii", "18.72.04.1001", MatchKind.SimilarSpelling)]
    public void Matches_in_rounds_from_strict_to_loose(string name, string kode, MatchKind cara)
    {
        var match = Metro.Match(name);
        Assert.Equal(kode, match.Wilayah?.Kode);
        Assert.Equal(cara, match.Cara);
    }

    [Fact]
    public void Refuses_ambiguous_names_and_lists_the_candidates()
    {
        var match = Metro.Match("Hadimulyo");
        Assert.False(match.Cocok);
        Assert.True(match.IsAmbiguous);
        Assert.Equal(["18.72.01.1002", "18.72.01.1004"], match.Ambigu.Select(a => a.Kode).Order());

        // One edit from both Purwosari and Purwoasri: a tie is refused, not guessed.
        var tie = Metro.Match("Purwoasari");
        Assert.True(tie.IsAmbiguous);
    }

    [Fact]
    public void Unknown_names_match_nothing()
    {
        var match = Metro.Match("Bandar Lampung");
        Assert.False(match.Cocok);
        Assert.False(match.IsAmbiguous);
    }
}
