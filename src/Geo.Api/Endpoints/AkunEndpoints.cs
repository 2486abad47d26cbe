using System.Security.Claims;
using Geo.Api.Akun;
using Geo.Api.Hosting;
using Geo.Core.Akun;
using Geo.Core.Errors;
using Geo.Data.Akun;
using Geo.Data.Database;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Geo.Api.Endpoints;

/// <summary>Signing in and out, who am I, the antiforgery token, and personal API tokens.</summary>
public static class AkunEndpoints
{
    public sealed record Masuk(string? Nama, string? Sandi);

    public sealed record Saya(string Nama, string Wilayah, IReadOnlyList<string> Peran, string Cara);

    public sealed record TokenBaru(string? Nama, int? HariBerlaku);

    public sealed record TokenDibuat(long Id, string Nama, string Token, DateTimeOffset Kedaluwarsa);

    public sealed record TokenRingkas(long Id, string Nama, DateTimeOffset Dibuat, DateTimeOffset Kedaluwarsa, DateTimeOffset? Dicabut, DateTimeOffset? TerakhirDipakai);

    public sealed record TokenAntiforgery(string Token, string Header);

    public const int MaksimumHariBerlaku = 365;

    public static void MapAkunEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/akun").WithTags("Akun");

        group.MapPost("/masuk", async (Masuk masuk, SignInManager<Data.Akun.Akun> signIn, UserManager<Data.Akun.Akun> users) =>
        {
            if (string.IsNullOrWhiteSpace(masuk.Nama) || string.IsNullOrEmpty(masuk.Sandi)) throw GeoException.Invalid("nama dan sandi wajib diisi");
            var result = await signIn.PasswordSignInAsync(masuk.Nama.Trim(), masuk.Sandi, isPersistent: false, lockoutOnFailure: true);
            if (result.IsLockedOut)
            {
                var end = await users.FindByNameAsync(masuk.Nama.Trim()) is { } akun ? await users.GetLockoutEndDateAsync(akun) : null;
                throw GeoException.Unauthenticated($"akun terkunci karena {AkunIdentity.MaxFailedAttempts} kali salah sandi; coba lagi setelah {end:u}");
            }
            // A wrong name, a wrong password and an inactive account read the same to the caller.
            if (!result.Succeeded) throw GeoException.Unauthenticated("nama atau sandi salah, atau akun tidak aktif");
            return Results.NoContent();
        }).Publik().WithSummary("Masuk dengan nama dan sandi: memasang cookie sesi (5 kali salah mengunci akun 15 menit)").Produces(StatusCodes.Status204NoContent);

        group.MapPost("/keluar", async (HttpContext http) =>
        {
            await http.SignOutAsync(IdentityConstants.ApplicationScheme);
            return Results.NoContent();
        }).Akun().WithSummary("Keluar: hapus cookie sesi").Produces(StatusCodes.Status204NoContent);

        group.MapGet("/saya", (ClaimsPrincipal user) => new Saya(
                user.Identity!.Name!,
                user.FindFirst(GeoClaims.Wilayah)?.Value ?? GeoClaims.Nasional,
                user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList(),
                user.Identity.AuthenticationType switch
                {
                    TokenApiHandler.SchemeName => "token",
                    OidcClaims.AuthenticationType => "oidc",
                    _ => "cookie",
                }))
            .Akun()
            .WithSummary("Akun yang sedang masuk: nama, wilayah, peran");

        group.MapGet("/antiforgery", (HttpContext http, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(http);
            return new TokenAntiforgery(tokens.RequestToken!, AkunServices.AntiforgeryHeader);
        }).Publik().WithSummary("Token antiforgery untuk permintaan POST/PUT/DELETE dengan cookie (kirim di header X-CSRF-TOKEN)");

        var tokens = group.MapGroup("/token").Akun();
        tokens.MapPost("", async (TokenBaru baru, ClaimsPrincipal user, GeoDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var akunId = LocalAccountId(user);
            var nama = baru.Nama?.Trim();
            if (string.IsNullOrEmpty(nama) || nama.Length > 100) throw GeoException.Parameter("nama", "nama token wajib diisi, paling panjang 100 karakter");
            var hari = baru.HariBerlaku ?? 90;
            if (hari is < 1 or > MaksimumHariBerlaku) throw GeoException.Parameter("hariBerlaku", $"masa berlaku 1 sampai {MaksimumHariBerlaku} hari");
            var secret = TokenApi.Generate();
            var now = clock.GetUtcNow();
            var row = new AkunTokenApi { AkunId = akunId, Nama = nama, Hash = TokenApi.Hash(secret), Dibuat = now, Kedaluwarsa = now.AddDays(hari) };
            db.TokenApi.Add(row);
            await db.SaveChangesAsync(ct);
            return Results.Ok(new TokenDibuat(row.Id, row.Nama, secret, row.Kedaluwarsa));
        }).WithSummary("Buat token API pribadi; rahasianya hanya ditampilkan sekali").Produces<TokenDibuat>();

        tokens.MapGet("", async (ClaimsPrincipal user, GeoDbContext db, CancellationToken ct) =>
        {
            var akunId = LocalAccountId(user);
            return await db.TokenApi.AsNoTracking().Where(t => t.AkunId == akunId).OrderBy(t => t.Id)
                .Select(t => new TokenRingkas(t.Id, t.Nama, t.Dibuat, t.Kedaluwarsa, t.Dicabut, t.TerakhirDipakai)).ToListAsync(ct);
        }).WithSummary("Token API milik akun ini (tanpa rahasianya)");

        tokens.MapDelete("/{id:long}", async (long id, ClaimsPrincipal user, GeoDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var akunId = LocalAccountId(user);
            var now = clock.GetUtcNow();
            var changed = await db.TokenApi.Where(t => t.Id == id && t.AkunId == akunId)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Dicabut, t => t.Dicabut ?? now), ct);
            if (changed == 0) throw GeoException.NotFound($"token {id} tidak ada pada akun ini");
            return Results.NoContent();
        }).WithSummary("Cabut token API").Produces(StatusCodes.Status204NoContent);
    }

    /// <summary>API tokens belong to local accounts; a caller from the external provider has none here.</summary>
    private static long LocalAccountId(ClaimsPrincipal user) =>
        user.Identity?.AuthenticationType != OidcClaims.AuthenticationType && long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            ? id
            : throw GeoException.Forbidden("token API hanya untuk akun lokal; akun dari penyedia identitas memakai token penyedia itu");
}
