using System.Text.Json;
using Geo.Api.Tests.Analisis;
using Geo.Data.Tests.Support;

namespace Geo.Api.Tests.Robustness;

/// <summary>Every URL of the generated corpus gets its 4xx as Indonesian problem details, and writes nothing.</summary>
public sealed class AnalisisUrlCorpusTests(MetroAnalysisFixture fixture) : IClassFixture<MetroAnalysisFixture>
{
    private readonly HttpClient _client = fixture.Factory.CreateClient();

    /// <summary>Text the framework writes in English when an error escapes our own handling.</summary>
    private static readonly string[] FrameworkEnglish =
    [
        "Failed to bind", "was not provided", "One or more", "is not valid", "is invalid", "Exception", "System.", "must be", "Bad Request",
    ];

    [Fact]
    public void The_corpus_covers_every_parameter_of_both_endpoints()
    {
        var cases = AnalisisUrlCorpus.All().ToList();
        Assert.True(cases.Count >= 80, $"{cases.Count} cases");
        string[] parameters = ["wilayah", "periode", "indikator", "tingkat", "cakupan", "bobot", "permutasi", "seed", "alpha", "fdr", "deret", "ambang", "minimumIndikator", "porsiTarget", "tampilan"];
        foreach (var path in new[] { "/api/analisis?", "/api/analisis.geojson?" })
        {
            Assert.All(parameters, p => Assert.Contains(cases, c => c.Url.StartsWith(path, StringComparison.Ordinal) && c.Parameter == p));
        }
    }

    [Theory]
    [MemberData(nameof(AnalisisUrlCorpus.Data), MemberType = typeof(AnalisisUrlCorpus))]
    public Task Malformed_analysis_urls_are_refused(MalformedUrl url) => AssertRefusedAsync(url);

    private async Task AssertRefusedAsync(MalformedUrl url)
    {
        var before = await DatabaseState.SnapshotAsync(fixture.Factory.Database);
        var runsBefore = await fixture.Factory.Database.ScalarAsync<long>("SELECT count(*) FROM analisis");

        var response = await _client.GetAsync(url.Url);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(url.Status == response.StatusCode, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        var detail = problem.GetProperty("detail").GetString();
        Assert.False(string.IsNullOrWhiteSpace(detail));
        Assert.True(detail!.Contains(url.DetailContains, StringComparison.OrdinalIgnoreCase), $"'{url.DetailContains}' not in: {detail}");
        Assert.All(FrameworkEnglish, english => Assert.DoesNotContain(english, detail, StringComparison.OrdinalIgnoreCase));
        Assert.True(detail!.Length < 400, $"detail of {detail.Length} characters: an overlong value was echoed");
        if (url.Parameter is { } parameter)
        {
            Assert.Equal(parameter, problem.GetProperty("lokasi").GetProperty("parameter").GetString());
        }

        Assert.Equal(runsBefore, await fixture.Factory.Database.ScalarAsync<long>("SELECT count(*) FROM analisis"));
        Assert.Equal(before, await DatabaseState.SnapshotAsync(fixture.Factory.Database));
    }
}
