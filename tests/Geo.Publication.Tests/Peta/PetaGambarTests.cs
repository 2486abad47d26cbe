using System.Globalization;
using Geo.Core.Akun;
using Geo.Core.Errors;
using Geo.Data.Analisis;
using Geo.Data.Tests.Indikator;
using Geo.Data.Tests.Support;
using Geo.Publication.Peta;
using SkiaSharp;

namespace Geo.Publication.Tests.Peta;

public sealed class PetaGambarTests(MetroPetaFixture fixture) : IClassFixture<MetroPetaFixture>
{
    private static PermintaanPeta Request(string indikator, string lapisan = "nilai", int lebar = 1600, int tinggi = 1200) =>
        PermintaanPetaParser.Parse(new OpsiPetaTeks("18.72", indikator, "2022-08", lapisan, Lebar: lebar, Tinggi: tinggi,
            Analisis: new AnalysisOptionsText(null, null, Permutasi: 99)));

    [Fact]
    public async Task The_Kota_Metro_prevalence_map_decodes_at_its_size_is_not_blank_and_is_written_to_the_test_output()
    {
        var gambar = await fixture.Service.RenderAsync(Caller.Anonim, Request("PREV_STUNTING"));

        using var bitmap = SKBitmap.Decode(gambar.Png);
        Assert.NotNull(bitmap);
        Assert.Equal((1600, 1200), (bitmap.Width, bitmap.Height));
        var colours = new HashSet<SKColor>();
        var nonWhite = 0;
        for (var y = 0; y < bitmap.Height; y += 4)
        {
            for (var x = 0; x < bitmap.Width; x += 4)
            {
                var c = bitmap.GetPixel(x, y);
                colours.Add(c);
                if (c != SKColors.White) nonWhite++;
            }
        }
        Assert.True(colours.Count > 50, $"{colours.Count} colours");
        Assert.True(nonWhite > bitmap.Width * bitmap.Height / 16 / 10, $"{nonWhite} non-white samples");
        var dir = Path.Combine(AppContext.BaseDirectory, "peta");
        Directory.CreateDirectory(dir);
        await File.WriteAllBytesAsync(Path.Combine(dir, "kota-metro-prevalensi.png"), gambar.Png);
        var kelas = await fixture.Service.RenderAsync(Caller.Anonim, Request("PREV_STUNTING", "kelas"));
        await File.WriteAllBytesAsync(Path.Combine(dir, "kota-metro-kelas.png"), kelas.Png);
    }

    /// <summary>
    /// For every kelurahan: a point inside it (PostGIS's ST_PointOnSurface of the kelurahan shrunk by
    /// three pixels, minus the label boxes) has, in the image, exactly its class colour.
    /// </summary>
    [Fact]
    public async Task The_pixel_inside_each_kelurahan_has_the_colour_of_its_class()
    {
        var request = Request("PREV_STUNTING");
        var isi = await fixture.Service.IsiAsync(Caller.Anonim, request);
        var checkedUnits = await CheckPixelsAsync(request, isi, kode => isi.Pewarnaan.Kelas[isi.Pewarnaan.KelasUnit[kode]].Warna);
        Assert.True(checkedUnits >= 18, $"{checkedUnits} of 22 kelurahan checked");
        // The classes are the web page's WHO classes: the real 2022 prevalence puts 20 kelurahan in "Rendah".
        Assert.Equal("Rendah (2,5–< 10%)", isi.Pewarnaan.Kelas[1].Label);
        Assert.Equal(KotaMetroData.Rows().Count(r => r.Capaian is >= 2.5 and < 10), isi.Pewarnaan.Kelas[1].Jumlah);
    }

    /// <summary>
    /// The layers over time and under uncertainty: each kelurahan's pixel has the colour its value in
    /// the API's own result calls for (peluang_tinggi from the stored run; perubahan.arah and
    /// titikPanas.pola from /api/analisis/waktu's service), by the palettes the web page shares.
    /// </summary>
    [Theory]
    [InlineData("peluang")]
    [InlineData("perubahan")]
    [InlineData("titik_panas_muncul")]
    public async Task The_pixel_inside_each_kelurahan_has_its_class_colour_on_the_layers_over_time_and_uncertainty(string lapisan)
    {
        var waktu = lapisan != "peluang";
        var request = PermintaanPetaParser.Parse(new OpsiPetaTeks("18.72", "PREV_STUNTING", waktu ? $"{MetroPetaFixture.PeriodeKedua},{MetroPetaFixture.PeriodeKetiga}" : MetroPetaFixture.PeriodeKetiga, lapisan,
            Analisis: new AnalysisOptionsText(null, null, Permutasi: 99, DasarTinggi: "peluang:0.9", Prior: "lokal")));
        Func<string, string?> expected;
        if (!waktu)
        {
            var run = await fixture.Analysis.RunAsync(Caller.Anonim, request.Analisis);
            Assert.Contains("\"dasarTinggi\":\"peluang\"", run.Parameters.GetRawText().Replace(" ", ""));
            var rows = run.Rows.ToDictionary(r => r.Kode);
            expected = kode => rows[kode].PeluangTinggi is { } p ? LapisanAnalisis.KelasPeluang[LapisanAnalisis.BatasPeluang.Count(b => p >= b)].Warna : null;
        }
        else
        {
            var result = await fixture.Temporal.RunAsync(Caller.Anonim, request.Waktu!);
            var units = result.Unit.ToDictionary(u => u.Kode);
            var palette = (lapisan == "perubahan" ? LapisanAnalisis.KelasPerubahan : LapisanAnalisis.KelasPolaTitikPanas).ToDictionary(k => k.Kunci, k => k.Warna);
            expected = kode => (lapisan == "perubahan" ? units[kode].Perubahan.Arah : units[kode].TitikPanas?.Pola) is { } key ? palette[key] : null;
            Assert.Contains(result.Unit, u => u.Perubahan.Arah is "membaik" or "memburuk");
        }
        var isi = await fixture.Service.IsiAsync(Caller.Anonim, request);
        var checkedUnits = await CheckPixelsAsync(request, isi, expected);
        Assert.True(checkedUnits >= 18, $"{checkedUnits} of 22 kelurahan checked");
        Assert.Equal(22, isi.Pewarnaan.Kelas.Sum(k => k.Jumlah) + isi.Pewarnaan.TanpaData);
        var dir = Path.Combine(AppContext.BaseDirectory, "peta");
        Directory.CreateDirectory(dir);
        await File.WriteAllBytesAsync(Path.Combine(dir, $"kota-metro-{lapisan}.png"), PetaRenderer.Render(isi, request.Lebar, request.Tinggi).Png);
    }

    [Fact]
    public void The_layers_over_time_need_several_periods_and_the_window_only_goes_with_them()
    {
        var e = Assert.Throws<GeoException>(() => PermintaanPetaParser.Parse(new OpsiPetaTeks("18.72", "PREV_STUNTING", "2022-08", "perubahan")));
        Assert.Equal("periode", e.Lokasi?.Parameter);
        e = Assert.Throws<GeoException>(() => PermintaanPetaParser.Parse(new OpsiPetaTeks("18.72", "PREV_STUNTING", "2022-08", "nilai", Jendela: 2)));
        Assert.Equal("jendela", e.Lokasi?.Parameter);
        var ok = PermintaanPetaParser.Parse(new OpsiPetaTeks("18.72", "PREV_STUNTING", "2022-08,2023-02", "titik_panas_muncul", Jendela: 0));
        Assert.Equal(("2023-02", 0), (ok.Periode.Value, ok.Waktu!.Jendela));
        Assert.NotEqual(ok.Sidik(), (ok with { Waktu = ok.Waktu with { Jendela = 1 } }).Sidik());
    }

    /// <summary>
    /// For every kelurahan with an expected colour: a point inside it (PostGIS's ST_PointOnSurface of
    /// the kelurahan shrunk by three pixels, minus the label boxes) has, in the image, exactly that colour.
    /// </summary>
    private async Task<int> CheckPixelsAsync(PermintaanPeta request, IsiPeta isi, Func<string, string?> expectedColour)
    {
        var gambar = PetaRenderer.Render(isi, request.Lebar, request.Tinggi);
        using var bitmap = SKBitmap.Decode(gambar.Png);
        var t = gambar.Tataletak;
        var px = 1 / t.Skala;
        var labels = t.Label.Count == 0 ? "ST_GeomFromText('POLYGON EMPTY', 3857)" : "ST_Union(ARRAY[" + string.Join(",", t.Label.Select(k =>
            string.Create(CultureInfo.InvariantCulture,
                $"ST_MakeEnvelope({(k.Left - t.OffsetX) * px}, {(t.OffsetY - k.Bottom) * px}, {(k.Right - t.OffsetX) * px}, {(t.OffsetY - k.Top) * px}, 3857)"))) + "])";
        var checkedUnits = 0;
        await using var cmd = fixture.Database.DataSource.CreateCommand(string.Create(CultureInfo.InvariantCulture, $"""
            SELECT kode, ST_X(p), ST_Y(p)
            FROM wilayah CROSS JOIN LATERAL ST_PointOnSurface(ST_Difference(ST_Buffer(geom_3857, -3 * {px}), {labels})) p
            WHERE tingkat = 4 AND kode LIKE '18.72.%' AND NOT ST_IsEmpty(p)
            """));
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var kode = reader.GetString(0);
            if (expectedColour(kode) is not { } hex) continue;
            var (x, y) = t.KePiksel(reader.GetDouble(1), reader.GetDouble(2));
            var expected = SKColor.Parse(hex);
            Assert.True(expected == bitmap.GetPixel((int)x, (int)y), $"{kode} at ({x:F0}, {y:F0}): {bitmap.GetPixel((int)x, (int)y)}, expected {expected}");
            checkedUnits++;
        }
        return checkedUnits;
    }

    [Theory]
    [InlineData("PREV_STUNTING", "nilai", false)]
    [InlineData("L01", "nilai", true)]
    [InlineData("PREV_STUNTING", "kelas", true)]
    [InlineData("PREV_STUNTING", "lisa", false)]
    public async Task The_watermark_appears_exactly_when_a_value_shown_is_synthetic(string indikator, string lapisan, bool sintetis)
    {
        var gambar = await fixture.Service.RenderAsync(Caller.Anonim, Request(indikator, lapisan));
        // Where the badge goes (the same for every image of this size), from a map that has one.
        var badge = (await fixture.Service.RenderAsync(Caller.Anonim, Request("L01"))).Tataletak.TandaSintetis!.Value;

        Assert.Equal(sintetis, gambar.Sintetis);
        Assert.Equal(sintetis, gambar.Tataletak.TandaSintetis is not null);
        using var bitmap = SKBitmap.Decode(gambar.Png);
        var red = 0;
        for (var y = (int)badge.Top; y < (int)badge.Bottom; y++)
        {
            for (var x = (int)badge.Left; x < (int)badge.Right; x++)
            {
                var c = bitmap.GetPixel(x, y);
                if (c.Red > 150 && c.Green < 40 && c.Blue < 40) red++;
            }
        }
        Assert.Equal(sintetis, red > badge.Width * badge.Height / 4);
    }

    [Fact]
    public async Task An_area_account_outside_the_area_is_refused_and_drafts_need_a_role()
    {
        var tetangga = Uji.Dengan("tetangga", "18.71", Peran.Analis);
        var e = await Assert.ThrowsAsync<GeoException>(() => fixture.Service.RenderAsync(tetangga, Request("PREV_STUNTING")));
        Assert.Equal(GeoErrorKind.Forbidden, e.Kind);

        var draf = PermintaanPetaParser.Parse(new OpsiPetaTeks("18.72", "PREV_STUNTING", "2022-08",
            Analisis: new AnalysisOptionsText(null, null, Tampilan: "draf")));
        e = await Assert.ThrowsAsync<GeoException>(() => fixture.Service.RenderAsync(Caller.Anonim, draf));
        Assert.Equal(GeoErrorKind.Forbidden, e.Kind);
    }

    [Fact]
    public async Task A_period_without_published_values_is_not_found()
    {
        var request = PermintaanPetaParser.Parse(new OpsiPetaTeks("18.72", "PREV_STUNTING", "2019"));
        var e = await Assert.ThrowsAsync<GeoException>(() => fixture.Service.RenderAsync(Caller.Anonim, request));
        Assert.Equal(GeoErrorKind.NotFound, e.Kind);
    }

    [Theory]
    [InlineData(199, 1200, "lebar")]
    [InlineData(1600, 4001, "tinggi")]
    public void Sizes_outside_200_to_4000_pixels_are_refused_in_Indonesian(int lebar, int tinggi, string parameter)
    {
        var e = Assert.Throws<GeoException>(() => PermintaanPetaParser.Parse(new OpsiPetaTeks("18.72", "PREV_STUNTING", "2022-08", Lebar: lebar, Tinggi: tinggi)));
        Assert.Equal(GeoErrorKind.Invalid, e.Kind);
        Assert.Contains($"{parameter} harus 200 sampai 4000 piksel", e.Message);
    }

    [Theory]
    [InlineData("lapisan", "panas", null)]
    [InlineData("klasifikasi", "nilai", "acak")]
    [InlineData("klasifikasi", "nilai", "who")]
    public void Unknown_layers_and_classifications_are_refused(string parameter, string lapisan, string? klasifikasi)
    {
        var e = Assert.Throws<GeoException>(() => PermintaanPetaParser.Parse(new OpsiPetaTeks("18.72", "L01", "2022-08", lapisan, klasifikasi)));
        Assert.Equal(GeoErrorKind.Invalid, e.Kind);
        Assert.Contains(parameter, e.Message);
    }
}
