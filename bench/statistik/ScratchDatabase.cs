using System.Diagnostics;
using Geo.Data.Database;
using Geo.Data.Wilayah.Import;
using Npgsql;
using NpgsqlTypes;

namespace Geo.Bench.Statistik;

/// <summary>
/// A database of its own for the benchmark, loaded with every desa once and then reused. The desa
/// go straight into wilayah by binary COPY, without the importer's dissolve of kecamatan, kab/kota
/// and provinsi: the weights need desa only, and dissolving the country is not what is measured.
/// </summary>
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
        var connectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = Name, CommandTimeout = 0 }.ConnectionString;
        await using var dataSource = GeoDataSource.Create(connectionString);
        await DatabaseMigrator.MigrateAsync(dataSource);
        await using var count = dataSource.CreateCommand("SELECT count(*) FROM wilayah WHERE tingkat = 4");
        if ((long)(await count.ExecuteScalarAsync())! == 0) await LoadAsync(dataSource, desaFile);
        await using (var analyze = dataSource.CreateCommand("ANALYZE wilayah"))
        {
            await analyze.ExecuteNonQueryAsync();
        }
        return connectionString;
    }

    private static async Task LoadAsync(NpgsqlDataSource dataSource, string desaFile)
    {
        var sw = Stopwatch.StartNew();
        await using var conn = await dataSource.OpenConnectionAsync();
        await using (var create = new NpgsqlCommand("CREATE TEMP TABLE muat (kode text, nama text, geom geometry)", conn))
        {
            await create.ExecuteNonQueryAsync();
        }
        var read = 0;
        using (var reader = BoundaryReaders.Open(desaFile))
        await using (var copy = await conn.BeginBinaryImportAsync("COPY muat (kode, nama, geom) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var feature in reader.ReadFeatures())
            {
                read++;
                await copy.StartRowAsync();
                await copy.WriteAsync(feature.Attributes["kode"]!.ToString()!, NpgsqlDbType.Text);
                await copy.WriteAsync(feature.Attributes["nama"]?.ToString() ?? "", NpgsqlDbType.Text);
                await copy.WriteAsync(feature.Geometry!, NpgsqlDbType.Geometry);
            }
            await copy.CompleteAsync();
        }
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO wilayah (kode, nama, geom, luas_km2, titik_label)
            SELECT kode, nama, ST_Multi(ST_SetSRID(geom, 4326)), ST_Area(geom::geography) / 1e6, ST_PointOnSurface(ST_SetSRID(geom, 4326))
            FROM muat
            """, conn))
        {
            await insert.ExecuteNonQueryAsync();
        }
        Console.WriteLine($"# loaded {read} desa by COPY in {sw.Elapsed.TotalSeconds:F0} s");
    }
}
