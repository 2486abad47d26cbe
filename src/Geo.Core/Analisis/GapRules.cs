namespace Geo.Core.Analisis;

/// <summary>How "prevalence relatively high" is decided.</summary>
public enum OutcomeThreshold
{
    /// <summary>Above the median of the units' values (the default of the guide's practice).</summary>
    Median,
    Mean,
    /// <summary>Above the outcome indicator's target.</summary>
    Target,
    /// <summary>Above <see cref="GapRules.FixedThreshold"/>.</summary>
    Fixed,
}

/// <summary>How a unit is judged "relatively high" against the threshold.</summary>
public enum HighRule
{
    /// <summary>The point estimate (the series' value) is above the threshold: the default, as the guide's tables do.</summary>
    PointEstimate,

    /// <summary>
    /// P(rate &gt; threshold | data) under the EB posterior is above <see cref="GapRules.ExceedanceCut"/>:
    /// a desa is called high only when its counts make it likely, not on the luck of 15 children measured.
    /// </summary>
    Exceedance,
}

/// <summary>The configurable rules of the gap classification; echoed in every result.</summary>
public sealed record GapRules
{
    public OutcomeThreshold Threshold { get; init; } = OutcomeThreshold.Median;

    /// <summary>The value for <see cref="OutcomeThreshold.Fixed"/>.</summary>
    public double? FixedThreshold { get; init; }

    /// <summary>Coverage is "good in most interventions" when at least this share of judged indicators meet their target.</summary>
    public double MinShareMeetingTarget { get; init; } = 0.5;

    /// <summary>Fewer indicators with both data and a target than this, and the unit is <c>data_kurang</c>.</summary>
    public int MinIndicatorsJudged { get; init; } = 3;

    /// <summary>Outcome polarity: prevalence is <c>turun</c>, so "high" is bad.</summary>
    public bool OutcomeHigherIsBetter { get; init; }

    public HighRule High { get; init; } = HighRule.PointEstimate;

    /// <summary>
    /// The posterior probability above which a unit counts as high under <see cref="HighRule.Exceedance"/>;
    /// under either rule a unit whose probability lies between 1 - cut and cut is flagged "tidak pasti".
    /// </summary>
    public double ExceedanceCut { get; init; } = 0.8;

    public void Validate()
    {
        if (!(ExceedanceCut is > 0.5 and < 1))
            throw new ArgumentException("batas peluang harus lebih dari 0,5 dan kurang dari 1, mis. 0,8");
        if (Threshold == OutcomeThreshold.Fixed && !double.IsFinite(FixedThreshold ?? double.NaN))
            throw new ArgumentException("ambang tetap dipilih tetapi nilainya tidak diberikan atau bukan bilangan hingga");
        // Written as "not inside" so that NaN, for which every comparison is false, is refused too.
        if (!(MinShareMeetingTarget is > 0 and <= 1))
            throw new ArgumentException("porsi indikator yang memenuhi target harus di antara 0 dan 1");
        if (MinIndicatorsJudged < 1)
            throw new ArgumentException("jumlah minimum indikator harus paling sedikit 1");
    }
}
