using System.CommandLine;
using Geo.Core.Akun;
using Geo.Data.Indikator;

namespace Geo.Cli.Commands;

/// <summary>
/// <c>geo batch daftar|lihat|verifikasi|setujui|terbitkan|tolak|tarik</c>: the history of indicator
/// import batches and the publication gate, taken as the local operator (<see cref="GeoEnvironment.LocalCaller"/>),
/// each step recorded in the audit log.
/// </summary>
public static class BatchCommand
{
    public static Command Create()
    {
        var batch = new Command("batch", "Riwayat batch impor indikator dan gerbang penerbitan (verifikasi, persetujuan, penerbitan, penolakan, penarikan)");

        var list = new Command("daftar", "Daftar semua batch");
        list.SetAction(async (_, ct) =>
        {
            await using var dataSource = GeoEnvironment.OpenDataSource();
            foreach (var b in await new BatchStore(dataSource).ListAsync(GeoEnvironment.LocalCaller(), ct)) Print(b);
            return 0;
        });
        batch.Subcommands.Add(list);

        batch.Subcommands.Add(WithId("lihat", "Satu batch dan nilai yang digantikannya", async (_, store, caller, id, ct) =>
        {
            Print(await store.FindAsync(caller, id, ct));
            foreach (var r in await store.ReplacedAsync(caller, id, 1000, ct))
            {
                Console.WriteLine($"  menggantikan {r.Jenis} {r.Indikator} {r.Periode} {r.Wilayah}: {r.Pembilang?.ToString() ?? "-"}/{r.Penyebut?.ToString() ?? "-"} = {r.Nilai?.ToString() ?? "-"} ({r.Sumber}, batch {r.BatchLama?.ToString() ?? "-"})");
            }
        }));
        batch.Subcommands.Add(Step(LangkahBatch.Verifikasi, "Verifikasi batch draf"));
        batch.Subcommands.Add(Step(LangkahBatch.Setujui, "Setujui batch yang sudah diverifikasi"));
        batch.Subcommands.Add(Step(LangkahBatch.Terbitkan, "Terbitkan batch yang disetujui (nilainya tampil di peta publik)"));
        batch.Subcommands.Add(Step(LangkahBatch.Tarik, "Tarik batch: hapus nilainya dan pulihkan nilai yang digantikannya, juga di nilai publik"));

        var alasan = new Option<string>("--alasan") { Description = "alasan penolakan (wajib)", Required = true };
        var reject = WithId("tolak", "Tolak batch dengan alasan; nilainya ditarik dari data kerja", async (parse, store, caller, id, ct) =>
            Print(await store.StepAsync(caller, id, LangkahBatch.Tolak, parse.GetValue(alasan), ct)));
        reject.Options.Add(alasan);
        batch.Subcommands.Add(reject);
        return batch;
    }

    private static Command Step(LangkahBatch langkah, string description) =>
        WithId(langkah.ToName(), description, async (_, store, caller, id, ct) => Print(await store.StepAsync(caller, id, langkah, ct: ct)));

    private static Command WithId(string name, string description, Func<ParseResult, BatchStore, Caller, long, CancellationToken, Task> action)
    {
        var id = new Argument<long>("id") { Description = "nomor batch" };
        var command = new Command(name, description) { id };
        command.SetAction(async (parse, ct) =>
        {
            await using var dataSource = GeoEnvironment.OpenDataSource();
            await action(parse, new BatchStore(dataSource), GeoEnvironment.LocalCaller(), parse.GetValue(id), ct);
            return 0;
        });
        return command;
    }

    private static void Print(ImportBatch b) =>
        Console.WriteLine($"batch {b.Id}: {b.Berkas} ({b.Sumber}{(b.Sintetis ? ", SINTETIS" : "")}), {b.Wilayah ?? "nasional"}, {b.Status}" +
                          $"{(b.Alasan is { } why ? $" (alasan: {why})" : "")}{(b.Ditarik is { } t ? $", ditarik {t:u} oleh {b.DitarikOleh}" : "")}; " +
                          $"{b.JumlahNilai} nilai, {b.JumlahTarget} target, {b.JumlahDiganti} diganti; oleh {b.Pengguna} pada {b.Diimpor:u}; sha256 {b.Hash[..12]}…");
}
