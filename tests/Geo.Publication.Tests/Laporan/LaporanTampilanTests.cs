using System.Globalization;
using Geo.Core.Akun;
using Geo.Core.Indikator;
using Geo.Core.Wilayah;
using Geo.Data.Analisis;
using Geo.Data.Indikator;
using Geo.Data.Indikator.Import;
using Geo.Data.Tests.Support;
using Geo.Publication.Laporan;

namespace Geo.Publication.Tests.Laporan;

/// <summary>Kota Metro with a second published period of prevalence (counts) and, over it, a draft that changes every value.</summary>
public sealed class DuaPeriodeFixture : IAsyncLifetime
{
    public PostgisDatabase Db { get; } = new();

    public async Task InitializeAsync()
    {
        await Db.InitializeAsync();
        await MetroLaporanFixture.LoadMetroAsync(Db);
        var desa = await Db.DataSource.CreateCommand("SELECT array_agg(kode ORDER BY kode) FROM wilayah WHERE tingkat = 4").ExecuteScalarAsync() as string[];
        var importer = new IndikatorImporter(Db.DataSource);
        var published = await importer.ImportAsync(Csv("terbit", desa!, i => 5 + i), new IndikatorImportOptions(Sumber: "e-PPGBM", Wilayah: "18.72", Pengguna: "uji"));
        await Uji.TerbitkanAsync(Db, published);
        var draft = await importer.ImportAsync(Csv("draf", desa!, i => 30 + i), new IndikatorImportOptions(Sumber: "e-PPGBM", Wilayah: "18.72", Pengguna: "uji"));
        Assert.True(draft.Berhasil);
    }

    private static string Csv(string name, string[] desa, Func<int, int> stunting)
    {
        var path = Path.Combine(Path.GetTempPath(), $"laporan-{name}-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(path, ["kode,indikator,periode,pembilang,penyebut",
            .. desa.Select((kode, i) => string.Create(CultureInfo.InvariantCulture, $"{kode},PREV_STUNTING,2023-02,{stunting(i)},100"))]);
        return path;
    }

    public Task DisposeAsync() => Db.DisposeAsync();
}

/// <summary>What the report shows depends on the caller's view, and the trend appears once there are several periods.</summary>
public sealed class LaporanTampilanTests(DuaPeriodeFixture fixture) : IClassFixture<DuaPeriodeFixture>
{
    private static readonly AnalysisRequest Februari2023 = AnalysisRequestParser.Parse(new AnalysisOptionsText("18.72", "2023-02", Permutasi: 99));

    private LaporanService Service() => MetroLaporanFixture.ServiceOver(fixture.Db.DataSource);

    private Task<double?> AreaAsync(string periode, Tampilan tampilan) =>
        new NilaiQueries(fixture.Db.DataSource).RollUpAsync(Uji.Lokal, KodeWilayah.Parse("18.72"), [Tingkat.KabKota], "PREV_STUNTING", Periode.Parse(periode), tampilan)
            .ContinueWith(t => t.Result.Single().Agregat.Nilai);

    [Fact]
    public async Task The_public_report_shows_the_published_values_and_the_trend_between_periods()
    {
        var published = (await AreaAsync("2023-02", Tampilan.Terbit))!.Value;
        var draft = (await AreaAsync("2023-02", Tampilan.Draf))!.Value;
        var earlier = (await AreaAsync("2022-08", Tampilan.Terbit))!.Value;
        Assert.NotEqual(Teks.Hasil(published), Teks.Hasil(draft));

        var docx = await Service().WriteAsync(Caller.Anonim, Februari2023, LaporanFormat.Docx);

        Assert.Empty(LaporanOutput.ValidationErrors(docx));
        var text = LaporanOutput.Docx(docx).Text;
        Assert.Contains($"adalah {Teks.Hasil(published)}%", text);
        Assert.DoesNotContain(Teks.Hasil(draft), text);
        Assert.DoesNotContain("DRAF, BELUM TERBIT", text);
        Assert.Contains("Februari 2023", text);
        Assert.Contains($"Dari Agustus 2022 ke Februari 2023, prevalensi stunting pada balita Kota Metro {(published > earlier ? "naik" : "turun")} {Teks.Hasil(Math.Abs(published - earlier))} poin", text);
        // No coverage in this period: said in words, not a table of nothing.
        Assert.Contains("Tidak ada data cakupan intervensi esensial", text);
    }

    [Fact]
    public async Task A_role_holder_asking_for_drafts_gets_the_working_values_marked_as_draft()
    {
        var draft = (await AreaAsync("2023-02", Tampilan.Draf))!.Value;
        var analis = Uji.Dengan("analis-metro", "18.72", Peran.Analis);

        var pdf = await Service().WriteAsync(analis, Februari2023 with { Tampilan = Tampilan.Draf }, LaporanFormat.Pdf);

        var path = Path.Combine(LaporanOutput.Directory, "kota-metro-2023-02-draf.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        var text = LaporanOutput.PdfText(path);
        Assert.Contains($"adalah {Teks.Hasil(draft)}%", text);
        Assert.Contains("DRAF, BELUM TERBIT", text);
    }
}
