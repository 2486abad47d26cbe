using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Geo.Api.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Geo.Api.Tests.Akun;

/// <summary>An external provider, played by a key made here: its signed tokens map to the contract's claims.</summary>
public sealed class OidcTests(GeoApiFactory factory) : IClassFixture<GeoApiFactory>, IDisposable
{
    private const string Issuer = "https://sso.example.go.id/realms/tpps";
    private const string Audience = "geo-api";
    private readonly RSA _key = RSA.Create(2048);
    private readonly RSA _otherKey = RSA.Create(2048);

    public void Dispose()
    {
        _key.Dispose();
        _otherKey.Dispose();
    }

    private WebApplicationFactory<Program> Server() => factory.WithWebHostBuilder(b => b
        .UseSetting("Geo:Oidc:Authority", Issuer)
        .UseSetting("Geo:Oidc:Audience", Audience)
        .UseSetting("Geo:Oidc:KunciPublikPem", _key.ExportSubjectPublicKeyInfoPem()));

    private static string Sign(RSA key, Dictionary<string, object> claims, string issuer = Issuer, string audience = Audience) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Expires = DateTime.UtcNow.AddMinutes(5),
            Claims = claims,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key), SecurityAlgorithms.RsaSha256),
        });

    private static Dictionary<string, object> Claims(string wilayah = "18.72") => new()
    {
        ["sub"] = "0b6f3c",
        ["preferred_username"] = "kartika",
        ["roles"] = new[] { "operator", "Analis", "offline_access", "superuser" },
        ["geo_wilayah"] = wilayah,
    };

    [Fact]
    public async Task A_provider_token_maps_to_name_known_roles_and_wilayah()
    {
        var server = Server();
        var saya = await AkunClient.WithBearer(server, Sign(_key, Claims())).GetFromJsonAsync<JsonElement>("/api/akun/saya");
        Assert.Equal(("kartika", "18.72", "oidc"), (saya.GetProperty("nama").GetString(), saya.GetProperty("wilayah").GetString(), saya.GetProperty("cara").GetString()));
        Assert.Equal(["analis", "operator"], saya.GetProperty("peran").EnumerateArray().Select(p => p.GetString()!).Order());

        var nasional = await AkunClient.WithBearer(server, Sign(_key, Claims("nasional"))).GetFromJsonAsync<JsonElement>("/api/akun/saya");
        Assert.Equal("nasional", nasional.GetProperty("wilayah").GetString());
    }

    [Fact]
    public async Task Wrong_audience_issuer_signature_or_wilayah_is_401()
    {
        var server = Server();
        foreach (var (token, words) in new[]
        {
            (Sign(_key, Claims(), audience: "aplikasi-lain"), "audience"),
            (Sign(_key, Claims(), issuer: "https://palsu.example/realms/tpps"), "penerbit"),
            (Sign(_otherKey, Claims()), "tanda tangan"),
            (Sign(_key, Claims("18.72.01")), "wilayah"),
        })
        {
            var problem = await AkunClient.ProblemAsync(await AkunClient.WithBearer(server, token).GetAsync("/api/akun/saya"), HttpStatusCode.Unauthorized);
            Assert.Contains(words, problem.GetProperty("detail").GetString());
        }
    }
}
