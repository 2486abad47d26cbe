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
    /// </summary>
    public static void UseWebAssets(this WebApplication app)
    {
        var build = app.Services.GetRequiredService<WebBuild>();
        if (build.Folder is null || !Directory.Exists(Path.Combine(build.Folder, "assets"))) return;
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".mjs"] = "text/javascript";
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Path.Combine(build.Folder, "assets")),
            RequestPath = "/assets",
            ContentTypeProvider = types,
            OnPrepareResponse = ctx => ctx.Context.Response.Headers[HeaderNames.CacheControl] = ImmutableCaching,
        });
    }
}
