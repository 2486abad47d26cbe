using Geo.Data.Database;
using Npgsql;

namespace Geo.Data.Tests.Support;

/// <summary>
/// A fresh database on the real PostGIS for one test class, cloned from a template that has every
/// migration applied (the template is named after a hash of the migrations). Cloning takes a fraction of a second and keeps test classes independent, so
/// xunit may run them in parallel. The server comes from GEO_TEST_DATABASE_URL, which `./geo test` sets.
/// </summary>
public sealed class PostgisDatabase : IAsyncLifetime
{
    // Named after the migrations, so a server shared by checkouts (or an external
    // GEO_TEST_DATABASE_URL) never hands a test a template built from another schema.
    private static readonly string TemplateName = $"geo_test_{DatabaseMigrator.SchemaFingerprint()}";
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static bool _templateReady;

    public string Name { get; } = $"geo_t_{Guid.NewGuid():N}"[..24];
    public string ConnectionString { get; private set; } = "";
    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public static string ServerConnectionString()
    {
        var url = Environment.GetEnvironmentVariable("GEO_TEST_DATABASE_URL");
        if (string.IsNullOrWhiteSpace(url))
        {
            throw new InvalidOperationException("GEO_TEST_DATABASE_URL is not set: run the tests with ./geo test, which provisions PostGIS");
        }
        return DatabaseUrl.ToConnectionString(url);
    }

    public async Task InitializeAsync()
    {
        await EnsureTemplateAsync();
        try
        {
            await AdminAsync($"CREATE DATABASE \"{Name}\" TEMPLATE {TemplateName}");
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            // Another run's `./geo test` dropped the template between our build and this clone.
            _templateReady = false;
            await EnsureTemplateAsync();
            await AdminAsync($"CREATE DATABASE \"{Name}\" TEMPLATE {TemplateName}");
        }
        ConnectionString = WithDatabase(Name);
        DataSource = GeoDataSource.Create(ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await AdminAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    public async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var cmd = DataSource.CreateCommand(sql);
        var value = await cmd.ExecuteScalarAsync();
        return value is DBNull or null ? default : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T));
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var cmd = DataSource.CreateCommand(sql);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Builds the template once per test run. Several test assemblies run at once, so the
    /// database-side advisory lock, not only the in-process one, guards the build.
    /// </summary>
    private static async Task EnsureTemplateAsync()
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (_templateReady) return;
            await using var admin = new NpgsqlConnection(WithDatabase("postgres"));
            await admin.OpenAsync();
            await Execute(admin, "SELECT pg_advisory_lock(4207001)");
            try
            {
                await using var exists = new NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = '{TemplateName}'", admin);
                if (await exists.ExecuteScalarAsync() is null)
                {
                    await Execute(admin, $"CREATE DATABASE {TemplateName}");
                    await using var template = GeoDataSource.Create(WithDatabase(TemplateName));
                    await DatabaseMigrator.MigrateAsync(template);
                    await template.DisposeAsync();
                    NpgsqlConnection.ClearAllPools();
                }
            }
            finally
            {
                await Execute(admin, "SELECT pg_advisory_unlock(4207001)");
            }
            _templateReady = true;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    private static string WithDatabase(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString()) { Database = database, Pooling = database != "postgres" }.ConnectionString;

    private static async Task AdminAsync(string sql)
    {
        await using var admin = new NpgsqlConnection(WithDatabase("postgres"));
        await admin.OpenAsync();
        await Execute(admin, sql);
    }

    private static async Task Execute(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        cmd.CommandTimeout = 120;
        await cmd.ExecuteNonQueryAsync();
    }
}
