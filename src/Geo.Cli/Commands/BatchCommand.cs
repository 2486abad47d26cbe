using System.CommandLine;
using Geo.Core.Errors;
using Geo.Data.Indikator;

namespace Geo.Cli.Commands;

/// <summary><c>geo batch daftar|lihat|terbitkan|draf|tarik</c>: the history and state of indicator import batches.</summary>
public static class BatchCommand
{
    public static Command Create()
    {
        var batch = new Command("batch", "Riwayat, penerbitan dan penarikan batch impor indikator");

        var list = new Command("daftar", "Daftar semua batch");
        list.SetAction(async (_, ct) =>
        {
            await using var dataSource = GeoEnvironment.OpenDataSource();
            foreach (var b in await new BatchStore(dataSource).ListAsync(ct)) Print(b);
            return 0;
        });
        batch.Subcommands.Add(list);

        batch.Subcommands.Add(WithId("lihat", "Satu batch dan nilai yang digantikannya", async (store, id, ct) =>
        {
            var b = await store.FindAsync(id, ct) ?? throw GeoException.NotFound($"batch {id} tidak ada");
            Print(b);
            foreach (var r in await store.ReplacedAsync(id, 1000, ct))
            {
                Console.WriteLine($"  menggantikan {r.Jenis} {r.Indikator} {r.Periode} {r.Wilayah}: {r.Pembilang?.ToString() ?? "-"}/{r.Penyebut?.ToString() ?? "-"} = {r.Nilai?.ToString() ?? "-"} ({r.Sumber}, batch {r.BatchLama?.ToString() ?? "-"})");
            }
        }));
        batch.Subcommands.Add(WithId("terbitkan", "Terbitkan batch (tampil di peta publik)", async (store, id, ct) => Print(await store.SetStatusAsync(id, true, ct))));
        batch.Subcommands.Add(WithId("draf", "Kembalikan batch ke draf", async (store, id, ct) => Print(await store.SetStatusAsync(id, false, ct))));
        batch.Subcommands.Add(WithId("tarik", "Tarik batch: hapus nilainya dan pulihkan nilai yang digantikannya", async (store, id, ct) =>
            Print(await store.WithdrawAsync(id, GeoEnvironment.LocalOperator, ct))));
        return batch;
    }

    private static Command WithId(string name, string description, Func<BatchStore, long, CancellationToken, Task> action)
    {
        var id = new Argument<long>("id") { Description = "nomor batch" };
        var command = new Command(name, description) { id };
        command.SetAction(async (parse, ct) =>
        {
            await using var dataSource = GeoEnvironment.OpenDataSource();
            await action(new BatchStore(dataSource), parse.GetValue(id), ct);
            return 0;
        });
        return command;
    }

    private static void Print(ImportBatch b) =>
        Console.WriteLine($"batch {b.Id}: {b.Berkas} ({b.Sumber}{(b.Sintetis ? ", SINTETIS" : "")}), {b.Status}{(b.Ditarik is { } t ? $", ditarik {t:u} oleh {b.DitarikOleh}" : "")}; " +
                          $"{b.JumlahNilai} nilai, {b.JumlahTarget} target, {b.JumlahDiganti} diganti; oleh {b.Pengguna} pada {b.Diimpor:u}; sha256 {b.Hash[..12]}…");
}
