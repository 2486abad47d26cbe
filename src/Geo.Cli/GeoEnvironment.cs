using Geo.Core.Akun;
using Geo.Core.Errors;
using Geo.Data.Database;
using Npgsql;

namespace Geo.Cli;

public static class GeoEnvironment
{
    /// <summary>
    /// The CLI acts on the database directly, as an operator on the server's own shell: every
    /// role, the whole country, named after the OS user in the audit log.
    /// </summary>
    public static Caller LocalCaller() => Caller.Lokal($"lokal:{Environment.UserName}");

    public static NpgsqlDataSource OpenDataSource()
    {
        var url = Environment.GetEnvironmentVariable("GEO_DATABASE_URL");
        if (string.IsNullOrWhiteSpace(url))
        {
            throw GeoException.Invalid("GEO_DATABASE_URL belum diatur; jalankan lewat ./geo, atau arahkan ke PostGIS (postgresql://user@host:port/db)");
        }
        return GeoDataSource.Create(url);
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
