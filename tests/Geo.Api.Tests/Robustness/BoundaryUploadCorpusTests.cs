using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Geo.Api.Tests.Support;
using Geo.Data.Tests.Corpus;
using Geo.Data.Tests.Support;

namespace Geo.Api.Tests.Robustness;

/// <summary>
/// The boundary corpus uploaded to /api/impor/wilayah as a client would: 400, 413 or 422 as the
/// case says, never 500; errors as problem details with an Indonesian detail; no table changed.
/// </summary>
public sealed class BoundaryUploadCorpusTests(GeoApiFactory factory) : IClassFixture<GeoApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [MemberData(nameof(BoundaryCorpus.Names), MemberType = typeof(BoundaryCorpus))]
    public async Task A_malformed_upload_gets_a_clear_4xx_and_changes_nothing(string name)
    {
        var file = BoundaryCorpus.Get(name);
        var before = await DatabaseState.SnapshotAsync(factory.Database);

        using var response = await UploadAsync(file);
        var body = await response.Content.ReadAsStringAsync();

        var expected = file.Kind switch
        {
            null => HttpStatusCode.UnprocessableEntity,
            Geo.Core.Errors.GeoErrorKind.TooLarge => HttpStatusCode.RequestEntityTooLarge,
            _ => HttpStatusCode.BadRequest,
        };
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        var json = JsonDocument.Parse(body).RootElement;
        if (file.Kind is null)
        {
            Assert.Contains(json.GetProperty("ditolak").EnumerateArray(),
                r => r.GetProperty("alasan").GetString()!.Contains(file.DetailContains, StringComparison.OrdinalIgnoreCase));
        }
        else
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var detail = json.GetProperty("detail").GetString();
            Assert.False(string.IsNullOrWhiteSpace(detail));
            Assert.Contains(file.DetailContains, detail, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Equal(before, await DatabaseState.SnapshotAsync(factory.Database));
    }

    [Fact]
    public async Task A_configured_limit_reaches_the_boundary_import()
    {
        using var limited = factory.WithWebHostBuilder(b => b.UseSetting("Geo:Impor:MaksimumFitur", "3"));
        var file = BoundaryCorpus.Get("geojsonl: nama kosong");
        var before = await DatabaseState.SnapshotAsync(factory.Database);

        using var response = await UploadAsync(file, limited.CreateClient());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Geo:Impor:MaksimumFitur", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await DatabaseState.SnapshotAsync(factory.Database));
    }

    private async Task<HttpResponseMessage> UploadAsync(MalformedFile file, HttpClient? client = null)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file.Content);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        // Set by hand so that the name goes out as the case has it (slashes, dots, NUL), not cleaned by the client.
        content.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"berkas\"", FileNameStar = file.FileName };
        form.Add(content);
        var query = file.Query.Length > 0 ? "?" + file.Query : "";
        return await (client ?? _client).PostAsync("/api/impor/wilayah" + query, form);
    }
}
