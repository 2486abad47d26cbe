using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Geo.Api.Hosting;

/// <summary>Where the map page's build is, and the optional basemap it offers (<c>Geo:Web</c>).</summary>
public sealed class WebOptions
{
    /// <summary>The build folder (index.html, assets/); default: wwwroot beside the binary, else web/dist of the checkout.</summary>
    public string? Folder { get; set; }

    /// <summary>An XYZ raster tile URL ({z}/{x}/{y}) drawn under the boundaries; none by default, so the page needs no internet.</summary>
    public string? Basemap { get; set; }

    public string? BasemapAtribusi { get; set; }
}

/// <summary>The build folder as resolved once at start-up; null when no build is present.</summary>
public sealed record WebBuild(string? Folder)
{

    public static WebBuild Resolve(WebOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.Folder)) return new WebBuild(Path.GetFullPath(options.Folder));
        var beside = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (File.Exists(Path.Combine(beside, "index.html"))) return new WebBuild(beside);
        // A checkout: src/Geo.Api/bin/Release/net10.0 -> the folder holding web/package.json.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "web", "package.json"))) return new WebBuild(Path.Combine(dir.FullName, "web", "dist"));
        }
        return new WebBuild((string?)null);
    }
}

public static class WebServices
{
    public const string ImmutableCaching = "public, max-age=31536000, immutable";

    public static IServiceCollection AddWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WebOptions>(configuration.GetSection("Geo:Web"));
        services.AddSingleton(sp => WebBuild.Resolve(sp.GetRequiredService<IOptions<WebOptions>>().Value));
        // The page's scripts (MapLibre's worker is an .mjs) compress as well as the API's JSON.
        services.PostConfigure<ResponseCompressionOptions>(o => o.MimeTypes = o.MimeTypes.Concat(["text/javascript"]).Distinct());
        return services;
    }

    /// <summary>
    /// Serves the hashed assets under /assets with a year-long immutable cache: a new build has new
    /// names, so a second visit downloads nothing. index.html itself is an endpoint (no-cache).
    /// The build writes each asset also brotli- and gzip-compressed at their best levels
    /// (<c>.br</c>, <c>.gz</c>); those are sent to browsers that accept them, as the on-the-fly
    /// compression (fastest level) would send MapLibre at 423 kB instead of 250 kB.
    /// </summary>
    public static void UseWebAssets(this WebApplication app)
    {
        var build = app.Services.GetRequiredService<WebBuild>();
        if (build.Folder is null || !Directory.Exists(Path.Combine(build.Folder, "assets"))) return;
        var files = new PhysicalFileProvider(Path.Combine(build.Folder, "assets"));
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".mjs"] = "text/javascript";
        types.Mappings[".br"] = "application/octet-stream";
        types.Mappings[".gz"] = "application/octet-stream";
        (string Encoding, string Extension)[] precompressed = [("br", ".br"), ("gzip", ".gz")];
        app.Use((http, next) =>
        {
            if (http.Request.Path.StartsWithSegments("/assets", out var rest) && rest.Value is { Length: > 1 } name
                && !name.EndsWith(".br", StringComparison.Ordinal) && !name.EndsWith(".gz", StringComparison.Ordinal))
            {
                var accepted = http.Request.Headers.AcceptEncoding.ToString();
                foreach (var (encoding, extension) in precompressed)
                {
                    // The provider refuses paths out of the folder; the original must exist too (its type names the response).
                    if (!accepted.Contains(encoding, StringComparison.OrdinalIgnoreCase) || !files.GetFileInfo(name + extension).Exists) continue;
                    http.Request.Path = http.Request.Path + extension;
                    http.Response.Headers.ContentEncoding = encoding;
                    http.Items[OriginalAsset] = name;
                    break;
                }
                http.Response.Headers.Vary = HeaderNames.AcceptEncoding;
            }
            return next(http);
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            RequestPath = "/assets",
            ContentTypeProvider = types,
            OnPrepareResponse = ctx =>
            {
                ctx.Context.Response.Headers[HeaderNames.CacheControl] = ImmutableCaching;
                if (ctx.Context.Items[OriginalAsset] is string original && types.TryGetContentType(original, out var type))
                {
                    ctx.Context.Response.ContentType = type;
                }
            },
        });
    }

    private const string OriginalAsset = "geo.asset";
}
