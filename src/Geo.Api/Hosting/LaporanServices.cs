using Geo.Publication.Laporan;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Geo.Api.Hosting;

public static class LaporanServices
{
    /// <summary>The analisis situasi report; its maps come from whichever <see cref="IPetaLaporan"/> is registered (none: the report says so).</summary>
    public static IServiceCollection AddLaporan(this IServiceCollection services)
    {
        services.TryAddSingleton<IPetaLaporan, TanpaPeta>();
        // LaporanService itself: DatabaseRouting (its values come from the primary).
        return services;
    }
}
