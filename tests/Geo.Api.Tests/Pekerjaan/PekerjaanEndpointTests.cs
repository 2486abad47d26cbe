using System.Net;
using System.Text;
using System.Text.Json;
using Geo.Api.Tests.Support;
using Geo.Core.Akun;
using Geo.Data.Indikator;
using Geo.Data.Indikator.Import;
using Geo.Data.Tests.Indikator;
using Geo.Data.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Geo.Api.Tests.Pekerjaan;

/// <summary>
/// Long work through the job path on one instance: the real Kota Metro table and boundaries,
/// imports and an analysis queued with <c>?latar=true</c> or <c>Prefer: respond-async</c>, polled
/// at their Location until they end.
/// </summary>
public sealed class PekerjaanEndpointTests : IClassFixture<GeoApiFactory>, IAsyncLifetime
{
    private readonly GeoApiFactory _database;
    private readonly WebApplicationFactory<Program> _instance;

    public PekerjaanEndpointTests(GeoApiFactory database)
    {
        _database = database;
        _instance = Jobs.Instance(database);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // Each test's instance stops with it: a worker left running would take the next test's jobs.
    public async Task DisposeAsync() => await _instance.DisposeAsync();

    private HttpClient Operator(string wilayah = "18.72") => _instance.ClientAs($"operator-{wilayah}", wilayah, Peran.Operator);

    private static string ImportUrl(IndikatorImportOptions o) =>
        $"/api/impor/indikator?latar=true&indikator={o.Indikator}&periode={o.Periode}&sumber={o.Sumber}&wilayah={o.Wilayah}";

    [Fact]
    public async Task An_indicator_import_job_reports_its_stage_while_it_runs_and_ends_with_the_import_report()
    {
        var file = await File.ReadAllBytesAsync(KotaMetroData.TsvPath);
        var options = new IndikatorImportOptions("PREV_STUNTING", "2022-08", "e-PPGBM", "18.72");
        var client = Operator();
        string location;
        await using (await Jobs.HoldImportAsync(_database.Database, file, options))
        {
            location = await Jobs.StartAsync(client, ImportUrl(options), Jobs.Form(file, KotaMetroData.Tsv));

            // Read, and waiting to write: the job is running, says where it is, and the request long since answered.
            var running = await Jobs.WaitAsync(client, location, j => j.Status() == "berjalan" && j.Tahap().Contains("membaca baris tabel"));
            Assert.Equal($"{KotaMetroData.Tsv}: membaca baris tabel", running.Tahap());
            Assert.Equal("operator-18.72", running.GetProperty("oleh").GetString());
            Assert.Equal("18.72", running.GetProperty("wilayah").GetString());
            Assert.Equal(1, running.GetProperty("percobaan").GetInt32());
        }

        var done = await Jobs.EndedAsync(client, location);
        Assert.True(done.Status() == "selesai", done.ToString());
        var report = done.GetProperty("hasil");
        Assert.Equal("diimpor", report.GetProperty("status").GetString());
        var batch = report.GetProperty("batch").GetInt64();
        var written = report.GetProperty("nilaiDitulis").GetInt32();
        Assert.Equal(written, await _database.Database.ScalarAsync<long>($"SELECT count(*) FROM nilai WHERE batch = {batch}"));
        Assert.True(written >= 22, $"{written}");
        var progress = done.GetProperty("kemajuan");
        Assert.Equal("nilai", progress.GetProperty("satuan").GetString());
        Assert.True(progress.GetProperty("selesai").GetInt64() >= written, progress.ToString());
        Assert.Equal(progress.GetProperty("selesai").GetInt64(), progress.GetProperty("jumlah").GetInt64());
        Assert.Equal(JsonValueKind.Null, done.GetProperty("galat").ValueKind);
        Assert.Equal($"selesai: batch {batch}, {written} nilai ditulis", done.Tahap());
        Assert.Equal(0L, await _database.Database.ScalarAsync<long>("SELECT count(*) FROM pekerjaan_berkas"));

        // The same file again as a job: the batch it made is found, nothing is written twice.
        var again = await Jobs.EndedAsync(client, await Jobs.StartAsync(client, ImportUrl(options), Jobs.Form(file, KotaMetroData.Tsv)));
        Assert.Equal(("selesai", "sudah_ada", batch), (again.Status(), again.GetProperty("hasil").GetProperty("status").GetString(),
            again.GetProperty("hasil").GetProperty("batch").GetInt64()));
    }

    public static TheoryData<string, string, byte[], int, string> BadUploads() => new()
    {
        // A table read to the end with a row refused: the import report, as the direct request's 422.
        { "/api/impor/indikator?latar=true&sumber=uji", "nilai.csv",
            "kode,indikator,periode,pembilang,penyebut\n18.72.01.1001,PREV_STUNTING,2019,1,9\n99.99.99.9999,PREV_STUNTING,2019,2,9\n"u8.ToArray(),
            422, "baris ditolak" },
        // No table at all: the error the direct request answers 400 with, naming the file.
        { "/api/impor/indikator?latar=true&sumber=uji", "nilai.csv", [0x50, 0x4b, 0x03, 0x04, 0, 0, 0xff, 0xfe, 0, 1, 2, 3], 400, "nilai.csv" },
        // Boundaries with features refused (swapped coordinates, bad codes, ...).
        { "/api/impor/wilayah?latar=true&tingkat=desa", "rejections.geojson", File.ReadAllBytes(DataFiles.TestData("rejections.geojson")), 422, "9 fitur ditolak" },
    };

    [Theory]
    [MemberData(nameof(BadUploads))]
    public async Task A_bad_upload_fails_its_job_with_the_reason_in_Indonesian_and_writes_nothing(string url, string name, byte[] content, int status, string detail)
    {
        var before = await DatabaseState.SnapshotAsync(_database.Database);
        var client = _instance.ClientAs("uji-nasional", "nasional", Enum.GetValues<Peran>());

        var job = await Jobs.EndedAsync(client, await Jobs.StartAsync(client, url, Jobs.Form(content, name)));

        Assert.True(job.Status() == "gagal", job.ToString());
        var galat = job.GetProperty("galat");
        Assert.Equal(status, galat.GetProperty("status").GetInt32());
        Assert.Contains(detail, galat.GetProperty("detail").GetString());
        if (status == 422) Assert.StartsWith("gagal: berkas ditolak", job.Tahap());
        Assert.Equal(before, await DatabaseState.SnapshotAsync(_database.Database));
        Assert.Equal(0L, await _database.Database.ScalarAsync<long>($"SELECT count(*) FROM pekerjaan_berkas WHERE pekerjaan = {job.GetProperty("id").GetInt64()}"));
    }

    [Fact]
    public async Task A_queued_analysis_is_refused_at_once_for_what_the_direct_request_refuses_and_queues_nothing()
    {
        var analis = _instance.ClientAs("analis-metro", "18.72", Peran.Analis);
        var before = await _database.Database.ScalarAsync<long>("SELECT count(*) FROM pekerjaan");
        foreach (var (url, status, detail) in new[]
        {
            ("/api/analisis?latar=true&wilayah=18.72.01&periode=2022-08&tingkat=kecamatan", HttpStatusCode.BadRequest, "unit analisis harus desa atau kecamatan di bawah 18.72.01"),
            ("/api/analisis?latar=true&wilayah=18.71&periode=2022-08", HttpStatusCode.Forbidden, "di luar cakupan akun ini"),
        })
        {
            using var direct = await analis.GetAsync(url.Replace("latar=true&", "", StringComparison.Ordinal));
            using var queued = await analis.GetAsync(url);
            Assert.Equal((status, status), (direct.StatusCode, queued.StatusCode));
            Assert.Contains(detail, await queued.Content.ReadAsStringAsync());
        }
        Assert.Equal(before, await _database.Database.ScalarAsync<long>("SELECT count(*) FROM pekerjaan"));
    }

    [Fact]
    public async Task A_province_size_analysis_asked_with_Prefer_respond_async_is_computed_by_a_job_and_read_at_its_link()
    {
        var report = await new IndikatorImporter(_database.Database.DataSource).ImportAsync(KotaMetroData.TsvPath,
            new IndikatorImportOptions("PREV_STUNTING", "2022-08", "uji", "18.72", "uji"));
        Assert.True(report.Berhasil, string.Join("; ", report.Penolakan));
        await new BatchStore(_database.Database.DataSource).PublishThroughAsync(Uji.Lokal, report.Batch!.Value);
        var analis = _instance.ClientAs("analis-metro", "18.72", Peran.Analis);
        const string url = "/api/analisis?wilayah=18.72&periode=2022-08&permutasi=99";

        // An anonymous caller cannot poll a job: the preference is not applied, the answer is direct.
        using (var anonymous = new HttpRequestMessage(HttpMethod.Get, url))
        {
            anonymous.Headers.Add("Prefer", "respond-async");
            using var direct = await _instance.CreateClient().SendAsync(anonymous);
            Assert.Equal(HttpStatusCode.OK, direct.StatusCode);
            Assert.False(direct.Headers.Contains("Preference-Applied"));
        }

        analis.DefaultRequestHeaders.Add("Prefer", "respond-async, wait=0");
        var location = await Jobs.StartAsync(analis, url);
        analis.DefaultRequestHeaders.Remove("Prefer");
        var job = await Jobs.EndedAsync(analis, location);

        Assert.True(job.Status() == "selesai", job.ToString());
        var hasil = job.GetProperty("hasil");
        var id = hasil.GetProperty("analisis").GetInt64();
        Assert.Equal("/api/analisis/ringkas?wilayah=18.72&periode=2022-08&permutasi=99", hasil.GetProperty("tautan").GetString());
        using var summary = await analis.GetAsync(hasil.GetProperty("tautan").GetString());
        Assert.True(summary.StatusCode == HttpStatusCode.OK, await summary.Content.ReadAsStringAsync());
        // The direct request finds the run the job stored.
        var direct2 = JsonDocument.Parse(await analis.GetStringAsync(url)).RootElement;
        Assert.Equal(id, direct2.GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task A_running_job_cancelled_by_its_starter_stops_and_writes_nothing()
    {
        var file = Encoding.UTF8.GetBytes("kode,indikator,periode,pembilang,penyebut\n18.72.01.1001,PREV_STUNTING,2018,1,9\n");
        var options = new IndikatorImportOptions(Sumber: "batal", Wilayah: "18.72");
        var client = Operator();
        var before = await DatabaseState.SnapshotAsync(_database.Database);
        string location;
        await using (await Jobs.HoldImportAsync(_database.Database, file, options))
        {
            location = await Jobs.StartAsync(client, "/api/impor/indikator?latar=true&sumber=batal&wilayah=18.72", Jobs.Form(file, "nilai.csv"));
            await Jobs.WaitAsync(client, location, j => j.Status() == "berjalan" && j.Tahap().Contains("membaca baris tabel"));

            using (var neighbour = await _instance.ClientAs("operator-18.71", "18.71", Peran.Operator).PostAsync(location + "/batal", null))
            {
                Assert.Equal(HttpStatusCode.Forbidden, neighbour.StatusCode);
            }
            using var cancel = await client.PostAsync(location + "/batal", null);
            Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
            Assert.True(JsonDocument.Parse(await cancel.Content.ReadAsStringAsync()).RootElement.GetProperty("batalDiminta").GetBoolean());

            // Stopped while the file's lock is still held: the import never reached its writes.
            var ended = await Jobs.EndedAsync(client, location);
            Assert.Equal("dibatalkan", ended.Status());
        }
        Assert.Equal(before, await DatabaseState.SnapshotAsync(_database.Database));
        using var twice = await client.PostAsync(location + "/batal", null);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
    }

    [Fact]
    public async Task A_job_is_shown_to_its_area_and_refused_to_others_and_a_refused_start_makes_no_job()
    {
        await using var instance = Jobs.Instance(_database, aktif: false);
        var client = instance.ClientAs("operator-18.72", "18.72", Peran.Operator);
        var location = await Jobs.StartAsync(client, "/api/impor/indikator?latar=true&sumber=akses&wilayah=18.72.01",
            Jobs.Form("kode,indikator,periode,pembilang,penyebut\n"u8.ToArray(), "nilai.csv"));

        using (var same = await instance.ClientAs("verifikator-metro", "18.72", Peran.Verifikator).GetAsync(location)) Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        using (var kecamatan = await instance.ClientAs("analis-kecamatan", "18.72.01", Peran.Analis).GetAsync(location)) Assert.Equal(HttpStatusCode.OK, kecamatan.StatusCode);
        using (var neighbour = await instance.ClientAs("admin-18.71", "18.71", Peran.Admin).GetAsync(location)) Assert.Equal(HttpStatusCode.Forbidden, neighbour.StatusCode);
        using (var anonymous = await instance.CreateClient().GetAsync(location)) Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var list = JsonDocument.Parse(await client.GetStringAsync("/api/pekerjaan")).RootElement;
        Assert.Contains(list.EnumerateArray(), j => $"/api/pekerjaan/{j.GetProperty("id").GetInt64()}" == location);

        // Queued on an instance that runs no jobs: it waits, and its starter may cancel it.
        var queued = await Jobs.WaitAsync(client, location, j => j.Status() == "antri");
        Assert.Contains("menunggu instans", queued.Tahap());
        using var cancel = await client.PostAsync(location + "/batal", null);
        Assert.Equal("dibatalkan", JsonDocument.Parse(await cancel.Content.ReadAsStringAsync()).RootElement.Status());

        // Refused at once, as the direct request is: boundaries are national reference data.
        var jobsBefore = await _database.Database.ScalarAsync<long>("SELECT count(*) FROM pekerjaan");
        using var refused = await client.PostAsync("/api/impor/wilayah?latar=true",
            Jobs.Form(await File.ReadAllBytesAsync(DataFiles.Boundaries("kota-metro-kelurahan.geojson")), "batas.geojson"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("data rujukan nasional", await refused.Content.ReadAsStringAsync());
        Assert.Equal(jobsBefore, await _database.Database.ScalarAsync<long>("SELECT count(*) FROM pekerjaan"));
    }
}
