using Geo.Core.Errors;
using Geo.Data.Akun;
using Geo.Data.Tests.Indikator;
using Geo.Data.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Geo.Cli.Tests;

public sealed class AkunCommandTests : PostgisTest
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await KotaMetroData.LoadBoundariesAsync(Db);
    }

    private async Task<bool> PasswordWorksAsync(string nama, string sandi)
    {
        await using var services = GeoEnvironment.AkunServices(Db.DataSource);
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Data.Akun.Akun>>();
        return await users.FindByNameAsync(nama) is { } akun && await users.CheckPasswordAsync(akun, sandi);
    }

    private static string PrintedPassword(CliRun run) => run.Out.TrimEnd().Split('\n').Single(l => l.Contains("(ditampilkan sekali)", StringComparison.Ordinal)).Split(' ')[^1].Trim();

    [Fact]
    public async Task Tambah_daftar_sandi_nonaktifkan_end_to_end()
    {
        var added = await CliRun.RunAsync(Db, "akun", "tambah", "sari", "--wilayah", "18.72", "--peran", "operator,verifikator");
        Assert.True(added.ExitCode == 0, added.Error);
        var first = PrintedPassword(added);
        Assert.True(first.Length >= AkunIdentity.MinimumPasswordLength);
        Assert.True(await PasswordWorksAsync("sari", first));

        var list = await CliRun.RunAsync(Db, "akun", "daftar");
        Assert.Contains("sari\t18.72\toperator,verifikator\taktif", list.Out);

        var reset = await CliRun.RunAsync(Db, "akun", "sandi", "sari");
        var second = PrintedPassword(reset);
        Assert.NotEqual(first, second);
        Assert.False(await PasswordWorksAsync("sari", first));
        Assert.True(await PasswordWorksAsync("sari", second));

        Assert.Equal(0, (await CliRun.RunAsync(Db, "akun", "nonaktifkan", "sari")).ExitCode);
        Assert.Contains("sari\t18.72\toperator,verifikator\tnonaktif", (await CliRun.RunAsync(Db, "akun", "daftar")).Out);
    }

    [Fact]
    public async Task A_password_can_come_from_stdin_and_must_follow_the_rules()
    {
        var previous = Console.In;
        try
        {
            Console.SetIn(new StringReader("aaaaaaaaaaaa\n"));
            (await CliRun.RunAsync(Db, "akun", "tambah", "tono", "--wilayah", "nasional", "--sandi-dari-stdin")).AssertOneLineError(2, "dua jenis");
            Console.SetIn(new StringReader("Pendek1\n"));
            (await CliRun.RunAsync(Db, "akun", "tambah", "tono", "--wilayah", "nasional", "--sandi-dari-stdin")).AssertOneLineError(2, "paling sedikit 10");

            Console.SetIn(new StringReader("Sandi-Tono-2024\n"));
            var ok = await CliRun.RunAsync(Db, "akun", "tambah", "tono", "--wilayah", "nasional", "--sandi-dari-stdin", "--peran", "analis");
            Assert.True(ok.ExitCode == 0, ok.Error);
            Assert.DoesNotContain("Sandi-Tono-2024", ok.Out);
            Assert.True(await PasswordWorksAsync("TONO", "Sandi-Tono-2024"));
            Assert.Contains("tono\tnasional\tanalis\taktif", (await CliRun.RunAsync(Db, "akun", "daftar")).Out);
        }
        finally
        {
            Console.SetIn(previous);
        }
    }

    public static TheoryData<string, GeoErrorKind, string> Cases() => new()
    {
        { "akun tambah x --wilayah 18.99", GeoErrorKind.NotFound, "wilayah 18.99 tidak ada" },
        { "akun tambah x --wilayah 18.7", GeoErrorKind.Invalid, "kode" },
        { "akun tambah x --wilayah 18.72.01", GeoErrorKind.Invalid, "provinsi atau kab/kota" },
        { "akun tambah x --wilayah 18.72 --peran operator,raja", GeoErrorKind.Invalid, "peran 'raja' tidak dikenal" },
        { "akun tambah ada --wilayah 18.72", GeoErrorKind.Conflict, "akun 'ada' sudah ada" },
        { "akun tambah ADA --wilayah 18.72", GeoErrorKind.Conflict, "sudah ada" },
        { "akun tambah nama/aneh --wilayah 18.72", GeoErrorKind.Invalid, "tidak sah" },
        { "akun nonaktifkan siapa", GeoErrorKind.NotFound, "akun 'siapa' tidak ada" },
        { "akun sandi siapa", GeoErrorKind.NotFound, "akun 'siapa' tidak ada" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_inputs_end_in_one_line_and_the_kinds_exit_code(string args, GeoErrorKind kind, string detail)
    {
        Assert.Equal(0, (await CliRun.RunAsync(Db, "akun", "tambah", "ada", "--wilayah", "18.72")).ExitCode);
        var run = await CliRun.RunAsync(Db, args.Split(' '));
        run.AssertOneLineError(CliRunner.ExitCode(kind), detail);
        Assert.Equal(1, await Db.ScalarAsync<long>("SELECT count(*) FROM akun"));
    }

    [Fact]
    public async Task Demo_admin_is_made_once_with_every_role_in_Kota_Metro()
    {
        var first = await CliRun.RunAsync(Db, "akun", "demo");
        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("admin-metro", first.Out);
        var password = first.Out.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).First(w => w.Length == 16 && w.Any(char.IsDigit) && w.Any(char.IsUpper));
        Assert.True(await PasswordWorksAsync("admin-metro", password));
        Assert.Contains("admin-metro\t18.72\tadmin,analis,approver,operator,verifikator\taktif", (await CliRun.RunAsync(Db, "akun", "daftar")).Out);

        var second = await CliRun.RunAsync(Db, "akun", "demo");
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("sudah ada", second.Out);
        Assert.DoesNotContain(password, second.Out);
    }

    [Fact]
    public async Task Imports_from_the_shell_are_recorded_as_the_local_operator()
    {
        var file = Path.Combine(Path.GetTempPath(), $"geo-lokal-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "kode,indikator,periode,pembilang,penyebut\n18.72.01.1001,L20,2024,3,9\n");
        try
        {
            var run = await CliRun.RunAsync(Db, "import", "indikator", file, "--sumber", "SSGI");
            Assert.True(run.ExitCode == 0, run.Error);
            Assert.Equal($"lokal:{Environment.UserName}", await Db.ScalarAsync<string>("SELECT pengguna FROM impor_batch"));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
