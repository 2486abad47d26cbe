using System.Security.Cryptography;
using Geo.Api.Hosting;
using Geo.Core.Errors;
using Geo.Data.Akun;
using Geo.Data.Database;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;

namespace Geo.Api.Akun;

/// <summary>
/// Authentication: one policy scheme (<see cref="Scheme"/>) in front of three ways in — the web
/// page's cookie (Identity), personal API tokens, and an external OpenID Connect provider — so an
/// endpoint sees one <c>User</c> with the contract's claims whichever was used.
/// </summary>
public static class AkunServices
{
    public const string Scheme = "Geo";
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";

    public static IServiceCollection AddAkun(this IServiceCollection services, IConfiguration configuration)
    {
        var oidc = configuration.GetSection("Geo:Oidc").Get<OidcOptions>() ?? new OidcOptions();
        var oidcOn = !string.IsNullOrWhiteSpace(oidc.Authority);

        services.AddGeoIdentityCore()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<AkunClaimsFactory>();
        services.AddScoped<AkunAdministrasi>();
        // A deactivated account's cookie (its security stamp changed) stops working within this time.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        // One key ring for every instance behind a proxy, in the database: a session cookie or an
        // antiforgery token made by one instance is read by the next.
        services.AddDataProtection().SetApplicationName("geo").PersistKeysToDbContext<GeoDbContext>();
        services.AddAntiforgery(o =>
        {
            o.HeaderName = AntiforgeryHeader;
            o.Cookie.Name = "geo.af";
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        var auth = services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Cookie, token API atau OIDC", o => o.ForwardDefaultSelector = http =>
                TokenApiHandler.BearerToken(http.Request) is { } bearer
                    ? (oidcOn && !bearer.StartsWith(TokenApi.Prefix, StringComparison.Ordinal) ? JwtBearerDefaults.AuthenticationScheme : TokenApiHandler.SchemeName)
                    : IdentityConstants.ApplicationScheme)
            .AddCookie(IdentityConstants.ApplicationScheme, o =>
            {
                o.Cookie.Name = "geo.sesi";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.SlidingExpiration = true;
                o.Events = new CookieAuthenticationEvents
                {
                    OnValidatePrincipal = SecurityStampValidator.ValidatePrincipalAsync,
                    // An API has no login page to send anyone to: 401 and 403 as problem JSON.
                    OnRedirectToLogin = c => ErrorHandling.WriteAsync(c.HttpContext, GeoException.Unauthenticated("perlu masuk: masuk lewat POST /api/akun/masuk atau kirim token API (Authorization: Bearer geo_...)")),
                    OnRedirectToAccessDenied = c => ErrorHandling.WriteAsync(c.HttpContext, GeoException.Forbidden("akun ini tidak berhak atas permintaan ini")),
                    OnRedirectToLogout = c => { c.Response.StatusCode = StatusCodes.Status204NoContent; return Task.CompletedTask; },
                    OnRedirectToReturnUrl = c => Task.CompletedTask,
                };
            })
            .AddScheme<AuthenticationSchemeOptions, TokenApiHandler>(TokenApiHandler.SchemeName, null);

        if (oidcOn)
        {
            services.AddSingleton(oidc);
            auth.AddJwtBearer(o => ConfigureOidc(o, oidc));
        }

        services.AddGeoAuthorization();
        return services;
    }

    private static void ConfigureOidc(JwtBearerOptions o, OidcOptions oidc)
    {
        o.Authority = oidc.Authority;
        o.Audience = oidc.Audience;
        o.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
        // Claim names as the provider wrote them: the mapping below names them in Geo:Oidc.
        o.MapInboundClaims = false;
        o.TokenValidationParameters.ValidIssuer = oidc.Authority;
        o.TokenValidationParameters.ValidAudience = oidc.Audience;
        o.TokenValidationParameters.ValidateAudience = true;
        if (!string.IsNullOrWhiteSpace(oidc.KunciPublikPem))
        {
            var rsa = RSA.Create();
            rsa.ImportFromPem(oidc.KunciPublikPem);
            o.TokenValidationParameters.IssuerSigningKey = new RsaSecurityKey(rsa);
            // The key is given: no discovery document is fetched.
            o.Configuration = new Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectConfiguration { Issuer = oidc.Authority };
        }
        o.Events = new JwtBearerEvents
        {
            OnTokenValidated = c =>
            {
                var (identity, error) = OidcClaims.Map(c.Principal!, oidc);
                if (identity is null) c.Fail(error!);
                else c.Principal = new System.Security.Claims.ClaimsPrincipal(identity);
                return Task.CompletedTask;
            },
            OnChallenge = async c =>
            {
                c.HandleResponse();
                c.Response.Headers.WWWAuthenticate = "Bearer";
                var detail = c.AuthenticateFailure switch
                {
                    null => "perlu masuk: kirim token akses dari penyedia identitas (Authorization: Bearer ...)",
                    SecurityTokenExpiredException => "token OIDC kedaluwarsa",
                    SecurityTokenInvalidAudienceException => "token OIDC bukan untuk layanan ini (audience salah)",
                    SecurityTokenInvalidIssuerException => "token OIDC dari penerbit yang tidak dikenal",
                    SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "tanda tangan token OIDC tidak sah",
                    // The mapping's own reason (OidcClaims), already in Indonesian.
                    AuthenticationFailureException mapped => mapped.Message,
                    _ => "token OIDC tidak sah",
                };
                await ErrorHandling.WriteAsync(c.HttpContext, GeoException.Unauthenticated(detail));
            },
            OnForbidden = c => ErrorHandling.WriteAsync(c.HttpContext, GeoException.Forbidden("akun ini tidak berhak atas permintaan ini")),
        };
    }

    /// <summary>
    /// Unsafe requests that a browser's cookie authenticated must carry the antiforgery token in
    /// <see cref="AntiforgeryHeader"/>; the sign-in itself is exempt (there is no session yet), and
    /// callers with a token need none (a browser never adds an Authorization header on its own).
    /// </summary>
    public static void UseAkunAntiforgery(this WebApplication app) => app.Use(async (http, next) =>
    {
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method) && !HttpMethods.IsOptions(http.Request.Method)
            && !HttpMethods.IsTrace(http.Request.Method)
            && http.User.Identity is { IsAuthenticated: true, AuthenticationType: var type } && type == IdentityConstants.ApplicationScheme
            && !http.Request.Path.Equals(AkunEndpointPaths.Masuk, StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException e)
            {
                throw GeoException.Invalid($"token antiforgery tidak ada atau tidak sah: ambil dari GET /api/akun/antiforgery dan kirim di header {AntiforgeryHeader}", inner: e);
            }
        }
        await next(http);
    });
}

internal static class AkunEndpointPaths
{
    public const string Masuk = "/api/akun/masuk";
}
