using System.Security.Claims;
using System.Text.Encodings.Web;
using Geo.Core.Akun;
using Geo.Api.Akun;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Geo.Api.Tests.Support;

/// <summary>
/// Test-only sign-in: the identity comes from request headers written by the test and becomes the
/// claims every real sign-in puts on the caller (<see cref="GeoClaims"/>: ClaimTypes.Name, each
/// ClaimTypes.Role, geo:wilayah). Authentication itself is built elsewhere; this lets API tests
/// act as any account without a password. Never part of the server: only registered through
/// <see cref="AddUjiAuth"/> by the test hosts.
/// </summary>
public static class UjiAuth
{
    public const string Scheme = "Uji";
    public const string NamaHeader = "X-Uji-Nama";
    public const string PeranHeader = "X-Uji-Peran";
    public const string WilayahHeader = "X-Uji-Wilayah";

    /// <summary>
    /// Adds the test sign-in beside the real ones: a request carrying <see cref="NamaHeader"/> is
    /// signed in from the headers; any other goes the way the server sends it (cookie, API token,
    /// OIDC), so challenges and the real sign-ins still answer as they do in production.
    /// </summary>
    public static void AddUjiAuth(this IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, Handler>(Scheme, _ => { });
        services.PostConfigure<PolicySchemeOptions>(AkunServices.Scheme, o =>
        {
            var server = o.ForwardDefaultSelector!;
            o.ForwardDefaultSelector = http => http.Request.Headers.ContainsKey(NamaHeader) ? Scheme : server(http);
        });
    }

    /// <summary>A client signed in as <paramref name="nama"/> of <paramref name="wilayah"/> (a code or "nasional") with the roles given.</summary>
    public static HttpClient ClientAs(this WebApplicationFactory<Program> factory, string nama, string wilayah, params Peran[] peran)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(NamaHeader, nama);
        client.DefaultRequestHeaders.Add(WilayahHeader, wilayah);
        client.DefaultRequestHeaders.Add(PeranHeader, string.Join(",", peran.Select(p => p.ToName())));
        return client;
    }

    private sealed class Handler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (Request.Headers[NamaHeader].FirstOrDefault() is not { Length: > 0 } nama) return Task.FromResult(AuthenticateResult.NoResult());
            var claims = new List<Claim> { new(ClaimTypes.Name, nama) };
            if (Request.Headers[WilayahHeader].FirstOrDefault() is { Length: > 0 } wilayah) claims.Add(new Claim(GeoClaims.Wilayah, wilayah));
            foreach (var peran in (Request.Headers[PeranHeader].FirstOrDefault() ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                claims.Add(new Claim(ClaimTypes.Role, peran));
            }
            var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, UjiAuth.Scheme));
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, UjiAuth.Scheme)));
        }
    }
}
