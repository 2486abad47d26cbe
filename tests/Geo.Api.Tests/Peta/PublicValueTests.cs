using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Geo.Api.Tests.Support;
using Geo.Core.Akun;
using Geo.Data.Indikator;
using Geo.Data.Indikator.Import;
using Geo.Data.Tests.Support;

namespace Geo.Api.Tests.Peta;

/// <summary>
/// The public view of one value, as an anonymous caller sees it in every read (values, features,
/// tiles): a newer draft never hides or changes it; publishing the draft does; withdrawing that
/// publication restores the value before it.
/// </summary>
public sealed class PublicValueTests(GeoApiFactory factory) : IClassFixture<GeoApiFactory>
{
    private const string Kode = "18.72.01.1001";
    private const string Query = "?indikator=L11&periode=2023";
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<long> ImportAsync(double pembilang)
    {
        var report = await new IndikatorImporter(factory.Database.DataSource).ImportAsync(
            Encoding.UTF8.GetBytes($"kode,indikator,periode,pembilang,penyebut\n{Kode},L11,2023,{pembilang},100\n"), $"l11-{pembilang}.csv",
            new IndikatorImportOptions(Sumber: "uji"));
        Assert.Equal(ImportStatus.Diimpor, report.Status);
        return report.Batch!.Value;
    }

    /// <summary>The value in /api/nilai, the OGC feature and the desa tile (null where absent), once all three agree or after a deadline.</summary>
    private async Task<(double? Nilai, double? Fitur, double? Petak)> PublicAsync(double? expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var seen = (await FromNilaiAsync(), await FromFeatureAsync(), await FromTileAsync());
            if (seen == (expected, expected, expected) || DateTime.UtcNow > deadline) return seen;
            await Task.Delay(50);
        }
    }

    private async Task<double?> FromNilaiAsync()
    {
        var body = await _client.GetFromJsonAsync<JsonElement>("/api/nilai?induk=18.72.01&indikator=L11&periode=2023");
        var item = body.GetProperty("nilai").EnumerateArray().Single(i => i.GetProperty("kode").GetString() == Kode);
        return item.GetProperty("pembilang").ValueKind == JsonValueKind.Null ? null : item.GetProperty("pembilang").GetDouble();
    }

    private async Task<double?> FromFeatureAsync()
    {
        var feature = JsonDocument.Parse(await _client.GetStringAsync($"/ogc/collections/desa/items/{Kode}{Query}")).RootElement;
        var p = feature.GetProperty("properties").GetProperty("pembilang");
        return p.ValueKind == JsonValueKind.Null ? null : p.GetDouble();
    }

    private async Task<double?> FromTileAsync()
    {
        var (x, y) = TileMath.TileOf(105.31, -5.12, 8);
        var layer = Assert.Single(MvtDecoder.Decode(await _client.GetByteArrayAsync($"/tiles/desa/8/{x}/{y}.mvt{Query}"), 8, x, y));
        var feature = layer.Features.Single(f => (string)f.Attributes["kode"]! == Kode);
        return feature.Attributes.TryGetValue("pembilang", out var value) ? Convert.ToDouble(value) : null;
    }

    [Fact]
    public async Task A_draft_over_a_published_value_changes_nothing_public_until_published_and_withdrawal_restores_it()
    {
        var store = new BatchStore(factory.Database.DataSource);
        var first = await ImportAsync(40);
        Assert.Equal((null, null, null), await PublicAsync(null));
        await store.PublishThroughAsync(Uji.Lokal, first);
        Assert.Equal((40, 40, 40), await PublicAsync(40));

        var draft = await ImportAsync(65);
        Assert.Equal((40, 40, 40), await PublicAsync(40));
        await store.StepAsync(Uji.Lokal, draft, LangkahBatch.Verifikasi);
        await store.StepAsync(Uji.Lokal, draft, LangkahBatch.Setujui);
        Assert.Equal((40, 40, 40), await PublicAsync(40));

        await store.StepAsync(Uji.Lokal, draft, LangkahBatch.Terbitkan);
        Assert.Equal((65, 65, 65), await PublicAsync(65));

        await store.StepAsync(Uji.Lokal, draft, LangkahBatch.Tarik);
        Assert.Equal((40, 40, 40), await PublicAsync(40));
    }
}
