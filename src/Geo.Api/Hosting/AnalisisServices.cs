using Geo.Data.Analisis;
using Geo.Data.Ekspor;
using Geo.Data.Indikator;
using Geo.Data.Statistics;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Geo.Api.Hosting;

public static class AnalisisServices
{
    public static IServiceCollection AddAnalisis(this IServiceCollection services, IConfiguration configuration)
    {
        var retention = configuration.GetSection("Geo:Analisis").Get<AnalysisRetention>() ?? AnalysisRetention.Default;
        if (retention.Problem() is { } problem) throw new InvalidOperationException(problem);
        services.AddSingleton(retention);
        services.TryAddScoped<IndikatorCatalog>();
        services.TryAddScoped<SpatialWeightsBuilder>();
        // NilaiQueries and AnalysisInputLoader: DatabaseRouting.
        services.AddScoped<AnalysisStore>();
        services.AddScoped<AnalysisFeatures>();
        services.AddSingleton<WeightsCache>();
        services.AddScoped<SituationAnalysisService>();
        services.AddScoped<EksporQueries>();
        services.AddScoped<TemporalRunStore>();
        return services;
    }
}
