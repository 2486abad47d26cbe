using Geo.Core.Errors;
using Geo.Data.Analisis;
using Geo.Data.Database;
using Geo.Data.Errors;
using Geo.Data.Indikator;
using Geo.Data.Peta;
using Geo.Publication.Laporan;
using Microsoft.Extensions.Options;
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
        // Bound once: the data sources below are built from the same values the listener reads.
        var options = configuration.GetSection("Geo:Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (configuration["GEO_STANDBY_DATABASE_URL"] is { Length: > 0 } fromEnvironment) options.Standby = fromEnvironment;
        var standby = options.Standby;
        services.AddSingleton(Options.Create(options));

        services.AddSingleton(_ => GeoDatabases.Create(url, standby));
        services.AddSingleton(sp => sp.GetRequiredService<GeoDatabases>().Primary);
        services.AddSingleton(_ => TileDataSource.Create(url, standby));
        services.AddSingleton<DatabasePools>();

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
        // The analysis over time too (change, trend, emerging hot spots): it is stored under the
        // primary's data versions (TemporalRunStore), and the report's numbers must all agree.
        services.AddScoped(sp => ActivatorUtilities.CreateInstance<TemporalAnalysisService>(sp, PrimaryNilai(sp)));
        services.AddScoped(sp => ActivatorUtilities.CreateInstance<LaporanService>(sp, PrimaryNilai(sp)));
        return services;
    }

    private static NpgsqlDataSource Reads(IServiceProvider sp) => sp.GetRequiredService<GeoDatabases>().Reads;

    private static NilaiQueries PrimaryNilai(IServiceProvider sp) => new(sp.GetRequiredService<GeoDatabases>().Primary);
}

/// <summary>
/// Drops every pooled connection after a database failure (the primary or the standby gone):
/// each idle connection to a dead server would otherwise fail one request before the pool learnt
/// it was dead. New connections then go where Npgsql finds a server of the kind asked for: with
/// multi-host strings, the promoted standby for writes and the primary for reads whose standby is
/// down. At most once a second, so that a burst of failing requests clears once.
/// </summary>
public sealed partial class DatabasePools(GeoDatabases databases, TileDataSource tiles, TimeProvider time, ILogger<DatabasePools> logger)
{
    private long _lastCleared = long.MinValue;

    public void ClearAfterFailure()
    {
        var now = time.GetTimestamp();
        var last = Interlocked.Read(ref _lastCleared);
        if (last != long.MinValue && time.GetElapsedTime(last, now) < TimeSpan.FromSeconds(1)) return;
        if (Interlocked.CompareExchange(ref _lastCleared, now, last) != last) return;
        NpgsqlDataSource?[] all = [databases.Primary, databases.Standby, tiles.DataSource, tiles.Primary];
        foreach (var pool in all.OfType<NpgsqlDataSource>().Distinct()) pool.Clear();
        LogCleared(logger);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Basis data gagal: semua koneksi di pool dibuang; koneksi baru mencari server yang menjawab")]
    private static partial void LogCleared(ILogger logger);
}

/// <summary>
/// A GET or HEAD that failed because a database went away, before anything was written to the
/// response, runs once more on fresh connections: a read whose standby has just died is then
/// served by the primary (<see cref="DatabaseUrl.WithFallback"/>) instead of failing. Writes are
/// never repeated here; they fail with 503 and Retry-After (ErrorHandling).
/// </summary>
public static partial class DatabaseReadRetry
{
    /// <summary>Late in the pipeline, after the rate limiter and authorization, so that a retry is not counted twice.</summary>
    public static IApplicationBuilder UseDatabaseReadRetry(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
        {
            await next(http);
            return;
        }
        try
        {
            await next(http);
        }
        catch (Exception e) when (!http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested
            && DatabaseErrors.Translate(e) is { Kind: GeoErrorKind.Unavailable })
        {
            http.RequestServices.GetRequiredService<DatabasePools>().ClearAfterFailure();
            LogRetry(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseReadRetry)), http.Request.Path, e.Message);
            http.Response.Clear();
            await next(http);
        }
    });

    [LoggerMessage(Level = LogLevel.Warning, Message = "Basis data gagal pada GET {Path} ({Error}); diulang sekali dengan koneksi baru")]
    private static partial void LogRetry(ILogger logger, PathString path, string error);
}
