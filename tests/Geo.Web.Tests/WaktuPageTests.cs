using System.Globalization;
using System.Text;
using System.Text.Json;
using Geo.Data.Indikator;
using Geo.Data.Indikator.Import;
using Geo.Data.Tests.Support;
using Geo.Core.Indikator;
using Geo.Core.Wilayah;
using Microsoft.Playwright;
using static Geo.Web.Tests.PetaUji;

namespace Geo.Web.Tests;

/// <summary>
/// The shared page fixture plus SYNTHETIC stunting counts for 2020-08, 2021-08 and 2023-08 around the
/// real (percent-only) 2022-08, and synthetic coverage for 2021-08: four periods of prevalence, the
/// latest with counts. Kecamatan 18.72.01 falls from 35% to 10%; the rest move between 8% and 20%.
/// </summary>
public sealed class WaktuFixture : PetaFixture
{
    public static readonly string[] PeriodeSintetis = ["2020-08", "2021-08", "2023-08"];

    protected override async Task MuatTambahanAsync(PostgisDatabase database)
    {
        var codes = new List<string>();
        await using (var cmd = database.DataSource.CreateCommand("SELECT kode FROM wilayah WHERE tingkat = 4 AND kode LIKE '18.72.%' ORDER BY kode"))
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) codes.Add(reader.GetString(0));
        }
        var csv = new StringBuilder("kode,indikator,periode,pembilang,penyebut\n");
        double[] turun = [0.35, 0.30, 0.10];
        for (var k = 0; k < codes.Count; k++)
        {
            for (var t = 0; t < PeriodeSintetis.Length; t++)
            {
                var diukur = 150 + 20 * k + 5 * t;
                var laju = codes[k].StartsWith("18.72.01.", StringComparison.Ordinal) ? turun[t] : 0.08 + 0.04 * ((k + t) % 4);
                csv.Append(CultureInfo.InvariantCulture, $"{codes[k]},PREV_STUNTING,{PeriodeSintetis[t]},{(int)Math.Round(laju * diukur)},{diukur}\n");
            }
        }
        var report = await new IndikatorImporter(database.DataSource).ImportAsync(Encoding.UTF8.GetBytes(csv.ToString()), "metro-prevalensi-sintetis.csv",
            new IndikatorImportOptions(Sumber: "sintetis", Wilayah: "18.72"));
        if (!report.Berhasil) throw new InvalidOperationException("the synthetic prevalence did not import");
        await Uji.TerbitkanAsync(database, report);
        var cakupan = await new DemoSintetis(database.DataSource).GenerateAsync(KodeWilayah.Parse("18.72"), Periode.Parse("2021-08"), 1871, Uji.Lokal, terbitkan: true);
        if (!cakupan.Berhasil) throw new InvalidOperationException("the 2021-08 synthetic coverage did not import");
    }
}

[CollectionDefinition(Name)]
public sealed class WaktuKoleksi : ICollectionFixture<WaktuFixture>
{
    public const string Name = "waktu";
}

/// <summary>
/// The period slider and the layers over time and under uncertainty, read back as pixels against
/// what the API says of each desa, and the desa panel's change, trend and exceedance.
/// </summary>
[Collection(WaktuKoleksi.Name)]
public sealed class WaktuPageTests(WaktuFixture fixture)
{
    // The colours of web/src/palet-waktu.ts (shared with the map image), by the API's category.
    private static readonly Dictionary<string, string> WarnaArah = new() { ["memburuk"] = "#d7191c", ["tetap"] = "#e8e4da", ["membaik"] = "#2c7bb6" };

    private static readonly (double Bawah, string Warna)[] WarnaPeluang = [(0.95, "#980043"), (0.8, "#dd1c77"), (0.5, "#df65b0"), (0.2, "#d7b5d8"), (0, "#f1eef6")];

    private static readonly Dictionary<string, string> WarnaPola = new()
    {
        ["titik_panas_menguat"] = "#67000d",
        ["titik_panas_menetap"] = "#a50f15",
        ["titik_panas_berturut"] = "#cb181d",
        ["titik_panas_baru"] = "#ef3b2c",
        ["titik_panas_berosilasi"] = "#fb6a4a",
        ["titik_panas_sporadis"] = "#fc9272",
        ["titik_panas_melemah"] = "#fcbba1",
        ["titik_panas_historis"] = "#fee0d2",
        ["titik_dingin_menguat"] = "#08306b",
        ["titik_dingin_menetap"] = "#08519c",
        ["titik_dingin_berturut"] = "#2171b5",
        ["titik_dingin_baru"] = "#4292c6",
        ["titik_dingin_berosilasi"] = "#6baed6",
        ["titik_dingin_sporadis"] = "#9ecae1",
        ["titik_dingin_melemah"] = "#c6dbef",
        ["titik_dingin_historis"] = "#deebf7",
        ["tanpa_pola"] = "#e8e4da",
    };

    private const string TanpaData = "#d9d9d9";

    private const string Parameter = "tingkat=desa&bobot=queen&permutasi=999&fdr=false";

    private Task<JsonElement> Waktu(string indikator, string periode) =>
        Json(fixture, $"/api/analisis/waktu?wilayah=18.72&indikator={indikator}&{Parameter}&periode={periode}");

    /// <summary>Every desa's pixel is its category's colour; the hatched ones (no category) are only checked not to be a category colour.</summary>
    private static void AssertColours(Dictionary<string, int[]> pixels, Dictionary<string, string?> expected, string layer)
    {
        foreach (var (kode, warna) in expected)
        {
            var p = pixels[kode];
            if (warna is null)
            {
                var category = expected.Values.OfType<string>().Distinct().FirstOrDefault(c => Near(p, Blend(c)));
                Assert.True(category is null, $"{layer}: {kode} has no category but is drawn {Rgb(p)}, the colour of {category}");
                continue;
            }
            Assert.True(Near(p, Blend(warna)), $"{layer}: {kode} is drawn {Rgb(p)}, expected {warna} ({Rgb(Blend(warna))})");
        }
    }

    [Fact]
    public async Task The_period_slider_moves_the_map_to_another_period_keeps_it_in_the_URL_and_redraws_the_colours()
    {
        var page = await fixture.OpenAsync();
        var desa = await Desa(fixture);
        Assert.Equal("2023-08", await page.EvaluateAsync<string>("() => window.geoPeta.keadaan().periode"));
        Assert.Equal("3", await page.InputValueAsync("#geser-periode"));
        var before = await Pixels(page, desa);

        await page.Locator("#geser-periode").FillAsync("0");
        await page.WaitForFunctionAsync("() => window.geoPeta.keadaan().periode === '2020-08' && document.body.dataset.status === 'siap'");
        await Idle(page);
        await Shot(page, "waktu-geser-2020-08");
        Assert.Contains("periode=2020-08", page.Url);
        Assert.Equal("2020-08", await page.InputValueAsync("#pilih-periode"));
        Assert.Equal("2020-08", await page.TextContentAsync("#geser-periode-nilai"));
        var after = await Pixels(page, desa);

        // 2020-08: kecamatan 18.72.01 at 35%, WHO "very high" (the top class); in 2023-08 at 10%, it was not.
        var nilai = (await Json(fixture, "/api/nilai?induk=18.72&indikator=PREV_STUNTING&periode=2020-08&tingkat=desa&terbit=true")).GetProperty("nilai")
            .EnumerateArray().ToDictionary(n => n.GetProperty("kode").GetString()!, n => n.GetProperty("nilai").GetDouble());
        var kelas = await page.EvaluateAsync<JsonElement>("() => window.geoPeta.klasifikasi().kelas.map(k => k.warna)");
        var atas = kelas[kelas.GetArrayLength() - 1].GetString()!;
        var turun = desa.Where(d => d.Kode.StartsWith("18.72.01.", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(turun);
        foreach (var d in turun)
        {
            Assert.True(nilai[d.Kode] >= 30, $"{d.Kode}: {nilai[d.Kode]}");
            Assert.True(Near(after[d.Kode], Blend(atas)), $"{d.Kode} in 2020-08 is {Rgb(after[d.Kode])}, expected the top WHO class {atas}");
            Assert.False(Near(before[d.Kode], Blend(atas)), $"{d.Kode} in 2023-08 was already the top class");
        }
        // Reloading the URL keeps the period the slider chose.
        var reloaded = await fixture.OpenAsync(new Uri(page.Url).Query);
        Assert.Equal("2020-08", await reloaded.EvaluateAsync<string>("() => window.geoPeta.keadaan().periode"));
        Assert.Equal("0", await reloaded.InputValueAsync("#geser-periode"));
    }

    [Fact]
    public async Task The_exceedance_layer_draws_each_desa_in_the_class_of_its_API_probability_and_outlines_the_uncertain_ones()
    {
        var page = await fixture.OpenAsync("?lapisan=peluang");
        await Shot(page, "waktu-peluang");
        var run = await Json(fixture, $"/api/analisis?wilayah=18.72&indikator=PREV_STUNTING&periode=2023-08&{Parameter}&ambang=median");
        var units = run.GetProperty("unit").EnumerateArray().ToList();
        var expected = units.ToDictionary(u => u.GetProperty("kode").GetString()!, u =>
        {
            var p = u.GetProperty("peluang_tinggi");
            // the page's summary carries the probability to 3 decimals
            return p.ValueKind == JsonValueKind.Number ? WarnaPeluang.First(c => Math.Round(p.GetDouble(), 3) >= c.Bawah).Warna : null;
        });
        Assert.True(expected.Values.Distinct().Count() >= 2, "the fixture should give more than one exceedance class");
        AssertColours(await Pixels(page, await Desa(fixture)), expected, "peluang");

        var uncertain = units.Where(u => u.GetProperty("tidak_pasti").GetBoolean()).Select(u => u.GetProperty("kode").GetString()!).Order().ToList();
        var outlined = await page.EvaluateAsync<string[]>("() => window.geoPeta.map.getFilter('tidak-pasti')[2][1]");
        Assert.Equal(uncertain, outlined.Order().ToList());
        var legend = await page.TextContentAsync("#legenda") ?? "";
        Assert.Contains("Peluang melewati ambang", legend);
        Assert.Contains($"{uncertain.Count} unit bergaris putus-putus: tidak pasti", legend);
        Assert.Contains("posterior beta-binomial", legend);
        Assert.Contains($"{expected.Values.Count(w => w == WarnaPeluang[0].Warna)} desa", await page.Locator("#legenda li[data-kunci=\"4\"] .jumlah").TextContentAsync());
        Assert.True(await page.IsVisibleAsync("#lencana-sintetis"));
    }

    [Fact]
    public async Task The_change_layer_draws_each_desa_in_the_colour_of_its_API_direction_between_the_chosen_periods()
    {
        var page = await fixture.OpenAsync("?lapisan=perubahan&dari=2021-08");
        await Shot(page, "waktu-perubahan");
        Assert.Equal("2021-08", await page.InputValueAsync("#pilih-dari"));
        var w = await Waktu("PREV_STUNTING", "2021-08,2022-08,2023-08");
        Assert.Equal("2021-08", w.GetProperty("periode")[0].GetString());
        var expected = w.GetProperty("unit").EnumerateArray().ToDictionary(u => u.GetProperty("kode").GetString()!,
            u => u.GetProperty("perubahan").GetProperty("arah") is { ValueKind: JsonValueKind.String } a ? WarnaArah[a.GetString()!] : null);
        Assert.True(expected.Values.Distinct().Count() >= 2, "the fixture should give more than one direction");
        Assert.All(expected.Where(e => e.Key.StartsWith("18.72.01.", StringComparison.Ordinal)), e => Assert.Equal(WarnaArah["membaik"], e.Value));
        AssertColours(await Pixels(page, await Desa(fixture)), expected, "perubahan");
        var legend = await page.TextContentAsync("#legenda") ?? "";
        Assert.Contains("2021-08 → 2023-08", legend);
        Assert.Contains("uji z dua proporsi", legend);
        Assert.Contains($"{w.GetProperty("jumlah_per_arah").GetProperty("membaik").GetInt32()} desa",
            await page.Locator("#legenda li[data-kunci=membaik] .jumlah").TextContentAsync());
    }

    [Fact]
    public async Task The_emerging_hot_spot_layer_draws_each_desa_in_the_colour_of_its_API_pattern()
    {
        var page = await fixture.OpenAsync("?lapisan=titikpanas");
        await Shot(page, "waktu-titik-panas");
        var w = await Waktu("PREV_STUNTING", "2020-08,2021-08,2022-08,2023-08");
        var expected = w.GetProperty("unit").EnumerateArray().ToDictionary(u => u.GetProperty("kode").GetString()!,
            u => u.GetProperty("titik_panas") is { ValueKind: JsonValueKind.Object } t ? WarnaPola[t.GetProperty("pola").GetString()!] : null);
        Assert.True(expected.Values.Distinct().Count() >= 2, "the fixture should give more than one pattern");
        AssertColours(await Pixels(page, await Desa(fixture)), expected, "titik panas");
        var legend = await page.TextContentAsync("#legenda") ?? "";
        Assert.Contains("Titik panas yang muncul", legend);
        Assert.Contains("Titik dingin berturut-turut", legend);
        Assert.Contains("Mann-Kendall", legend);
    }

    [Fact]
    public async Task The_desa_panel_shows_the_desa_s_change_Mann_Kendall_trend_and_exceedance_with_its_interval()
    {
        const string kode = "18.72.01.1001";
        var page = await fixture.OpenAsync($"?lapisan=peluang&desa={kode}");
        await page.WaitForSelectorAsync(".panel-waktu dd[data-waktu=peluang]", new PageWaitForSelectorOptions { Timeout = 60_000 });
        await page.Locator(".panel-waktu").ScrollIntoViewIfNeededAsync();
        await Shot(page, "waktu-panel");
        var w = await Waktu("PREV_STUNTING", "2020-08,2021-08,2022-08,2023-08");
        var u = w.GetProperty("unit").EnumerateArray().Single(x => x.GetProperty("kode").GetString() == kode);
        var tren = u.GetProperty("tren");
        var teksTren = await page.TextContentAsync(".panel-waktu dd[data-waktu=tren]") ?? "";
        Assert.Contains($"tau {Indonesian(tren.GetProperty("tau").GetDouble(), 2)}", teksTren);
        Assert.Contains($"p {tren.GetProperty("p").GetDouble().ToString("0.###", CultureInfo.InvariantCulture).Replace('.', ',')}", teksTren);
        Assert.Contains($"kemiringan Sen {Indonesian(tren.GetProperty("sen_per_tahun").GetDouble(), 2)} per tahun", teksTren);
        var teksUbah = await page.TextContentAsync(".panel-waktu dd[data-waktu=perubahan]") ?? "";
        Assert.Contains(u.GetProperty("perubahan").GetProperty("arah").GetString()!, teksUbah);
        Assert.Contains("membaik", teksUbah);
        Assert.Contains("Perubahan 2020-08 → 2023-08", await page.TextContentAsync(".panel-waktu") ?? "");

        var baris = await Json(fixture, $"/api/analisis?wilayah=18.72&indikator=PREV_STUNTING&periode=2023-08&{Parameter}&ambang=median");
        var row = baris.GetProperty("unit").EnumerateArray().Single(x => x.GetProperty("kode").GetString() == kode);
        var teksPeluang = await page.TextContentAsync(".panel-waktu dd[data-waktu=peluang]") ?? "";
        Assert.Contains(Indonesian(row.GetProperty("peluang_tinggi").GetDouble(), 2), teksPeluang);
        Assert.Contains($"interval kredibel 95%: {Indonesian(row.GetProperty("ki_bawah").GetDouble())} – {Indonesian(row.GetProperty("ki_atas").GetDouble())}%", teksPeluang);
        Assert.Contains("Data sintetis", await page.TextContentAsync(".panel-waktu") ?? "");
    }
}
