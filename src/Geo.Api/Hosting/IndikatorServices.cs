using Geo.Data.Akun;
using Geo.Data.Indikator;
using Geo.Data.Indikator.Import;

namespace Geo.Api.Hosting;

public static class IndikatorServices
{
    public static IServiceCollection AddIndikator(this IServiceCollection services)
    {
        services.AddSingleton<IndikatorCatalog>();
        services.AddSingleton<NilaiQueries>();
        services.AddSingleton<BatchStore>();
        services.AddSingleton<IndikatorImporter>();
        services.AddSingleton<AuditLog>();
        return services;
    }
}
