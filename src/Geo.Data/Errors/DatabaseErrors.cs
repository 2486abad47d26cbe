using System.Net.Sockets;
using Geo.Core.Errors;
using Npgsql;

namespace Geo.Data.Errors;

/// <summary>
/// What a database failure means to the caller, decided once for the host and the CLI: the server
/// unreachable, starting or shutting down is <see cref="GeoErrorKind.Unavailable"/>; a CHECK that
/// keeps stored numbers finite (migration 0050) is a bad value that slipped past the readers.
/// Anything else is a bug and is left as it is.
/// </summary>
public static class DatabaseErrors
{
    public const string UnavailableDetail = "basis data sedang tidak dapat dihubungi; coba lagi sebentar lagi";

    public static GeoException? Translate(Exception e)
    {
        if (e is GeoException geo) return geo;
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case PostgresException pg when IsUnavailable(pg.SqlState):
                    return GeoException.Unavailable(UnavailableDetail, e);
                case PostgresException { SqlState: PostgresErrorCodes.CheckViolation, ConstraintName: { } name } when name.EndsWith("_hingga", StringComparison.Ordinal):
                    return GeoException.Invalid($"hanya bilangan hingga yang boleh disimpan; NaN atau tak hingga ditolak ({name})");
                case PostgresException { SqlState: PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter }:
                    // A NUL or broken byte in some text that no reader stopped; PostgreSQL text cannot hold it.
                    return GeoException.Invalid("teks berisi karakter yang tidak dapat disimpan (NUL atau bita UTF-8 yang rusak)");
                case PostgresException:
                    return null;
                case NpgsqlException { IsTransient: true } or SocketException or TimeoutException:
                    return GeoException.Unavailable(UnavailableDetail, e);
                case NpgsqlException when inner.InnerException is null or EndOfStreamException or IOException:
                    // Connection broken mid-command (the server stopped under us).
                    return GeoException.Unavailable(UnavailableDetail, e);
            }
        }
        return null;
    }

    // Class 08: connection exceptions; 57P01-57P03: admin shutdown, crash shutdown, cannot connect now;
    // 53300: too many connections.
    private static bool IsUnavailable(string state) =>
        state.StartsWith("08", StringComparison.Ordinal) || state is "57P01" or "57P02" or "57P03" or "53300"
        // read_only_sql_transaction: a write reached a server in recovery (a standby not yet
        // promoted, or an address that still points at one during a failover); retry later.
        or "25006";
}
