using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Geo.Api.Tests.Support;
using Geo.Data.Tests.Support;

namespace Geo.Api.Tests;

public sealed class IndikatorEndpointTests(GeoApiFactory factory) : IClassFixture<GeoApiFactory>
{
    private static readonly string Tsv = DataFiles.Shared(Path.Combine("indikator", "kota-metro-eppgbm-2022.tsv"));

    private static MultipartFormDataContent Upload(byte[] content, string name)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "berkas", name);
        return form;
    }

    private static async Task<JsonElement> ImportTsvAsync(HttpClient client)
    {
        var response = await client.PostAsync("/api/impor/indikator?indikator=PREV_STUNTING&periode=2022-08&sumber=e-PPGBM&wilayah=18.72",
            Upload(await File.ReadAllBytesAsync(Tsv), "kota-metro-eppgbm-2022.tsv"));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return body;
    }

    [Fact]
    public async Task Catalogue_lists_prevalence_the_29_services_and_the_kecamatan_tables()
    {
        var list = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/indikator");
        var kode = list.EnumerateArray().Select(i => i.GetProperty("kode").GetString()!).ToList();

        Assert.Equal("PREV_STUNTING", kode[0]);
        Assert.Equal(29, kode.Count(k => k.StartsWith('L')));
        Assert.Equal(16, kode.Count(k => k.StartsWith('S')));
        Assert.Equal(31, kode.Count(k => k.StartsWith('K')));
        Assert.Equal(13, kode.Count(k => k.StartsWith('D')));
        var l12 = list.EnumerateArray().Single(i => i.GetProperty("kode").GetString() == "L12");
        Assert.Equal(("turun", 7.4), (l12.GetProperty("polaritas").GetString(), l12.GetProperty("targetNasional").GetDouble()));
    }

    [Fact]
    public async Task Import_then_values_per_kelurahan_with_target_and_source_then_roll_ups()
    {
        var client = factory.CreateClient();
        var report = await ImportTsvAsync(client);
        Assert.True(report.GetProperty("status").GetString() is "diimpor" or "sudah_ada");

        var desa = await client.GetFromJsonAsync<JsonElement>("/api/nilai?induk=18.72&tingkat=desa&indikator=PREV_STUNTING&periode=2022-08");
        Assert.False(desa.GetProperty("sintetis").GetBoolean());
        Assert.Equal(["e-PPGBM"], desa.GetProperty("sumber").EnumerateArray().Select(s => s.GetString()));
        var items = desa.GetProperty("nilai").EnumerateArray().ToList();
        Assert.Equal(22, items.Count);
        var metro = items.Single(i => i.GetProperty("kode").GetString() == "18.72.01.1001");
        Assert.Equal(8.17, metro.GetProperty("nilai").GetDouble(), 6);
        Assert.True(metro.GetProperty("hanyaPersen").GetBoolean());
        Assert.Equal(JsonValueKind.Null, metro.GetProperty("pembilang").ValueKind);
        Assert.Equal(14, metro.GetProperty("target").GetProperty("nilai").GetDouble(), 6);

        var kecamatan = await client.GetFromJsonAsync<JsonElement>("/api/nilai?induk=18.72&tingkat=kecamatan&indikator=PREV_STUNTING&periode=2022-08");
        var units = kecamatan.GetProperty("nilai").EnumerateArray().ToList();
        Assert.Equal(5, units.Count);
        Assert.All(units, u => Assert.Equal("tidak_tersedia", u.GetProperty("metode").GetString()));
        Assert.Equal(22, units.Sum(u => u.GetProperty("desaMelapor").GetInt32()));

        var puskesmas = await client.GetFromJsonAsync<JsonElement>("/api/nilai?induk=18.72&tingkat=puskesmas&indikator=PREV_STUNTING&periode=2022-08");
        Assert.Equal(11, puskesmas.GetProperty("nilai").GetArrayLength());
    }

    [Fact]
    public async Task Synthetic_values_are_flagged_in_every_response()
    {
        var client = factory.CreateClient();
        var csv = "kode,indikator,periode,pembilang,penyebut\n18.72.02.1001,L19,2024,30,40\n18.72.02.1002,L19,2024,20,40\n";
        var response = await client.PostAsync("/api/impor/indikator?sumber=sintetis", Upload(Encoding.UTF8.GetBytes(csv), "demo.csv"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var desa = await client.GetFromJsonAsync<JsonElement>("/api/nilai?induk=18.72.02&tingkat=desa&indikator=L19&periode=2024");
        Assert.True(desa.GetProperty("sintetis").GetBoolean());
        Assert.Contains("SINTETIS", desa.GetProperty("peringatan").GetString());
        Assert.Equal("sintetis", desa.GetProperty("nilai").EnumerateArray().First(i => i.GetProperty("kode").GetString() == "18.72.02.1001").GetProperty("sumber").GetString());

        var kec = await client.GetFromJsonAsync<JsonElement>("/api/nilai?induk=18.72&tingkat=kecamatan&indikator=L19&periode=2024");
        var utara = kec.GetProperty("nilai").EnumerateArray().Single(u => u.GetProperty("kode").GetString() == "18.72.02");
        Assert.True(utara.GetProperty("sintetis").GetBoolean());
        Assert.Equal(("rasio", 62.5, 2, 4), (utara.GetProperty("metode").GetString(), utara.GetProperty("nilai").GetDouble(),
            utara.GetProperty("desaMelapor").GetInt32(), utara.GetProperty("jumlahDesa").GetInt32()));
    }

    [Fact]
    public async Task Rejected_file_gives_422_with_row_column_and_reason()
    {
        var csv = "kode,indikator,periode,pembilang,penyebut\n18.72.03.1001,L15,2024,50,40\n";
        var response = await factory.CreateClient().PostAsync("/api/impor/indikator", Upload(Encoding.UTF8.GetBytes(csv), "salah.csv"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var rejection = body.GetProperty("penolakan")[0];
        Assert.Equal(("salah.csv", 2), (rejection.GetProperty("berkas").GetString(), rejection.GetProperty("baris").GetInt32()));
        Assert.Contains("lebih besar", rejection.GetProperty("alasan").GetString());
    }

    [Fact]
    public async Task Batch_history_publish_and_withdraw()
    {
        var client = factory.CreateClient();
        var csv = "kode,indikator,periode,pembilang,penyebut\n18.72.05.1001,L26,2024-S1,7,9\n";
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/impor/indikator?sumber=SSGI") { Content = Upload(Encoding.UTF8.GetBytes(csv), "ssgi.csv") };
        // A request cannot name who it is: the header of before accounts is ignored.
        request.Headers.Add("X-Geo-Pengguna", "dewi");
        var imported = await (await client.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        var id = imported.GetProperty("batch").GetInt64();

        var history = await client.GetFromJsonAsync<JsonElement>("/api/impor/indikator/batch");
        var entry = history.EnumerateArray().Single(b => b.GetProperty("id").GetInt64() == id);
        Assert.Equal(("ssgi.csv", "anonim", "draf", 64), (entry.GetProperty("berkas").GetString(), entry.GetProperty("pengguna").GetString(),
            entry.GetProperty("status").GetString(), entry.GetProperty("hash").GetString()!.Length));

        var published = await (await client.PostAsync($"/api/impor/indikator/batch/{id}/terbitkan", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("terbit", published.GetProperty("status").GetString());
        var visible = await client.GetFromJsonAsync<JsonElement>("/api/nilai?induk=18.72.05&indikator=L26&periode=2024-S1&terbit=true");
        Assert.Equal(7, visible.GetProperty("nilai").EnumerateArray().Single(i => i.GetProperty("kode").GetString() == "18.72.05.1001").GetProperty("pembilang").GetDouble());

        var withdrawn = await client.PostAsync($"/api/impor/indikator/batch/{id}/tarik", null);
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        var after = await client.GetFromJsonAsync<JsonElement>("/api/nilai?induk=18.72.05&indikator=L26&periode=2024-S1");
        Assert.All(after.GetProperty("nilai").EnumerateArray(), i => Assert.Equal(JsonValueKind.Null, i.GetProperty("sumber").ValueKind));
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/api/impor/indikator/batch/{id}/tarik", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/impor/indikator/batch/99999/terbitkan", null)).StatusCode);
    }

    [Fact]
    public async Task Bad_period_and_unknown_indicator_are_client_errors()
    {
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/nilai?induk=18.72&indikator=L01&periode=2024-13")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/nilai?induk=18.72&indikator=NOPE&periode=2024")).StatusCode);
    }

    [Fact]
    public async Task Users_add_indicators_and_override_targets()
    {
        var client = factory.CreateClient();
        var created = await client.PostAsJsonAsync("/api/indikator", new { kode = "U_KELAS_BUMIL", nama = "Persentase ibu hamil ikut kelas ibu", satuan = "persen", polaritas = "naik", targetNasional = 75.0 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync("/api/indikator", new { kode = "U_KELAS_BUMIL", nama = "x", satuan = "persen", polaritas = "naik" })).StatusCode);

        var target = await client.PutAsJsonAsync("/api/indikator/U_KELAS_BUMIL/target", new { wilayah = "18.72", tahun = 2025, nilai = 85.0 });
        Assert.Equal(HttpStatusCode.OK, target.StatusCode);
        var values = await client.GetFromJsonAsync<JsonElement>("/api/nilai?induk=18.72.01&indikator=U_KELAS_BUMIL&periode=2025");
        Assert.All(values.GetProperty("nilai").EnumerateArray(), v => Assert.Equal(85, v.GetProperty("target").GetProperty("nilai").GetDouble()));
    }
}
