using Geo.Core.Indikator;
using Geo.Core.Wilayah;
using Geo.Data.Indikator;
using Geo.Data.Indikator.Import;
using Geo.Data.Tests.Indikator;
using Geo.Data.Tests.Support;

namespace Geo.Cli.Tests;

/// <summary>`geo laporan` writes the report in the format its file name asks for.</summary>
public sealed class CliLaporanTests : PostgisTest
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await KotaMetroData.LoadBoundariesAsync(Db);
        var prevalence = await new IndikatorImporter(Db.DataSource).ImportAsync(KotaMetroData.TsvPath,
            new IndikatorImportOptions("PREV_STUNTING", "2022-08", "e-PPGBM", "18.72", "uji"));
        await Uji.TerbitkanAsync(Db, prevalence);
        Assert.True((await new DemoSintetis(Db.DataSource).GenerateAsync(KodeWilayah.Parse("18.72"), Periode.Parse("2022-08"), 1872, Uji.Lokal, true)).Berhasil);
    }

    [Theory]
    [InlineData("docx", "PK")]
    [InlineData("pdf", "%PDF-")]
    public async Task The_report_is_written_to_the_file_named(string extension, string magic)
    {
        var file = Path.Combine(Path.GetTempPath(), $"laporan-{Guid.NewGuid():N}.{extension}");
        try
        {
            var run = await CliRun.RunAsync(Db, "laporan", "--wilayah", "18.72", "--periode", "2022-08", "--permutasi", "99", "--keluaran", file);

            Assert.True(run.ExitCode == 0, run.Error);
            Assert.Contains(file, run.Out);
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.Equal(System.Text.Encoding.ASCII.GetBytes(magic), bytes[..magic.Length]);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
