using System.Globalization;

namespace Geo.Core.Statistics;

public enum WeightsKind
{
    /// <summary>Units that touch, at a point or along an edge, within the snap tolerance.</summary>
    Queen,

    /// <summary>Units that share a stretch of boundary longer than the snap tolerance.</summary>
    Rook,

    /// <summary>The k nearest label points by distance on the WGS 84 spheroid (not symmetric).</summary>
    KNearest,

    /// <summary>Label points within a distance in metres on the WGS 84 spheroid.</summary>
    DistanceBand,
}

/// <summary>
/// Which neighbours to build, written as on the command line: <c>queen</c>, <c>rook</c>,
/// <c>knn:6</c>, <c>jarak:5000</c> (metres). Snap tolerance in metres applies to contiguity.
/// </summary>
public sealed record WeightsSpec(WeightsKind Kind, int K = 0, double DistanceMetres = 0, double SnapMetres = WeightsSpec.DefaultSnapMetres)
{
    /// <summary>
    /// 1 m: bridges the rounding of coordinates to 6 decimals (0.11 m) and tiny slivers between
    /// neighbouring desa, far below the width of any real gap between units.
    /// </summary>
    public const double DefaultSnapMetres = 1.0;

    public static WeightsSpec Queen { get; } = new(WeightsKind.Queen);

    public static WeightsSpec Rook { get; } = new(WeightsKind.Rook);

    public static WeightsSpec Parse(string text)
    {
        var parts = text.Trim().ToLowerInvariant().Split(':', 2);
        var spec = parts[0] switch
        {
            "queen" when parts.Length == 1 => Queen,
            "rook" when parts.Length == 1 => Rook,
            "knn" when parts.Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var k) && k > 0
                => new WeightsSpec(WeightsKind.KNearest, K: k),
            "jarak" when parts.Length == 2 && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var m) && m > 0
                => new WeightsSpec(WeightsKind.DistanceBand, DistanceMetres: m),
            _ => null,
        };
        return spec ?? throw new FormatException($"bobot '{text}' tidak dikenal: pakai queen, rook, knn:K (mis. knn:6) atau jarak:METER (mis. jarak:5000)");
    }

    public override string ToString() => Kind switch
    {
        WeightsKind.Queen => "queen",
        WeightsKind.Rook => "rook",
        WeightsKind.KNearest => $"knn:{K}",
        _ => string.Create(CultureInfo.InvariantCulture, $"jarak:{DistanceMetres}"),
    };
}
