using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Geo.Api.Tests.Support;
using Geo.Data.Indikator.Import;
using Geo.Data.Tests.Support;

namespace Geo.Api.Tests.Peta;

/// <summary>Tiles and features carrying an indicator's published values. Imports go to this class's own database.</summary>
public sealed class NilaiLayerTests(GeoApiFactory factory) : IClassFixture<GeoApiFactory>, IAsyncLifetime
{
    private const string Query = "?indikator=PREV_STUNTING&periode=2022-08";
    private readonly HttpClient _client = factory.CreateClient();
    private int _x;
    private int _y;

    public async Task InitializeAsync()
    {
        // Published: three kelurahan, synthetic. Draft: a fourth, which maps must not show.
        await ImportAsync("""
            kode,indikator,periode,pembilang,penyebut
            18.72.01.1001,PREV_STUNTING,2022-08,12,150
            18.72.01.1002,PREV_STUNTING,2022-08,30,200
            18.72.02.1001,PREV_STUNTING,2022-08,0,80
            """, terbitkan: true);
        await ImportAsync("""
            kode,indikator,periode,pembilang,penyebut
            18.72.03.1001,PREV_STUNTING,2022-08,5,50
            """, terbitkan: false);
        (_x, _y) = TileMath.TileOf(105.31, -5.12, 8);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Desa_tile_carries_published_values_with_their_source_and_the_sintetis_flag()
    {
        var expected = await PublishedAsync();
        Assert.InRange(expected.Count, 3, 4);

        var response = await _client.GetAsync($"/tiles/desa/8/{_x}/{_y}.mvt{Query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var layer = Assert.Single(MvtDecoder.Decode(await response.Content.ReadAsByteArrayAsync(), 8, _x, _y));

        var withValues = layer.Features.Where(f => f.Attributes.ContainsKey("nilai")).ToList();
        Assert.Equal(expected.Keys.Order(), withValues.Select(f => (string)f.Attributes["kode"]!).Order());
        foreach (var f in withValues)
        {
            var (pembilang, penyebut, nilai) = expected[(string)f.Attributes["kode"]!];
            Assert.Equal(nilai, Convert.ToDouble(f.Attributes["nilai"]), 9);
            Assert.Equal(pembilang, Convert.ToDouble(f.Attributes["pembilang"]), 9);
            Assert.Equal(penyebut, Convert.ToDouble(f.Attributes["penyebut"]), 9);
            Assert.Equal("sintetis", f.Attributes["sumber"]);
            Assert.Equal(true, f.Attributes["sintetis"]);
        }
        // Every other kelurahan is still drawn, without values.
        Assert.Equal(await factory.Database.ScalarAsync<long>("SELECT count(*) FROM wilayah WHERE tingkat = 4"), layer.Features.Count);
    }

    [Fact]
    public async Task Values_change_the_indicator_tiles_ETag_but_not_the_plain_tiles()
    {
        var plainUrl = $"/tiles/desa/8/{_x}/{_y}.mvt";
        var plain = (await _client.GetAsync(plainUrl)).Headers.ETag!;
        var before = (await _client.GetAsync(plainUrl + Query)).Headers.ETag!;
        Assert.NotEqual(plain, before);

        await ImportAsync("""
            kode,indikator,periode,pembilang,penyebut
            18.72.04.1001,PREV_STUNTING,2022-08,7,70
            """, terbitkan: true);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        EntityTagHeaderValue after;
        do
        {
            await Task.Delay(20);
            after = (await _client.GetAsync(plainUrl + Query)).Headers.ETag!;
        } while (after == before && DateTime.UtcNow < deadline);
        Assert.NotEqual(before, after);
        Assert.Equal(plain, (await _client.GetAsync(plainUrl)).Headers.ETag);
    }

    [Fact]
    public async Task TileJSON_and_OGC_items_carry_the_values_too()
    {
        var tilejson = JsonDocument.Parse(await _client.GetStringAsync($"/tiles/desa.json{Query}")).RootElement;
        Assert.EndsWith($"/tiles/desa/{{z}}/{{x}}/{{y}}.mvt{Query}", tilejson.GetProperty("tiles")[0].GetString());
        var fields = tilejson.GetProperty("vector_layers")[0].GetProperty("fields");
        foreach (var field in new[] { "nilai", "pembilang", "penyebut", "sumber", "sintetis" }) Assert.True(fields.TryGetProperty(field, out _), field);

        var expected = await PublishedAsync();
        var items = JsonDocument.Parse(await _client.GetStringAsync($"/ogc/collections/desa/items{Query}&limit=1000")).RootElement;
        foreach (var f in items.GetProperty("features").EnumerateArray())
        {
            var p = f.GetProperty("properties");
            Assert.Equal("PREV_STUNTING", p.GetProperty("indikator").GetString());
            if (expected.TryGetValue(p.GetProperty("kode").GetString()!, out var value))
            {
                Assert.Equal(value.Nilai, p.GetProperty("nilai").GetDouble(), 9);
                Assert.True(p.GetProperty("sintetis").GetBoolean());
            }
            else
            {
                Assert.Equal(JsonValueKind.Null, p.GetProperty("nilai").ValueKind);
            }
        }
        var one = JsonDocument.Parse(await _client.GetStringAsync($"/ogc/collections/desa/items/18.72.01.1001{Query}")).RootElement;
        Assert.Equal(expected["18.72.01.1001"].Nilai, one.GetProperty("properties").GetProperty("nilai").GetDouble(), 9);
    }

    [Theory]
    [InlineData("/tiles/desa/8/0/0.mvt?indikator=TIDAK_ADA&periode=2022", HttpStatusCode.NotFound)]
    [InlineData("/tiles/desa.json?indikator=TIDAK_ADA&periode=2022", HttpStatusCode.NotFound)]
    [InlineData("/ogc/collections/desa/items?indikator=TIDAK_ADA&periode=2022", HttpStatusCode.NotFound)]
    [InlineData("/tiles/desa/8/0/0.mvt?indikator=PREV_STUNTING", HttpStatusCode.BadRequest)]
    [InlineData("/tiles/desa/8/0/0.mvt?indikator=PREV_STUNTING&periode=2022-13", HttpStatusCode.BadRequest)]
    public async Task Unknown_indicators_are_404_and_incomplete_ones_400(string url, HttpStatusCode status)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task ImportAsync(string csv, bool terbitkan)
    {
        var report = await new IndikatorImporter(factory.Database.DataSource).ImportAsync(
            Encoding.UTF8.GetBytes(csv.Replace("\r", "") + "\n"), $"nilai-{Guid.NewGuid():N}.csv",
            new IndikatorImportOptions(Sumber: "sintetis"));
        Assert.True(report.Berhasil, string.Join("; ", report.Penolakan));
        if (terbitkan) await Uji.TerbitkanAsync(factory.Database, report);
    }

    /// <summary>Published values as stored, read apart from the tile and feature SQL.</summary>
    private async Task<Dictionary<string, (double Pembilang, double Penyebut, double Nilai)>> PublishedAsync()
    {
        var values = new Dictionary<string, (double, double, double)>();
        await using var cmd = factory.Database.DataSource.CreateCommand("""
            SELECT n.wilayah, n.pembilang, n.penyebut, n.nilai FROM nilai n JOIN impor_batch b ON b.id = n.batch
            WHERE b.status = 'terbit' AND n.indikator = 'PREV_STUNTING' AND n.periode = '2022-08'
            """);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) values[reader.GetString(0)] = (reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3));
        return values;
    }
}
