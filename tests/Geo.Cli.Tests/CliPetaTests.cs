using Geo.Core.Errors;
using Geo.Data.Tests.Indikator;
using Geo.Data.Tests.Support;

namespace Geo.Cli.Tests;

/// <summary>`geo peta` writes the map image the API serves; bad sizes are one-line errors.</summary>
public sealed class CliPetaTests : PostgisTest
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await KotaMetroData.LoadBoundariesAsync(Db);
    }

    [Fact]
    public async Task Peta_writes_a_PNG_of_the_requested_size_and_says_when_data_is_synthetic()
    {
        Assert.Equal(0, (await CliRun.RunAsync(Db, "demo", "metro")).ExitCode);
        var file = Path.Combine(Path.GetTempPath(), $"geo-peta-{Guid.NewGuid():N}.png");
        try
        {
            var run = await CliRun.RunAsync(Db, "peta", "--wilayah", "18.72", "--periode", "2022-08", "--indikator", "L01",
                "--lebar", "640", "--tinggi", "480", "--keluaran", file);

            Assert.True(run.ExitCode == 0, run.Error);
            Assert.Contains("SINTETIS", run.Out);
            var png = await File.ReadAllBytesAsync(file);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
            // IHDR: width and height, big-endian, at bytes 16 and 20.
            Assert.Equal(640, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
            Assert.Equal(480, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_size_outside_the_limits_is_a_one_line_error()
    {
        (await CliRun.RunAsync(Db, "peta", "--wilayah", "18.72", "--periode", "2022-08", "--lebar", "50", "--keluaran", "x.png"))
            .AssertOneLineError(CliRunner.ExitCode(GeoErrorKind.Invalid), "lebar harus 200 sampai 4000 piksel");
    }
}
