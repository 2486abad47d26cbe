namespace Geo.Api.Peta;

/// <summary>Configuration section <c>Geo:Peta</c>.</summary>
public sealed class PetaOptions
{
    /// <summary>Memory for cached tiles (raw and gzip bytes); 0 turns the cache off.</summary>
    public int CacheMegabytes { get; set; } = 256;

    /// <summary>How long clients may use a tile or feature page before revalidating with its ETag.</summary>
    public int MaxAgeSeconds { get; set; } = 30;
}
