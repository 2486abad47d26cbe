using System.Net;
using Geo.Api.Tests.Support;
using Geo.Core.Akun;
using Geo.Data.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Geo.Api.Tests.Akun;

/// <summary>
/// Every endpoint the server maps, for an anonymous caller, an account of Kota Metro with each
/// role alone, and an account of a neighbouring kab/kota with every role: the answer the endpoint's
/// declared rule calls for. The rows come from the endpoint list itself, so a new endpoint is in the
/// matrix the day it is mapped, and one without a rule keeps the server from starting.
/// </summary>
public sealed class AccessMatrixTests(GeoApiFactory factory) : IClassFixture<GeoApiFactory>
{
    public sealed record Caller(string Name, string Wilayah, Peran[] Roles)
    {
        public override string ToString() => Name;
    }

    private static readonly Caller[] Callers =
    [
        new("anonim", "", []),
        .. Enum.GetValues<Peran>().Select(p => new Caller($"metro-{p.ToName()}", "18.72", [p])),
        new("tetangga-semua-peran", "18.71", Enum.GetValues<Peran>()),
    ];

    /// <summary>Sample route values: a desa of Kota Metro, its layer, a tile over it, a batch id that may not exist, an export format.</summary>
    private static readonly Dictionary<string, string> RouteValues = new(StringComparer.OrdinalIgnoreCase)
    {
        ["kode"] = "18.72.01.1001",
        ["layer"] = "desa",
        ["z"] = "12",
        ["x"] = "3295",
        ["y"] = "2110",
        ["id"] = "1",
        ["format"] = "geojson",
    };

    [Fact]
    public async Task Every_endpoint_answers_each_caller_as_its_declared_rule_says()
    {
        var endpoints = Endpoints(factory.Services);
        Assert.True(endpoints.Count >= 40, $"{endpoints.Count} endpoints");
        var wrong = new List<string>();
        foreach (var endpoint in endpoints)
        {
            if (endpoint.Rule is not { } rule)
            {
                wrong.Add($"{endpoint.Method} {endpoint.Pattern}: no rule");
                continue;
            }
            foreach (var caller in Callers)
            {
                var client = caller.Wilayah.Length == 0 ? factory.CreateClient() : factory.ClientAs(caller.Name, caller.Wilayah, caller.Roles);
                using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), Fill(endpoint.Pattern));
                if (endpoint.Method is "POST" or "PUT") request.Content = endpoint.Form ? Upload() : new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                using var response = await client.SendAsync(request);
                var status = (int)response.StatusCode;
                var expected = Expected(rule, endpoint.Pattern, caller);
                if (!expected(status)) wrong.Add($"{endpoint.Method} {endpoint.Pattern} as {caller}: {status}");
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    /// <summary>
    /// The analysis summary and a run's detail are public like /api/analisis: the run's area and
    /// view decide in the data layer (tests/Geo.Api.Tests/Analisis/AnalisisRingkasTests.cs).
    /// </summary>
    [Theory]
    [InlineData("/api/analisis/ringkas")]
    [InlineData("/api/analisis/{id:long}/unit/{kode}")]
    [InlineData("/api/analisis/{id:long}/unit")]
    [InlineData("/api/analisis/{id:long}/intervensi/{kode}")]
    // stores its run (tiles, OGC) like /api/analisis; the run's area and view decide (Analisis/AnalisisWaktuTileTests.cs)
    [InlineData("/api/analisis/waktu")]
    [InlineData("/api/ekspor/waktu.{format}")]
    [InlineData("/api/peta.png")]
    public void The_analysis_summary_and_detail_endpoints_are_in_the_matrix_as_public(string pattern)
    {
        var row = Assert.Single(Endpoints(factory.Services), e => e.Method == "GET" && e.Pattern == pattern);
        Assert.True(row.Rule is { Anonymous: true }, $"{pattern}: {row.Rule}");
    }

    /// <summary>
    /// The job endpoints need an account, whatever its roles: which jobs it sees and may cancel is
    /// the data layer's (its own; a role holder's area; an admin cancels in its area), tested in
    /// tests/Geo.Api.Tests/Pekerjaan and tests/Geo.Data.Tests/Pekerjaan.
    /// </summary>
    [Theory]
    [InlineData("GET", "/api/pekerjaan/")]
    [InlineData("GET", "/api/pekerjaan/{id:long}")]
    [InlineData("POST", "/api/pekerjaan/{id:long}/batal")]
    public void The_job_endpoints_are_in_the_matrix_for_any_account(string method, string pattern)
    {
        var row = Assert.Single(Endpoints(factory.Services), e => e.Method == method && e.Pattern == pattern);
        Assert.True(row.Rule is { Anonymous: false, Roles.Count: 0 }, $"{method} {pattern}: {row.Rule}");
    }

    /// <summary>The job path (latar=true) refuses what it can know before reading the file as the direct path does, and queues nothing.</summary>
    [Theory]
    [InlineData("18.71", "/api/impor/indikator?sumber=uji", "di luar wilayah akun 18.71")]
    [InlineData("18.72", "/api/impor/indikator?sumber=uji&wilayah=18.71", "di luar wilayah akun 18.72")]
    [InlineData("18.72", "/api/impor/indikator?latar=true&sumber=uji&wilayah=18.71", "di luar wilayah akun 18.72")]
    [InlineData("18.72", "/api/impor/wilayah", "data rujukan nasional")]
    [InlineData("18.72", "/api/impor/wilayah?latar=true", "data rujukan nasional")]
    public async Task An_import_touching_units_outside_the_account_area_is_refused_whole(string wilayah, string url, string detail)
    {
        var before = await DatabaseState.SnapshotAsync(factory.Database);
        var operatorOf = factory.ClientAs($"operator-{wilayah}", wilayah, Peran.Operator);
        var csv = "kode,indikator,periode,pembilang,penyebut\n18.72.01.1001,L20,2024,1,9\n18.72.01.1002,L20,2024,2,9\n"u8.ToArray();
        var name = url.Contains("wilayah?", StringComparison.Ordinal) || url.EndsWith("/wilayah", StringComparison.Ordinal) ? "batas.geojson" : "nilai.csv";
        var content = name.EndsWith(".csv", StringComparison.Ordinal) ? csv : await File.ReadAllBytesAsync(DataFiles.Boundaries("kota-metro-kelurahan.geojson"));

        using var response = await operatorOf.PostAsync(url, new MultipartFormDataContent { { new ByteArrayContent(content), "berkas", name } });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(detail, await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await DatabaseState.SnapshotAsync(factory.Database));
        Assert.Equal(0L, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM pekerjaan"));
    }

    [Theory]
    [InlineData("/tiles/desa/12/3295/2110.mvt")]
    [InlineData("/ogc/collections/desa/items?limit=2")]
    [InlineData("/api/nilai?induk=18.72&indikator=L20&periode=2024")]
    public async Task What_an_area_account_sees_is_cached_privately_and_the_public_view_publicly(string url)
    {
        using var anonymous = await factory.CreateClient().GetAsync(url);
        using var metro = await factory.ClientAs("analis-metro", "18.72", Peran.Analis).GetAsync(url);

        Assert.True(anonymous.Headers.CacheControl is { Public: true, Private: false }, anonymous.Headers.CacheControl?.ToString());
        Assert.True(metro.Headers.CacheControl is { Private: true, Public: false }, metro.Headers.CacheControl?.ToString());
    }

    /// <summary>
    /// The report endpoints are public, but what they read is the data layer's to allow: the draft
    /// view only for a role holder of the area, another kab/kota never. (This database holds no
    /// values, so an admitted caller gets 404, not the report; the report itself is tested in
    /// Laporan/LaporanEndpointTests.)
    /// </summary>
    [Theory]
    [InlineData("pdf", "", "", "terbit", HttpStatusCode.NotFound)]
    [InlineData("docx", "", "", "draf", HttpStatusCode.Forbidden)]
    [InlineData("pdf", "18.72", "analis", "draf", HttpStatusCode.NotFound)]
    [InlineData("docx", "18.72", "operator", "terbit", HttpStatusCode.NotFound)]
    [InlineData("pdf", "18.71", "analis", "terbit", HttpStatusCode.Forbidden)]
    [InlineData("docx", "18.71", "admin", "draf", HttpStatusCode.Forbidden)]
    public async Task The_report_reads_only_what_the_caller_may_see(string format, string wilayah, string peran, string tampilan, HttpStatusCode expected)
    {
        var client = wilayah.Length == 0 ? factory.CreateClient()
            : factory.ClientAs($"{peran}-{wilayah}", wilayah, PeranNames.TryParse(peran, out var p) ? [p] : []);

        using var response = await client.GetAsync($"/api/laporan.{format}?wilayah=18.72&periode=2022-08&tampilan={tampilan}");

        Assert.Equal(expected, response.StatusCode);
    }

    /// <summary>
    /// The analysis over time exported, and the map's layers over time: the public view for
    /// everyone, the draft view only for a role holder of the area, another kab/kota never. (No
    /// values here, so an admitted caller gets 404.)
    /// </summary>
    [Theory]
    [InlineData("/api/ekspor/waktu.csv?wilayah=18.72&periode=2023-08,2024-08", "", "", "terbit", HttpStatusCode.NotFound)]
    [InlineData("/api/ekspor/waktu.gpkg?wilayah=18.72&periode=2023-08,2024-08", "", "", "draf", HttpStatusCode.Forbidden)]
    [InlineData("/api/ekspor/waktu.csv?wilayah=18.72&periode=2023-08,2024-08", "18.72", "analis", "draf", HttpStatusCode.NotFound)]
    [InlineData("/api/ekspor/waktu.csv?wilayah=18.72&periode=2023-08,2024-08", "18.71", "analis", "terbit", HttpStatusCode.Forbidden)]
    [InlineData("/api/peta.png?wilayah=18.72&indikator=PREV_STUNTING&lapisan=perubahan&periode=2023-08,2024-08", "", "", "draf", HttpStatusCode.Forbidden)]
    [InlineData("/api/peta.png?wilayah=18.72&indikator=PREV_STUNTING&lapisan=titik_panas_muncul&periode=2023-08,2024-08", "18.71", "admin", "terbit", HttpStatusCode.Forbidden)]
    [InlineData("/api/peta.png?wilayah=18.72&indikator=PREV_STUNTING&lapisan=peluang&periode=2024-08&prior=lokal", "18.71", "analis", "terbit", HttpStatusCode.Forbidden)]
    public async Task Exports_and_maps_over_time_read_only_what_the_caller_may_see(string url, string wilayah, string peran, string tampilan, HttpStatusCode expected)
    {
        var client = wilayah.Length == 0 ? factory.CreateClient()
            : factory.ClientAs($"{peran}-{wilayah}", wilayah, PeranNames.TryParse(peran, out var p) ? [p] : []);

        using var response = await client.GetAsync($"{url}&tampilan={tampilan}");

        Assert.Equal(expected, response.StatusCode);
    }

    /// <summary>
    /// Never a 500. A public endpoint: anything but 401/403 for everyone (the draft view and private
    /// runs are the data layer's, tested elsewhere). Otherwise anonymous is 401; a role the rule does
    /// not name is 403; a caller the rule admits passes authorization, except the neighbour, whom the
    /// data layer may refuse by area (403).
    /// </summary>
    private static Func<int, bool> Expected(Rule rule, string pattern, Caller caller)
    {
        if (rule.Anonymous) return s => s < 500 && s is not (401 or 403);
        if (caller.Wilayah.Length == 0) return s => s == 401;
        if (rule.Roles.Count > 0 && !rule.Roles.Overlaps(caller.Roles)) return s => s == 403;
        return s => s < 500 && (s is not (401 or 403) || (s == 403 && IsAreaRefusal(pattern, caller)));
    }

    /// <summary>
    /// Where an admitted caller may still get 403, from the data layer's area rules: the neighbour on
    /// what touches Kota Metro, a kab/kota account on the catalogue (one for the whole country), and
    /// the account endpoints, which need a real account behind the identity (their own tests have one).
    /// </summary>
    private static bool IsAreaRefusal(string pattern, Caller caller) =>
        (caller.Wilayah == "18.71" && pattern.StartsWith("/api/", StringComparison.Ordinal))
        || pattern == "/api/indikator/"
        || pattern.StartsWith("/api/akun/token", StringComparison.Ordinal);

    private static MultipartFormDataContent Upload() =>
        new() { { new ByteArrayContent("kode,indikator,periode,pembilang,penyebut\n"u8.ToArray()), "berkas", "kosong.csv" } };

    public sealed record Rule(bool Anonymous, IReadOnlySet<string> Roles);

    public sealed record EndpointRow(string Method, string Pattern, Rule? Rule, bool Form);

    private static List<EndpointRow> Endpoints(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => new EndpointRow(
                m, "/" + e.RoutePattern.RawText!.TrimStart('/'), RuleOf(e),
                e.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.Contains("multipart/form-data") == true)))
            .Where(e => e.Method != "HEAD" && e.Method != "OPTIONS")
            .DistinctBy(e => (e.Method, e.Pattern))
            .ToList();

    private static Rule? RuleOf(Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null) return new Rule(true, new HashSet<string>());
        var authorize = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
        if (authorize.Count == 0) return null;
        var roles = authorize.Where(a => a.Roles is not null).SelectMany(a => a.Roles!.Split(',')).ToHashSet();
        return new Rule(false, roles);
    }

    /// <summary>Route values that differ by route: an OGC collection id is a level name (or analisis-{id}), not a number.</summary>
    private static readonly Dictionary<string, Dictionary<string, string>> PatternValues = new(StringComparer.Ordinal)
    {
        ["/ogc/collections/"] = new(StringComparer.OrdinalIgnoreCase) { ["id"] = "desa" },
    };

    private static string Fill(string pattern)
    {
        var specific = PatternValues.FirstOrDefault(p => pattern.StartsWith(p.Key, StringComparison.Ordinal)).Value;
        return System.Text.RegularExpressions.Regex.Replace(pattern, @"\{(\w+)(:[^}]*)?\}",
            m => specific?.GetValueOrDefault(m.Groups[1].Value) ?? RouteValues.GetValueOrDefault(m.Groups[1].Value, "1"));
    }
}

internal static class RoleSets
{
    public static bool Overlaps(this IReadOnlySet<string> roles, Peran[] held) => held.Any(p => roles.Contains(p.ToName()));
}
