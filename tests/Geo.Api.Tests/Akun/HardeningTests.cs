using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Geo.Api.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Geo.Api.Tests.Akun;

public sealed class HardeningTests(GeoApiFactory factory) : IClassFixture<GeoApiFactory>
{
    [Fact]
    public async Task Anonymous_callers_past_the_limit_get_429_with_Retry_After_signed_in_ones_do_not()
    {
        var server = factory.WithWebHostBuilder(b => b.UseSetting("Geo:RateLimit:PermintaanPerMenit", "4"));
        var sandi = await AkunClient.CreateAccountAsync(server, "lina", "18.72", "analis");
        // Signing in is itself anonymous (1 of the 4); the antiforgery and token requests that follow are signed in.
        var cookie = await AkunClient.SignedInAsync(server, "lina", sandi);
        var (_, token) = await AkunClient.CreateTokenAsync(cookie, "peta");

        var anonymous = server.CreateClient();
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/tiles")).StatusCode);
        var refused = await anonymous.GetAsync("/tiles");
        var problem = await AkunClient.ProblemAsync(refused, (HttpStatusCode)429);
        Assert.Equal("terlalu_sering", problem.GetProperty("jenis").GetString());
        Assert.Contains("per menit", problem.GetProperty("detail").GetString());
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);

        var bearer = AkunClient.WithBearer(server, token);
        for (var i = 0; i < 10; i++) Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/tiles")).StatusCode);
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync("/tiles")).StatusCode);
    }

    [Fact]
    public async Task With_cors_on_every_answer_varies_by_origin_so_a_cached_tile_never_reaches_another_site_without_its_header()
    {
        var client = factory.WithWebHostBuilder(b => b.UseSetting("Geo:Cors:Origins", "https://peta.example.go.id")).CreateClient();
        using var plain = await client.GetAsync("/tiles/desa.json");
        Assert.Contains("Origin", plain.Headers.Vary);
        Assert.False(plain.Headers.Contains("Access-Control-Allow-Origin"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/tiles/desa.json");
        request.Headers.Add("Origin", "https://peta.example.go.id");
        using var cross = await client.SendAsync(request);
        Assert.Equal("https://peta.example.go.id", cross.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Single(cross.Headers.Vary, v => v == "Origin");
        Assert.DoesNotContain("Origin", (await factory.CreateClient().GetAsync("/tiles/desa.json")).Headers.Vary);
    }

    [Fact]
    public async Task Cors_preflight_is_answered_for_configured_origins_only()
    {
        var client = factory.WithWebHostBuilder(b => b.UseSetting("Geo:Cors:Origins", "https://peta.example.go.id")).CreateClient();
        foreach (var (origin, allowed) in new[] { ("https://peta.example.go.id", true), ("https://jahat.example", false) })
        {
            var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/akun/token");
            preflight.Headers.Add("Origin", origin);
            preflight.Headers.Add("Access-Control-Request-Method", "POST");
            preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
            var response = await client.SendAsync(preflight);
            Assert.Equal(allowed, response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) && values.Single() == origin);
            if (allowed) Assert.Contains("POST", response.Headers.GetValues("Access-Control-Allow-Methods").Single());
        }
    }

    [Fact]
    public async Task Every_response_carries_security_headers()
    {
        var client = factory.WithWebHostBuilder(b => b.UseSetting("Geo:Embed:FrameAncestors", "https://portal.example.go.id")).CreateClient();
        foreach (var path in new[] { "/tiles", "/tidak-ada", "/swagger/index.html", "/embed/peta" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            if (path.StartsWith("/embed", StringComparison.Ordinal))
            {
                Assert.EndsWith("frame-ancestors https://portal.example.go.id", csp);
                Assert.False(response.Headers.Contains("X-Frame-Options"));
            }
            else
            {
                Assert.EndsWith("frame-ancestors 'none'", csp);
                Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            }
            if (response.Content.Headers.ContentType?.MediaType == "text/html") Assert.StartsWith("default-src 'self'", csp);
        }
    }

    [Theory]
    [InlineData("10.20.30.40", "https://peta.example.go.id/tiles/desa/")]
    [InlineData("198.51.100.7", "http://localhost/tiles/desa/")]
    public async Task Forwarded_headers_count_only_from_a_known_proxy(string remote, string expectedPrefix)
    {
        var client = factory.WithWebHostBuilder(b => b
            .UseSetting("Geo:Proxy:KnownProxies", "10.20.30.40")
            .UseSetting("AllowedHosts", "localhost;peta.example.go.id")
            .ConfigureServices(s => s.AddSingleton<IStartupFilter>(new RemoteAddress(IPAddress.Parse(remote))))).CreateClient();

        var request = new HttpRequestMessage(HttpMethod.Get, "/tiles/desa.json");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "peta.example.go.id");
        request.Headers.Add("X-Forwarded-For", "203.0.113.50");
        var tilejson = await (await client.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith(expectedPrefix, tilejson.GetProperty("tiles")[0].GetString());

        // Even a known proxy cannot name a host outside AllowedHosts.
        var forged = new HttpRequestMessage(HttpMethod.Get, "/tiles/desa.json");
        forged.Headers.Add("X-Forwarded-Host", "jahat.example");
        var body = await (await client.SendAsync(forged)).Content.ReadAsStringAsync();
        Assert.DoesNotContain("jahat.example", body);
    }

    /// <summary>TestServer has no client address: this gives each request the one the test names.</summary>
    private sealed class RemoteAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, then) =>
            {
                http.Connection.RemoteIpAddress = address;
                return then(http);
            });
            next(app);
        };
    }
}
