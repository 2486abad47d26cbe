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

    /// <summary>
    /// The connection string of reads that may lag, falling back to the primary: the standby's
    /// hosts first, then the primary's, with <c>Target Session Attributes=prefer-standby</c>, so
    /// that Npgsql opens on a standby while one answers and on the primary when none does. A host
    /// that fails is skipped for <c>Host Recheck Seconds</c> (the back-off; Npgsql's default is
    /// 10 s). The standby's credentials and database serve for the primary too: a streaming
    /// standby is a copy of the primary, roles and databases included. A standby string that
    /// names its own Target Session Attributes (other than <c>any</c>) is kept as it is.
    /// </summary>
    public static string WithFallback(string standbyUrlOrConnectionString, string primaryUrlOrConnectionString)
    {
        var standby = new NpgsqlConnectionStringBuilder(ToConnectionString(standbyUrlOrConnectionString));
        if (standby.TargetSessionAttributes is { Length: > 0 } named && !named.Equals("any", StringComparison.OrdinalIgnoreCase))
        {
            return standby.ConnectionString;
        }
        var primary = new NpgsqlConnectionStringBuilder(ToConnectionString(primaryUrlOrConnectionString));
        var hosts = Hosts(standby).ToList();
        hosts.AddRange(Hosts(primary).Where(h => !hosts.Contains(h, StringComparer.OrdinalIgnoreCase)));
        standby.Host = string.Join(',', hosts);
        standby.TargetSessionAttributes = "prefer-standby";
        return standby.ConnectionString;
    }

    /// <summary>Each host of a connection string with its port (a host given without one takes the string's Port).</summary>
    private static IEnumerable<string> Hosts(NpgsqlConnectionStringBuilder builder) =>
        (builder.Host ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(h => h.Contains(':', StringComparison.Ordinal) || h.StartsWith('/') ? h : $"{h}:{builder.Port}");
}
