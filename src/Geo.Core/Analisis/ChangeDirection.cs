namespace Geo.Core.Analisis;

/// <summary>How a change is judged, named as it appears in outputs.</summary>
public static class ChangeDirection
{
    public const string Membaik = "membaik";
    public const string Memburuk = "memburuk";

    /// <summary>No change the data can tell from chance (p ≥ alpha), or no change at all.</summary>
    public const string Tetap = "tetap";

    /// <summary>
    /// The direction of a change by the indicator's polarity: a significant fall is "membaik" for a
    /// <c>turun</c> indicator (prevalence) and "memburuk" for a <c>naik</c> one (coverage), and the
    /// reverse for a rise. Significant means p &lt; alpha; otherwise "tetap".
    /// </summary>
    public static string Judge(double difference, double p, double alpha, bool higherIsBetter)
    {
        if (!(alpha is > 0 and < 1)) throw new ArgumentOutOfRangeException(nameof(alpha), "alpha harus di antara 0 dan 1");
        if (double.IsNaN(p) || p >= alpha || difference == 0) return Tetap;
        return (difference > 0) == higherIsBetter ? Membaik : Memburuk;
    }
}
