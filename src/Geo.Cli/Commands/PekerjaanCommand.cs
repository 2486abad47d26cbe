using System.CommandLine;
using System.Text.Json;
using Geo.Data.Pekerjaan;

namespace Geo.Cli.Commands;

/// <summary>
/// <c>geo pekerjaan [daftar] | ID [--ikuti]</c>: the long work the API instances run from the job
/// table (national imports, province analyses asked with <c>Prefer: respond-async</c>), read from
/// the database as the local operator.
/// </summary>
public static class PekerjaanCommand
{
    public static Command Create()
    {
        var command = new Command("pekerjaan", "Pekerjaan panjang yang dijalankan instans API: status, tahap, kemajuan, hasil atau galat");

        var batas = new Option<int>("--batas") { Description = "paling banyak sekian pekerjaan terbaru", DefaultValueFactory = _ => 20 };
        var list = new Command("daftar", "Daftar pekerjaan terbaru") { batas };
        list.SetAction(async (parse, ct) =>
        {
            await using var dataSource = GeoEnvironment.OpenDataSource();
            foreach (var job in await new PekerjaanStore(dataSource).ListAsync(GeoEnvironment.LocalCaller(), parse.GetValue(batas), ct))
            {
                Console.WriteLine(Line(job));
            }
            return 0;
        });
        command.Subcommands.Add(list);

        var id = new Argument<long>("id") { Description = "nomor pekerjaan (dari Location /api/pekerjaan/{id})" };
        var follow = new Option<bool>("--ikuti") { Description = "tampilkan setiap tahap baru sampai pekerjaan berakhir; kode keluar 0 bila selesai" };
        var show = new Command("lihat", "Satu pekerjaan: status, tahap, kemajuan; hasil atau galat bila berakhir") { id, follow };
        show.SetAction(async (parse, ct) =>
        {
            await using var dataSource = GeoEnvironment.OpenDataSource();
            var store = new PekerjaanStore(dataSource);
            var caller = GeoEnvironment.LocalCaller();
            var job = await store.FindAsync(caller, parse.GetValue(id), ct);
            Console.WriteLine(Line(job));
            var seen = (job.Status, job.Tahap, job.Kemajuan);
            while (parse.GetValue(follow) && !job.SudahBerakhir())
            {
                await Task.Delay(1000, ct);
                job = await store.FindAsync(caller, job.Id, ct);
                if ((job.Status, job.Tahap, job.Kemajuan) == seen) continue;
                seen = (job.Status, job.Tahap, job.Kemajuan);
                Console.WriteLine(Line(job));
            }
            if (job.Hasil is { } hasil) Console.WriteLine(JsonSerializer.Serialize(hasil, Indented));
            if (job.Galat is { } galat) Console.Error.WriteLine($"geo: pekerjaan {job.Id}: {galat.GetProperty("detail").GetString()}");
            return !parse.GetValue(follow) || job.Status == StatusPekerjaan.Selesai ? 0 : 1;
        });
        command.Subcommands.Add(show);
        return command;
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static string Line(PekerjaanInfo job)
    {
        var k = job.Kemajuan;
        var count = k.Selesai is { } done ? $" [{done}{(k.Jumlah is { } total ? $"/{total}" : "")} {k.Satuan}]" : "";
        return $"pekerjaan {job.Id} {job.Jenis} {job.Wilayah ?? "nasional"}: {job.Status}{count}, {job.Tahap}; oleh {job.Oleh}, " +
               $"percobaan {job.Percobaan}{(job.Instans is { } i ? $" di {i}" : "")}, diperbarui {job.Diperbarui:u}";
    }
}
