using System.CommandLine;
using Geo.Core.Wilayah;
using Geo.Data.Database;
using Geo.Data.Wilayah.Import;

namespace Geo.Cli.Commands;

public static class DemoCommand
{
    public static Command Create()
    {
        var metro = new Command("metro", "Muat data demo Kota Metro (18.72): batas kelurahan dan kecamatan");
        metro.SetAction(async (_, ct) =>
        {
            await using var dataSource = GeoEnvironment.OpenDataSource();
            await DatabaseMigrator.MigrateAsync(dataSource, ct);
            var boundaries = Path.Combine(GeoEnvironment.ProjectRoot(), "data", "boundaries");
            var importer = new BoundaryImporter(dataSource);
            foreach (var (file, level) in new[] { ("kota-metro-kecamatan.geojson", Tingkat.Kecamatan), ("kota-metro-kelurahan.geojson", Tingkat.Desa) })
            {
                var report = await importer.ImportAsync(Path.Combine(boundaries, file), new BoundaryImportOptions(level), ct: ct);
                BoundaryReportPrinter.Print(report, Console.Error);
                if (!report.Succeeded) return 1;
            }
            return 0;
        });

        var demo = new Command("demo", "Data demo");
        demo.Subcommands.Add(metro);
        return demo;
    }
}
