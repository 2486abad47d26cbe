namespace Geo.Api.Akun;

/// <summary><c>Geo:Oidc</c>: an external OpenID Connect provider whose access tokens the API accepts.</summary>
public sealed class OidcOptions
{
    /// <summary>The issuer (Keycloak: https://host/realms/NAME); unset turns OIDC off.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience tokens must name (Keycloak: the client id, with an audience mapper).</summary>
    public string? Audience { get; set; }

    /// <summary>The claim holding the roles; values other than the five role names are dropped.</summary>
    public string KlaimPeran { get; set; } = "roles";

    /// <summary>The claim holding the wilayah: "nasional" or a Kepmendagri code. A token without it is refused.</summary>
    public string KlaimWilayah { get; set; } = "geo_wilayah";

    /// <summary>The claim holding the account name.</summary>
    public string KlaimNama { get; set; } = "preferred_username";

    /// <summary>
    /// The provider's signing key as PEM, for tests and offline servers: then no discovery document
    /// is fetched and tokens must be signed by this key.
    /// </summary>
    public string? KunciPublikPem { get; set; }

    /// <summary>HTTPS metadata is required except for a provider on this machine (development).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}
