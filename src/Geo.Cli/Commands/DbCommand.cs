using System.CommandLine;
using Geo.Data.Database;

namespace Geo.Cli.Commands;

public static class DbCommand
{
    public static Command Create()
    {
        var migrate = new Command("migrate", "Terapkan migrasi skema basis data");
        migrate.SetAction(async (_, ct) =>
        {
            await using var dataSource = GeoEnvironment.OpenDataSource();
            var applied = await DatabaseMigrator.MigrateAsync(dataSource, ct);
            Console.Error.WriteLine(applied.Count == 0
                ? "geo: skema sudah mutakhir"
                : $"geo: migrasi diterapkan: {string.Join(", ", applied)}");
        });

        var db = new Command("db", "Basis data");
        db.Subcommands.Add(migrate);
        return db;
    }
}
