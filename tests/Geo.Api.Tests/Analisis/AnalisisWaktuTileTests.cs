using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Geo.Api.Tests.Peta;
using Geo.Api.Tests.Support;
using Geo.Core.Akun;
using Geo.Data.Indikator.Import;
using Geo.Data.Tests.Support;

namespace Geo.Api.Tests.Analisis;

/// <summary>
/// An analysis over time is stored as a run: its tiles and OGC collection carry the change, trend
/// and emerging hot spot of each kelurahan as /api/analisis/waktu gives them, beside the last
/// period's ordinary columns (class, posterior, "tidak pasti"). Kota Metro, four SYNTHETIC periods.
/// </summary>
public sealed class AnalisisWaktuTileTests(MetroPeriodsFixture fixture) : IClassFixture<MetroPeriodsFixture>
{
    private readonly HttpClient _client = fixture.Factory.CreateClient();

    private static readonly string AllPeriods = string.Join(',', MetroPeriodsFixture.Periods);

    private static async Task<JsonElement> GetJson(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private Task<JsonElement> TemporalAsync(string extra = "") =>
        GetJson(_client, $"/api/analisis/waktu?wilayah=18.72&periode={AllPeriods}&permutasi=99{extra}");

    private static double? Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private async Task<Dictionary<string, IReadOnlyDictionary<string, object?>>> TileAsync(long id)
    {
        var tileJson = await GetJson(_client, $"/tiles/analisis/{id}.json");
        var b = tileJson.GetProperty("bounds").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var (x, y) = TileMath.TileOf((b[0] + b[2]) / 2, (b[1] + b[3]) / 2, 10);
        var mvt = await _client.GetByteArrayAsync($"/tiles/analisis/{id}/10/{x}/{y}.mvt");
        return Assert.Single(MvtDecoder.Decode(mvt, 10, x, y)).Features.ToDictionary(f => (string)f.Attributes["kode"]!, f => f.Attributes);
    }

    [Fact]
    public async Task A_temporal_run_is_stored_once_and_its_tiles_carry_each_kelurahan_s_change_trend_and_pattern()
    {
        var result = await TemporalAsync();
        var id = result.GetProperty("analisis").GetInt64();
        // Asked again with nothing changed: the same stored run.
        Assert.Equal(id, (await TemporalAsync()).GetProperty("analisis").GetInt64());

        var fields = (await GetJson(_client, $"/tiles/analisis/{id}.json")).GetProperty("vector_layers")[0].GetProperty("fields");
        foreach (var f in new[] { "peluang_tinggi", "ki_bawah", "ki_atas", "tidak_pasti", "bv_lisa", "perubahan_arah", "tren_tau", "tren_sen", "pola_titik_panas" })
        {
            Assert.True(fields.TryGetProperty(f, out _), $"TileJSON lacks {f}");
        }

        var tile = await TileAsync(id);
        var units = result.GetProperty("unit").EnumerateArray().ToList();
        Assert.Equal(22, tile.Count);
        foreach (var u in units)
        {
            var a = tile[u.GetProperty("kode").GetString()!];
            var change = u.GetProperty("perubahan");
            Assert.Equal(Text(change, "arah"), a.GetValueOrDefault("perubahan_arah"));
            Assert.Equal(Number(change, "selisih")!.Value, Convert.ToDouble(a["perubahan_selisih"], CultureInfo.InvariantCulture), 9);
            var trend = u.GetProperty("tren");
            Assert.Equal(Number(trend, "tau")!.Value, Convert.ToDouble(a["tren_tau"], CultureInfo.InvariantCulture), 9);
            Assert.Equal(Number(trend, "sen_per_tahun")!.Value, Convert.ToDouble(a["tren_sen"], CultureInfo.InvariantCulture), 9);
            Assert.Equal(Text(trend, "arah"), a.GetValueOrDefault("tren_arah"));
            Assert.Equal(u.GetProperty("titik_panas").GetProperty("pola").GetString(), a["pola_titik_panas"]);
        }
        // The improving kecamatan: its kelurahan are membaik on the map too.
        Assert.Contains(tile, kv => kv.Key.StartsWith("18.72.01.", StringComparison.Ordinal) && (string?)kv.Value.GetValueOrDefault("perubahan_arah") == "membaik");
        Assert.Contains(tile.Values, a => (string?)a.GetValueOrDefault("perubahan_arah") == "tetap");
    }

    [Fact]
    public async Task Its_units_are_the_last_period_s_ordinary_run_with_exceedance_and_uncertainty_in_tiles_and_OGC()
    {
        var id = (await TemporalAsync()).GetProperty("analisis").GetInt64();
        var ordinary = await GetJson(_client, $"/api/analisis?wilayah=18.72&periode={MetroPeriodsFixture.Periods[^1]}&permutasi=99");
        var rows = ordinary.GetProperty("unit").EnumerateArray().ToDictionary(r => r.GetProperty("kode").GetString()!);
        Assert.Contains(rows.Values, r => Number(r, "peluang_tinggi") is not null);

        var tile = await TileAsync(id);
        var items = await GetJson(_client, $"/ogc/collections/analisis-{id}/items?limit=100");
        var features = items.GetProperty("features").EnumerateArray().ToDictionary(f => f.GetProperty("id").GetString()!, f => f.GetProperty("properties"));
        Assert.Equal(22, features.Count);
        foreach (var (kode, row) in rows)
        {
            var a = tile[kode];
            var p = features[kode];
            Assert.Equal(row.GetProperty("kelas").GetString(), a["kelas"]);
            Assert.Equal(row.GetProperty("kelas").GetString(), p.GetProperty("kelas").GetString());
            var peluang = Number(row, "peluang_tinggi");
            Assert.Equal(peluang, a.TryGetValue("peluang_tinggi", out var t) && t is not null ? Convert.ToDouble(t, CultureInfo.InvariantCulture) : null);
            Assert.Equal(peluang, Number(p, "peluang_tinggi"));
            Assert.Equal(Number(row, "ki_bawah"), Number(p, "ki_bawah"));
            Assert.Equal(Number(row, "ki_atas"), Number(p, "ki_atas"));
            Assert.Equal(row.GetProperty("tidak_pasti").GetBoolean(), a["tidak_pasti"]);
            Assert.Equal(row.GetProperty("tidak_pasti").GetBoolean(), p.GetProperty("tidak_pasti").GetBoolean());
            Assert.True(p.TryGetProperty("pola_titik_panas", out var pola) && pola.ValueKind == JsonValueKind.String, $"{kode}: no pattern in OGC");
            Assert.True(p.TryGetProperty("perubahan_arah", out _));
        }

        // The change and the pattern are OGC filters of a temporal run.
        foreach (var name in new[] { "perubahan_arah", "pola_titik_panas" })
        {
            var values = features.Values.Select(p => Text(p, name)).OfType<string>().Distinct().ToList();
            Assert.NotEmpty(values);
            foreach (var value in values)
            {
                var filtered = await GetJson(_client, $"/ogc/collections/analisis-{id}/items?limit=100&{name}={value}");
                Assert.Equal(features.Where(f => Text(f.Value, name) == value).Select(f => f.Key).Order(),
                    filtered.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()!).Order());
            }
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync($"/ogc/collections/analisis-{id}/items?pola_titik_panas=panas")).StatusCode);
    }

    [Fact]
    public async Task The_ordinary_run_s_tiles_carry_the_bivariate_cluster_and_the_page_summary_its_columns()
    {
        var run = await GetJson(_client, $"/api/analisis?wilayah=18.72&periode={MetroPeriodsFixture.Periods[^1]}&permutasi=99&bivariat=L01");
        var id = run.GetProperty("id").GetInt64();
        var rows = run.GetProperty("unit").EnumerateArray().ToDictionary(r => r.GetProperty("kode").GetString()!);
        Assert.Contains(rows.Values, r => Text(r, "bv_lisa") is not null);
        var tile = await TileAsync(id);
        foreach (var (kode, row) in rows) Assert.Equal(Text(row, "bv_lisa"), tile[kode].GetValueOrDefault("bv_lisa"));

        var summary = await GetJson(_client, $"/api/analisis/ringkas?wilayah=18.72&periode={MetroPeriodsFixture.Periods[^1]}&permutasi=99&bivariat=L01");
        var columns = summary.GetProperty("kolom_unit");
        var codes = columns.GetProperty("kode").EnumerateArray().Select(k => k.GetString()!).ToList();
        for (var i = 0; i < codes.Count; i++)
        {
            Assert.Equal(Text(rows[codes[i]], "bv_lisa"), columns.GetProperty("bv_lisa")[i].GetString());
            Assert.Equal(rows[codes[i]].GetProperty("tidak_pasti").GetBoolean(), columns.GetProperty("tidak_pasti")[i].GetBoolean());
            var p = Number(rows[codes[i]], "peluang_tinggi");
            var c = columns.GetProperty("peluang_tinggi")[i];
            double? expected = p is null ? null : Math.Round(p.Value, 3);
            double? actual = c.ValueKind == JsonValueKind.Number ? c.GetDouble() : null;
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public async Task New_values_make_a_new_temporal_run_and_the_replaced_one_s_tiles_are_gone()
    {
        var before = (await TemporalAsync("&seed=7")).GetProperty("analisis").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/tiles/analisis/{before}/0/0/0.mvt")).StatusCode);

        var csv = new StringBuilder("kode,indikator,periode,pembilang,penyebut\n");
        csv.Append(CultureInfo.InvariantCulture, $"18.72.01.1001,PREV_STUNTING,{MetroPeriodsFixture.Periods[^1]},5,400\n");
        var report = await new IndikatorImporter(fixture.Factory.Database.DataSource).ImportAsync(Encoding.UTF8.GetBytes(csv.ToString()), "ganti-satu.csv",
            new IndikatorImportOptions(Sumber: "sintetis-uji", Wilayah: "18.72"));
        await Uji.TerbitkanAsync(fixture.Factory.Database, report);

        var after = await TemporalAsync("&seed=7");
        Assert.NotEqual(before, after.GetProperty("analisis").GetInt64());
        var unit = after.GetProperty("unit").EnumerateArray().Single(u => u.GetProperty("kode").GetString() == "18.72.01.1001");
        Assert.Equal(1.25, unit.GetProperty("nilai")[MetroPeriodsFixture.Periods.Length - 1].GetDouble(), 6);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/tiles/analisis/{before}/0/0/0.mvt")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/tiles/analisis/{before}.json")).StatusCode);
    }

    [Fact]
    public async Task A_temporal_run_on_drafts_is_seen_only_by_role_holders_of_the_area()
    {
        var analis = fixture.Factory.ClientAs("ana", "18.72", Peran.Analis);
        var tetangga = fixture.Factory.ClientAs("lain", "18.71", Peran.Analis);
        var id = (await GetJson(analis, $"/api/analisis/waktu?wilayah=18.72&periode={AllPeriods}&permutasi=99&tampilan=draf"))
            .GetProperty("analisis").GetInt64();
        foreach (var path in new[] { $"/tiles/analisis/{id}.json", $"/tiles/analisis/{id}/0/0/0.mvt", $"/ogc/collections/analisis-{id}/items" })
        {
            Assert.Equal(HttpStatusCode.OK, (await analis.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await tetangga.GetAsync(path)).StatusCode);
        }
    }
}
