using Geo.Core.Akun;
using Geo.Core.Errors;
using Geo.Core.Indikator;
using Geo.Core.Wilayah;
using Geo.Data.Tests.Support;
using Geo.Publication.Laporan;

namespace Geo.Publication.Tests.Laporan;

/// <summary>
/// The Kota Metro report, as the anonymous public gets it, in both formats. The numbers it must hold
/// are read here from the roll-up queries and the stored run, not written into the test.
/// </summary>
public sealed class LaporanTests(MetroLaporanFixture fixture) : IClassFixture<MetroLaporanFixture>
{
    private static readonly KodeWilayah Metro = KodeWilayah.Parse("18.72");
    private static readonly Periode Agustus2022 = Periode.Parse("2022-08");

    /// <summary>The texts every form of the report must hold: the area's and each kecamatan's prevalence, reporting, the top intervention, the fingerprint.</summary>
    private async Task<List<string>> ExpectedNumbersAsync()
    {
        var rollUps = await fixture.Nilai.RollUpAsync(Caller.Anonim, Metro, [Tingkat.KabKota, Tingkat.Kecamatan], "PREV_STUNTING", Agustus2022);
        Assert.Equal(6, rollUps.Count);
        var run = await fixture.Analysis.RunAsync(Caller.Anonim, MetroLaporanFixture.Request);
        var top = run.Interventions[0].Interventions[0];
        var expected = new List<string> { "Kota Metro", run.InputVersion, $"{top.Indikator}", Teks.Cakupan(top.Value) };
        foreach (var r in rollUps)
        {
            expected.Add(r.Nama);
            expected.Add(Teks.Hasil(r.Agregat.Nilai));
            expected.Add($"{r.Agregat.Melapor}/{r.Agregat.JumlahDesa}");
        }
        return expected;
    }

    [Fact]
    public async Task The_docx_is_valid_Word_with_headings_tables_maps_and_the_area_numbers()
    {
        var docx = await fixture.Service().WriteAsync(Caller.Anonim, MetroLaporanFixture.Request, LaporanFormat.Docx);
        await File.WriteAllBytesAsync(Path.Combine(LaporanOutput.Directory, "kota-metro-2022-08.docx"), docx);

        var errors = LaporanOutput.ValidationErrors(docx);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(5)));
        var (text, styles, tables, images) = LaporanOutput.Docx(docx);
        foreach (var expected in await ExpectedNumbersAsync()) Assert.Contains(expected, text);
        Assert.Contains("DATA SINTETIS", text);
        foreach (var heading in new[] { "1. Situasi", "2. Intervensi yang menjadi masalah", "3. Lokasi yang menjadi masalah", "4. Lokus", "5. Data dan metode" })
        {
            Assert.Contains(text.Split('\n').Select((line, i) => (line, i)), p => p.line.StartsWith(heading, StringComparison.Ordinal) && styles[p.i] == "Heading1");
        }
        // The lokus list with each desa's reason, in the order given.
        var reasons = fixture.Lokus.Desa.Select(d => text.IndexOf(d.Alasan, StringComparison.Ordinal)).ToList();
        Assert.All(reasons, at => Assert.True(at >= 0));
        Assert.Equal(reasons.Order(), reasons);
        // One period in this database: every map but the two over time, and the report says why those are missing.
        Assert.Equal(LaporanService.Lapisan.Count, images);
        Assert.True(tables >= 8, $"{tables} tables");
        Assert.Contains("Hanya satu periode data (Agustus 2022) untuk Kota Metro", text);
        // The real 2022 table has percentages only: no posterior, said in words, and no exceedance map asked for.
        Assert.Contains("Peluang melewati ambang tidak dapat dihitung", text);
    }

    [Fact]
    public async Task The_pdf_text_holds_the_same_numbers_and_every_page_renders()
    {
        var pdf = await fixture.Service().WriteAsync(Caller.Anonim, MetroLaporanFixture.Request, LaporanFormat.Pdf);
        var path = Path.Combine(LaporanOutput.Directory, "kota-metro-2022-08.pdf");
        await File.WriteAllBytesAsync(path, pdf);

        var text = LaporanOutput.PdfText(path);
        foreach (var expected in await ExpectedNumbersAsync()) Assert.Contains(expected, text);
        Assert.Contains("DATA SINTETIS", text);
        Assert.Contains("Intervensi yang menjadi masalah", text);

        var pages = LaporanOutput.PdfPages(path);
        Assert.True(pages >= 5, $"{pages} pages");
        Assert.Contains($"Halaman {pages} dari {pages}", text);
        var images = LaporanOutput.RenderPages(path, Path.Combine(LaporanOutput.Directory, "kota-metro-2022-08"), 60);
        Assert.Equal(pages, images.Count);
        Assert.All(images, png => Assert.True(LaporanOutput.InkShare(png) > 0.01, $"{png} is blank"));
    }

    [Fact]
    public async Task Without_a_map_renderer_the_report_says_the_maps_are_not_available()
    {
        var service = fixture.Service(new TanpaPeta());
        var docx = await service.WriteAsync(Caller.Anonim, MetroLaporanFixture.Request, LaporanFormat.Docx);
        var pdf = await service.WriteAsync(Caller.Anonim, MetroLaporanFixture.Request, LaporanFormat.Pdf);

        var errors = LaporanOutput.ValidationErrors(docx);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(5)));
        var (text, _, _, images) = LaporanOutput.Docx(docx);
        Assert.Equal(0, images);
        foreach (var lapisan in LaporanService.Lapisan) Assert.Contains($"{Teks.Lapisan(lapisan)} tidak tersedia", text);
        var path = Path.Combine(LaporanOutput.Directory, "kota-metro-tanpa-peta.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        Assert.Contains($"{Teks.Lapisan("kelas")} tidak tersedia", LaporanOutput.PdfText(path));
    }

    [Fact]
    public async Task The_maps_are_asked_for_as_the_caller_with_the_report_s_own_analysis()
    {
        var asked = new List<PetaLaporanPermintaan>();
        var caller = Uji.Dengan("analis-metro", "18.72", Peran.Analis);
        var request = MetroLaporanFixture.Request with { Permutasi = 99, Seed = 7 };

        await fixture.Service(new Recorder(asked)).CollectAsync(caller, request);

        // All maps asked for at once, with the run the report was written from (nothing for the maps to load again).
        var a = Assert.Single(asked);
        Assert.Equal(LaporanService.Lapisan, a.Lapisan);
        Assert.Same(caller, a.Caller);
        Assert.Equal(request, a.Analisis);
        Assert.Equal(Metro, a.Analisis.Wilayah);
        Assert.Equal((await fixture.Analysis.RunAsync(caller, request)).Id, a.Run.Id);
        Assert.Null(a.Waktu);
    }

    [Theory]
    [InlineData("18.71", "terbit")]
    [InlineData("18.72.01", "terbit")]
    [InlineData("", "draf")]
    public async Task A_caller_gets_no_report_of_what_it_may_not_see(string area, string tampilan)
    {
        var caller = area.Length == 0 ? Caller.Anonim : Uji.Dengan($"akun-{area}", area, Peran.Analis);
        var request = MetroLaporanFixture.Request with { Tampilan = TampilanAkses.Parse(tampilan) };

        var e = await Assert.ThrowsAsync<GeoException>(() => fixture.Service().WriteAsync(caller, request, LaporanFormat.Pdf));

        Assert.Equal(GeoErrorKind.Forbidden, e.Kind);
    }

    private sealed class Recorder(List<PetaLaporanPermintaan> asked) : IPetaLaporan
    {
        public Task<IReadOnlyList<PetaFakta>> GambarAsync(PetaLaporanPermintaan permintaan, CancellationToken ct = default)
        {
            asked.Add(permintaan);
            return new TanpaPeta().GambarAsync(permintaan, ct);
        }
    }
}
