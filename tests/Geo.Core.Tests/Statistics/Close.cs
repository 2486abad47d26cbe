namespace Geo.Core.Tests.Statistics;

internal static class Close
{
    /// <summary>Agreement to 1e-6 (relative above 1); NaN matches only NaN.</summary>
    public static void Equal(double expected, double actual, string what, double tolerance = 1e-6)
    {
        if (double.IsNaN(expected) || double.IsNaN(actual))
        {
            Assert.True(double.IsNaN(expected) && double.IsNaN(actual), $"{what}: expected {expected}, got {actual}");
            return;
        }
        var scale = Math.Max(1.0, Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= tolerance * scale, $"{what}: expected {expected:R}, got {actual:R}");
    }

    public static void All(IReadOnlyList<double> expected, IReadOnlyList<double> actual, string what, double tolerance = 1e-6)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++) Equal(expected[i], actual[i], $"{what}[{i}]", tolerance);
    }
}
