using System.Diagnostics;
using Geo.Core.Errors;
using Geo.Data.Tests.Indikator;
using Geo.Data.Tests.Support;

namespace Geo.Cli.Tests;

/// <summary><c>geo ekspor</c> writes the file its extension names, as the local operator, and says what it wrote.</summary>
public sealed class CliEksporTests : PostgisTest
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("geo-cli-ekspor-");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await KotaMetroData.LoadBoundariesAsync(Db);
        var run = await CliRun.RunAsync(Db, "import", "indikator", KotaMetroData.TsvPath, "--indikator", "PREV_STUNTING", "--periode", "2022-08",
            "--wilayah", "18.72", "--sumber", "e-PPGBM", "--terbitkan");
        Assert.True(run.ExitCode == 0, run.Error);
    }

    public override async Task DisposeAsync()
    {
        _dir.Delete(recursive: true);
        await base.DisposeAsync();
    }

    [Theory]
    [InlineData("metro.gpkg", "GPKG")]
    [InlineData("metro.geojson", "GeoJSON")]
    [InlineData("metro.xlsx", "XLSX")]
    public async Task The_extension_picks_the_format_and_GDAL_opens_it(string file, string driver)
    {
        var path = Path.Combine(_dir.FullName, file);
        var run = await CliRun.RunAsync(Db, "ekspor", "wilayah", "--induk", "18.72", "--indikator", "PREV_STUNTING", "--periode", "2022-08", "--keluaran", path);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("22 baris", run.Out);
        var info = Ogrinfo(path);
        Assert.Contains($"using driver `{driver}' successful", info);
    }

    [Fact]
    public async Task The_decimal_comma_csv_and_a_bad_format_are_options()
    {
        var csv = Path.Combine(_dir.FullName, "metro.csv");
        var run = await CliRun.RunAsync(Db, "ekspor", "wilayah", "--induk", "18.72", "--indikator", "PREV_STUNTING", "--periode", "2022-08",
            "--keluaran", csv, "--desimal", "koma");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.StartsWith("kode;nama;induk;indikator;periode;nilai;", File.ReadAllText(csv).TrimStart('\uFEFF'));

        (await CliRun.RunAsync(Db, "ekspor", "wilayah", "--indikator", "PREV_STUNTING", "--periode", "2022-08", "--keluaran", Path.Combine(_dir.FullName, "x.fgb")))
            .AssertOneLineError(CliRunner.ExitCode(GeoErrorKind.Invalid), "FlatGeobuf");
        (await CliRun.RunAsync(Db, "ekspor", "lokus", "42", "--keluaran", Path.Combine(_dir.FullName, "x.gpkg")))
            .AssertOneLineError(CliRunner.ExitCode(GeoErrorKind.NotFound), "42");
    }

    private static string Ogrinfo(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("ogrinfo", ["-ro", "-so", path]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return output;
    }
}
