using System.Globalization;
using System.Text;
using Geo.Data.Tests.Indikator;
using Geo.Data.Tests.Support;

namespace Geo.Cli.Tests;

/// <summary>`geo analisis --periode A,B,...`: the analysis over time, its summary and its table.</summary>
public sealed class AnalisisWaktuCommandTests : PostgisTest
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await KotaMetroData.LoadBoundariesAsync(Db);
    }

    [Fact]
    public async Task Several_periods_give_change_trend_and_hot_spots_per_kelurahan()
    {
        // SYNTHETIC counts for three periods, written here: every kelurahan improves from 30% to 20%
        var codes = new List<string>();
        await using (var cmd = Db.DataSource.CreateCommand("SELECT kode FROM wilayah WHERE tingkat = 4 ORDER BY kode"))
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) codes.Add(reader.GetString(0));
        }
        var csv = new StringBuilder("kode,indikator,periode,pembilang,penyebut\n");
        string[] periods = ["2023-08", "2024-02", "2024-08"];
        for (var k = 0; k < codes.Count; k++)
        {
            for (var t = 0; t < 3; t++) csv.Append(CultureInfo.InvariantCulture, $"{codes[k]},PREV_STUNTING,{periods[t]},{(30 - 5 * t) * (4 + k % 3)},{100 * (4 + k % 3)}\n");
        }
        var file = Path.Combine(Path.GetTempPath(), $"geo-waktu-{Guid.NewGuid():N}.csv");
        var table = Path.ChangeExtension(file, ".keluaran.csv");
        await File.WriteAllTextAsync(file, csv.ToString());
        try
        {
            var import = await CliRun.RunAsync(Db, "import", "indikator", file, "--wilayah", "18.72", "--sumber", "sintetis-uji", "--terbitkan");
            Assert.True(import.ExitCode == 0, import.Error);

            var run = await CliRun.RunAsync(Db, "analisis", "--wilayah", "18.72", "--periode", "2023-08,2024-02,2024-08", "--permutasi", "99", "--keluaran", table);

            Assert.True(run.ExitCode == 0, run.Error);
            Assert.Contains("Analisis waktu PREV_STUNTING 2023-08, 2024-02, 2024-08 di 18.72: 22", run.Out);
            Assert.Contains("membaik 22", run.Out);
            Assert.Contains("Titik panas yang muncul", run.Out);
            var lines = await File.ReadAllLinesAsync(table);
            Assert.Equal("kode,nama,nilai_2023-08,nilai_2024-02,nilai_2024-08,selisih,perubahan_z,perubahan_p,perubahan_arah,tren_n,tren_s,tren_tau,tren_p,sen_per_tahun,tren_arah,pola_titik_panas", lines[0]);
            Assert.Equal(23, lines.Length);
            var first = lines[1].Split(',');
            Assert.Equal(["30", "25", "20", "-10"], first[2..6]);
            Assert.Equal("membaik", first[8]);
            Assert.Equal(["3", "-3", "-1"], first[9..12]); // n, S (all three pairs fall), tau
            Assert.Equal("-10", first[13]); // Sen: -10 points a year
            Assert.Equal("tetap", first[14]); // three periods cannot make Mann-Kendall significant (p = 0.30)

            // The same analysis as a file for QGIS, and as a map image.
            var gpkg = Path.ChangeExtension(file, ".gpkg");
            var ekspor = await CliRun.RunAsync(Db, "ekspor", "waktu", "--wilayah", "18.72", "--periode", "2023-08,2024-02,2024-08", "--permutasi", "99", "--keluaran", gpkg);
            Assert.True(ekspor.ExitCode == 0, ekspor.Error);
            Assert.Contains("22 baris, lapisan analisis_waktu_18_72_prev_stunting_2023_08_2024_08 (gpkg)", ekspor.Out);
            var count = new System.Diagnostics.ProcessStartInfo("ogrinfo",
                ["-ro", "-q", gpkg, "-sql", "SELECT count(*) AS n FROM analisis_waktu_18_72_prev_stunting_2023_08_2024_08 WHERE perubahan_arah = 'membaik'"])
            { RedirectStandardOutput = true };
            using (var ogr = System.Diagnostics.Process.Start(count)!)
            {
                var output = await ogr.StandardOutput.ReadToEndAsync();
                await ogr.WaitForExitAsync();
                Assert.Contains("n (Integer) = 22", output);
            }
            File.Delete(gpkg);
            var png = Path.ChangeExtension(file, ".png");
            var peta = await CliRun.RunAsync(Db, "peta", "--wilayah", "18.72", "--periode", "2023-08,2024-08", "--lapisan", "perubahan", "--lebar", "800", "--tinggi", "600", "--keluaran", png);
            Assert.True(peta.ExitCode == 0, peta.Error);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await File.ReadAllBytesAsync(png))[..4]);
            File.Delete(png);
            (await CliRun.RunAsync(Db, "peta", "--wilayah", "18.72", "--periode", "2024-08", "--lapisan", "perubahan", "--keluaran", png))
                .AssertOneLineError(2, "periode");
        }
        finally
        {
            File.Delete(file);
            File.Delete(table);
        }
    }
}
