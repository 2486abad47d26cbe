using Geo.Core.Import;
using Geo.Data.Database;
using Geo.Data.Wilayah.Import;
using Geo.Data.Wilayah;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using NetTopologySuite.IO.Converters;
using Npgsql;

namespace Geo.Api.Hosting;

public static class GeoServices
{
    public static IServiceCollection AddGeo(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddGeoDatabases(configuration);
        services.AddDbContext<GeoDbContext>((sp, options) =>
            GeoDbContext.Configure((DbContextOptionsBuilder<GeoDbContext>)options, sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddScoped<WilayahQueries>();
        services.AddScoped<BoundaryImporter>();
        services.AddSingleton<CallerResolver>();

        services.Configure<JsonOptions>(o => o.SerializerOptions.Converters.Add(new GeoJsonConverterFactory()));
        services.Configure<ImportLimits>(configuration.GetSection("Geo:Impor"));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ImportLimits>>().Value);
        services.AddGeoErrorHandling();
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new() { Title = "Geo API", Version = "v1", Description = "Analisis situasi stunting per desa/kelurahan" });
            ApiDocumentation.Configure(o);
            o.AddSecurityDefinition("cookie", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Cookie,
                Name = "geo.sesi",
                Description = "Sesi dari POST /api/akun/masuk; POST/PUT/DELETE juga perlu header X-CSRF-TOKEN dari GET /api/akun/antiforgery",
            });
            o.AddSecurityDefinition("bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "Token API pribadi (geo_..., dari POST /api/akun/token) atau token akses penyedia OIDC",
            });
            o.AddSecurityRequirement(document => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference("cookie", document)] = [],
                [new OpenApiSecuritySchemeReference("bearer", document)] = [],
            });
        });
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>Applies migrations at start-up unless <c>Geo:MigrateOnStartup</c> is false (docker and ./geo up rely on it).</summary>
    public static async Task MigrateIfConfiguredAsync(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Geo:MigrateOnStartup", true)) return;
        await DatabaseMigrator.MigrateAsync(app.Services.GetRequiredService<NpgsqlDataSource>());
    }
}
