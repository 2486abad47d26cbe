using System.CommandLine;
using Geo.Data.Indikator;
using Geo.Data.Lokus;
using Geo.Publication.Laporan;

namespace Geo.Cli.Commands;

public static class LaporanCommand
{
    public static Command Create()
    {
        var options = new AnalysisOptions();
        var keluaran = new Option<FileInfo>("--keluaran") { Description = "berkas laporan: .docx (dapat disunting) atau .pdf (untuk publikasi)", Required = true };
        var command = new Command("laporan", "Laporan analisis situasi (DOCX atau PDF): situasi, intervensi dan lokasi yang menjadi masalah, lokus, data dan metode") { keluaran };
        options.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var request = options.Parse(parse);
            var file = parse.GetValue(keluaran)!;
            var format = LaporanService.FormatOf(file.FullName, "keluaran");
            await using var dataSource = GeoEnvironment.OpenDataSource();
            var service = new LaporanService(AnalisisCommand.Service(dataSource), new NilaiQueries(dataSource), new IndikatorCatalog(dataSource),
                new LokusStore(dataSource), new PetaLaporan(PetaCommand.Service(dataSource)),
                AnalisisCommand.TemporalService(dataSource));
            var bytes = await service.WriteAsync(GeoEnvironment.LocalCaller(), request, format, ct);
            await File.WriteAllBytesAsync(file.FullName, bytes, ct);
            Console.WriteLine($"Laporan {request.Wilayah} {request.Periode}: {file.FullName} ({bytes.Length / 1024} KiB)");
            return 0;
        });
        return command;
    }
}
