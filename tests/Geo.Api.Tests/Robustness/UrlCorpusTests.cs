using System.Text.Json;
using Geo.Api.Tests.Support;
using Geo.Data.Tests.Support;

namespace Geo.Api.Tests.Robustness;

/// <summary>Every malformed URL of the corpus gets its 4xx with an Indonesian problem detail, and reads change nothing.</summary>
public sealed class UrlCorpusTests(GeoApiFactory factory) : IClassFixture<GeoApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    public static TheoryData<UrlCorpus.BadUrl> Cases() => [.. UrlCorpus.All()];

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Malformed_url_gets_its_4xx_with_an_Indonesian_detail(UrlCorpus.BadUrl bad) => AssertRefusedAsync(_client, factory.Database, bad.Url, bad.Status);

    [Fact]
    public void The_corpus_is_large_enough_to_matter() => Assert.True(UrlCorpus.All().Count() >= 200, $"{UrlCorpus.All().Count()} URLs");

    /// <summary>The one check every malformed request passes through: status, problem JSON, an Indonesian detail, no write.</summary>
    private static async Task AssertRefusedAsync(HttpClient client, PostgisDatabase database, string url, int status)
    {
        var before = await DatabaseState.SnapshotAsync(database);

        using var response = await client.GetAsync(url);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"{url}: expected {status}, got {(int)response.StatusCode}: {body[..Math.Min(body.Length, 300)]}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString();
        Assert.False(string.IsNullOrWhiteSpace(detail), url);
        foreach (var english in new[] { "Failed to", "was not provided", "An error occurred", "Exception", "Not Found" })
        {
            Assert.DoesNotContain(english, detail);
        }
        Assert.Equal(before, await DatabaseState.SnapshotAsync(database));
    }
}
