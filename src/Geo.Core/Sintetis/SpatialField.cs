using MathNet.Numerics.Distributions;

namespace Geo.Core.Sintetis;

/// <summary>
/// A spatially autocorrelated random field over desa label points: white noise smoothed with a
/// Gaussian kernel, so neighbouring desa resemble each other as real coverage does, then
/// rescaled to mean 0 and standard deviation 1. Deterministic for a given seed.
/// </summary>
public static class SpatialField
{
    public static double[] Generate(IReadOnlyList<DesaPoint> points, Random random, double bandwidthKm)
    {
        var n = points.Count;
        if (n == 0) return [];
        var noise = new double[n];
        Normal.Samples(random, noise, 0, 1);
        var meanLat = points.Average(p => p.Lat) * Math.PI / 180;
        var xs = points.Select(p => p.Lon * 111.32 * Math.Cos(meanLat)).ToArray();
        var ys = points.Select(p => p.Lat * 110.57).ToArray();
        var twoH2 = 2 * bandwidthKm * bandwidthKm;

        var field = new double[n];
        for (var i = 0; i < n; i++)
        {
            double sum = 0, weights = 0;
            for (var j = 0; j < n; j++)
            {
                var dx = xs[i] - xs[j];
                var dy = ys[i] - ys[j];
                var w = Math.Exp(-(dx * dx + dy * dy) / twoH2);
                sum += w * noise[j];
                weights += w;
            }
            field[i] = sum / weights;
        }

        var mean = field.Average();
        var sd = Math.Sqrt(field.Sum(v => (v - mean) * (v - mean)) / n);
        for (var i = 0; i < n; i++) field[i] = sd > 1e-12 ? (field[i] - mean) / sd : 0;
        return field;
    }

    /// <summary>A bandwidth of about two desa spacings: the square root of area per point, doubled.</summary>
    public static double SuggestedBandwidthKm(IReadOnlyList<DesaPoint> points)
    {
        if (points.Count < 2) return 1;
        var meanLat = points.Average(p => p.Lat) * Math.PI / 180;
        var width = (points.Max(p => p.Lon) - points.Min(p => p.Lon)) * 111.32 * Math.Cos(meanLat);
        var height = (points.Max(p => p.Lat) - points.Min(p => p.Lat)) * 110.57;
        return Math.Max(0.5, 2 * Math.Sqrt(Math.Max(width * height, 1e-6) / points.Count));
    }
}
