using Microsoft.AspNetCore.Identity;

namespace Geo.Data.Akun;

/// <summary>
/// A local account: an Identity user with the wilayah it belongs to. Its roles are the five
/// <see cref="Geo.Core.Akun.Peran"/>, stored as Identity roles by their lower-case names.
/// </summary>
public sealed class Akun : IdentityUser<long>
{
    /// <summary>Kepmendagri code of the account's area; null for a national account.</summary>
    public string? Wilayah { get; set; }

    /// <summary>False once deactivated: it can no longer sign in, and its cookies and tokens stop working.</summary>
    public bool Aktif { get; set; } = true;

    public DateTimeOffset Dibuat { get; set; } = DateTimeOffset.UtcNow;
}

/// <summary>An Identity role; one row per <see cref="Geo.Core.Akun.Peran"/>, created by migration 0060.</summary>
public sealed class PeranAkun : IdentityRole<long>;

/// <summary>
/// A personal API token: only its SHA-256 hash is stored, so the secret is shown once, when it is
/// made, and a leaked table reveals none.
/// </summary>
public sealed class AkunTokenApi
{
    public long Id { get; set; }
    public long AkunId { get; set; }
    public required string Nama { get; set; }
    public required byte[] Hash { get; set; }
    public DateTimeOffset Dibuat { get; set; }
    public DateTimeOffset Kedaluwarsa { get; set; }
    public DateTimeOffset? Dicabut { get; set; }
    public DateTimeOffset? TerakhirDipakai { get; set; }
}
