using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Geo.Data.Database;

public static class DatabaseMigrator
{
    /// <summary>Applies pending migrations; returns the ids applied. Safe to run concurrently (EF takes a lock).</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(NpgsqlDataSource dataSource, CancellationToken ct = default)
    {
        await using var db = new GeoDbContext(GeoDbContext.Options(dataSource));
        // A migration that adds generated columns rewrites wilayah: minutes on the national set,
        // far past Npgsql's 30 s default.
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        await db.Database.MigrateAsync(ct);
        // Types created by a migration (postgis geometry) are unknown to connections opened before it.
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ReloadTypesAsync(ct);
        return pending;
    }

    /// <summary>
    /// A short hash of every migration's SQL, in order: two checkouts with the same schema agree on
    /// it, and any edit to a migration changes it (the test template database is named after it).
    /// </summary>
    public static string SchemaFingerprint()
    {
        var assembly = typeof(DatabaseMigrator).Assembly;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".sql", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(name));
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            hash.AppendData(buffer.ToArray());
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }
}
