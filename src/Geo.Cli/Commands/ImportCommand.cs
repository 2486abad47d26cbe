using System.CommandLine;
using Geo.Core.Errors;
using Geo.Core.Wilayah;
using Geo.Data.Wilayah.Import;

namespace Geo.Cli.Commands;

public static class ImportCommand
{
    public static Command Create()
    {
        var import = new Command("import", "Impor data dari berkas");
        import.Subcommands.Add(Wilayah());
        import.Subcommands.Add(IndikatorImportCommand.Create());
        return import;
    }

    private static Command Wilayah()
    {
        var file = new Argument<FileInfo>("berkas") { Description = "GeoJSON, GeoJSON text sequence (.geojsonl, .gz), Shapefile dalam .zip, atau GeoPackage" };
        var tingkat = new Option<string?>("--tingkat") { Description = "provinsi, kabkota, kecamatan atau desa: tolak fitur tingkat lain" };
        var kolomKode = new Option<string?>("--kolom-kode") { Description = "kolom berisi kode Kepmendagri" };
        var kolomNama = new Option<string?>("--kolom-nama") { Description = "kolom berisi nama wilayah" };
        var lapisan = new Option<string?>("--lapisan") { Description = "lapisan yang dibaca dari GeoPackage berisi beberapa lapisan" };
        var command = new Command("wilayah", "Impor batas wilayah (desa/kelurahan, kecamatan, kab/kota, provinsi)")
        {
            file, tingkat, kolomKode, kolomNama, lapisan,
        };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists) throw GeoException.NotFound($"berkas tidak ditemukan: {path.FullName}");
            Tingkat? level = null;
            if (parse.GetValue(tingkat) is { } name)
            {
                if (!TingkatNames.TryParse(name, out var parsed)) throw GeoException.Invalid($"--tingkat '{name}' tidak dikenal (provinsi, kabkota, kecamatan, desa)");
                level = parsed;
            }

            await using var dataSource = GeoEnvironment.OpenDataSource();
            var report = await new BoundaryImporter(dataSource).ImportAsync(
                path.FullName, new BoundaryImportOptions(level, parse.GetValue(kolomKode), parse.GetValue(kolomNama), parse.GetValue(lapisan)),
                progress: new ConsoleProgress(), ct: ct);
            BoundaryReportPrinter.Print(report, Console.Out);
            return report.Succeeded ? 0 : CliRunner.Rejected;
        });
        return command;
    }
}
