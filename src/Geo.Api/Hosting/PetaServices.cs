using System.IO.Compression;
using Geo.Api.Peta;
using Geo.Data.Peta;
using Microsoft.AspNetCore.ResponseCompression;

namespace Geo.Api.Hosting;

public static class PetaServices
{
    /// <summary>Tiles, TileJSON and OGC API Features, with data versions, a tile cache and compression.</summary>
    public static IServiceCollection AddPeta(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PetaOptions>(configuration.GetSection("Geo:Peta"));
        // Data sources, FeatureQueries, PetaPanelQueries and DataVersiTracker: DatabaseRouting.
        services.AddSingleton<TileQueries>();
        services.AddSingleton<TileCache>();
        services.AddSingleton<PetaExtents>();
        services.AddSingleton<TilePipeline>();
        services.AddHostedService<DataVersiListener>();

        services.AddResponseCompression(o =>
        {
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(
                ["application/geo+json", "application/problem+json", PetaHttp.MvtContentType]);
        });
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }
}
