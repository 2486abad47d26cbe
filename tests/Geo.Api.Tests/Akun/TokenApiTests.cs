using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Geo.Api.Tests.Support;

namespace Geo.Api.Tests.Akun;

public sealed class TokenApiTests(GeoApiFactory factory) : IClassFixture<GeoApiFactory>
{
    [Fact]
    public async Task A_token_works_is_listed_without_its_secret_and_stops_when_revoked()
    {
        var sandi = await AkunClient.CreateAccountAsync(factory, "fajar", "18.72", "analis");
        var cookie = await AkunClient.SignedInAsync(factory, "fajar", sandi);
        var (id, token) = await AkunClient.CreateTokenAsync(cookie, "skrip-harian");
        Assert.StartsWith("geo_", token);

        var bearer = AkunClient.WithBearer(factory, token);
        var saya = await bearer.GetFromJsonAsync<JsonElement>("/api/akun/saya");
        Assert.Equal(("fajar", "18.72", "token"), (saya.GetProperty("nama").GetString(), saya.GetProperty("wilayah").GetString(), saya.GetProperty("cara").GetString()));
        Assert.Equal(["analis"], saya.GetProperty("peran").EnumerateArray().Select(p => p.GetString()!));

        var list = await bearer.GetStringAsync("/api/akun/token");
        Assert.Contains("skrip-harian", list);
        Assert.DoesNotContain(token, list);
        Assert.DoesNotContain(token[4..], list);
        // Stored only as its SHA-256.
        Assert.Equal(1, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM akun_token_api WHERE hash = sha256(convert_to('{token}', 'UTF8'))"));

        // A token-authenticated write needs no antiforgery token.
        Assert.Equal(HttpStatusCode.NoContent, (await bearer.DeleteAsync($"/api/akun/token/{id}")).StatusCode);
        var revoked = await AkunClient.ProblemAsync(await bearer.GetAsync("/api/akun/saya"), HttpStatusCode.Unauthorized);
        Assert.Contains("dicabut", revoked.GetProperty("detail").GetString());
        Assert.Equal("perlu_masuk", revoked.GetProperty("jenis").GetString());
    }

    [Fact]
    public async Task Expired_tokens_are_refused()
    {
        var sandi = await AkunClient.CreateAccountAsync(factory, "gita", "18.72", "operator");
        var (id, token) = await AkunClient.CreateTokenAsync(await AkunClient.SignedInAsync(factory, "gita", sandi), "lama");
        var bearer = AkunClient.WithBearer(factory, token);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/akun/saya")).StatusCode);

        await factory.Database.ExecuteAsync($"UPDATE akun_token_api SET kedaluwarsa = now() - interval '1 minute' WHERE id = {id}");
        var expired = await AkunClient.ProblemAsync(await bearer.GetAsync("/api/akun/saya"), HttpStatusCode.Unauthorized);
        Assert.Contains("kedaluwarsa", expired.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Tokens_of_inactive_accounts_and_unknown_tokens_are_refused()
    {
        var sandi = await AkunClient.CreateAccountAsync(factory, "hadi", "18.72", "operator");
        var (_, token) = await AkunClient.CreateTokenAsync(await AkunClient.SignedInAsync(factory, "hadi", sandi), "skrip");
        var bearer = AkunClient.WithBearer(factory, token);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/akun/saya")).StatusCode);

        await AkunClient.DeactivateAsync(factory, "hadi");
        var inactive = await AkunClient.ProblemAsync(await bearer.GetAsync("/api/akun/saya"), HttpStatusCode.Unauthorized);
        Assert.Contains("tidak aktif", inactive.GetProperty("detail").GetString());

        var unknown = await AkunClient.ProblemAsync(await AkunClient.WithBearer(factory, token + "x").GetAsync("/api/akun/saya"), HttpStatusCode.Unauthorized);
        Assert.Contains("tidak dikenal", unknown.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Bad_token_requests_and_other_accounts_tokens()
    {
        var sandi = await AkunClient.CreateAccountAsync(factory, "intan", "18.72", "operator");
        var cookie = await AkunClient.SignedInAsync(factory, "intan", sandi);
        var tooLong = await AkunClient.ProblemAsync(await cookie.PostAsJsonAsync("/api/akun/token", new { nama = "x", hariBerlaku = 400 }), HttpStatusCode.BadRequest);
        Assert.Contains("365", tooLong.GetProperty("detail").GetString());

        var other = await AkunClient.CreateAccountAsync(factory, "joko", "18.72", "operator");
        var (id, _) = await AkunClient.CreateTokenAsync(await AkunClient.SignedInAsync(factory, "joko", other), "milik-joko");
        await AkunClient.ProblemAsync(await cookie.DeleteAsync($"/api/akun/token/{id}"), HttpStatusCode.NotFound);
    }
}
