using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Geo.Core.Errors;
using Microsoft.AspNetCore.HttpOverrides;

namespace Geo.Api.Hosting;

/// <summary>
/// What the server does for every request before any endpoint: the reverse proxy's forwarded
/// headers (only from known proxies), CORS for configured origins, a rate limit on anonymous
/// callers, and security headers on every response.
/// </summary>
public static class Hardening
{
    public const int DefaultPermintaanPerMenit = 600;

    public static IServiceCollection AddHardening(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // Loopback stays trusted (the framework's default): a proxy on the same machine needs no setting.
            foreach (var proxy in List(configuration, "Geo:Proxy:KnownProxies")) o.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in List(configuration, "Geo:Proxy:KnownNetworks")) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            // A forwarded host is held to the same list as the Host header (AllowedHosts), so links
            // the server writes never name a host nobody configured.
            var allowed = (configuration["AllowedHosts"] ?? "*").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (!allowed.Contains("*")) o.AllowedHosts = allowed;
        });

        var origins = List(configuration, "Geo:Cors:Origins").ToArray();
        services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(origins)
            .WithMethods("GET", "HEAD", "POST", "PUT", "DELETE")
            .WithHeaders("Authorization", "Content-Type", "If-None-Match", Akun.AkunServices.AntiforgeryHeader)
            .WithExposedHeaders("ETag", "Retry-After", "Content-Disposition")));

        var perMinute = configuration.GetValue("Geo:RateLimit:PermintaanPerMenit", DefaultPermintaanPerMenit);
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                // Signed-in callers are known and accountable: the limit is for anonymous ones, per address.
                perMinute <= 0 || http.User.Identity?.IsAuthenticated == true
                    // Partitions are kept by key: the two kinds must never share one.
                    ? RateLimitPartition.GetNoLimiter("masuk")
                    : RateLimitPartition.GetFixedWindowLimiter($"ip:{http.Connection.RemoteIpAddress}", _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = perMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    }));
            o.OnRejected = (context, _) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? (int)Math.Ceiling(retry.TotalSeconds) : 60;
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return new ValueTask(ErrorHandling.WriteAsync(context.HttpContext, new GeoException(GeoErrorKind.TooManyRequests,
                    $"terlalu banyak permintaan tanpa masuk dari alamat ini (batas {perMinute} per menit); coba lagi dalam {seconds} detik, atau masuk / pakai token API")));
            };
        });
        return services;
    }

    public static void UseSecurityHeaders(this WebApplication app)
    {
        var embedAncestors = app.Configuration["Geo:Embed:FrameAncestors"] is { Length: > 0 } configured ? configured : "'self'";
        var cors = List(app.Configuration, "Geo:Cors:Origins").Any();
        app.Use((http, next) =>
        {
            // At the start of the response: the error handler clears headers set earlier.
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                var embed = http.Request.Path.StartsWithSegments("/embed");
                headers.XContentTypeOptions = "nosniff";
                // With CORS on, the same URL answers with or without Access-Control-Allow-Origin: a browser
                // or proxy must not hand the embed's cached tile (no Origin) to a portal's map (Origin).
                if (cors && !headers.Vary.Any(v => v?.Contains("Origin", StringComparison.OrdinalIgnoreCase) == true)) headers.Append("Vary", "Origin");
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                var ancestors = embed ? embedAncestors : "'none'";
                if (!embed) headers.XFrameOptions = "DENY";
                // A 304 has no content type to choose a policy by, and its headers replace the cached
                // response's: the stored page would get "default-src 'none'" and load nothing on a second
                // visit. It keeps the policy it was stored with.
                if (http.Response.StatusCode == StatusCodes.Status304NotModified) return Task.CompletedTask;
                // A worker script runs under the policy its own response carries, so scripts get the page's
                // policy too: MapLibre's tile worker fetches tiles (connect-src) and would be refused otherwise.
                headers.ContentSecurityPolicy = IsPageOrScript(http.Response.ContentType)
                    ? $"default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors {ancestors}"
                    : $"default-src 'none'; frame-ancestors {ancestors}";
                return Task.CompletedTask;
            });
            return next(http);
        });
    }

    private static bool IsPageOrScript(string? contentType) =>
        contentType is not null
        && (contentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase)
            || contentType.Contains("javascript", StringComparison.OrdinalIgnoreCase));

    /// <summary>A list setting, as an array section or one comma-separated value (handy in environment variables).</summary>
    private static IEnumerable<string> List(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.Value is { } single ? [single] : section.GetChildren().Select(c => c.Value ?? "");
        return values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
