using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Geo.Api.Tests.Support;
using Geo.Core.Akun;
using Geo.Data.Indikator;
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

    /// <summary>Walks an imported batch through the gate in the data layer, as the local operator.</summary>
    private Task<ImportBatch> PublishAsync(JsonElement report) =>
        new BatchStore(factory.Database.DataSource).PublishThroughAsync(Uji.Lokal, report.GetProperty("batch").GetInt64());

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
        var client = factory.Nasional();
        var report = await ImportTsvAsync(client);
        Assert.True(report.GetProperty("status").GetString() is "diimpor" or "sudah_ada");
        await PublishAsync(report);

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
        var client = factory.Nasional();
        var csv = "kode,indikator,periode,pembilang,penyebut\n18.72.02.1001,L19,2024,30,40\n18.72.02.1002,L19,2024,20,40\n";
        var response = await client.PostAsync("/api/impor/indikator?sumber=sintetis", Upload(Encoding.UTF8.GetBytes(csv), "demo.csv"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await PublishAsync(await response.Content.ReadFromJsonAsync<JsonElement>());

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
        var response = await factory.Nasional().PostAsync("/api/impor/indikator", Upload(Encoding.UTF8.GetBytes(csv), "salah.csv"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var rejection = body.GetProperty("penolakan")[0];
        Assert.Equal(("salah.csv", 2), (rejection.GetProperty("berkas").GetString(), rejection.GetProperty("baris").GetInt32()));
        Assert.Contains("lebih besar", rejection.GetProperty("alasan").GetString());
    }

    [Fact]
    public async Task Batch_history_and_the_gate_go_by_role_and_the_public_sees_values_only_once_published()
    {
        var auth = factory;
        var anonim = auth.CreateClient();
        var dewi = auth.ClientAs("dewi", "18.72", Peran.Operator);
        var vera = auth.ClientAs("vera", "18.72", Peran.Verifikator);
        var aldo = auth.ClientAs("aldo", "18.72", Peran.Approver);
        var lain = auth.ClientAs("lain", "18.71", Peran.Approver);
        var csv = "kode,indikator,periode,pembilang,penyebut\n18.72.05.1001,L26,2024-S1,7,9\n";
        var imported = await (await dewi.PostAsync("/api/impor/indikator?sumber=SSGI", Upload(Encoding.UTF8.GetBytes(csv), "ssgi.csv"))).Content.ReadFromJsonAsync<JsonElement>();
        var id = imported.GetProperty("batch").GetInt64();
        string Step(string langkah) => $"/api/impor/indikator/batch/{id}/{langkah}";
        async Task<double?> PublicAsync()
        {
            var body = await anonim.GetFromJsonAsync<JsonElement>("/api/nilai?induk=18.72.05&indikator=L26&periode=2024-S1");
            Assert.Equal("terbit", body.GetProperty("tampilan").GetString());
            var item = body.GetProperty("nilai").EnumerateArray().Single(i => i.GetProperty("kode").GetString() == "18.72.05.1001");
            return item.GetProperty("pembilang").ValueKind == JsonValueKind.Null ? null : item.GetProperty("pembilang").GetDouble();
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonim.GetAsync("/api/impor/indikator/batch")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonim.GetAsync($"/api/impor/indikator/batch/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lain.GetAsync($"/api/impor/indikator/batch/{id}")).StatusCode);
        var history = await vera.GetFromJsonAsync<JsonElement>("/api/impor/indikator/batch");
        var entry = history.EnumerateArray().Single(b => b.GetProperty("id").GetInt64() == id);
        Assert.Equal(("ssgi.csv", "dewi", "draf", 64, "18.72.05.1001"), (entry.GetProperty("berkas").GetString(), entry.GetProperty("pengguna").GetString(),
            entry.GetProperty("status").GetString(), entry.GetProperty("hash").GetString()!.Length, entry.GetProperty("wilayah").GetString()));
        Assert.Empty((await lain.GetFromJsonAsync<JsonElement>("/api/impor/indikator/batch")).EnumerateArray());

        var draf = await vera.GetFromJsonAsync<JsonElement>("/api/nilai?induk=18.72.05&indikator=L26&periode=2024-S1&tampilan=draf");
        Assert.Equal("draf", draf.GetProperty("tampilan").GetString());
        Assert.Contains("DRAF", draf.GetProperty("peringatan").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await anonim.GetAsync("/api/nilai?induk=18.72.05&indikator=L26&periode=2024-S1&tampilan=draf")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lain.GetAsync("/api/nilai?induk=18.72.05&indikator=L26&periode=2024-S1&tampilan=draf")).StatusCode);
        Assert.Null(await PublicAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonim.PostAsync(Step("verifikasi"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await aldo.PostAsync(Step("verifikasi"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await aldo.PostAsync(Step("terbitkan"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await vera.PostAsync(Step("verifikasi"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lain.PostAsync(Step("setujui"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await aldo.PostAsync(Step("setujui"), null)).StatusCode);
        Assert.Null(await PublicAsync());
        var published = await (await aldo.PostAsync(Step("terbitkan"), null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("terbit", published.GetProperty("status").GetString());
        Assert.Equal(7, await PublicAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await aldo.PostAsync(Step("draf"), null)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await aldo.PostAsync(Step("tarik"), null)).StatusCode);
        Assert.Null(await PublicAsync());
        Assert.Equal(HttpStatusCode.Conflict, (await aldo.PostAsync(Step("tarik"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await aldo.PostAsync("/api/impor/indikator/batch/99999/terbitkan", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await aldo.GetAsync("/api/impor/indikator/batch/99999")).StatusCode);
    }

    [Fact]
    public async Task A_rejection_takes_a_reason_and_the_audit_log_is_for_admins_of_the_area_only()
    {
        var auth = factory;
        var dewi = auth.ClientAs("dewi", "18.72", Peran.Operator);
        var vera = auth.ClientAs("vera", "18.72", Peran.Verifikator);
        var csv = "kode,indikator,periode,pembilang,penyebut\n18.72.04.1001,L27,2024,3,9\n";
        var imported = await (await dewi.PostAsync("/api/impor/indikator?sumber=uji", Upload(Encoding.UTF8.GetBytes(csv), "tolak.csv"))).Content.ReadFromJsonAsync<JsonElement>();
        var id = imported.GetProperty("batch").GetInt64();

        Assert.Equal(HttpStatusCode.BadRequest, (await vera.PostAsJsonAsync($"/api/impor/indikator/batch/{id}/tolak", new { alasan = "" })).StatusCode);
        var rejected = await vera.PostAsJsonAsync($"/api/impor/indikator/batch/{id}/tolak", new { alasan = "sumber tidak jelas" });
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal("ditolak", (await rejected.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        Assert.Equal(HttpStatusCode.Unauthorized, (await auth.CreateClient().GetAsync("/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await vera.GetAsync("/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auth.ClientAs("adi", "18.72", Peran.Admin).GetAsync("/api/audit?wilayah=18.71")).StatusCode);
        var log = await auth.ClientAs("adi", "18.72", Peran.Admin).GetFromJsonAsync<JsonElement>("/api/audit?wilayah=18.72.04&batas=10");
        var entries = log.EnumerateArray().Where(e => e.GetProperty("objekId").GetString() == id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal([("tolak", "vera", "sumber tidak jelas"), ("impor", "dewi", null)],
            entries.Select(e => (e.GetProperty("aksi").GetString(), e.GetProperty("pengguna").GetString(), e.GetProperty("alasan").GetString())));
    }

    [Fact]
    public async Task Bad_period_and_unknown_indicator_are_client_errors()
    {
        var client = factory.Nasional();
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/nilai?induk=18.72&indikator=L01&periode=2024-13")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/nilai?induk=18.72&indikator=NOPE&periode=2024")).StatusCode);
    }

    [Fact]
    public async Task Users_add_indicators_and_override_targets()
    {
        var client = factory.Nasional();
        var created = await client.PostAsJsonAsync("/api/indikator", new { kode = "U_KELAS_BUMIL", nama = "Persentase ibu hamil ikut kelas ibu", satuan = "persen", polaritas = "naik", targetNasional = 75.0 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync("/api/indikator", new { kode = "U_KELAS_BUMIL", nama = "x", satuan = "persen", polaritas = "naik" })).StatusCode);

        var target = await client.PutAsJsonAsync("/api/indikator/U_KELAS_BUMIL/target", new { wilayah = "18.72", tahun = 2025, nilai = 85.0 });
        Assert.Equal(HttpStatusCode.OK, target.StatusCode);
        var values = await client.GetFromJsonAsync<JsonElement>("/api/nilai?induk=18.72.01&indikator=U_KELAS_BUMIL&periode=2025");
        Assert.All(values.GetProperty("nilai").EnumerateArray(), v => Assert.Equal(85, v.GetProperty("target").GetProperty("nilai").GetDouble()));
    }
}
