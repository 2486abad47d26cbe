using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Geo.Data.Akun;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Geo.Api.Tests.Akun;

/// <summary>Accounts, sign-in and tokens as a test needs them, through the server's own services and endpoints.</summary>
public static class AkunClient
{
    public static async Task<string> CreateAccountAsync<T>(WebApplicationFactory<T> factory, string nama, string wilayah, params string[] peran) where T : class
    {
        using var scope = factory.Services.CreateScope();
        var (_, sandi) = await scope.ServiceProvider.GetRequiredService<AkunAdministrasi>().CreateAsync(nama, wilayah, peran, null);
        return sandi;
    }

    public static async Task DeactivateAsync<T>(WebApplicationFactory<T> factory, string nama) where T : class
    {
        using var scope = factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<AkunAdministrasi>().DeactivateAsync(nama);
    }

    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string nama, string sandi) =>
        client.PostAsJsonAsync("/api/akun/masuk", new { nama, sandi });

    /// <summary>A client signed in by cookie, carrying the antiforgery token on every request.</summary>
    public static async Task<HttpClient> SignedInAsync<T>(WebApplicationFactory<T> factory, string nama, string sandi) where T : class
    {
        var client = factory.CreateClient();
        var response = await SignInAsync(client, nama, sandi);
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
        var af = await client.GetFromJsonAsync<JsonElement>("/api/akun/antiforgery");
        client.DefaultRequestHeaders.Add(af.GetProperty("header").GetString()!, af.GetProperty("token").GetString());
        return client;
    }

    public static async Task<(long Id, string Token)> CreateTokenAsync(HttpClient signedIn, string nama, int hari = 30)
    {
        var response = await signedIn.PostAsJsonAsync("/api/akun/token", new { nama, hariBerlaku = hari });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return (body.GetProperty("id").GetInt64(), body.GetProperty("token").GetString()!);
    }

    public static HttpClient WithBearer<T>(WebApplicationFactory<T> factory, string token) where T : class
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The problem body of a failed response, after checking it is problem JSON with this status.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement;
    }
}
