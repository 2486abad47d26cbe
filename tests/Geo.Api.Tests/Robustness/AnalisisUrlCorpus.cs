using System.Net;

namespace Geo.Api.Tests.Robustness;

/// <summary>One malformed analysis URL and what it must get.</summary>
/// <param name="Url">Path and query.</param>
/// <param name="Status">400 or 404.</param>
/// <param name="Parameter">The parameter the problem names (lokasi.parameter); null where none is named (404s).</param>
/// <param name="DetailContains">A fragment of the Indonesian detail, case-insensitive.</param>
public sealed record MalformedUrl(string Url, HttpStatusCode Status, string? Parameter, string DetailContains)
{
    public override string ToString() => Url.Length <= 120 ? Url : Url[..120] + "…";
}

/// <summary>
/// Generated: every parameter of /api/analisis and /api/analisis.geojson crossed with the families
/// of bad values (empty, NaN, Infinity, -1, 0, huge, overlong, non-ASCII, repeated) plus each
/// parameter's own traps (knn:K against Kota Metro's 22 kelurahan, a distance of 1e308 m, an EB
/// series over percentages only), each with the answer it must get.
/// </summary>
public static class AnalisisUrlCorpus
{
    /// <summary>A valid request for Kota Metro 2022-08 (MetroAnalysisFixture); each case spoils one parameter.</summary>
    private static readonly Dictionary<string, string> Valid = new(StringComparer.Ordinal)
    {
        ["wilayah"] = "18.72",
        ["periode"] = "2022-08",
        ["permutasi"] = "9",
    };

    private static readonly string Overlong = new('x', 3000);

    private const HttpStatusCode Bad = HttpStatusCode.BadRequest;
    private const HttpStatusCode Missing = HttpStatusCode.NotFound;

    /// <summary>(parameter, value, status, detail fragment); the parameter named is the one spoilt unless a case says otherwise.</summary>
    private static IEnumerable<(string Name, string Value, HttpStatusCode Status, string? Named, string Detail)> Cases()
    {
        // Text the binder or the parser refuses whatever the parameter: the numbers as text.
        string[] nonsense = ["NaN", "Infinity", "-Infinity", "-1", "0", "1e308", "99999999999999999999999"];

        foreach (var v in nonsense.Concat(["", "١٨.٧٢", "18.72.", "18,72"])) yield return ("wilayah", v, Bad, "wilayah", "kode");
        yield return ("wilayah", Overlong, Bad, "wilayah", "terlalu panjang");
        yield return ("wilayah", "18.72.01.1001", Bad, "tingkat", "di bawah");
        yield return ("wilayah", "99.99", Missing, null, "tidak ada wilayah");

        foreach (var v in nonsense.Concat(["", "２０２２-08", "2022-13", "2022-00", "2022-S3", "2022/08"])) yield return ("periode", v, Bad, "periode", "tidak dikenal");
        foreach (var v in new[] { "1989", "2101" }) yield return ("periode", v, Bad, "periode", "di luar 1990-2100");
        yield return ("periode", Overlong, Bad, "periode", "terlalu panjang");
        yield return ("periode", "2019-08", Missing, null, "tidak ada nilai");

        foreach (var v in new[] { "-1", "0", "1e308", "PRÉV_STUNTING", "PREV STUNTING", "PREV-STUNTING", new string('A', 41), "A\0B" })
        {
            yield return ("indikator", v, Bad, "indikator", "kode indikator");
        }
        yield return ("indikator", Overlong, Bad, "indikator", "terlalu panjang");
        foreach (var v in new[] { "NaN", "Infinity", "TIDAK_ADA" }) yield return ("indikator", v, Missing, null, "tidak dikenal");

        foreach (var v in nonsense.Concat(["provinsi", "kabkota", "4", "ＤＥＳＡ", "desa,kecamatan"])) yield return ("tingkat", v, Bad, "tingkat", "tidak dikenal: desa atau kecamatan");
        yield return ("tingkat", Overlong, Bad, "tingkat", "terlalu panjang");

        foreach (var v in new[] { ",", " , ," }) yield return ("cakupan", v, Bad, "cakupan", "tidak berisi kode indikator");
        foreach (var v in new[] { "-1", "0", "1e308", "K-1", "ÇAKUPAN", "PREV_STUNTING,A\0B", new string('A', 41) }) yield return ("cakupan", v, Bad, "cakupan", "kode indikator");
        yield return ("cakupan", string.Join(",", Enumerable.Range(1, 300).Select(i => $"K{i:000}")), Bad, "cakupan", "paling banyak 100");
        yield return ("cakupan", string.Join(",", Enumerable.Range(1, 2000).Select(i => $"K{i:000}")), Bad, "cakupan", "terlalu panjang");
        yield return ("cakupan", "S01", Bad, "cakupan", "tanpa polaritas");
        foreach (var v in new[] { "NaN", "TIDAK_ADA", "S01,TIDAK_ADA" }) yield return ("cakupan", v, Missing, null, "tidak dikenal");

        foreach (var v in nonsense.Concat(["hexagon", "ｑｕｅｅｎ", "queen:1", "knn", "jarak", "queen,rook"])) yield return ("bobot", v, Bad, "bobot", "tidak dikenal: pakai queen");
        yield return ("bobot", Overlong, Bad, "bobot", "terlalu panjang");
        foreach (var k in new[] { "0", "-1", "1.5", "NaN", "Infinity", "99999999999", "101", "", "+3", "٣" }) yield return ("bobot", $"knn:{k}", Bad, "bobot", "knn:K");
        foreach (var k in new[] { "22", "100" }) yield return ("bobot", $"knn:{k}", Bad, "bobot", "hanya ada 22");
        foreach (var d in new[] { "0", "-5", "NaN", "Infinity", "-Infinity", "1e308", "2000001", "", "abc", "1e-400", "5km" })
        {
            yield return ("bobot", $"jarak:{d}", Bad, "bobot", "jarak:METER");
        }

        foreach (var v in new[] { "NaN", "Infinity", "abc", "1e3", "1.5", "99999999999", "٣", "9,9" })
        {
            yield return ("permutasi", v, Bad, "permutasi", "bukan bilangan bulat");
        }
        foreach (var v in new[] { "-1", "100000", "2147483647" }) yield return ("permutasi", v, Bad, "permutasi", "0 sampai 99999");

        foreach (var v in new[] { "-1", "NaN", "1.5", "99999999999999999999999", "abc" }) yield return ("seed", v, Bad, "seed", "bukan bilangan bulat tak negatif");

        foreach (var v in new[] { "NaN", "Infinity", "-Infinity", "0", "1", "-1", "1e308", "0,05" }) yield return ("alpha", v, Bad, "alpha", "di antara 0 dan 1");
        yield return ("alpha", "abc", Bad, "alpha", "bukan bilangan");

        foreach (var v in new[] { "ya", "2", "NaN" }) yield return ("fdr", v, Bad, "fdr", "true atau false");
        foreach (var v in new[] { "ya", "1", "publik" }) yield return ("tampilan", v, Bad, "tampilan", "'terbit' atau 'draf'");

        foreach (var v in new[] { "NaN", "-1", "0", "ebglobal", "mentah,eb_lokal", "ｍｅｎｔａｈ" }) yield return ("deret", v, Bad, "deret", "tidak dikenal");
        yield return ("deret", Overlong, Bad, "deret", "terlalu panjang");
        // Kota Metro's prevalence is printed as percentages only: there are no counts to smooth.
        foreach (var v in new[] { "eb_global", "eb-lokal" }) yield return ("deret", v, Bad, "deret", "Empirical Bayes tidak tersedia");

        foreach (var v in new[] { "NaN", "Infinity", "-Infinity", "-1" }) yield return ("ambang", v, Bad, "ambang", "bilangan hingga");
        foreach (var v in new[] { "abc", "２０", "1,000.5", "median,rata" }) yield return ("ambang", v, Bad, "ambang", "tidak dikenal");
        yield return ("ambang", Overlong, Bad, "ambang", "terlalu panjang");
        foreach (var v in new[] { "101", "1e308" }) yield return ("ambang", v, Bad, "ambang", "0 sampai 100");

        foreach (var v in new[] { "-1", "0", "101", "2147483647" }) yield return ("minimumIndikator", v, Bad, "minimumIndikator", "1 sampai 100");
        foreach (var v in new[] { "NaN", "1.5", "abc", "99999999999" }) yield return ("minimumIndikator", v, Bad, "minimumIndikator", "bukan bilangan bulat");

        foreach (var v in new[] { "NaN", "Infinity", "0", "-1", "1.5", "1e308", "-0" }) yield return ("porsiTarget", v, Bad, "porsiTarget", "lebih dari 0 dan paling besar 1");
        yield return ("porsiTarget", "abc", Bad, "porsiTarget", "bukan bilangan");
    }

    public static IEnumerable<MalformedUrl> All()
    {
        foreach (var path in new[] { "/api/analisis", "/api/analisis.geojson" })
        {
            foreach (var (name, value, status, named, detail) in Cases())
            {
                var query = new Dictionary<string, string>(Valid, StringComparer.Ordinal) { [name] = value };
                yield return new MalformedUrl($"{path}?{QueryString(query)}", status, named, detail);
            }
            // Required parameters left out, and a number given twice.
            yield return new MalformedUrl($"{path}?periode=2022-08", Bad, "wilayah", "kode kosong");
            yield return new MalformedUrl($"{path}?wilayah=18.72", Bad, "periode", "periode");
            yield return new MalformedUrl($"{path}?wilayah=18.72&periode=2022-08&permutasi=9&permutasi=99", Bad, "permutasi", "bukan bilangan bulat");
        }
    }

    public static TheoryData<MalformedUrl> Data() => new(All());

    private static string QueryString(Dictionary<string, string> query) =>
        string.Join("&", query.Select(kv => $"{kv.Key}={Uri.EscapeDataString(kv.Value)}"));
}
