using System.Globalization;
using Geo.Core.Text;

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

    /// <summary>More neighbours than this is no longer a neighbourhood (spdep practice is 4 to 8).</summary>
    public const int MaxK = 100;

    /// <summary>2,000 km spans Indonesia's widest provinsi twice over; a band beyond it is a typo, not a choice.</summary>
    public const double MaxDistanceMetres = 2_000_000;

    /// <summary>Parses the command-line form; a <see cref="FormatException"/> says in Indonesian what is wrong.</summary>
    public static WeightsSpec Parse(string text)
    {
        var parts = text.Trim().ToLowerInvariant().Split(':', 2);
        return (parts[0], parts.Length) switch
        {
            ("queen", 1) => Queen,
            ("rook", 1) => Rook,
            ("knn", 2) => new WeightsSpec(WeightsKind.KNearest, K: ParseK(parts[1])),
            ("jarak", 2) => new WeightsSpec(WeightsKind.DistanceBand, DistanceMetres: ParseDistance(parts[1])),
            _ => throw new FormatException($"bobot '{UserText.Shorten(text)}' tidak dikenal: pakai queen, rook, knn:K (mis. knn:6) atau jarak:METER (mis. jarak:5000)"),
        };
    }

    private static int ParseK(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var k) && k is >= 1 and <= MaxK
            ? k
            : throw new FormatException($"knn:K perlu K bilangan bulat 1 sampai {MaxK}, bukan '{UserText.Shorten(text)}'");

    // NaN and Infinity parse as numbers; they, like 1e308, are no distance between two desa.
    private static double ParseDistance(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) && double.IsFinite(m) && m is > 0 and <= MaxDistanceMetres
            ? m
            : throw new FormatException(
                $"jarak:METER perlu jarak dalam meter lebih dari 0 dan paling jauh {MaxDistanceMetres.ToString("0", CultureInfo.InvariantCulture)} (2.000 km), bukan '{UserText.Shorten(text)}'");

    public override string ToString() => Kind switch
    {
        WeightsKind.Queen => "queen",
        WeightsKind.Rook => "rook",
        WeightsKind.KNearest => $"knn:{K}",
        _ => string.Create(CultureInfo.InvariantCulture, $"jarak:{DistanceMetres}"),
    };
}
