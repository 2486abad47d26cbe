using System.Net;
using Geo.Api.Tests.Analisis;
using Geo.Api.Tests.Support;
using Geo.Core.Akun;

namespace Geo.Api.Tests.Peta;

public sealed class PetaGambarEndpointTests(MetroAnalysisFixture fixture) : IClassFixture<MetroAnalysisFixture>
{
    private const string Url = "/api/peta.png?wilayah=18.72&indikator=PREV_STUNTING&periode=2022-08&lebar=800&tinggi=600";

    [Fact]
    public async Task A_map_image_is_a_PNG_with_an_ETag_that_answers_304()
    {
        var client = fixture.Factory.CreateClient();
        using var first = await client.GetAsync(Url);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("image/png", first.Content.Headers.ContentType?.MediaType);
        var png = await first.Content.ReadAsByteArrayAsync();
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.True(first.Headers.CacheControl is { Public: true }, first.Headers.CacheControl?.ToString());
        var etag = first.Headers.ETag!;

        using var request = new HttpRequestMessage(HttpMethod.Get, Url);
        request.Headers.IfNoneMatch.Add(etag);
        using var second = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);

        using var other = await client.GetAsync(Url.Replace("lebar=800", "lebar=801", StringComparison.Ordinal));
        Assert.NotEqual(etag, other.Headers.ETag);
    }

    [Fact]
    public async Task Synthetic_data_is_flagged_and_an_area_account_gets_a_private_answer()
    {
        using var response = await fixture.Factory.ClientAs("analis-metro", "18.72", Peran.Analis)
            .GetAsync(Url.Replace("PREV_STUNTING", "L01", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("true", response.Headers.GetValues("X-Geo-Sintetis").Single());
        Assert.True(response.Headers.CacheControl is { Private: true, Public: false }, response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("&lebar=5000", HttpStatusCode.BadRequest, "lebar harus 200 sampai 4000 piksel")]
    [InlineData("&lapisan=panas", HttpStatusCode.BadRequest, "lapisan")]
    [InlineData("&tampilan=draf", HttpStatusCode.Forbidden, "draf")]
    public async Task Bad_parameters_are_problems_in_Indonesian(string extra, HttpStatusCode status, string detail)
    {
        using var response = await fixture.Factory.CreateClient().GetAsync("/api/peta.png?wilayah=18.72&indikator=PREV_STUNTING&periode=2022-08" + extra);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_neighbouring_kab_kota_account_is_refused()
    {
        using var response = await fixture.Factory.ClientAs("tetangga", "18.71", Peran.Analis).GetAsync(Url);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
