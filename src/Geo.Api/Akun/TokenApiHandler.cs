using System.Security.Claims;
using System.Text.Encodings.Web;
using Geo.Api.Hosting;
using Geo.Core.Errors;
using Geo.Data.Akun;
using Geo.Data.Database;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Geo.Api.Akun;

/// <summary>
/// <c>Authorization: Bearer geo_...</c>: a personal API token, found by its hash, valid while it is
/// neither expired nor revoked and its account is active and not locked out. The caller gets the
/// claims its account would get by cookie.
/// </summary>
public sealed class TokenApiHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    GeoDbContext db, IUserClaimsPrincipalFactory<Data.Akun.Akun> claims, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "TokenApi";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerToken(Request) is not { } token) return AuthenticateResult.NoResult();
        if (!token.StartsWith(TokenApi.Prefix, StringComparison.Ordinal)) return AuthenticateResult.Fail("token bukan token API Geo (geo_...)");

        var hash = TokenApi.Hash(token);
        var found = await db.TokenApi.AsNoTracking().Where(t => t.Hash == hash)
            .Join(db.Users, t => t.AkunId, a => a.Id, (t, a) => new { Token = t, Akun = a })
            .FirstOrDefaultAsync(Context.RequestAborted);
        var now = clock.GetUtcNow();
        if (found is null) return AuthenticateResult.Fail("token API tidak dikenal");
        if (found.Token.Dicabut is { } revoked) return AuthenticateResult.Fail($"token API '{found.Token.Nama}' sudah dicabut pada {revoked:u}");
        if (found.Token.Kedaluwarsa <= now) return AuthenticateResult.Fail($"token API '{found.Token.Nama}' kedaluwarsa pada {found.Token.Kedaluwarsa:u}");
        if (!found.Akun.Aktif) return AuthenticateResult.Fail($"akun '{found.Akun.UserName}' tidak aktif");
        if (found.Akun.LockoutEnd > now) return AuthenticateResult.Fail($"akun '{found.Akun.UserName}' terkunci sampai {found.Akun.LockoutEnd:u}");

        // Last use is for the owner's list; once an hour is precise enough and spares a write per request.
        if (found.Token.TerakhirDipakai is null || found.Token.TerakhirDipakai < now.AddHours(-1))
        {
            await db.TokenApi.Where(t => t.Id == found.Token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.TerakhirDipakai, now), Context.RequestAborted);
        }

        var principal = await claims.CreateAsync(found.Akun);
        // Its own authentication type, so that antiforgery (for cookies only) can tell it apart.
        var identity = new ClaimsIdentity(principal.Claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.Headers.WWWAuthenticate = "Bearer";
        await ErrorHandling.WriteAsync(Context, GeoException.Unauthenticated(result.Failure?.Message ?? "perlu masuk: kirim token API (Authorization: Bearer geo_...) atau masuk lewat /api/akun/masuk"));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ErrorHandling.WriteAsync(Context, GeoException.Forbidden("akun ini tidak berhak atas permintaan ini"));

    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
    }
}
