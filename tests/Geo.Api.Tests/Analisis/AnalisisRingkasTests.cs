using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Geo.Api.Tests.Support;
using Geo.Core.Akun;
using Geo.Core.Analisis;
using Geo.Data.Analisis;
using Geo.Data.Indikator;

namespace Geo.Api.Tests.Analisis;

/// <summary>
/// The summary the map page loads first and the per-unit detail behind it (issue 12, "analysis at
/// the speed of the map"): the same run as /api/analisis, cut down, revalidated by ETag, and seen
/// by exactly the callers who may see the run.
/// </summary>
public sealed partial class AnalisisRingkasTests(MetroAnalysisFixture fixture) : IClassFixture<MetroAnalysisFixture>
{
    private const string Query = "wilayah=18.72&periode=2022-08&permutasi=99&seed=41";

    private readonly HttpClient _client = fixture.Factory.CreateClient();

    [Fact]
    public async Task The_summary_holds_the_full_runs_columns_and_chart_fields_in_kode_order()
    {
        var full = await GetJson($"/api/analisis?{Query}");
        var page = await GetJson($"/api/analisis/ringkas?{Query}");

        Assert.Equal(full.GetProperty("id").GetInt64(), page.GetProperty("id").GetInt64());
        // Equal as JSON: the full run's ringkasan comes back from jsonb, which orders keys its own way.
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(full.GetProperty("ringkasan").GetRawText()), JsonNode.Parse(page.GetProperty("ringkasan").GetRawText())));
        Assert.Equal(full.GetProperty("sintetis").GetBoolean(), page.GetProperty("sintetis").GetBoolean());
        var rows = full.GetProperty("unit").EnumerateArray().ToList();
        var columns = page.GetProperty("kolom_unit");
        Assert.Equal(rows.Select(r => r.GetProperty("kode").GetString()), Strings(columns, "kode"));
        Assert.Equal(rows.Select(r => r.GetProperty("kelas").GetString()), Strings(columns, "kelas"));
        Assert.Equal(rows.Select(r => r.GetProperty("lisa").GetString()), Strings(columns, "lisa"));
        Assert.Equal(rows.Select(r => Math.Round(r.GetProperty("nilai").GetDouble(), 2)), columns.GetProperty("nilai").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal(rows.Select(r => NullableRound(r.GetProperty("moran_lag"), 2)), columns.GetProperty("moran_lag").EnumerateArray().Select(v => NullableRound(v, 2)));

        // The quadrant's counts agree with the reasons in words ("N dari M indikator memenuhi target").
        var judged = columns.GetProperty("cakupan_dinilai").EnumerateArray().Select(v => v.GetInt32()).ToList();
        var meeting = columns.GetProperty("cakupan_memenuhi_target").EnumerateArray().Select(v => v.GetInt32()).ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            var reason = MeetingInWords().Match(rows[i].GetProperty("alasan").GetString()!);
            Assert.True(reason.Success, rows[i].GetProperty("alasan").GetString());
            Assert.Equal(int.Parse(reason.Groups[1].Value, CultureInfo.InvariantCulture), meeting[i]);
            Assert.Equal(int.Parse(reason.Groups[2].Value, CultureInfo.InvariantCulture), judged[i]);
        }
        Assert.Contains(meeting, m => m > 0);

        // The scatter's slope is Moran's I (row-standardised weights, no island in Kota Metro).
        var z = rows.Select(r => r.GetProperty("moran_z").GetDouble()).ToArray();
        var lag = rows.Select(r => r.GetProperty("moran_lag").GetDouble()).ToArray();
        var slope = z.Zip(lag, (a, b) => a * b).Sum() / z.Sum(a => a * a);
        Assert.Equal(full.GetProperty("ringkasan").GetProperty("moran").GetProperty("i").GetDouble(), slope, 9);
    }

    [Fact]
    public async Task The_summary_goes_out_as_stored_gzip_to_clients_that_accept_it()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/analisis/ringkas?{Query}");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip");
        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        await using var gzip = new GZipStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        var page = await JsonDocument.ParseAsync(gzip);
        Assert.Equal(22, page.RootElement.GetProperty("kolom_unit").GetProperty("kode").GetArrayLength());
    }

    [Fact]
    public async Task One_unit_a_page_of_units_and_one_areas_interventions_are_the_full_runs()
    {
        var full = await GetJson($"/api/analisis?{Query}");
        var id = full.GetProperty("id").GetInt64();
        var rows = full.GetProperty("unit").EnumerateArray().ToList();

        var unit = await GetJson($"/api/analisis/{id}/unit/{rows[3].GetProperty("kode").GetString()}");
        Assert.Equal(rows[3].GetRawText(), unit.GetRawText());

        var paged = await GetJson($"/api/analisis/{id}/unit?halaman=2&ukuran=5");
        Assert.Equal(22, paged.GetProperty("jumlah").GetInt32());
        Assert.Equal(rows.Skip(5).Take(5).Select(r => r.GetRawText()), paged.GetProperty("unit").EnumerateArray().Select(r => r.GetRawText()));
        var last = await GetJson($"/api/analisis/{id}/unit?halaman=5&ukuran=5");
        Assert.Equal(2, last.GetProperty("unit").GetArrayLength());

        foreach (var area in full.GetProperty("intervensi").EnumerateArray())
        {
            var one = await GetJson($"/api/analisis/{id}/intervensi/{area.GetProperty("kode").GetString()}");
            Assert.Equal(area.GetRawText(), one.GetRawText());
        }

        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/analisis/{id}/unit/18.72.99.9999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/analisis/{id}/intervensi/18.71")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/analisis/{id + 100000}/unit/{rows[0].GetProperty("kode").GetString()}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync($"/api/analisis/{id}/unit?ukuran=0")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync($"/api/analisis/{id}/unit?halaman=0")).StatusCode);
    }

    [Fact]
    public async Task A_kecamatans_stored_interventions_are_those_ranked_from_the_runs_input()
    {
        var full = await GetJson($"/api/analisis?{Query}");
        var id = full.GetProperty("id").GetInt64();
        var source = fixture.Factory.Database.DataSource;
        var request = AnalysisRequestParser.Parse(new AnalysisOptionsText("18.72", "2022-08", Permutasi: 99, Seed: 41));
        var input = await new AnalysisInputLoader(new NilaiQueries(source), new IndikatorCatalog(source)).LoadAsync(Caller.Anonim, request);

        var kecamatan = input.Units.Select(u => u.Kode[..8]).Distinct().ToList();
        Assert.True(kecamatan.Count > 1);
        foreach (var kode in kecamatan)
        {
            // Ranked here in memory, as the run ranked them before storing; then stored, read back and sent.
            var members = input.Units.Where(u => u.Kode.StartsWith(kode + ".", StringComparison.Ordinal))
                .Select(u => new GapUnit(u.Kode, u.Nama, u.Value, u.Coverage, u.CoverageDenominators)).ToList();
            var ranked = InterventionRanking.Rank(input.Indicators, input.AreaCoverage[kode], members);
            var expected = new AreaInterventions(kode, input.AreaNames[kode], ranked.Select(InterventionItem.From).ToList());
            Assert.Contains(expected.Interventions, i => i.PullingDown.Count > 0);

            var served = await GetJson($"/api/analisis/{id}/intervensi/{kode}");
            Assert.Equal(JsonSerializer.Serialize(expected, AnalysisJson.Options), served.GetRawText());
        }
    }

    [Fact]
    public async Task Every_view_of_a_run_revalidates_to_304()
    {
        var full = await GetJson($"/api/analisis?{Query}");
        var id = full.GetProperty("id").GetInt64();
        var kode = full.GetProperty("unit")[0].GetProperty("kode").GetString();
        foreach (var url in new[]
        {
            $"/api/analisis/ringkas?{Query}", $"/api/analisis/{id}/unit/{kode}", $"/api/analisis/{id}/unit?ukuran=3", $"/api/analisis/{id}/intervensi/18.72",
        })
        {
            var first = await _client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.True(first.Headers.CacheControl is { Public: true, MustRevalidate: true }, url);
            using var again = new HttpRequestMessage(HttpMethod.Get, url);
            again.Headers.TryAddWithoutValidation("If-None-Match", first.Headers.ETag!.ToString());
            var second = await _client.SendAsync(again);
            Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
            Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task An_unchanged_input_finds_the_stored_run_without_reading_the_input_and_a_touched_one_reads_it_again()
    {
        const string query = "wilayah=18.72&periode=2022-08&permutasi=9&seed=42";
        var first = await _client.GetAsync($"/api/analisis/ringkas?{query}");
        Assert.Contains("masukan", Timing(first));

        var second = await _client.GetAsync($"/api/analisis/ringkas?{query}");
        Assert.DoesNotContain("masukan", Timing(second));
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);

        // Rewriting values with themselves moves the data version but not the input: read again, same run.
        await fixture.Factory.Database.ExecuteAsync("UPDATE nilai SET nilai = nilai WHERE indikator = 'L01' AND wilayah LIKE '18.72.%'");
        var third = await _client.GetAsync($"/api/analisis/ringkas?{query}");
        Assert.Contains("masukan", Timing(third));
        Assert.Equal(first.Headers.ETag, third.Headers.ETag);
        Assert.DoesNotContain("masukan", Timing(await _client.GetAsync($"/api/analisis/ringkas?{query}")));
    }

    [Fact]
    public async Task A_runs_detail_is_not_found_for_callers_who_may_not_see_the_run()
    {
        var analis = fixture.Factory.ClientAs("ana-ringkas", "18.72", Peran.Analis);
        var draft = JsonDocument.Parse(await (await analis.GetAsync($"/api/analisis?{Query}&tampilan=draf")).Content.ReadAsStringAsync()).RootElement;
        var draftId = draft.GetProperty("id").GetInt64();
        var published = await GetJson($"/api/analisis?{Query}");
        var publishedId = published.GetProperty("id").GetInt64();
        var kode = published.GetProperty("unit")[0].GetProperty("kode").GetString();

        var neighbour = fixture.Factory.ClientAs("tetangga-ringkas", "18.71", Peran.Analis);
        foreach (var path in new[] { $"unit/{kode}", "unit", "intervensi/18.72" })
        {
            Assert.Equal(HttpStatusCode.OK, (await analis.GetAsync($"/api/analisis/{draftId}/{path}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/analisis/{draftId}/{path}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync($"/api/analisis/{publishedId}/{path}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/api/analisis/{publishedId}/{path}")).StatusCode);
        }
        var draftPage = await analis.GetAsync($"/api/analisis/ringkas?{Query}&tampilan=draf");
        Assert.True(draftPage.Headers.CacheControl is { Private: true, Public: false });
        Assert.Equal(HttpStatusCode.Forbidden, (await _client.GetAsync($"/api/analisis/ringkas?{Query}&tampilan=draf")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await neighbour.GetAsync($"/api/analisis/ringkas?{Query}")).StatusCode);
    }

    private static string Timing(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Server-Timing", out var values) ? string.Join(",", values) : "";

    private static IEnumerable<string?> Strings(JsonElement columns, string name) => columns.GetProperty(name).EnumerateArray().Select(v => v.GetString());

    private static double? NullableRound(JsonElement v, int digits) => v.ValueKind == JsonValueKind.Null ? null : Math.Round(v.GetDouble(), digits);

    private async Task<JsonElement> GetJson(string url)
    {
        var response = await _client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    [GeneratedRegex(@"(\d+) dari (\d+) indikator memenuhi target")]
    private static partial Regex MeetingInWords();
}
