using System.Globalization;
using Geo.Core.Akun;
using Geo.Core.Analisis;
using Geo.Core.Errors;
using Geo.Core.Indikator;
using Geo.Core.Statistics;
using Geo.Core.Text;
using Geo.Core.Wilayah;

namespace Geo.Data.Analisis;

/// <summary>The options of an analysis as the CLI and the API take them, as text.</summary>
public sealed record AnalysisOptionsText(
    string? Wilayah, string? Periode, string? Indikator = null, string? Tingkat = null, string? Cakupan = null,
    string? Bobot = null, int? Permutasi = null, ulong? Seed = null, double? Alpha = null, bool Fdr = false,
    string? Deret = null, string? Ambang = null, int? MinimumIndikator = null, double? PorsiTarget = null, string? Tampilan = null,
    string? DasarTinggi = null, string? Prior = null, string? Bivariat = null);

/// <summary>
/// One place that turns the options into a request, so that CLI and API accept and refuse the same
/// things. Every refusal names its parameter. An optional text given empty means "not given", as
/// the framework already reads an empty number. What can only be judged against the data (knn:K
/// against the number of units, ambang=target without a target, a smoothed series without counts)
/// is judged by <see cref="SituationAnalysisService"/> once the input is read.
/// </summary>
public static partial class AnalysisRequestParser
{
    /// <summary>Characters of any one option but cakupan; the longest valid value (a jarak in metres) is far shorter.</summary>
    public const int MaxTextLength = 100;

    /// <summary>Coverage indicators in one request; the catalogue ships 29.</summary>
    public const int MaxCakupan = 100;

    public const int MaxPermutasi = 99_999;

    public static AnalysisRequest Parse(AnalysisOptionsText o)
    {
        foreach (var (name, text) in new[]
        {
            ("wilayah", o.Wilayah), ("periode", o.Periode), ("indikator", o.Indikator), ("tingkat", o.Tingkat),
            ("bobot", o.Bobot), ("deret", o.Deret), ("ambang", o.Ambang), ("tampilan", o.Tampilan),
            ("dasarTinggi", o.DasarTinggi), ("prior", o.Prior), ("bivariat", o.Bivariat),
        })
        {
            if (text?.Length > MaxTextLength) throw TooLong(name, text.Length, MaxTextLength);
        }
        if (o.Cakupan?.Length > MaxCakupan * 41) throw TooLong("cakupan", o.Cakupan.Length, MaxCakupan * 41);

        if (!KodeWilayah.TryParse(o.Wilayah, out var wilayah, out var kodeError)) throw GeoException.Parameter("wilayah", kodeError);
        if (!Periode.TryParse(o.Periode, out var periode, out var periodeError)) throw GeoException.Parameter("periode", periodeError);

        var tingkat = Tingkat.Desa;
        if (!string.IsNullOrWhiteSpace(o.Tingkat) && (!TingkatNames.TryParse(o.Tingkat, out tingkat) || tingkat is not (Tingkat.Desa or Tingkat.Kecamatan)))
        {
            throw GeoException.Parameter("tingkat", $"tingkat '{UserText.Shorten(o.Tingkat)}' tidak dikenal: desa atau kecamatan");
        }

        WeightsSpec bobot;
        try
        {
            bobot = string.IsNullOrWhiteSpace(o.Bobot) ? WeightsSpec.Queen : WeightsSpec.Parse(o.Bobot);
        }
        catch (FormatException e)
        {
            throw GeoException.Parameter("bobot", e.Message);
        }

        if (o.Permutasi is < 0 or > MaxPermutasi) throw GeoException.Parameter("permutasi", $"permutasi harus 0 sampai {MaxPermutasi}");
        // "Not inside" rather than "outside", so that NaN, for which every comparison is false, is refused.
        if (o.Alpha is { } alpha && !(alpha is > 0 and < 1))
        {
            throw GeoException.Parameter("alpha", "alpha (taraf signifikansi) harus bilangan di antara 0 dan 1, mis. 0.05");
        }
        if (o.PorsiTarget is { } porsi && !(porsi is > 0 and <= 1))
        {
            throw GeoException.Parameter("porsiTarget", "porsiTarget harus bilangan lebih dari 0 dan paling besar 1, mis. 0.5");
        }
        if (o.MinimumIndikator is < 1 or > MaxCakupan)
        {
            throw GeoException.Parameter("minimumIndikator", $"minimumIndikator harus bilangan bulat 1 sampai {MaxCakupan}");
        }

        var rules = ParseThreshold(o.Ambang) with
        {
            MinIndicatorsJudged = o.MinimumIndikator ?? new GapRules().MinIndicatorsJudged,
            MinShareMeetingTarget = o.PorsiTarget ?? new GapRules().MinShareMeetingTarget,
        };
        rules = ParseHighRule(o.DasarTinggi, rules);

        return new AnalysisRequest
        {
            Wilayah = wilayah,
            Periode = periode,
            Indikator = string.IsNullOrWhiteSpace(o.Indikator) ? KodeIndikator.PrevalensiStunting : IndikatorCode("indikator", o.Indikator),
            Tingkat = tingkat,
            Cakupan = string.IsNullOrWhiteSpace(o.Cakupan) ? null : ParseCakupan(o.Cakupan),
            Bobot = bobot,
            Permutasi = o.Permutasi ?? 999,
            Seed = o.Seed ?? 1,
            Alpha = o.Alpha ?? 0.05,
            Fdr = o.Fdr,
            Deret = (o.Deret?.Trim().ToLowerInvariant()) switch
            {
                null or "" or "mentah" => OutcomeSeries.Raw,
                "eb_global" or "eb-global" => OutcomeSeries.EbGlobal,
                "eb_lokal" or "eb-lokal" => OutcomeSeries.EbLocal,
                _ => throw GeoException.Parameter("deret", $"deret '{UserText.Shorten(o.Deret)}' tidak dikenal: mentah, eb_global atau eb_lokal"),
            },
            Aturan = rules,
            Tampilan = TampilanAkses.Parse(o.Tampilan),
            Prior = (o.Prior?.Trim().ToLowerInvariant()) switch
            {
                null or "" or "global" => PosteriorPrior.Global,
                "lokal" => PosteriorPrior.Local,
                _ => throw GeoException.Parameter("prior", $"prior '{UserText.Shorten(o.Prior)}' tidak dikenal: global atau lokal"),
            },
            Bivariat = string.IsNullOrWhiteSpace(o.Bivariat) ? null : IndikatorCode("bivariat", o.Bivariat),
        };
    }

    /// <summary><c>titik</c> (default: the point estimate), <c>peluang</c> (P &gt; 0.8) or <c>peluang:0.9</c>.</summary>
    private static GapRules ParseHighRule(string? text, GapRules rules)
    {
        var t = text?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(t) || t == "titik") return rules;
        var parts = t.Split(':', 2);
        if (parts[0] != "peluang") throw GeoException.Parameter("dasarTinggi", $"dasarTinggi '{UserText.Shorten(text)}' tidak dikenal: titik, peluang, atau peluang:0.9");
        var cut = new GapRules().ExceedanceCut;
        if (parts.Length == 2 && !(double.TryParse(parts[1].Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out cut) && cut is > 0.5 and < 1))
        {
            throw GeoException.Parameter("dasarTinggi", "peluang:P perlu P lebih dari 0.5 dan kurang dari 1, mis. peluang:0.8");
        }
        return rules with { High = HighRule.Exceedance, ExceedanceCut = cut };
    }

    private static List<string> ParseCakupan(string text)
    {
        var codes = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(k => IndikatorCode("cakupan", k)).Distinct().ToList();
        if (codes.Count == 0) throw GeoException.Parameter("cakupan", "cakupan tidak berisi kode indikator; tulis kode dipisah koma atau kosongkan untuk semua layanan");
        if (codes.Count > MaxCakupan) throw GeoException.Parameter("cakupan", $"cakupan berisi {codes.Count} indikator; paling banyak {MaxCakupan}");
        return codes;
    }

    /// <summary>The code as the catalogue stores it (the CHECK on indikator.kode in migration 0010), or a refusal naming the parameter.</summary>
    private static string IndikatorCode(string parameter, string text)
    {
        var kode = text.Trim().ToUpperInvariant();
        return KodeIndikator.IsValid(kode)
            ? kode
            : throw GeoException.Parameter(parameter, $"kode indikator '{UserText.Shorten(text)}' tidak sah: huruf, angka dan _, diawali huruf, paling panjang 40");
    }

    private static GapRules ParseThreshold(string? text) => (text?.Trim().ToLowerInvariant()) switch
    {
        null or "" or "median" => new GapRules { Threshold = OutcomeThreshold.Median },
        "rata" or "rata-rata" or "mean" => new GapRules { Threshold = OutcomeThreshold.Mean },
        "target" => new GapRules { Threshold = OutcomeThreshold.Target },
        var t when double.TryParse(t.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) =>
            double.IsFinite(v) && v >= 0
                ? new GapRules { Threshold = OutcomeThreshold.Fixed, FixedThreshold = v }
                : throw GeoException.Parameter("ambang", $"ambang angka harus bilangan hingga 0 atau lebih, bukan '{UserText.Shorten(text)}'"),
        _ => throw GeoException.Parameter("ambang", $"ambang '{UserText.Shorten(text)}' tidak dikenal: median, rata, target, atau angka (mis. 20)"),
    };

    private static GeoException TooLong(string parameter, int length, int max) =>
        GeoException.Parameter(parameter, $"{parameter} terlalu panjang ({length} karakter; paling banyak {max})");
}
