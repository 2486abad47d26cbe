namespace Geo.Core.Analisis;

/// <summary>A coverage indicator as the classification needs it.</summary>
/// <param name="HigherIsBetter">Polarity: true for <c>naik</c> (coverage), false for <c>turun</c>.</param>
/// <param name="Target">The target in force for the area and year; null when none is set.</param>
public sealed record CoverageIndicator(string Kode, string Nama, bool HigherIsBetter, double? Target)
{
    /// <summary>How far a value falls short of the target, in the indicator's unit; 0 when it meets it.</summary>
    public double Shortfall(double value) =>
        Target is not { } target ? 0 : Math.Max(0, HigherIsBetter ? target - value : value - target);

    public bool MeetsTarget(double value) => Target is { } && Shortfall(value) <= 0;

    /// <summary>
    /// Achievement as a fraction of target (1 = on target), polarity-aware, so that indicators
    /// with different targets can be compared: value/target for naik, target/value for turun.
    /// </summary>
    public double? Achievement(double value)
    {
        if (Target is not { } target) return null;
        if (HigherIsBetter) return target == 0 ? null : value / target;
        return value == 0 ? (target >= 0 ? 1.0 : null) : Math.Min(target / value, double.MaxValue);
    }
}
