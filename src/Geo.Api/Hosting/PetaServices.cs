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
        var url = configuration["GEO_DATABASE_URL"] ?? configuration.GetConnectionString("Geo")
            ?? throw new InvalidOperationException("GEO_DATABASE_URL (atau ConnectionStrings:Geo) belum diatur");
        services.AddSingleton(_ => TileDataSource.Create(url));
        services.AddSingleton<TileQueries>();
        services.AddSingleton<FeatureQueries>();
        services.AddSingleton<DataVersiTracker>();
        services.AddSingleton<TileCache>();
        services.AddSingleton<PetaExtents>();
        services.AddSingleton<PetaPanelQueries>();
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
