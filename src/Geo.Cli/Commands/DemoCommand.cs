using System.CommandLine;
using Geo.Core.Errors;
using Geo.Core.Indikator;
using Geo.Core.Wilayah;
using Geo.Data.Database;
using Geo.Data.Indikator;
using Geo.Data.Indikator.Import;
using Geo.Data.Wilayah.Import;

namespace Geo.Cli.Commands;

public static class DemoCommand
{
    private const int MetroSeed = 1872;

    public static Command Create()
    {
        var metro = new Command("metro", "Muat data demo Kota Metro (18.72): batas, prevalensi stunting Agustus 2022 (nyata) dan cakupan layanan pada periode yang sama (SINTETIS)");
        metro.SetAction(async (_, ct) =>
        {
            await using var dataSource = GeoEnvironment.OpenDataSource();
            await DatabaseMigrator.MigrateAsync(dataSource, ct);
            var root = GeoEnvironment.ProjectRoot();
            var boundaries = Path.Combine(root, "data", "boundaries");
            var importer = new BoundaryImporter(dataSource);
            foreach (var (file, level) in new[] { ("kota-metro-kecamatan.geojson", Tingkat.Kecamatan), ("kota-metro-kelurahan.geojson", Tingkat.Desa) })
            {
                var report = await importer.ImportAsync(Path.Combine(boundaries, file), new BoundaryImportOptions(level), ct: ct);
                BoundaryReportPrinter.Print(report, Console.Error);
                if (!report.Succeeded) return 1;
            }

            // Real: Lampiran II of Peraturan Walikota Metro 32/2022 (see data/indikator/README.md).
            // Published through the gate as the local operator, each step audited, so that the anonymous map shows it.
            var caller = GeoEnvironment.LocalCaller();
            var prevalensi = await new IndikatorImporter(dataSource).ImportAsync(
                Path.Combine(root, "data", "indikator", "kota-metro-eppgbm-2022.tsv"),
                new IndikatorImportOptions("PREV_STUNTING", "2022-08", "e-PPGBM", "18.72", caller.Nama), ct: ct);
            IndikatorReportPrinter.Print(prevalensi, Console.Error);
            if (!prevalensi.Berhasil) return 1;
            await new BatchStore(dataSource).PublishThroughAsync(caller, prevalensi.Batch!.Value, ct);

            // Coverage for the period of the real prevalence, so that the analysis can set one against the other.
            var sintetis = await new DemoSintetis(dataSource).GenerateAsync(KodeWilayah.Parse("18.72"), Periode.Parse("2022-08"), MetroSeed, caller, terbitkan: true, ct);
            IndikatorReportPrinter.Print(sintetis, Console.Error);
            return sintetis.Berhasil ? 0 : 1;
        });

        var demo = new Command("demo", "Data demo");
        demo.Subcommands.Add(metro);
        demo.Subcommands.Add(Sintetis());
        return demo;
    }

    private static Command Sintetis()
    {
        var wilayah = new Option<string>("--wilayah") { Description = "kode wilayah (kab/kota, kecamatan, provinsi)", Required = true };
        var periode = new Option<string>("--periode") { Description = "periode nilai sintetis", DefaultValueFactory = _ => "2024" };
        var seed = new Option<int>("--seed") { Description = "benih acak: benih sama, data sama", DefaultValueFactory = _ => 1 };
        var terbitkan = new Option<bool>("--terbitkan") { Description = "terbitkan batch melewati semua langkah sebagai operator lokal (tercatat di log audit)" };
        var command = new Command("sintetis", "Bangkitkan sasaran S01-S16 dan cakupan L01-L29 SINTETIS per desa dengan pola spasial") { wilayah, periode, seed, terbitkan };
        command.SetAction(async (parse, ct) =>
        {
            if (!KodeWilayah.TryParse(parse.GetValue(wilayah), out var kode, out var error)) throw GeoException.Invalid(error);
            if (!Periode.TryParse(parse.GetValue(periode), out var per, out var periodeError)) throw GeoException.Invalid(periodeError);
            await using var dataSource = GeoEnvironment.OpenDataSource();
            var report = await new DemoSintetis(dataSource).GenerateAsync(kode, per, parse.GetValue(seed), GeoEnvironment.LocalCaller(), parse.GetValue(terbitkan), ct);
            IndikatorReportPrinter.Print(report, Console.Out);
            return report.Berhasil ? 0 : CliRunner.Rejected;
        });
        return command;
    }
}
