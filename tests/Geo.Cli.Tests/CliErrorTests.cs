using Geo.Core.Errors;
using Geo.Data.Tests.Indikator;
using Geo.Data.Tests.Support;

namespace Geo.Cli.Tests;

/// <summary>
/// Every bad input to the CLI ends in one line on stderr, "geo: " and an Indonesian sentence, no
/// stack trace, and the exit code of its kind; nothing is written.
/// </summary>
public sealed class CliErrorTests : PostgisTest
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await KotaMetroData.LoadBoundariesAsync(Db);
    }

    public static TheoryData<string, GeoErrorKind, string> Cases() => new()
    {
        { "import wilayah /tidak/ada.geojson", GeoErrorKind.NotFound, "tidak ditemukan" },
        { "import indikator /tidak/ada.csv", GeoErrorKind.NotFound, "tidak ditemukan" },
        { $"import wilayah {DataFiles.Boundaries("kota-metro-kelurahan.geojson")} --tingkat dusun", GeoErrorKind.Invalid, "tingkat" },
        { "analisis --wilayah 18.72 --periode 2022-13", GeoErrorKind.Invalid, "periode" },
        { "analisis --wilayah 18.72.01.9001 --periode 2022-08", GeoErrorKind.Invalid, "kode" },
        { "analisis --wilayah 18.72 --periode 2022-08 --bobot segienam", GeoErrorKind.Invalid, "bobot" },
        { "analisis --wilayah 18.72 --periode 2022-08 --alpha 2", GeoErrorKind.Invalid, "alpha" },
        { "analisis --wilayah 18.72 --periode 2022-08 --deret lain", GeoErrorKind.Invalid, "deret" },
        { "analisis --wilayah 18.72 --periode 2022-08 --ambang sedang", GeoErrorKind.Invalid, "ambang" },
        { "analisis --wilayah 18.72 --periode 2019-08", GeoErrorKind.NotFound, "tidak ada nilai" },
        { "analisis --wilayah 18.72 --periode 2022-08 --indikator TIDAK_ADA", GeoErrorKind.NotFound, "tidak dikenal" },
        { "analisis --wilayah 18.72 --periode 2023-08,2022-08", GeoErrorKind.Invalid, "urut waktu" },
        { "analisis --wilayah 18.72 --periode 2022-02,2022-08 --jendela 20", GeoErrorKind.Invalid, "jendela" },
        { "analisis --wilayah 18.72 --periode 2019-02,2019-08", GeoErrorKind.NotFound, "tidak ada nilai" },
        { "batch lihat 999", GeoErrorKind.NotFound, "batch 999" },
        { "batch terbitkan 999", GeoErrorKind.NotFound, "batch 999" },
        { "batch tarik 999", GeoErrorKind.NotFound, "batch 999" },
        { "batch verifikasi 999", GeoErrorKind.NotFound, "batch 999" },
        { "batch tolak 999 --alasan salah", GeoErrorKind.NotFound, "batch 999" },
        { "demo sintetis --wilayah 18.99 --periode 2024", GeoErrorKind.NotFound, "tidak ada desa" },
        { "demo sintetis --wilayah 18.72 --periode 2024-13", GeoErrorKind.Invalid, "periode" },
        { $"laporan --wilayah 18.72 --periode 2022-08 --keluaran {Path.Combine(Path.GetTempPath(), "laporan.txt")}", GeoErrorKind.Invalid, ".docx atau .pdf" },
        { $"laporan --wilayah 18.72 --periode 2019-08 --keluaran {Path.Combine(Path.GetTempPath(), "laporan.pdf")}", GeoErrorKind.NotFound, "tidak ada nilai" },
        { $"laporan --wilayah 18.72 --periode 2022-08 --bobot segienam --keluaran {Path.Combine(Path.GetTempPath(), "laporan.pdf")}", GeoErrorKind.Invalid, "bobot" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_command_says_what_is_wrong_in_one_line(string args, GeoErrorKind kind, string detail)
    {
        var before = await DatabaseState.SnapshotAsync(Db);

        var run = await CliRun.RunAsync(Db, args.Split(' '));

        run.AssertOneLineError(CliRunner.ExitCode(kind), detail);
        Assert.Equal(before, await DatabaseState.SnapshotAsync(Db));
    }

    [Fact]
    public async Task An_unreachable_database_is_exit_7_in_Indonesian_without_its_address()
    {
        Environment.SetEnvironmentVariable("GEO_DATABASE_URL", "postgresql://geo@127.0.0.1:1/geo");
        var run = await CliRun.RunAsync(null, "batch", "daftar");

        run.AssertOneLineError(CliRunner.ExitCode(GeoErrorKind.Unavailable), "basis data");
        Assert.DoesNotContain("127.0.0.1", run.Error);
    }

    [Fact]
    public async Task No_database_url_is_exit_2_and_says_how_to_set_it()
    {
        Environment.SetEnvironmentVariable("GEO_DATABASE_URL", null);
        var run = await CliRun.RunAsync(null, "batch", "daftar");

        run.AssertOneLineError(CliRunner.ExitCode(GeoErrorKind.Invalid), "GEO_DATABASE_URL");
    }
}
