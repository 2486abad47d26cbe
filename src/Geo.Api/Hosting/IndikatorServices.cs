using Geo.Data.Akun;
using Geo.Data.Indikator;
using Geo.Data.Indikator.Import;
using Geo.Data.Lokus;

namespace Geo.Api.Hosting;

public static class IndikatorServices
{
    public static IServiceCollection AddIndikator(this IServiceCollection services)
    {
        services.AddSingleton<IndikatorCatalog>();
        services.AddSingleton<BatchStore>();
        services.AddSingleton<IndikatorImporter>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<LokusStore>();
        return services;
    }
}
