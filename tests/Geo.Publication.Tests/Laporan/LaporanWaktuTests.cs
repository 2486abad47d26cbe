using System.Globalization;
using Geo.Core.Akun;
using Geo.Core.Indikator;
using Geo.Core.Wilayah;
using Geo.Data.Analisis;
using Geo.Data.Indikator;
using Geo.Data.Indikator.Import;
using Geo.Data.Tests.Support;
using Geo.Data.Wilayah.Import;
using Geo.Publication.Laporan;

namespace Geo.Publication.Tests.Laporan;

/// <summary>Kota Metro's boundaries with two published periods of prevalence as counts: some kelurahan clearly worse, some clearly better.</summary>
public sealed class DuaPeriodeHitunganFixture : IAsyncLifetime
{
    public PostgisDatabase Db { get; } = new();

    public LaporanService Service() => MetroLaporanFixture.ServiceOver(Db.DataSource);

    public async Task InitializeAsync()
    {
        await Db.InitializeAsync();
        var importer = new BoundaryImporter(Db.DataSource);
        await importer.ImportAsync(DataFiles.Boundaries("kota-metro-kecamatan.geojson"), new BoundaryImportOptions(Tingkat.Kecamatan));
        await importer.ImportAsync(DataFiles.Boundaries("kota-metro-kelurahan.geojson"), new BoundaryImportOptions(Tingkat.Desa));
        var desa = await Db.DataSource.CreateCommand("SELECT array_agg(kode ORDER BY kode) FROM wilayah WHERE tingkat = 4").ExecuteScalarAsync() as string[];
        var path = Path.Combine(Path.GetTempPath(), $"laporan-waktu-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(path, ["kode,indikator,periode,pembilang,penyebut",
            .. desa!.Select((kode, i) => string.Create(CultureInfo.InvariantCulture, $"{kode},PREV_STUNTING,2023-02,{5 + i},100")),
            .. desa!.Select((kode, i) => string.Create(CultureInfo.InvariantCulture, $"{kode},PREV_STUNTING,2023-08,{27 - i},100"))]);
        var report = await new IndikatorImporter(Db.DataSource).ImportAsync(path, new IndikatorImportOptions(Sumber: "e-PPGBM", Wilayah: "18.72", Pengguna: "uji"));
        await Uji.TerbitkanAsync(Db, report);
    }

    public Task DisposeAsync() => Db.DisposeAsync();
}

public sealed class LaporanWaktuTests(DuaPeriodeHitunganFixture fixture) : IClassFixture<DuaPeriodeHitunganFixture>
{
    private static readonly AnalysisRequest Agustus2023 = AnalysisRequestParser.Parse(new AnalysisOptionsText("18.72", "2023-08", Permutasi: 99));

    /// <summary>
    /// With two periods the report gains the change per kecamatan with its test and direction, the
    /// trend, emerging hot spots in words and a map, the uncertain desa and the exceedance map; the
    /// numbers are read here from the analysis over time itself, and must be in the DOCX and the PDF.
    /// </summary>
    [Fact]
    public async Task Over_two_periods_the_report_shows_change_per_kecamatan_hot_spots_over_time_and_uncertainty()
    {
        var source = fixture.Db.DataSource;
        var temporal = await new TemporalAnalysisService(new NilaiQueries(source), new IndikatorCatalog(source), new Data.Statistics.SpatialWeightsBuilder(source))
            .RunAsync(Caller.Anonim, new TemporalRequest { Dasar = Agustus2023, Periode = [Periode.Parse("2023-02"), Periode.Parse("2023-08")] });
        var kecamatan = temporal.Agregat.Where(a => a.Kode.Length == 8).ToList();
        Assert.Equal(5, kecamatan.Count);
        var expected = new List<string> { "Perubahan dan kecenderungan per kecamatan", "Titik panas yang muncul", "Ketidakpastian" };
        foreach (var k in kecamatan)
        {
            Assert.NotNull(k.Perubahan.P);
            expected.Add(k.Nama);
            expected.Add(Teks.Hasil(k.Perubahan.Selisih));
            expected.Add(Teks.Statistik(k.Perubahan.P));
            expected.Add(k.Perubahan.Arah!);
        }
        var area = temporal.Agregat.Single(a => a.Kode == "18.72");
        expected.Add($"{Teks.Hasil(area.Perubahan.NilaiAwal)}% pada Februari 2023 menjadi {Teks.Hasil(area.Perubahan.NilaiAkhir)}% pada Agustus 2023");
        expected.Add($"{temporal.JumlahPerArah["membaik"]} membaik, {temporal.JumlahPerArah["memburuk"]} memburuk, {temporal.JumlahPerArah["tetap"]} tetap");
        foreach (var (pola, n) in temporal.JumlahPerPola.Where(kv => kv.Value > 0 && kv.Key != "tanpa_pola")) expected.Add($"{Teks.Pola(pola)} ({n} desa/kelurahan)");
        var run = await new SituationAnalysisService(new AnalysisInputLoader(new NilaiQueries(source), new IndikatorCatalog(source)),
            new Data.Statistics.SpatialWeightsBuilder(source), new AnalysisStore(source, AnalysisRetention.Default)).RunAsync(Caller.Anonim, Agustus2023);
        expected.Add($"{run.Rows.Count(r => r.TidakPasti)} desa/kelurahan \"tidak pasti\"");

        var docx = await fixture.Service().WriteAsync(Caller.Anonim, Agustus2023, LaporanFormat.Docx);
        var errors = LaporanOutput.ValidationErrors(docx);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(5)));
        var (text, _, _, images) = LaporanOutput.Docx(docx);
        foreach (var e in expected) Assert.Contains(e, text);
        Assert.Equal(LaporanService.Lapisan.Count + 1 + LaporanService.LapisanWaktu.Count, images);
        Assert.DoesNotContain("tidak tersedia dalam laporan ini", text);
        await File.WriteAllBytesAsync(Path.Combine(LaporanOutput.Directory, "kota-metro-2023-02-2023-08.docx"), docx);

        var pdf = await fixture.Service().WriteAsync(Caller.Anonim, Agustus2023, LaporanFormat.Pdf);
        var path = Path.Combine(LaporanOutput.Directory, "kota-metro-2023-02-2023-08.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        var pdfText = LaporanOutput.PdfText(path);
        foreach (var e in expected) Assert.Contains(e, pdfText);
    }

}
