using System.Net.Http.Headers;
using System.Text.Json;
using Geo.Api.Hosting;
using Geo.Data.Tests.Corpus;
using Geo.Data.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Geo.Api.Tests.Robustness;

/// <summary>
/// The one check every malformed upload passes through: the status its kind maps to (422 for a
/// rejection report), never a 500; an error is problem JSON whose Indonesian detail says what the
/// case says; and no table changed.
/// </summary>
public static class CorpusUpload
{
    public static async Task<string> AssertRefusedAsync(HttpClient client, PostgisDatabase database, string url, MalformedFile file)
    {
        var before = await DatabaseState.SnapshotAsync(database);

        using var response = await PostAsync(client, url, file);

        var body = await response.Content.ReadAsStringAsync();
        var expected = file.Kind is { } kind ? ErrorHandling.StatusCode(kind) : StatusCodes.Status422UnprocessableEntity;
        Assert.True(expected == (int)response.StatusCode, $"{file.Case}: expected {expected}, got {(int)response.StatusCode}: {body}");
        if (file.Kind is null)
        {
            Assert.Contains(file.DetailContains, body, StringComparison.OrdinalIgnoreCase);
        }
        else
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var detail = JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString();
            Assert.False(string.IsNullOrWhiteSpace(detail));
            Assert.Contains(file.DetailContains, detail, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Equal(before, await DatabaseState.SnapshotAsync(database));
        return body;
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, MalformedFile file)
    {
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file.Content);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        // Set by hand so that the name goes out as the case has it (slashes, dots, NUL), not cleaned by the client.
        content.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"berkas\"", FileNameStar = file.FileName };
        form.Add(content);
        var query = file.Query.Length > 0 ? "?" + file.Query : "";
        return client.PostAsync(url + query, form);
    }
}
