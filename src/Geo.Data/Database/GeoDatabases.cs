using Npgsql;

namespace Geo.Data.Database;

/// <summary>
/// The server's databases: the primary, for writes and for reads that must see the caller's own
/// write, and optionally a streaming standby for reads that may lag by its replay delay. With no
/// standby configured, <see cref="Reads"/> is the primary itself (the default: one database).
/// </summary>
public sealed class GeoDatabases(NpgsqlDataSource primary, NpgsqlDataSource? standby) : IAsyncDisposable
{
    public NpgsqlDataSource Primary { get; } = primary;

    public NpgsqlDataSource? Standby { get; } = standby;

    /// <summary>Where reads that may lag go: the standby when there is one, else the primary.</summary>
    public NpgsqlDataSource Reads => Standby ?? Primary;

    public bool HasStandby => Standby is not null;

    /// <summary>The standby's data source falls back to the primary while no standby answers (<see cref="DatabaseUrl.WithFallback"/>).</summary>
    public static GeoDatabases Create(string primaryUrl, string? standbyUrl) =>
        new(GeoDataSource.Create(primaryUrl),
            string.IsNullOrWhiteSpace(standbyUrl) ? null : GeoDataSource.Create(DatabaseUrl.WithFallback(standbyUrl, primaryUrl)));

    public async ValueTask DisposeAsync()
    {
        await Primary.DisposeAsync();
        if (Standby is not null) await Standby.DisposeAsync();
    }
}
