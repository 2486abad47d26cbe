using static Geo.Web.Tests.PetaUji;

namespace Geo.Web.Tests;

/// <summary>What an analyst does after the first map: filter a class, rank the interventions, read a desa, other levels, labels.</summary>
[Collection(PetaKoleksi.Name)]
public sealed class PetaAnalisTests(PetaFixture fixture)
{
    [Fact]
    public async Task A_class_filter_keeps_the_chosen_class_coloured_and_fades_the_others()
    {
        var page = await fixture.OpenAsync();
        var desa = await Desa(fixture);
        var klas = await page.EvaluateAsync<Dictionary<string, int>>(
            "() => Object.fromEntries(window.geoPeta.klasifikasi().kelasUnit)");
        var warna = await page.EvaluateAsync<string[]>("() => window.geoPeta.klasifikasi().kelas.map(k => k.warna)");
        var before = await Pixels(page, desa);

        // Every desa is drawn in its class colour before the filter.
        foreach (var (kode, i) in klas)
        {
            Assert.True(Near(before[kode], Blend(warna[i])), $"{kode} before the filter is {Rgb(before[kode])}, expected its class colour {warna[i]}");
        }

        // The class with the most desa ("Rendah (2,5–< 10%)" in Kota Metro), chosen in the legend.
        var chosen = klas.Values.GroupBy(i => i).OrderByDescending(g => g.Count()).First().Key;
        Assert.True(klas.Values.Any(i => i != chosen), "the test needs desa of another class");
        await page.Locator("#legenda ul.kelas > li").Nth(chosen).ClickAsync();
        await Idle(page);
        await Shot(page, "saring-kelas");
        var after = await Pixels(page, desa);

        Assert.Equal("true", await page.Locator("#legenda ul.kelas > li").Nth(chosen).GetAttributeAsync("aria-pressed"));
        Assert.Contains("Hanya", await page.InnerTextAsync("#legenda .catatan-saring"));
        foreach (var (kode, i) in klas)
        {
            if (i == chosen)
            {
                Assert.True(Near(after[kode], Blend(warna[i])), $"{kode} of the chosen class is {Rgb(after[kode])}, expected {warna[i]}");
            }
            else
            {
                Assert.True(Near(after[kode], Blend("#eceff2")), $"{kode} of another class is {Rgb(after[kode])}, expected the faded grey");
                Assert.False(Near(after[kode], before[kode], 6), $"{kode} did not change under the filter");
            }
        }

        // Clicking the row again shows every class.
        await page.Locator("#legenda ul.kelas > li").Nth(chosen).ClickAsync();
        await Idle(page);
        var again = await Pixels(page, desa);
        foreach (var (kode, i) in klas) Assert.True(Near(again[kode], Blend(warna[i])), $"{kode} after clearing the filter is {Rgb(again[kode])}");
        Assert.Equal(0, await page.Locator("#legenda .catatan-saring").CountAsync());
    }

    [Fact]
    public async Task The_intervention_ranking_follows_the_run_per_area_and_colours_the_map_by_the_chosen_indicator()
    {
        var page = await fixture.OpenAsync();
        var run = await Json(fixture, "/api/analisis?wilayah=18.72&periode=2022-08&indikator=PREV_STUNTING&tingkat=desa&bobot=queen&permutasi=999&ambang=median&fdr=false");
        var areas = run.GetProperty("intervensi").EnumerateArray().ToList();
        Assert.Equal("18.72", areas[0].GetProperty("kode").GetString());
        Assert.Equal(6, areas.Count); // Kota Metro and its five kecamatan

        await page.ClickAsync("#intervensi summary");
        await page.WaitForSelectorAsync("#intervensi[data-status=siap] li[data-indikator]");
        await page.Locator("#intervensi").ScrollIntoViewIfNeededAsync();
        await Shot(page, "intervensi-kota");

        async Task SameRanking(System.Text.Json.JsonElement area)
        {
            var expected = area.GetProperty("intervensi").EnumerateArray().Select(i => i.GetProperty("indikator").GetString()).ToList();
            var shown = await page.Locator("#intervensi li[data-indikator]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.indikator)");
            Assert.Equal(expected, shown);
        }
        await SameRanking(areas[0]);
        var first = areas[0].GetProperty("intervensi")[0];
        var firstText = await page.InnerTextAsync("#intervensi li[data-indikator]:first-child");
        Assert.Contains(first.GetProperty("nama").GetString()!, firstText);
        Assert.Contains($"{first.GetProperty("unit_memenuhi_target").GetInt32()} dari {first.GetProperty("unit_dengan_data").GetInt32()} desa memenuhi target", firstText);
        foreach (var d in first.GetProperty("penarik_ke_bawah").EnumerateArray())
        {
            Assert.Contains(d.GetProperty("nama").GetString()!, firstText);
        }

        // A kecamatan's own ranking.
        var kec = areas[3];
        await page.SelectOptionAsync("#pilih-intervensi-wilayah", kec.GetProperty("kode").GetString()!);
        await page.WaitForSelectorAsync("#intervensi[data-status=siap] li[data-indikator]"); // its whole ranking, fetched on demand
        await SameRanking(kec);

        // Clicking the worst intervention of the city colours the map by it against its target.
        await page.SelectOptionAsync("#pilih-intervensi-wilayah", "18.72");
        var kode = first.GetProperty("indikator").GetString()!;
        await page.ClickAsync($"#intervensi li[data-indikator={kode}] button.indikator");
        await page.WaitForFunctionAsync($"() => window.geoPeta.keadaan().indikator === '{kode}' && document.body.dataset.status === 'siap'");
        await Shot(page, "intervensi-peta");
        Assert.Contains($"indikator={kode}", page.Url);
        Assert.Contains("klasifikasi=target", page.Url);
        Assert.Equal(kode, await page.InputValueAsync("#pilih-indikator"));
        Assert.Contains("Belum memenuhi target", await page.InnerTextAsync("#legenda"));
        await page.WaitForSelectorAsync($"#intervensi li.aktif[data-indikator={kode}]");

        // The desa that pull it down are drawn in the "not on target" colour.
        var belum = await page.EvaluateAsync<string>("() => window.geoPeta.klasifikasi().kelas[0].warna");
        var desa = await Desa(fixture);
        var penarik = first.GetProperty("penarik_ke_bawah").EnumerateArray().Select(d => d.GetProperty("kode").GetString()).ToHashSet();
        Assert.NotEmpty(penarik);
        var pixels = await Pixels(page, desa.Where(d => penarik.Contains(d.Kode)));
        foreach (var (k, p) in pixels) Assert.True(Near(p, Blend(belum)), $"{k} pulls {kode} down but is drawn {Rgb(p)}, not {belum}");

        // A desa named there opens its panel.
        var nama = first.GetProperty("penarik_ke_bawah")[0];
        await page.ClickAsync($"#intervensi button.desa[data-kode='{nama.GetProperty("kode").GetString()}']");
        await page.WaitForSelectorAsync($"#panel:not([hidden]) tr[data-indikator={kode}]");
        Assert.Contains(nama.GetProperty("kode").GetString()!, await page.InnerTextAsync("#panel .kode"));
    }

    [Fact]
    public async Task The_desa_panel_shows_the_real_e_PPGBM_value_its_targets_trend_gap_class_source_and_the_synthetic_label()
    {
        // Metro (18.72.01.1001), as printed in Lampiran II of Perwali Metro 32/2022.
        const string kode = "18.72.01.1001";
        var row = Geo.Data.Tests.Indikator.KotaMetroData.Rows().Single(r => r.Kelurahan == "Metro");
        var page = await fixture.OpenAsync($"?wilayah=18.72&indikator=PREV_STUNTING&desa={kode}");
        await page.WaitForSelectorAsync("#panel:not([hidden])[data-tren=siap] section.tren-utama");
        await page.WaitForSelectorAsync("#panel section.kelas-desa");
        await Shot(page, "panel-tren");

        Assert.Equal(Indonesian(row.Capaian) + "%", (await page.InnerTextAsync("#panel tr[data-indikator=PREV_STUNTING] .nilai")).Trim());
        var nilai = await page.Locator("#panel section.tren-utama circle.titik-nilai").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.periode + '=' + e.dataset.nilai)");
        Assert.Equal([$"2022-08={row.Capaian.ToString(System.Globalization.CultureInfo.InvariantCulture)}"], nilai);
        var targets = await page.Locator("#panel section.tren-utama circle.titik-target").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.tahun + '=' + e.dataset.nilai)");
        Assert.Equal(["2022=14", $"2023={row.Target2023.ToString(System.Globalization.CultureInfo.InvariantCulture)}", $"2024={row.Target2024.ToString(System.Globalization.CultureInfo.InvariantCulture)}"], targets);
        var ket = await page.InnerTextAsync("#panel .ket-tren");
        Assert.Contains("Sumber: e-PPGBM", ket);
        Assert.Contains("Baru satu periode", ket);

        // Coverage has two published periods: a sparkline in its row, none for a single period.
        Assert.Equal(1, await page.Locator("#panel tr[data-indikator=L14] svg.sparkline").CountAsync());
        Assert.Equal(0, await page.Locator("#panel tr[data-indikator=PREV_STUNTING] svg.sparkline").CountAsync());
        Assert.Contains("sintetis", await page.InnerTextAsync("#panel tr[data-indikator=L14]"));
        Assert.Contains("Data sintetis", await page.InnerTextAsync("#panel .sintetis-label"));

        // The gap class and its reasons in words, as the run has them, without an analysis layer on.
        var run = await Json(fixture, "/api/analisis?wilayah=18.72&periode=2022-08&indikator=PREV_STUNTING&tingkat=desa&bobot=queen&permutasi=999&ambang=median&fdr=false");
        var unit = run.GetProperty("unit").EnumerateArray().Single(u => u.GetProperty("kode").GetString() == kode);
        Assert.Equal(unit.GetProperty("kelas").GetString(), await page.GetAttributeAsync("#panel section.kelas-desa", "data-kelas"));
        Assert.Contains(unit.GetProperty("alasan").GetString()!, await page.InnerTextAsync("#panel section.kelas-desa"));

        // With L14 on the map the chart follows it: both periods, the values of the API.
        await page.SelectOptionAsync("#pilih-indikator", "L14");
        await page.WaitForSelectorAsync("#panel section.tren-utama[data-indikator=L14]");
        await Shot(page, "panel-tren-l14");
        var l14 = await page.Locator("#panel section.tren-utama circle.titik-nilai").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.periode)");
        Assert.Equal(["2022-02", "2022-08"], l14);
        foreach (var periode in l14)
        {
            var api = await Json(fixture, $"/api/wilayah/{kode}/nilai?periode={periode}");
            var v = api.GetProperty("nilai").EnumerateArray().Single(n => n.GetProperty("indikator").GetString() == "L14").GetProperty("nilai").GetDouble();
            var shown = double.Parse(await page.GetAttributeAsync($"#panel circle.titik-nilai[data-periode='{periode}']", "data-nilai") ?? "", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(v, shown, 9);
        }
    }

    [Fact]
    public async Task The_puskesmas_level_colours_each_desa_by_its_puskesmas_roll_up_and_is_offered_only_where_groupings_exist()
    {
        var page = await fixture.OpenAsync("?wilayah=18.72&indikator=PREV_STUNTING&tingkat=puskesmas&klasifikasi=kuantil");
        await Shot(page, "puskesmas");
        var puskesmas = Geo.Data.Tests.Indikator.KotaMetroData.Rows().Select(r => r.Puskesmas).Distinct().Count();
        var total = (await page.Locator("#legenda li .jumlah").AllInnerTextsAsync()).Sum(t => int.Parse(t.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(puskesmas, total);
        Assert.Contains("pkm", await page.InnerTextAsync("#legenda"));
        Assert.Contains("per wilayah kerja puskesmas", await page.InnerTextAsync("#judul-peta"));

        var groups = (await Json(fixture, "/api/kelompok?induk=18.72&jenis=puskesmas")).EnumerateArray()
            .SelectMany(g => g.GetProperty("anggota").EnumerateArray().Select(d => (Desa: d.GetString()!, Kode: g.GetProperty("kode").GetString()!)))
            .ToDictionary(x => x.Desa, x => x.Kode);
        var klas = await page.EvaluateAsync<Dictionary<string, int>>("() => Object.fromEntries(window.geoPeta.klasifikasi().kelasUnit)");
        var warna = await page.EvaluateAsync<string[]>("() => window.geoPeta.klasifikasi().kelas.map(k => k.warna)");
        Assert.Equal(puskesmas, klas.Count);
        Assert.True(klas.Values.Distinct().Count() > 1, "the quantile classes must tell puskesmas apart");
        var desa = await Desa(fixture);
        var pixels = await Pixels(page, desa);
        foreach (var d in desa)
        {
            var expected = Blend(warna[klas[groups[d.Kode]]]);
            Assert.True(Near(pixels[d.Kode], expected), $"{d.Nama} ({d.Kode}) is {Rgb(pixels[d.Kode])}, expected its puskesmas' class {warna[klas[groups[d.Kode]]]}");
        }

        // A kecamatan has no groupings of its own: the level is not offered, and a link asking for it shows desa.
        var kec = await fixture.OpenAsync("?wilayah=18.72.01&indikator=PREV_STUNTING&tingkat=puskesmas");
        Assert.True(await kec.IsDisabledAsync("input[name=tingkat][value=puskesmas]"));
        Assert.True(await kec.IsCheckedAsync("input[name=tingkat][value=desa]"));
        Assert.Contains("kolom Puskesmas", await kec.GetAttributeAsync("#label-puskesmas", "title") ?? "");
        Assert.False(await page.IsDisabledAsync("input[name=tingkat][value=puskesmas]"));
    }

    [Fact]
    public async Task A_province_asks_for_its_kecamatan_label_points_first_and_its_desa_points_at_the_zoom_of_their_names()
    {
        var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        var labels = new List<string>();
        page.Request += (_, r) => { if (r.Url.Contains("/titik-label", StringComparison.Ordinal)) labels.Add(r.Url[fixture.BaseUrl.Length..]); };
        await page.GotoAsync($"{fixture.BaseUrl}/?wilayah=18&indikator=PREV_STUNTING");
        await PetaFixture.WaitReadyAsync(page);
        // The fixture's province holds Kota Metro alone, so it opens close enough for desa names:
        // they are asked for after the kecamatan, and drawn.
        Assert.True(await page.EvaluateAsync<double>("() => window.geoPeta.map.getZoom()") >= 10.5);
        await page.WaitForFunctionAsync("() => window.geoPeta.map.queryRenderedFeatures({ layers: ['label-desa'] }).length > 0");
        Assert.Equal(["/api/wilayah/18/titik-label?tingkat=kecamatan", "/api/wilayah/18/titik-label?tingkat=desa"], labels);
        var desa = await page.EvaluateAsync<string[]>("() => window.geoPeta.map.queryRenderedFeatures({ layers: ['label-desa'] }).map(f => f.properties.nama)");
        var names = (await Desa(fixture)).Select(d => d.Nama).ToHashSet();
        Assert.All(desa, n => Assert.Contains(n, names));
        Assert.True(await page.EvaluateAsync<int>("() => window.geoPeta.map.queryRenderedFeatures({ layers: ['label-kecamatan'] }).length") > 0);

        // Out of the zoom of desa names and back: nothing is asked again.
        await page.EvaluateAsync("() => { window.geoPeta.map.jumpTo({ zoom: 8 }); }");
        await Idle(page);
        await page.EvaluateAsync("() => { window.geoPeta.map.jumpTo({ zoom: 12 }); }");
        await Idle(page);
        Assert.Equal(2, labels.Count);
        await context.CloseAsync();
    }

    [Fact]
    public async Task Kecamatan_and_desa_names_are_drawn_from_our_own_data_and_font_without_any_other_host()
    {
        var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        var requests = new List<string>();
        var fonts = new List<(string Url, int Status)>();
        page.Request += (_, r) => requests.Add(r.Url);
        page.Response += (_, r) => { if (r.Url.EndsWith(".woff2", StringComparison.Ordinal)) fonts.Add((r.Url, r.Status)); };
        await page.GotoAsync($"{fixture.BaseUrl}/?wilayah=18.72&indikator=PREV_STUNTING");
        await PetaFixture.WaitReadyAsync(page);
        await page.WaitForFunctionAsync("() => window.geoPeta.map.queryRenderedFeatures({ layers: ['label-kecamatan'] }).length > 0");
        await Idle(page);
        await Shot(page, "label");

        var kecamatan = await page.EvaluateAsync<string[]>(
            "() => [...new Set(window.geoPeta.map.queryRenderedFeatures({ layers: ['label-kecamatan'] }).map(f => f.properties.nama))].sort()");
        Assert.Equal(["Metro Barat", "Metro Pusat", "Metro Selatan", "Metro Timur", "Metro Utara"], kecamatan);
        var zoom = await page.EvaluateAsync<double>("() => window.geoPeta.map.getZoom()");
        Assert.True(zoom >= 11.5, $"Kota Metro opens at zoom {zoom}; desa names start at 11.5");
        var desa = await page.EvaluateAsync<string[]>("() => window.geoPeta.map.queryRenderedFeatures({ layers: ['label-desa'] }).map(f => f.properties.nama)");
        Assert.NotEmpty(desa);
        var names = (await Desa(fixture)).Select(d => d.Nama).ToHashSet();
        Assert.All(desa, n => Assert.Contains(n, names));

        // The font came from our server; nothing was asked of any other host.
        Assert.NotEmpty(fonts);
        Assert.All(fonts, f => { Assert.StartsWith(fixture.BaseUrl + "/assets/NotoSans-", f.Url); Assert.Equal(200, f.Status); });
        Assert.All(requests, u => Assert.True(u.StartsWith(fixture.BaseUrl, StringComparison.Ordinal) || u.StartsWith("blob:", StringComparison.Ordinal) || u.StartsWith("data:", StringComparison.Ordinal), $"request to another host: {u}"));

        // Zoomed out below the desa names, the kecamatan names stay.
        await page.EvaluateAsync("() => { window.geoPeta.map.jumpTo({ zoom: 10.5 }); }");
        await Idle(page);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => window.geoPeta.map.queryRenderedFeatures({ layers: ['label-desa'] }).length"));
        Assert.True(await page.EvaluateAsync<int>("() => window.geoPeta.map.queryRenderedFeatures({ layers: ['label-kecamatan'] }).length") > 0);
        await context.CloseAsync();

        // The kecamatan level names its units, and leaves desa names to a closer zoom.
        var kec = await fixture.OpenAsync("?wilayah=18.72&indikator=L14&tingkat=kecamatan");
        await kec.WaitForFunctionAsync("() => window.geoPeta.map.queryRenderedFeatures({ layers: ['label-kecamatan'] }).length >= 5");
        await Idle(kec);
        await Shot(kec, "label-kecamatan");
        Assert.True(await kec.EvaluateAsync<double>("() => window.geoPeta.map.getZoom()") < 13.5);
        Assert.Equal(0, await kec.EvaluateAsync<int>("() => window.geoPeta.map.queryRenderedFeatures({ layers: ['label-desa'] }).length"));
    }

    [Fact]
    public async Task A_kecamatan_panel_draws_the_trend_of_its_roll_up()
    {
        var page = await fixture.OpenAsync("?wilayah=18.72&indikator=L14&tingkat=kecamatan&desa=18.72.01");
        await page.WaitForSelectorAsync("#panel:not([hidden])[data-tren=siap] section.tren-utama[data-indikator=L14]");
        await Shot(page, "panel-kecamatan-tren");
        var shown = await page.Locator("#panel section.tren-utama circle.titik-nilai").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.periode + '=' + e.dataset.nilai)");
        var expected = new List<string>();
        foreach (var periode in new[] { "2022-02", "2022-08" })
        {
            var rollUp = await Json(fixture, $"/api/nilai?induk=18.72&indikator=L14&periode={periode}&tingkat=kecamatan&terbit=true");
            var v = rollUp.GetProperty("nilai").EnumerateArray().Single(n => n.GetProperty("kode").GetString() == "18.72.01").GetProperty("nilai").GetDouble();
            expected.Add($"{periode}={v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}");
        }
        Assert.Equal(expected, shown);
        Assert.Equal(0, await page.Locator("#panel section.kelas-desa").CountAsync()); // gap classes are per desa
    }
}
