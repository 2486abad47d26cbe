using System.Globalization;
using Geo.Core.Analisis;
using Geo.Core.Errors;
using Geo.Core.Indikator;
using Geo.Core.Statistics;
using Geo.Core.Wilayah;

namespace Geo.Data.Analisis;

/// <summary>The options of an analysis as the CLI and the API take them, as text.</summary>
public sealed record AnalysisOptionsText(
    string? Wilayah, string? Periode, string? Indikator = null, string? Tingkat = null, string? Cakupan = null,
    string? Bobot = null, int? Permutasi = null, ulong? Seed = null, double? Alpha = null, bool Fdr = false,
    string? Deret = null, string? Ambang = null, int? MinimumIndikator = null, double? PorsiTarget = null, bool HanyaTerbit = false);

/// <summary>One place that turns the options into a request, so that CLI and API accept and refuse the same things.</summary>
public static class AnalysisRequestParser
{
    public static AnalysisRequest Parse(AnalysisOptionsText o)
    {
        if (!KodeWilayah.TryParse(o.Wilayah, out var wilayah, out var kodeError)) throw GeoException.Parameter("wilayah", kodeError);
        if (!Periode.TryParse(o.Periode, out var periode, out var periodeError)) throw GeoException.Parameter("periode", periodeError);

        var tingkat = Tingkat.Desa;
        if (o.Tingkat is not null && (!TingkatNames.TryParse(o.Tingkat, out tingkat) || tingkat is not (Tingkat.Desa or Tingkat.Kecamatan)))
        {
            throw GeoException.Parameter("tingkat", $"tingkat '{o.Tingkat}' tidak dikenal: desa atau kecamatan");
        }

        WeightsSpec bobot;
        try
        {
            bobot = o.Bobot is null ? WeightsSpec.Queen : WeightsSpec.Parse(o.Bobot);
        }
        catch (FormatException e)
        {
            throw GeoException.Parameter("bobot", e.Message);
        }

        if (o.Permutasi is < 0 or > 99_999) throw GeoException.Parameter("permutasi", "permutasi harus 0 sampai 99999");
        if (o.Alpha is <= 0 or >= 1) throw GeoException.Parameter("alpha", "alpha harus di antara 0 dan 1");

        var rules = ParseThreshold(o.Ambang) with
        {
            MinIndicatorsJudged = o.MinimumIndikator ?? new GapRules().MinIndicatorsJudged,
            MinShareMeetingTarget = o.PorsiTarget ?? new GapRules().MinShareMeetingTarget,
        };
        try
        {
            rules.Validate();
        }
        catch (ArgumentException e)
        {
            throw GeoException.Invalid(e.Message);
        }

        return new AnalysisRequest
        {
            Wilayah = wilayah,
            Periode = periode,
            Indikator = string.IsNullOrWhiteSpace(o.Indikator) ? "PREV_STUNTING" : o.Indikator.Trim().ToUpperInvariant(),
            Tingkat = tingkat,
            Cakupan = string.IsNullOrWhiteSpace(o.Cakupan)
                ? null
                : o.Cakupan.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(k => k.ToUpperInvariant()).Distinct().ToList(),
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
                _ => throw GeoException.Parameter("deret", $"deret '{o.Deret}' tidak dikenal: mentah, eb_global atau eb_lokal"),
            },
            Aturan = rules,
            HanyaTerbit = o.HanyaTerbit,
        };
    }

    private static GapRules ParseThreshold(string? text) => (text?.Trim().ToLowerInvariant()) switch
    {
        null or "" or "median" => new GapRules { Threshold = OutcomeThreshold.Median },
        "rata" or "rata-rata" or "mean" => new GapRules { Threshold = OutcomeThreshold.Mean },
        "target" => new GapRules { Threshold = OutcomeThreshold.Target },
        var t when double.TryParse(t.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) =>
            new GapRules { Threshold = OutcomeThreshold.Fixed, FixedThreshold = v },
        _ => throw GeoException.Parameter("ambang", $"ambang '{text}' tidak dikenal: median, rata, target, atau angka (mis. 20)"),
    };
}
