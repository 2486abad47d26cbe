using Geo.Publication.Laporan;

namespace Geo.Api.Hosting;

public static class LaporanServices
{
    /// <summary>The analisis situasi report, with its maps drawn by the static map renderer (<see cref="PublicationServices.AddPublication"/>).</summary>
    public static IServiceCollection AddLaporan(this IServiceCollection services)
    {
        services.AddScoped<IPetaLaporan, PetaLaporan>();
        // LaporanService itself: DatabaseRouting (its values come from the primary, as its analysis does).
        return services;
    }
}
