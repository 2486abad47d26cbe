using Geo.Data.Pekerjaan;

namespace Geo.Api.Pekerjaan;

public static class PekerjaanServices
{
    /// <summary>The job table (on the primary, as every write) and this instance's worker.</summary>
    public static IServiceCollection AddPekerjaan(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Geo:Pekerjaan").Get<PekerjaanOptions>() ?? new PekerjaanOptions();
        if (options.Problem() is { } problem) throw new InvalidOperationException(problem);
        services.Configure<PekerjaanOptions>(configuration.GetSection("Geo:Pekerjaan"));
        services.AddSingleton<PekerjaanStore>();
        services.AddSingleton<PekerjaanRunner>();
        services.AddSingleton<PekerjaanSignal>();
        services.AddHostedService<PekerjaanWorker>();
        return services;
    }
}
