using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Geo.Api.Tests.Support;
using Geo.Core.Akun;
using Geo.Core.Analisis;
using Geo.Core.Indikator;
using Geo.Core.Statistics;
using Geo.Core.Wilayah;
using Geo.Data.Indikator;
using Geo.Data.Indikator.Import;
using Geo.Data.Tests.Support;

namespace Geo.Api.Tests.Analisis;

/// <summary>
/// Kota Metro's 22 kelurahan with SYNTHETIC prevalence counts for four periods (written here, not
/// real data): the first kecamatan's kelurahan improve a lot, the rest move between 8% and 20%; published,
/// with synthetic coverage for 2024-08.
/// </summary>
public sealed class MetroPeriodsFixture : IAsyncLifetime
{
    public static readonly string[] Periods = ["2023-02", "2023-08", "2024-02", "2024-08"];

    public GeoApiFactory Factory { get; } = new();

    /// <summary>(kode, period index) → (stunted, measured).</summary>
    public Dictionary<(string Kode, int Period), (int Cases, int Measured)> Counts { get; } = [];

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)Factory).InitializeAsync();
        var source = Factory.Database.DataSource;
        var codes = new List<string>();
        await using (var cmd = source.CreateCommand("SELECT kode FROM wilayah WHERE tingkat = 4 AND kode LIKE '18.72.%' ORDER BY kode"))
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) codes.Add(reader.GetString(0));
        }
        var csv = new StringBuilder("kode,indikator,periode,pembilang,penyebut\n");
        for (var k = 0; k < codes.Count; k++)
        {
            var improving = codes[k].StartsWith("18.72.01.", StringComparison.Ordinal);
            for (var t = 0; t < Periods.Length; t++)
            {
                var measured = 150 + 20 * k + 5 * t;
                // the others spread from 8% to 20%, more than chance among a few hundred children, so the EB prior has a spread
                var rate = improving ? 0.30 - 0.05 * t : 0.08 + 0.04 * ((k + t) % 4);
                var cases = (int)Math.Round(rate * measured);
                Counts[(codes[k], t)] = (cases, measured);
                csv.Append(CultureInfo.InvariantCulture, $"{codes[k]},PREV_STUNTING,{Periods[t]},{cases},{measured}\n");
            }
        }
        var report = await new IndikatorImporter(source).ImportAsync(Encoding.UTF8.GetBytes(csv.ToString()), "metro-sintetis-4-periode.csv",
            new IndikatorImportOptions(Sumber: "sintetis-uji", Wilayah: "18.72"));
        await Uji.TerbitkanAsync(Factory.Database, report);
        var coverage = await new DemoSintetis(source).GenerateAsync(KodeWilayah.Parse("18.72"), Periode.Parse("2024-08"), 1872, Uji.Lokal, true);
        Assert.True(coverage.Berhasil);
    }

    public Task DisposeAsync() => ((IAsyncLifetime)Factory).DisposeAsync();
}

public sealed class AnalisisWaktuTests(MetroPeriodsFixture fixture) : IClassFixture<MetroPeriodsFixture>
{
    private readonly HttpClient _client = fixture.Factory.CreateClient();

    private static readonly string AllPeriods = string.Join(',', MetroPeriodsFixture.Periods);

    private async Task<JsonElement> GetJson(string url)
    {
        using var response = await _client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Fact]
    public async Task Change_per_kelurahan_is_the_two_proportion_test_on_the_counts_judged_by_polarity()
    {
        var r = await GetJson($"/api/analisis/waktu?wilayah=18.72&periode={AllPeriods}&permutasi=99");
        var units = r.GetProperty("unit").EnumerateArray().ToList();
        Assert.Equal(22, units.Count);
        foreach (var u in units)
        {
            var kode = u.GetProperty("kode").GetString()!;
            var (x1, n1) = fixture.Counts[(kode, 0)];
            var (x2, n2) = fixture.Counts[(kode, 3)];
            var expected = TwoProportionTest.Compute(x1, n1, x2, n2);
            var change = u.GetProperty("perubahan");
            Assert.Equal(100.0 * x2 / n2 - 100.0 * x1 / n1, change.GetProperty("selisih").GetDouble(), 6);
            Assert.Equal(expected.Z, change.GetProperty("z").GetDouble(), 9);
            Assert.Equal(expected.P, change.GetProperty("p").GetDouble(), 12);
            // prevalence is turun: a significant fall is membaik
            Assert.Equal(ChangeDirection.Judge(expected.Difference, expected.P, 0.05, higherIsBetter: false), change.GetProperty("arah").GetString());
            Assert.Equal(4, u.GetProperty("nilai").GetArrayLength());
        }
        // the improving kecamatan's kelurahan are all membaik; the level ones are not
        Assert.All(units.Where(u => u.GetProperty("kode").GetString()!.StartsWith("18.72.01.", StringComparison.Ordinal)),
            u => Assert.Equal("membaik", u.GetProperty("perubahan").GetProperty("arah").GetString()));
        Assert.Equal(units.Count, r.GetProperty("jumlah_per_arah").EnumerateObject().Sum(p => p.Value.GetInt32()));
        Assert.Equal("turun", r.GetProperty("polaritas").GetString());
    }

    [Fact]
    public async Task Roll_ups_are_tested_on_summed_counts()
    {
        var r = await GetJson($"/api/analisis/waktu?wilayah=18.72&periode=2023-02,2024-08&permutasi=0");
        var areas = r.GetProperty("agregat").EnumerateArray().ToDictionary(a => a.GetProperty("kode").GetString()!);
        Assert.Equal(["18.72", "18.72.01", "18.72.02", "18.72.03", "18.72.04", "18.72.05"], areas.Keys.Order(StringComparer.Ordinal));
        foreach (var (kode, area) in areas)
        {
            var members = fixture.Counts.Keys.Where(k => k.Kode.StartsWith(kode + ".", StringComparison.Ordinal)).Select(k => k.Kode).Distinct().ToList();
            double x1 = members.Sum(m => fixture.Counts[(m, 0)].Cases), n1 = members.Sum(m => fixture.Counts[(m, 0)].Measured);
            double x2 = members.Sum(m => fixture.Counts[(m, 3)].Cases), n2 = members.Sum(m => fixture.Counts[(m, 3)].Measured);
            var expected = TwoProportionTest.Compute(x1, n1, x2, n2);
            Assert.Equal(expected.Z, area.GetProperty("perubahan").GetProperty("z").GetDouble(), 9);
        }
        Assert.Equal("kabkota", areas["18.72"].GetProperty("tingkat").GetString());
        // two periods: no trend (fewer than 3 values)
        Assert.Equal(JsonValueKind.Null, areas["18.72"].GetProperty("tren").ValueKind);
    }

    [Fact]
    public async Task Trend_is_mann_kendall_with_sen_slope_per_year()
    {
        var r = await GetJson($"/api/analisis/waktu?wilayah=18.72&periode={AllPeriods}&permutasi=99");
        var years = MetroPeriodsFixture.Periods.Select(p => Periode.Parse(p).TahunDesimal).ToArray();
        foreach (var u in r.GetProperty("unit").EnumerateArray())
        {
            var kode = u.GetProperty("kode").GetString()!;
            var series = Enumerable.Range(0, 4).Select(t => 100.0 * fixture.Counts[(kode, t)].Cases / fixture.Counts[(kode, t)].Measured).ToArray();
            var mk = MannKendall.Compute(series);
            var tren = u.GetProperty("tren");
            Assert.Equal(mk.S, tren.GetProperty("s").GetDouble());
            Assert.Equal(mk.P, tren.GetProperty("p").GetDouble(), 12);
            Assert.Equal(SenSlope.Compute(years, series), tren.GetProperty("sen_per_tahun").GetDouble(), 6);
        }
        var improving = r.GetProperty("unit").EnumerateArray().First(u => u.GetProperty("kode").GetString()!.StartsWith("18.72.01.", StringComparison.Ordinal));
        // 30% -> 15% over 1.5 years: -10 points a year
        Assert.Equal(-10, improving.GetProperty("tren").GetProperty("sen_per_tahun").GetDouble(), 0);
    }

    [Fact]
    public async Task Emerging_hot_spots_carry_their_method_parameters_and_series()
    {
        var r = await GetJson($"/api/analisis/waktu?wilayah=18.72&periode={AllPeriods}&permutasi=199&seed=4&jendela=1");
        Assert.Null(r.GetProperty("titik_panas_tidak_tersedia").GetString());
        Assert.Empty(r.GetProperty("tanpa_deret_lengkap").EnumerateArray());
        foreach (var u in r.GetProperty("unit").EnumerateArray())
        {
            var hs = u.GetProperty("titik_panas");
            Assert.Contains(hs.GetProperty("pola").GetString(), EmergingPattern.All);
            Assert.Equal(4, hs.GetProperty("z").GetArrayLength());
            Assert.All(hs.GetProperty("titik").EnumerateArray(), s => Assert.InRange(s.GetInt32(), -1, 1));
        }
        var p = r.GetProperty("parameter");
        Assert.Equal(199, p.GetProperty("permutasi").GetInt32());
        Assert.Equal(1, p.GetProperty("jendela").GetInt32());
        Assert.Equal(4, p.GetProperty("periode").GetArrayLength());
        Assert.Contains("Mann-Kendall", r.GetProperty("metode").GetProperty("tren").GetString());
        Assert.Contains("ArcGIS", r.GetProperty("metode").GetProperty("titik_panas").GetString());
        Assert.Equal(22, r.GetProperty("jumlah_per_pola").EnumerateObject().Sum(x => x.Value.GetInt32()));
    }

    [Fact]
    public async Task Kecamatan_are_rolled_up_for_each_period()
    {
        var r = await GetJson($"/api/analisis/waktu?wilayah=18.72&tingkat=kecamatan&periode={AllPeriods}&permutasi=0");
        var units = r.GetProperty("unit").EnumerateArray().ToList();
        Assert.Equal(5, units.Count);
        Assert.Equal("membaik", units.Single(u => u.GetProperty("kode").GetString() == "18.72.01").GetProperty("perubahan").GetProperty("arah").GetString());
    }

    [Theory]
    [InlineData("wilayah=18.72&periode=2024-08", "periode")]
    [InlineData("wilayah=18.72&periode=2024-08,2023-08", "periode")]
    [InlineData("wilayah=18.72&periode=2024-08,2024-08", "periode")]
    [InlineData("wilayah=18.72&periode=2023-08,2024-13", "periode")]
    [InlineData("wilayah=18.72&periode=2023-08,2024-08&jendela=11", "jendela")]
    [InlineData("wilayah=18.72&periode=2023-08,2024-08&bobot=knn:0", "bobot")]
    [InlineData("wilayah=18.72&periode=2023-08,2024-08&tingkat=provinsi", "tingkat")]
    public async Task Bad_parameters_are_400_naming_them(string query, string parameter)
    {
        using var response = await _client.GetAsync($"/api/analisis/waktu?{query}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(parameter, body);
    }

    [Fact]
    public async Task Periods_without_values_are_404_and_other_areas_and_drafts_are_refused()
    {
        using (var none = await _client.GetAsync("/api/analisis/waktu?wilayah=18.72&periode=2019-02,2019-08"))
        {
            Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        }
        using (var draft = await _client.GetAsync($"/api/analisis/waktu?wilayah=18.72&periode={AllPeriods}&tampilan=draf"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, draft.StatusCode);
        }
        var neighbour = fixture.Factory.ClientAs("tetangga", "18.71", Enum.GetValues<Peran>());
        using (var other = await neighbour.GetAsync($"/api/analisis/waktu?wilayah=18.72&periode={AllPeriods}&permutasi=0"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        }
        var metro = fixture.Factory.ClientAs("analis-metro", "18.72", [Peran.Analis]);
        using var own = await metro.GetAsync($"/api/analisis/waktu?wilayah=18.72&periode={AllPeriods}&permutasi=0&tampilan=draf");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("private", own.Headers.CacheControl!.ToString());
    }
}

/// <summary>The single-period analysis under uncertainty: posteriors, the exceedance rule, "tidak pasti", and the bivariate LISA.</summary>
public sealed class AnalisisKetidakpastianTests(MetroPeriodsFixture fixture) : IClassFixture<MetroPeriodsFixture>
{
    private readonly HttpClient _client = fixture.Factory.CreateClient();

    private async Task<JsonElement> GetJson(string url)
    {
        using var response = await _client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Fact]
    public async Task The_exceedance_rule_calls_high_what_is_likely_above_the_threshold_and_flags_the_rest()
    {
        var r = await GetJson("/api/analisis?wilayah=18.72&periode=2024-08&permutasi=0&dasarTinggi=peluang:0.9");
        Assert.Equal("peluang", r.GetProperty("parameter").GetProperty("dasarTinggi").GetString());
        Assert.Equal(0.9, r.GetProperty("parameter").GetProperty("batasPeluang").GetDouble());
        var units = r.GetProperty("unit").EnumerateArray().ToList();
        Assert.Equal(22, units.Count);
        foreach (var u in units)
        {
            var p = u.GetProperty("peluang_tinggi").GetDouble();
            Assert.InRange(p, 0, 1);
            Assert.True(u.GetProperty("ki_bawah").GetDouble() < u.GetProperty("ki_atas").GetDouble());
            var kelas = u.GetProperty("kelas").GetString()!;
            if (kelas != GapClass.DataKurang) Assert.Equal(p > 0.9, kelas.StartsWith("tinggi_", StringComparison.Ordinal));
            Assert.Equal(p >= 0.1 && p <= 0.9, u.GetProperty("tidak_pasti").GetBoolean());
        }
    }

    [Fact]
    public async Task The_point_rule_stays_the_default_and_still_reports_the_posterior()
    {
        var r = await GetJson("/api/analisis?wilayah=18.72&periode=2024-08&permutasi=0");
        Assert.Equal("titik", r.GetProperty("parameter").GetProperty("dasarTinggi").GetString());
        var threshold = r.GetProperty("ringkasan").GetProperty("ambang_prevalensi").GetDouble();
        foreach (var u in r.GetProperty("unit").EnumerateArray())
        {
            var kelas = u.GetProperty("kelas").GetString()!;
            if (kelas != GapClass.DataKurang) Assert.Equal(u.GetProperty("nilai").GetDouble() > threshold, kelas.StartsWith("tinggi_", StringComparison.Ordinal));
            Assert.Equal(JsonValueKind.Number, u.GetProperty("peluang_tinggi").ValueKind);
            Assert.Equal(JsonValueKind.Null, u.GetProperty("bv_lisa").ValueKind);
        }
    }

    [Fact]
    public async Task The_bivariate_lisa_of_prevalence_against_a_coverage_lag_is_a_layer_of_the_run()
    {
        var r = await GetJson("/api/analisis?wilayah=18.72&periode=2024-08&permutasi=99&bivariat=L01");
        Assert.Equal("L01", r.GetProperty("parameter").GetProperty("bivariat").GetString());
        string[] labels = ["HH", "HL", "LH", "LL", LisaLabels.NotSignificant, LisaLabels.Island, LisaLabels.NoData];
        foreach (var u in r.GetProperty("unit").EnumerateArray())
        {
            Assert.Contains(u.GetProperty("bv_lisa").GetString(), labels);
        }
        Assert.Contains(r.GetProperty("unit").EnumerateArray(), u => u.GetProperty("bv_i").ValueKind == JsonValueKind.Number);
        var geojson = await _client.GetStringAsync("/api/analisis.geojson?wilayah=18.72&periode=2024-08&permutasi=99&bivariat=L01");
        Assert.Contains("\"bv_lisa\"", geojson);
        Assert.Contains("\"peluang_tinggi\"", geojson);
    }

    [Theory]
    [InlineData("dasarTinggi=sedang", "dasarTinggi")]
    [InlineData("dasarTinggi=peluang:0.4", "dasarTinggi")]
    [InlineData("prior=tetangga", "prior")]
    [InlineData("bivariat=TIDAK_ADA", "bivariat")]
    public async Task Bad_uncertainty_parameters_are_400_naming_them(string query, string parameter)
    {
        using var response = await _client.GetAsync($"/api/analisis?wilayah=18.72&periode=2024-08&permutasi=0&{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(parameter, await response.Content.ReadAsStringAsync());
    }
}
