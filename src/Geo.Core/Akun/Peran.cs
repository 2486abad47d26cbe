namespace Geo.Core.Akun;

/// <summary>
/// The roles of the national convergence web. An account belongs to one wilayah (national,
/// provinsi or kab/kota) and may hold several roles there.
/// </summary>
public enum Peran
{
    /// <summary>Enters data: imports boundaries and indicator files (as drafts).</summary>
    Operator,

    /// <summary>Verifies a draft batch (draf → diverifikasi) or rejects it.</summary>
    Verifikator,

    /// <summary>Approves a verified batch (diverifikasi → disetujui) and publishes it (disetujui → terbit), or rejects or withdraws it.</summary>
    Approver,

    /// <summary>TPPS analyst: runs and saves analyses (on drafts too, privately) and lokus lists.</summary>
    Analis,

    /// <summary>Manages accounts in its own area and reads the audit log.</summary>
    Admin,
}

public static class PeranNames
{
    public static string ToName(this Peran peran) => peran switch
    {
        Peran.Operator => "operator",
        Peran.Verifikator => "verifikator",
        Peran.Approver => "approver",
        Peran.Analis => "analis",
        Peran.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(peran)),
    };

    public static bool TryParse(string? text, out Peran peran)
    {
        foreach (var candidate in Enum.GetValues<Peran>())
        {
            if (string.Equals(candidate.ToName(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                peran = candidate;
                return true;
            }
        }
        peran = default;
        return false;
    }
}

/// <summary>
/// The claims every way of signing in (cookie, API token, an external OpenID Connect provider)
/// puts on the caller's identity, and the only ones authorization reads: the account name
/// (<c>ClaimTypes.Name</c>), each role (<c>ClaimTypes.Role</c>, lower-case names of
/// <see cref="Peran"/>), and the account's wilayah.
/// </summary>
public static class GeoClaims
{
    /// <summary>The account's Kepmendagri code; <see cref="Nasional"/> for a national account.</summary>
    public const string Wilayah = "geo:wilayah";

    public const string Nasional = "nasional";
}
