using System.Security.Cryptography;
using System.Text;

namespace Geo.Data.Akun;

/// <summary>The secret of a personal API token and its stored form.</summary>
public static class TokenApi
{
    /// <summary>Every token starts so, which lets the server (and secret scanners) tell it from a JWT.</summary>
    public const string Prefix = "geo_";

    public static string Generate() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>
    /// SHA-256, unsalted: the secret has 256 random bits, so a lookup by hash is as safe as a slow
    /// password hash and costs one index probe per request.
    /// </summary>
    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
