using System.Diagnostics;
using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace Geo.Api.Peta;

/// <summary>Conditional-request and caching headers shared by tiles, TileJSON and features.</summary>
public static class PetaHttp
{
    public const string MvtContentType = "application/vnd.mapbox-vector-tile";

    public static bool Matches(HttpRequest request, string etag)
    {
        var header = request.Headers.IfNoneMatch;
        if (header.Count == 0) return false;
        var ours = EntityTagHeaderValue.Parse(etag);
        return EntityTagHeaderValue.TryParseList(header, out var tags)
            && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(ours, useStrongComparison: false));
    }

    /// <param name="maxAgeSeconds">How long a client may use it before revalidating; 0: revalidate every use ("no-cache").</param>
    /// <param name="shared">
    /// False for what only some callers may see (an area-scoped read, a run on drafts): then
    /// "private", so no shared cache hands it to the next caller.
    /// </param>
    public static void SetCaching(HttpResponse response, string etag, int maxAgeSeconds, bool shared = true)
    {
        response.Headers.ETag = etag;
        response.Headers.CacheControl = $"{(shared ? "public" : "private")}, {(maxAgeSeconds > 0 ? $"max-age={maxAgeSeconds}, must-revalidate" : "no-cache")}";
    }

    /// <summary>304, with the caching headers, when the client holds <paramref name="etag"/>; else null.</summary>
    public static IResult? NotModified(HttpContext http, string etag, int maxAgeSeconds, bool shared)
    {
        if (!Matches(http.Request, etag)) return null;
        SetCaching(http.Response, etag, maxAgeSeconds, shared);
        return Results.StatusCode(StatusCodes.Status304NotModified);
    }

    public static bool AcceptsGzip(HttpRequest request)
    {
        var header = request.Headers.AcceptEncoding;
        if (header.Count == 0) return false;
        return StringWithQualityHeaderValue.TryParseList(header, out var codings)
            && codings.Any(c => (c.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase) || c.Value.Equals("*", StringComparison.Ordinal))
                                && (c.Quality ?? 1) > 0);
    }

    /// <summary>
    /// A tile with its caching headers. Gzip here rather than in the compression middleware, so a
    /// cached tile is compressed once; the middleware leaves responses that already carry a
    /// Content-Encoding alone.
    /// </summary>
    public static IResult TileResponse(HttpContext http, ServedTile served, int maxAgeSeconds, long handlerStarted, TimeSpan? query, bool shared)
    {
        SetServerTiming(http.Response, handlerStarted, query);
        SetCaching(http.Response, served.ETag, maxAgeSeconds, shared);
        http.Response.Headers.Vary = "Accept-Encoding";
        if (served.Raw.Length > 0 && AcceptsGzip(http.Request))
        {
            http.Response.Headers.ContentEncoding = "gzip";
            return Results.Bytes(served.Gzip, MvtContentType);
        }
        return Results.Bytes(served.Raw, MvtContentType);
    }

    /// <summary>
    /// Server-Timing (W3C), which browsers' developer tools show beside each tile: "db" is the tile
    /// query this request ran (absent when the tile came from the cache or from another request's
    /// query), "app" the handler from its start to the response. What a client measures beyond
    /// "app" is Kestrel and the network.
    /// </summary>
    public static void SetServerTiming(HttpResponse response, long handlerStarted, TimeSpan? query = null)
    {
        var app = Stopwatch.GetElapsedTime(handlerStarted).TotalMilliseconds;
        response.Headers["Server-Timing"] = query is { } db
            ? string.Create(CultureInfo.InvariantCulture, $"db;dur={db.TotalMilliseconds:F3}, app;dur={app:F3}")
            : string.Create(CultureInfo.InvariantCulture, $"app;dur={app:F3}");
    }

    /// <summary>The request's scheme, host and path base, for absolute links.</summary>
    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";
}
