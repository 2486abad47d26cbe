using System.CommandLine;
using Geo.Data.Akun;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Geo.Cli.Commands;

/// <summary>
/// <c>geo akun tambah|daftar|nonaktifkan|sandi|demo</c>: account management from the server's
/// shell, through Identity as the server uses it.
/// </summary>
public static class AkunCommand
{
    public const string DemoName = "admin-metro";
    public const string DemoWilayah = "18.72";

    public static Command Create()
    {
        var akun = new Command("akun", "Kelola akun: tambah, daftar, nonaktifkan, sandi baru");
        akun.Subcommands.Add(Tambah());
        akun.Subcommands.Add(Daftar());
        akun.Subcommands.Add(WithName("nonaktifkan", "Nonaktifkan akun: tidak bisa masuk lagi; cookie dan token API-nya berhenti berlaku", async (admin, nama) =>
        {
            var a = await admin.DeactivateAsync(nama);
            Console.WriteLine($"akun {a.UserName} dinonaktifkan");
        }));
        akun.Subcommands.Add(WithName("sandi", "Buat sandi baru untuk akun (ditampilkan sekali) dan buka kuncinya", async (admin, nama) =>
        {
            var sandi = await admin.ResetPasswordAsync(nama);
            Console.WriteLine($"sandi baru untuk {nama} (ditampilkan sekali): {sandi}");
        }));
        akun.Subcommands.Add(Demo());
        return akun;
    }

    private static Command Tambah()
    {
        var nama = new Argument<string>("nama") { Description = "nama akun (huruf, angka, - . _ @ +)" };
        var wilayah = new Option<string>("--wilayah") { Description = "nasional, atau kode provinsi/kab/kota (mis. 18.72)", Required = true };
        var peran = new Option<string[]>("--peran") { Description = "operator, verifikator, approver, analis, admin (dipisah koma)", AllowMultipleArgumentsPerToken = true };
        var stdin = new Option<bool>("--sandi-dari-stdin") { Description = "baca sandi dari baris pertama stdin, bukan membuatnya" };
        var command = new Command("tambah", "Tambah akun; mencetak sandi sekali pakai yang dibuat (atau memakai --sandi-dari-stdin)") { nama, wilayah, peran, stdin };
        command.SetAction(async (parse, ct) =>
        {
            var sandi = parse.GetValue(stdin) ? Console.In.ReadLine() ?? "" : null;
            await using var scope = new AkunScope();
            var (a, password) = await scope.Admin.CreateAsync(parse.GetValue(nama)!, parse.GetValue(wilayah)!, parse.GetValue(peran) ?? [], sandi, ct);
            Console.WriteLine($"akun {a.UserName} dibuat (wilayah {a.Wilayah ?? "nasional"})");
            if (sandi is null) Console.WriteLine($"sandi sekali pakai (ditampilkan sekali): {password}");
            return 0;
        });
        return command;
    }

    private static Command Daftar()
    {
        var command = new Command("daftar", "Daftar akun: nama, wilayah, peran, keadaan");
        command.SetAction(async (_, ct) =>
        {
            await using var scope = new AkunScope();
            foreach (var a in await scope.Admin.ListAsync(ct))
            {
                var keadaan = !a.Aktif ? "nonaktif" : a.Terkunci ? "terkunci" : "aktif";
                Console.WriteLine($"{a.Nama}\t{a.Wilayah}\t{(a.Peran.Count == 0 ? "-" : string.Join(",", a.Peran))}\t{keadaan}\tdibuat {a.Dibuat:u}");
            }
            return 0;
        });
        return command;
    }

    /// <summary>The demo's administrator for Kota Metro, made once by <c>./geo up</c>; a second run leaves it alone.</summary>
    private static Command Demo()
    {
        var command = new Command("demo", $"Buat akun demo {DemoName} (wilayah {DemoWilayah}, semua peran) bila belum ada, dan cetak sandinya sekali");
        command.SetAction(async (_, ct) =>
        {
            await using var scope = new AkunScope();
            if (await scope.Users.FindByNameAsync(DemoName) is not null)
            {
                Console.WriteLine($"akun demo {DemoName} sudah ada (sandi baru: ./geo akun sandi {DemoName})");
                return 0;
            }
            var (_, password) = await scope.Admin.CreateAsync(DemoName, DemoWilayah, ["admin,operator,verifikator,approver,analis"], null, ct);
            Console.WriteLine($"akun demo dibuat: masuk sebagai {DemoName} dengan sandi sekali pakai {password}");
            Console.WriteLine($"  (di halaman peta: kotak Akun; atau POST /api/akun/masuk {{\"nama\":\"{DemoName}\",\"sandi\":\"...\"}}; sandi ini tidak ditampilkan lagi)");
            return 0;
        });
        return command;
    }

    private static Command WithName(string name, string description, Func<AkunAdministrasi, string, Task> action)
    {
        var nama = new Argument<string>("nama") { Description = "nama akun" };
        var command = new Command(name, description) { nama };
        command.SetAction(async (parse, _) =>
        {
            await using var scope = new AkunScope();
            await action(scope.Admin, parse.GetValue(nama)!);
            return 0;
        });
        return command;
    }

    /// <summary>The data source, Identity's services and one scope over them, disposed together.</summary>
    private sealed class AkunScope : IAsyncDisposable
    {
        private readonly Npgsql.NpgsqlDataSource _dataSource = GeoEnvironment.OpenDataSource();
        private readonly ServiceProvider _services;
        private readonly AsyncServiceScope _scope;

        public AkunScope()
        {
            _services = GeoEnvironment.AkunServices(_dataSource);
            _scope = _services.CreateAsyncScope();
        }

        public AkunAdministrasi Admin => _scope.ServiceProvider.GetRequiredService<AkunAdministrasi>();

        public UserManager<Data.Akun.Akun> Users => _scope.ServiceProvider.GetRequiredService<UserManager<Data.Akun.Akun>>();

        public async ValueTask DisposeAsync()
        {
            await _scope.DisposeAsync();
            await _services.DisposeAsync();
            await _dataSource.DisposeAsync();
        }
    }
}
