using System.Diagnostics;
using Geo.Data.Peta;
using Microsoft.Extensions.Options;

namespace Geo.Api.Peta;

/// <summary>
/// The one way a tile is served, for every kind of tile: revalidation (304), the cache, one
/// query for concurrent misses, and the response with its caching headers. The caller's area
/// enters through the <see cref="TileKey"/>, and with it every query and cache entry.
/// </summary>
public sealed class TilePipeline(TileQueries tiles, TileCache cache, DataVersiTracker versions, IOptions<PetaOptions> options)
{
    public async Task<IResult> ServeAsync(HttpContext http, TileKey key)
    {
        var started = Stopwatch.GetTimestamp();
        var maxAge = options.Value.MaxAgeSeconds;
        var currentETag = key.ETag(versions.Current);
        if (PetaHttp.Matches(http.Request, currentETag))
        {
            PetaHttp.SetCaching(http.Response, currentETag, maxAge, key.Shared);
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        bool IsFresh(DataVersi v) => key.IsCurrent(v, versions.Current);
        var (served, query) = await cache.GetOrBuildAsync(key, IsFresh, async () =>
        {
            // Not the request's token: other requests may be waiting on this build.
            var tile = await tiles.GetAsync(key, CancellationToken.None);
            versions.Observe(tile.Versi);
            return new ServedTile(tile.Mvt, tile.Versi, key.ETag(tile.Versi));
        });
        return PetaHttp.TileResponse(http, served, maxAge, started, query, key.Shared);
    }
}
