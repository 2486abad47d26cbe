using System.CommandLine;
using Geo.Core.Errors;
using Geo.Data.Indikator;
using Geo.Data.Indikator.Import;

namespace Geo.Cli.Commands;

/// <summary><c>geo import indikator BERKAS</c>: one file, one batch, all or nothing.</summary>
public static class IndikatorImportCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("berkas") { Description = "CSV panjang (kode,indikator,periode,pembilang,penyebut[,nilai]) atau tabel lebar CSV/TSV/XLSX" };
        var indikator = new Option<string?>("--indikator") { Description = "kode indikator bila judul kolom tidak menyebutnya (mis. PREV_STUNTING)" };
        var periode = new Option<string?>("--periode") { Description = "2024, 2024-08 atau 2024-S1" };
        var sumber = new Option<string?>("--sumber") { Description = "e-PPGBM, SSGI, web aksi bangda, sintetis, atau teks bebas" };
        var wilayah = new Option<string?>("--wilayah") { Description = "kode wilayah induk; wajib bila baris hanya berisi nama" };
        var terbitkan = new Option<bool>("--terbitkan") { Description = "bawa batch melewati verifikasi, persetujuan dan penerbitan sebagai operator lokal (tiap langkah tercatat di log audit; bawaan: draf)" };
        var command = new Command("indikator", "Impor nilai indikator per desa/kelurahan") { file, indikator, periode, sumber, wilayah, terbitkan };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists) throw GeoException.NotFound($"berkas tidak ditemukan: {path.FullName}");
            await using var dataSource = GeoEnvironment.OpenDataSource();
            var caller = GeoEnvironment.LocalCaller();
            var options = new IndikatorImportOptions(parse.GetValue(indikator), parse.GetValue(periode), parse.GetValue(sumber),
                parse.GetValue(wilayah), caller.Nama);
            var report = await new IndikatorImporter(dataSource).ImportAsync(path.FullName, options, progress: new ConsoleProgress(), ct: ct);
            IndikatorReportPrinter.Print(report, Console.Out);
            if (report.Berhasil && parse.GetValue(terbitkan))
            {
                var batch = await new BatchStore(dataSource).PublishThroughAsync(caller, report.Batch!.Value, ct);
                Console.WriteLine($"batch {batch.Id}: {batch.Status}");
            }
            return report.Berhasil ? 0 : CliRunner.Rejected;
        });
        return command;
    }
}
