using Npgsql;

namespace Geo.Data.Database;

/// <summary>
/// Turns the <c>GEO_DATABASE_URL</c> form (<c>postgresql://user:pass@host:port/db?sslmode=...</c>),
/// which docker, cloud hosts and libpq tools all use, into an Npgsql connection string.
/// A value that is already a key=value connection string passes through unchanged.
/// </summary>
public static class DatabaseUrl
{
    public static string ToConnectionString(string urlOrConnectionString)
    {
        if (!urlOrConnectionString.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            && !urlOrConnectionString.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return urlOrConnectionString;
        }

        var uri = new Uri(urlOrConnectionString);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
        };

        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0) builder.Username = Uri.UnescapeDataString(userInfo[0]);
        if (userInfo.Length > 1) builder.Password = Uri.UnescapeDataString(userInfo[1]);

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            builder[Uri.UnescapeDataString(kv[0])] = kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : "";
        }

        return builder.ConnectionString;
    }
}
