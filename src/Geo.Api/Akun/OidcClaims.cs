using System.Security.Claims;
using Geo.Core.Akun;
using Geo.Core.Wilayah;

namespace Geo.Api.Akun;

/// <summary>
/// An external provider's token, reduced to the contract's claims: the name, the roles Geo knows
/// (lower-case; any other is dropped) and the wilayah. Nothing else of the token reaches authorization.
/// </summary>
public static class OidcClaims
{
    public const string AuthenticationType = "Oidc";

    /// <summary>The mapped identity, or the reason (Indonesian) the token cannot be used.</summary>
    public static (ClaimsIdentity? Identity, string? Error) Map(ClaimsPrincipal token, OidcOptions options)
    {
        var name = token.FindFirst(options.KlaimNama)?.Value ?? token.FindFirst("sub")?.Value;
        if (string.IsNullOrWhiteSpace(name)) return (null, $"token OIDC tidak memuat klaim nama ({options.KlaimNama})");

        var wilayahText = token.FindFirst(options.KlaimWilayah)?.Value;
        string wilayah;
        if (string.Equals(wilayahText, GeoClaims.Nasional, StringComparison.OrdinalIgnoreCase)) wilayah = GeoClaims.Nasional;
        else if (KodeWilayah.TryParse(wilayahText, out var kode, out _) && kode.Tingkat is Tingkat.Provinsi or Tingkat.KabKota) wilayah = kode.Value;
        else return (null, $"token OIDC tidak memuat klaim wilayah yang sah ({options.KlaimWilayah}: nasional atau kode provinsi/kab/kota)");

        var identity = new ClaimsIdentity(AuthenticationType, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.Name, name));
        var roles = token.FindAll(options.KlaimPeran).Select(c => PeranNames.TryParse(c.Value, out var p) ? p.ToName() : null)
            .OfType<string>().Distinct(StringComparer.Ordinal);
        foreach (var role in roles) identity.AddClaim(new Claim(ClaimTypes.Role, role));
        identity.AddClaim(new Claim(GeoClaims.Wilayah, wilayah));
        return (identity, null);
    }
}
