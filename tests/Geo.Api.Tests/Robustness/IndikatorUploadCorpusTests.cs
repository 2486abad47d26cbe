using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Geo.Api.Tests.Support;
using Geo.Data.Tests.Corpus;
using Geo.Data.Tests.Support;

namespace Geo.Api.Tests.Robustness;

/// <summary>
/// The malformed indicator corpus POSTed to /api/impor/indikator, and bad catalogue and target
/// bodies: never a 500, a problem+json with an Indonesian detail for each error, tables unchanged.
/// </summary>
public sealed class IndikatorUploadCorpusTests(GeoApiFactory factory) : IClassFixture<GeoApiFactory>
{
    public static TheoryData<string> Cases() => IndikatorCorpus.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Malformed_upload_answers_4xx_with_its_reason_and_changes_nothing(string name)
    {
        var file = IndikatorCorpus.Find(name);
        var client = factory.Nasional();
        await EnsureValidBatchAsync(client);
        var body = await CorpusUpload.AssertRefusedAsync(client, factory.Database, "/api/impor/indikator", file);

        if (file.Kind is not null)
        {
            // A file that cannot be read is named; a bad option names its parameter instead.
            var detail = JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString();
            Assert.Contains(file.DetailContains.StartsWith("parameter", StringComparison.Ordinal) ? "parameter" : file.FileName, detail);
        }
    }

    public static TheoryData<string, string> BadTargets() => new()
    {
        { "string NaN", """{"wilayah":"18.72","tahun":2025,"nilai":"NaN"}""" },
        { "string Infinity", """{"wilayah":"18.72","tahun":2025,"nilai":"Infinity"}""" },
        { "token NaN", """{"wilayah":"18.72","tahun":2025,"nilai":NaN}""" },
        { "1e999", """{"wilayah":"18.72","tahun":2025,"nilai":1e999}""" },
        { "string 1e999", """{"wilayah":"18.72","tahun":2025,"nilai":"1e999"}""" },
        { "persen 150", """{"wilayah":"18.72","tahun":2025,"nilai":150}""" },
        { "persen negatif", """{"wilayah":"18.72","tahun":2025,"nilai":-1}""" },
        { "tahun 3000", """{"wilayah":"18.72","tahun":3000,"nilai":10}""" },
        { "tahun di luar int", """{"wilayah":"18.72","tahun":99999999999,"nilai":10}""" },
        { "wilayah rusak", """{"wilayah":"18-72","tahun":2025,"nilai":10}""" },
        { "wilayah kosong", """{"tahun":2025,"nilai":10}""" },
        { "sumber 300 karakter", $$"""{"wilayah":"18.72","tahun":2025,"nilai":10,"sumber":"{{new string('s', 300)}}"}""" },
        { "bukan JSON", "nilai=10" },
    };

    [Theory]
    [MemberData(nameof(BadTargets))]
    public async Task A_bad_target_is_a_400_and_stores_nothing(string name, string body)
    {
        var before = await DatabaseState.SnapshotAsync(factory.Database);

        var response = await factory.Nasional().PutAsync("/api/indikator/PREV_STUNTING/target", new StringContent(body, Encoding.UTF8, "application/json"));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, name);
        Assert.Equal(before, await DatabaseState.SnapshotAsync(factory.Database));
    }

    [Fact]
    public async Task A_target_for_a_wilayah_not_in_the_table_is_a_404()
    {
        var response = await factory.Nasional().PutAsJsonAsync("/api/indikator/PREV_STUNTING/target", new { wilayah = "18.72.09", tahun = 2025, nilai = 10.0 });
        await AssertProblemAsync(response, HttpStatusCode.NotFound, "wilayah");
    }

    public static TheoryData<string, string> BadIndicators() => new()
    {
        { "kode berawalan angka", """{"kode":"1ABC","nama":"x","satuan":"jumlah"}""" },
        { "kode kosong", """{"nama":"x","satuan":"jumlah"}""" },
        { "kode 41 karakter", $$"""{"kode":"{{new string('A', 41)}}","nama":"x","satuan":"jumlah"}""" },
        { "nama kosong", """{"kode":"U_A","nama":"  ","satuan":"jumlah"}""" },
        { "nama hilang", """{"kode":"U_A","satuan":"jumlah"}""" },
        { "nama 201 karakter", $$"""{"kode":"U_A","nama":"{{new string('n', 201)}}","satuan":"jumlah"}""" },
        { "satuan lain", """{"kode":"U_A","nama":"x","satuan":"meter"}""" },
        { "target nasional NaN", """{"kode":"U_A","nama":"x","satuan":"persen","polaritas":"naik","targetNasional":"NaN"}""" },
        { "target nasional 1e999", """{"kode":"U_A","nama":"x","satuan":"persen","polaritas":"naik","targetNasional":1e999}""" },
        { "target nasional 101 persen", """{"kode":"U_A","nama":"x","satuan":"persen","polaritas":"naik","targetNasional":101}""" },
        { "catatan 4001 karakter", $$"""{"kode":"U_A","nama":"x","satuan":"jumlah","catatan":"{{new string('c', 4001)}}"}""" },
        { "penyebut sasaran null", """{"kode":"U_A","nama":"x","satuan":"jumlah","penyebutSasaran":[null]}""" },
    };

    [Theory]
    [MemberData(nameof(BadIndicators))]
    public async Task A_bad_new_indicator_is_a_400_and_stores_nothing(string name, string body)
    {
        var before = await DatabaseState.SnapshotAsync(factory.Database);

        var response = await factory.Nasional().PostAsync("/api/indikator", new StringContent(body, Encoding.UTF8, "application/json"));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, name);
        Assert.Equal(before, await DatabaseState.SnapshotAsync(factory.Database));
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string name)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{name}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(string.IsNullOrWhiteSpace(JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString()), name);
    }

    private async Task EnsureValidBatchAsync(HttpClient client)
    {
        if (await factory.Database.ScalarAsync<long>("SELECT count(*) FROM impor_batch") > 0) return;
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(IndikatorCorpus.ValidLong(5, "2023")), "berkas", "baik.csv");
        var response = await client.PostAsync("/api/impor/indikator", form);
        Assert.True(response.StatusCode is HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
