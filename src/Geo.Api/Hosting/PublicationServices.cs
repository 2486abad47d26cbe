using Geo.Data.Peta;
using Geo.Publication.Peta;

namespace Geo.Api.Hosting;

public static class PublicationServices
{
    /// <summary>Static map images (and, with them, what reports draw maps with).</summary>
    public static IServiceCollection AddPublication(this IServiceCollection services)
    {
        services.AddSingleton<PetaGambarQueries>();
        services.AddScoped<PetaGambarService>();
        return services;
    }
}
