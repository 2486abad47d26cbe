using Geo.Core.Statistics;

namespace Geo.Core.Analisis;

/// <summary>
/// One row per unit with the columns of <c>geo analisis --keluaran</c>:
/// kode,nama,nilai,eb_global,eb_lokal,local_i,local_z,local_p,lisa,gi_z,gi_p,gi_bin,kelas,alasan.
/// Statistics are null for units left out of them (no value) and for islands. The posterior
/// columns (<c>peluang_tinggi</c>, <c>ki_bawah</c>, <c>ki_atas</c>, in the outcome's unit, and
/// <c>tidak_pasti</c>) are null where the counts are not known.
/// </summary>
/// <param name="CakupanDinilai">Coverage indicators with a target and a value in the unit (the gap quadrant's denominator).</param>
/// <param name="CakupanMemenuhiTarget">Of those, how many meet their target: the share is the gap quadrant's x.</param>
/// <param name="MoranZ">The analysed series standardised over the analysed units (the Moran scatter's x); null without a value.</param>
/// <param name="MoranLag">Row-standardised spatial lag of <paramref name="MoranZ"/> (the scatter's y); null without a value and for islands.</param>
public sealed record AnalysisRow(
    string Kode,
    string Nama,
    double? Nilai,
    double? EbGlobal,
    double? EbLokal,
    double? LocalI,
    double? LocalZ,
    double? LocalP,
    string Lisa,
    double? GiZ,
    double? GiP,
    int? GiBin,
    string Kelas,
    string Alasan,
    double? PeluangTinggi = null,
    double? KiBawah = null,
    double? KiAtas = null,
    bool TidakPasti = false,
    double? BvI = null,
    double? BvP = null,
    string? BvLisa = null,
    int CakupanDinilai = 0,
    int CakupanMemenuhiTarget = 0,
    double? MoranZ = null,
    double? MoranLag = null);

/// <param name="Islands">Units with a value but no neighbour among the analysed units.</param>
/// <param name="WithoutValue">Units without a value, left out of the spatial statistics.</param>
/// <param name="SmoothingUnavailable">Why empirical Bayes could not be computed, when it could not.</param>
public sealed record SituationAnalysisResult(
    SituationAnalysisOptions Options,
    GlobalMoranResult? Moran,
    GapClassification Gap,
    IReadOnlyList<AnalysisRow> Rows,
    IReadOnlyList<string> Islands,
    IReadOnlyList<string> WithoutValue,
    string? SmoothingUnavailable)
{
    /// <summary>The posterior family the intervals come from; null without counts.</summary>
    public PosteriorFamily? Family { get; init; }
}

public static class LisaLabels
{
    public const string NotSignificant = "tidak_signifikan";
    public const string Island = "tanpa_tetangga";
    public const string NoData = "tanpa_data";

    public static string For(LisaQuadrant cluster) => cluster switch
    {
        LisaQuadrant.HighHigh => "HH",
        LisaQuadrant.LowLow => "LL",
        LisaQuadrant.HighLow => "HL",
        LisaQuadrant.LowHigh => "LH",
        _ => NotSignificant,
    };
}
