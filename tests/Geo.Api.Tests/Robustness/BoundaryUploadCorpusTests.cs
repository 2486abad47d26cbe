using System.Net;
using Geo.Api.Tests.Support;
using Geo.Core.Akun;
using Geo.Data.Tests.Corpus;
using Geo.Data.Tests.Support;

namespace Geo.Api.Tests.Robustness;

/// <summary>
/// The boundary corpus uploaded to /api/impor/wilayah as a client would: 400, 413 or 422 as the
/// case says, never 500; errors as problem details with an Indonesian detail; no table changed.
/// </summary>
public sealed class BoundaryUploadCorpusTests(GeoApiFactory factory) : IClassFixture<GeoApiFactory>
{
    private readonly HttpClient _client = factory.Nasional();

    [Theory]
    [MemberData(nameof(BoundaryCorpus.Names), MemberType = typeof(BoundaryCorpus))]
    public Task A_malformed_upload_gets_a_clear_4xx_and_changes_nothing(string name) =>
        CorpusUpload.AssertRefusedAsync(_client, factory.Database, "/api/impor/wilayah", BoundaryCorpus.Get(name));

    [Fact]
    public async Task A_configured_limit_reaches_the_boundary_import()
    {
        using var limited = factory.WithWebHostBuilder(b => b.UseSetting("Geo:Impor:MaksimumFitur", "3"));
        var file = BoundaryCorpus.Get("geojsonl: nama kosong");
        var before = await DatabaseState.SnapshotAsync(factory.Database);

        using var response = await CorpusUpload.PostAsync(limited.ClientAs("uji-nasional", "nasional", Peran.Operator), "/api/impor/wilayah", file);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Geo:Impor:MaksimumFitur", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await DatabaseState.SnapshotAsync(factory.Database));
    }
}
