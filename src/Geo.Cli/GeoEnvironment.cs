using Geo.Core.Akun;
using Geo.Core.Errors;
using Geo.Data.Akun;
using Geo.Data.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Geo.Cli;

public static class GeoEnvironment
{
    /// <summary>
    /// The CLI acts on the database directly, as an operator on the server's own shell: every
    /// role, the whole country, named after the OS user in the audit log.
    /// </summary>
    public static Caller LocalCaller() => Caller.Lokal(LocalOperator);

    public static NpgsqlDataSource OpenDataSource()
    {
        var url = Environment.GetEnvironmentVariable("GEO_DATABASE_URL");
        if (string.IsNullOrWhiteSpace(url))
        {
            throw GeoException.Invalid("GEO_DATABASE_URL belum diatur; jalankan lewat ./geo, atau arahkan ke PostGIS (postgresql://user@host:port/db)");
        }
        return GeoDataSource.Create(url);
    }

    /// <summary>
    /// Who the CLI acts as when it works directly on the database: the operating-system user of the
    /// server's shell, marked as local so that records tell it from an account that signed in.
    /// </summary>
    public static string LocalOperator => $"lokal:{Environment.UserName}";

    /// <summary>
    /// Identity's services over the data source, as the server has them (same password rules,
    /// hashing and normalisation); dispose the provider, then the data source.
    /// </summary>
    public static ServiceProvider AkunServices(NpgsqlDataSource dataSource)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContext<GeoDbContext>(o => GeoDbContext.Configure((DbContextOptionsBuilder<GeoDbContext>)o, dataSource));
        services.AddGeoIdentityCore();
        services.AddScoped<AkunAdministrasi>();
        return services.BuildServiceProvider();
    }

    /// <summary>The checkout's root, where data/ lives, found by walking up from the binary.</summary>
    public static string ProjectRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Geo.sln")) || Directory.Exists(Path.Combine(dir.FullName, "data", "boundaries")))
            {
                return dir.FullName;
            }
        }
        throw GeoException.Invalid("direktori proyek (berisi data/boundaries) tidak ditemukan");
    }
}
