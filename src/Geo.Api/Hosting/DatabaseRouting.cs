using Geo.Data.Analisis;
using Geo.Data.Database;
using Geo.Data.Indikator;
using Geo.Data.Peta;
using Geo.Publication.Laporan;
using Npgsql;

namespace Geo.Api.Hosting;

/// <summary><c>Geo:Database</c>: an optional streaming standby for reads that may lag.</summary>
public sealed class DatabaseOptions
{
    /// <summary>URL or connection string of a hot standby (<c>GEO_STANDBY_DATABASE_URL</c>); none by default.</summary>
    public string? Standby { get; set; }

    /// <summary>How often the standby's <c>data_versi</c> is read, since LISTEN works only on a primary.</summary>
    public int StandbyPollMilliseconds { get; set; } = 500;
}

/// <summary>
/// The one place that decides which database each kind of query uses. Everything not named here
/// takes <see cref="NpgsqlDataSource"/>, the primary: writes, and reads that must see the
/// caller's own write (accounts, sessions, catalogue edits, imports, analyses computed and stored).
/// Named here, on the standby when one is configured: map tiles, OGC features, indicator values
/// (/api/nilai, panels) and the data versions their caches are checked against. Services that
/// take a <see cref="NilaiQueries"/> but must agree with the primary get the primary's here.
/// </summary>
public static class DatabaseRouting
{
    public static IServiceCollection AddGeoDatabases(this IServiceCollection services, IConfiguration configuration)
    {
        var url = configuration["GEO_DATABASE_URL"] ?? configuration.GetConnectionString("Geo")
            ?? throw new InvalidOperationException("GEO_DATABASE_URL (atau ConnectionStrings:Geo) belum diatur");
        var options = configuration.GetSection("Geo:Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        var standby = configuration["GEO_STANDBY_DATABASE_URL"] is { Length: > 0 } fromEnvironment ? fromEnvironment : options.Standby;
        services.Configure<DatabaseOptions>(o =>
        {
            configuration.GetSection("Geo:Database").Bind(o);
            o.Standby = standby;
        });

        services.AddSingleton(_ => GeoDatabases.Create(url, standby));
        services.AddSingleton(sp => sp.GetRequiredService<GeoDatabases>().Primary);
        services.AddSingleton(_ => TileDataSource.Create(url, standby));

        // Reads that may lag by the standby's replay delay. Each carries the data version read in
        // its own snapshot, so a lagging answer is labelled with the older version it shows.
        services.AddSingleton(sp => new DataVersiTracker(Reads(sp)));
        services.AddSingleton(sp => new FeatureQueries(Reads(sp)));
        services.AddSingleton(sp => new PetaPanelQueries(Reads(sp)));
        services.AddSingleton(sp => new NilaiQueries(Reads(sp)));

        // An analysis is computed from the primary's values: a stored run is reused while the data
        // versions are unchanged, so it must not be built from values the standby has not replayed.
        // A report prints an analysis beside values: both from the primary, so they agree.
        services.AddScoped(sp => ActivatorUtilities.CreateInstance<AnalysisInputLoader>(sp, PrimaryNilai(sp)));
        // Its analysis over time too (change, trend, emerging hot spots), so the report's numbers all agree.
        services.AddScoped(sp =>
        {
            var nilai = PrimaryNilai(sp);
            return ActivatorUtilities.CreateInstance<LaporanService>(sp, nilai, ActivatorUtilities.CreateInstance<TemporalAnalysisService>(sp, nilai));
        });
        return services;
    }

    private static NpgsqlDataSource Reads(IServiceProvider sp) => sp.GetRequiredService<GeoDatabases>().Reads;

    private static NilaiQueries PrimaryNilai(IServiceProvider sp) => new(sp.GetRequiredService<GeoDatabases>().Primary);
}
