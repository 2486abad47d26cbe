using System.Security.Cryptography;
using Geo.Core.Akun;
using Geo.Core.Errors;
using Geo.Core.Wilayah;
using Geo.Data.Database;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Geo.Data.Akun;

/// <summary>One account as listed: name, area, roles, state.</summary>
public sealed record AkunRingkas(long Id, string Nama, string Wilayah, IReadOnlyList<string> Peran, bool Aktif, bool Terkunci, DateTimeOffset Dibuat);

/// <summary>
/// Creating, listing, deactivating accounts and resetting passwords, through Identity's
/// <see cref="UserManager{TUser}"/> (so rules and hashing are Identity's), with Geo's checks on
/// wilayah and roles. Failures are <see cref="GeoException"/>s.
/// </summary>
public sealed class AkunAdministrasi(UserManager<Akun> users, GeoDbContext db)
{
    /// <summary>Creates the account; returns the password (the one given, or a generated one to show once).</summary>
    public async Task<(Akun Akun, string Sandi)> CreateAsync(string nama, string wilayah, IEnumerable<string> peran, string? sandi, CancellationToken ct = default)
    {
        var kode = await ParseWilayahAsync(wilayah, ct);
        var roles = ParsePeran(peran);
        if (await users.FindByNameAsync(nama) is not null) throw GeoException.Conflict($"akun '{nama}' sudah ada");
        var akun = new Akun { UserName = nama, Wilayah = kode, Aktif = true, Dibuat = DateTimeOffset.UtcNow };
        var password = sandi ?? GeneratePassword();

        // One transaction: an account whose password or roles were refused is not left behind.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Check(await users.CreateAsync(akun, password));
        if (roles.Count > 0) Check(await users.AddToRolesAsync(akun, roles));
        await tx.CommitAsync(ct);
        return (akun, password);
    }

    public async Task<IReadOnlyList<AkunRingkas>> ListAsync(CancellationToken ct = default)
    {
        var now = DateTimeOffset.UtcNow;
        var rows = await db.Users.AsNoTracking().OrderBy(a => a.UserName)
            .Select(a => new
            {
                a.Id,
                a.UserName,
                a.Wilayah,
                a.Aktif,
                a.LockoutEnd,
                a.Dibuat,
                Peran = db.UserRoles.Where(r => r.UserId == a.Id).Join(db.Roles, r => r.RoleId, p => p.Id, (_, p) => p.Name!).ToList(),
            })
            .ToListAsync(ct);
        return rows.Select(r => new AkunRingkas(r.Id, r.UserName!, r.Wilayah ?? GeoClaims.Nasional, r.Peran.Order(StringComparer.Ordinal).ToList(),
            r.Aktif, r.LockoutEnd > now, r.Dibuat)).ToList();
    }

    /// <summary>Deactivates the account; a new security stamp ends its cookie sessions, and its API tokens stop working.</summary>
    public async Task<Akun> DeactivateAsync(string nama)
    {
        var akun = await FindAsync(nama);
        akun.Aktif = false;
        Check(await users.UpdateAsync(akun));
        Check(await users.UpdateSecurityStampAsync(akun));
        return akun;
    }

    /// <summary>Sets a new generated password (also lifting a lockout); returns it to show once.</summary>
    public async Task<string> ResetPasswordAsync(string nama)
    {
        var akun = await FindAsync(nama);
        var password = GeneratePassword();
        Check(await users.RemovePasswordAsync(akun));
        Check(await users.AddPasswordAsync(akun, password));
        Check(await users.SetLockoutEndDateAsync(akun, null));
        Check(await users.ResetAccessFailedCountAsync(akun));
        return password;
    }

    public async Task<Akun> FindAsync(string nama) =>
        await users.FindByNameAsync(nama) ?? throw GeoException.NotFound($"akun '{nama}' tidak ada");

    /// <summary>"nasional", or the code of an existing provinsi or kab/kota.</summary>
    public async Task<string?> ParseWilayahAsync(string wilayah, CancellationToken ct)
    {
        if (string.Equals(wilayah.Trim(), GeoClaims.Nasional, StringComparison.OrdinalIgnoreCase)) return null;
        if (!KodeWilayah.TryParse(wilayah, out var kode, out var error)) throw GeoException.Invalid(error);
        if (kode.Tingkat is not (Tingkat.Provinsi or Tingkat.KabKota))
        {
            throw GeoException.Invalid($"wilayah akun harus nasional, provinsi atau kab/kota; {kode.Value} adalah {kode.Tingkat.ToName()}");
        }
        if (!await db.Wilayah.AnyAsync(w => w.Kode == kode.Value, ct)) throw GeoException.NotFound($"wilayah {kode.Value} tidak ada");
        return kode.Value;
    }

    public static IReadOnlyList<string> ParsePeran(IEnumerable<string> peran)
    {
        var names = new List<string>();
        foreach (var text in peran.SelectMany(p => p.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!PeranNames.TryParse(text, out var role))
            {
                throw GeoException.Invalid($"peran '{text}' tidak dikenal ({string.Join(", ", Enum.GetValues<Peran>().Select(p => p.ToName()))})");
            }
            if (!names.Contains(role.ToName())) names.Add(role.ToName());
        }
        return names;
    }

    /// <summary>16 characters of letters and digits: about 95 bits, and always of several classes.</summary>
    public static string GeneratePassword()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        while (true)
        {
            var password = RandomNumberGenerator.GetString(alphabet, 16);
            if (password.Any(char.IsLower) && password.Any(char.IsUpper) && password.Any(char.IsDigit)) return password;
        }
    }

    private static void Check(IdentityResult result)
    {
        if (result.Succeeded) return;
        var detail = string.Join("; ", result.Errors.Select(e => e.Description));
        throw result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateUserName))
            ? GeoException.Conflict(detail)
            : GeoException.Invalid(detail);
    }
}
