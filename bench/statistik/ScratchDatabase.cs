using System.Diagnostics;
using Geo.Core.Wilayah;
using Geo.Data.Database;
using Geo.Data.Wilayah.Import;
using Npgsql;

namespace Geo.Bench.Statistik;

/// <summary>A database of its own for the benchmark, loaded with every desa once and then reused.</summary>
internal static class ScratchDatabase
{
    private const string Name = "geo_bench_statistik";

    public static async Task<string> PrepareAsync(NpgsqlConnectionStringBuilder server, string desaFile)
    {
        var admin = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "postgres", Pooling = false };
        await using (var conn = new NpgsqlConnection(admin.ConnectionString))
        {
            await conn.OpenAsync();
            await using var exists = new NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = '{Name}'", conn);
            if (await exists.ExecuteScalarAsync() is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE {Name}", conn);
                await create.ExecuteNonQueryAsync();
            }
        }
        // the national load dissolves every kecamatan, kab/kota and provinsi: no command timeout
        var connectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = Name, CommandTimeout = 0 }.ConnectionString;
        await using var dataSource = GeoDataSource.Create(connectionString);
        await DatabaseMigrator.MigrateAsync(dataSource);
        await using var count = dataSource.CreateCommand("SELECT count(*) FROM wilayah WHERE tingkat = 4");
        var loaded = (long)(await count.ExecuteScalarAsync())!;
        if (loaded == 0)
        {
            var sw = Stopwatch.StartNew();
            using var reader = new ValidCodesOnly(BoundaryReaders.Open(desaFile));
            var report = await new BoundaryImporter(dataSource).ImportAsync(reader, Path.GetFileName(desaFile), new BoundaryImportOptions(Tingkat.Desa));
            if (!report.Succeeded) throw new InvalidOperationException($"import failed: {report.Rejected.Count} rejected");
            Console.WriteLine($"# loaded {report.Inserted} desa in {sw.Elapsed.TotalSeconds:F0} s; skipped {reader.Skipped.Count} with codes the importer refuses: {string.Join(", ", reader.Skipped)}");
        }
        await using (var analyze = dataSource.CreateCommand("ANALYZE wilayah"))
        {
            await analyze.ExecuteNonQueryAsync();
        }
        return connectionString;
    }
}
