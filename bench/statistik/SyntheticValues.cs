using Geo.Core.Statistics;
using Npgsql;

namespace Geo.Bench.Statistik;

/// <summary>
/// Synthetic (sintetis) values for timing only: a smooth surface over the label points plus
/// hashed noise, deterministic for a given set of desa. Timings do not depend on the values.
/// </summary>
internal static class SyntheticValues
{
    public static async Task<double[]> ForAsync(NpgsqlDataSource dataSource, SpatialWeights weights)
    {
        var index = new Dictionary<string, int>(weights.Count);
        for (var i = 0; i < weights.Count; i++) index[weights.Ids[i]] = i;
        var x = new double[weights.Count];
        await using var cmd = dataSource.CreateCommand("SELECT kode, ST_X(titik_label), ST_Y(titik_label) FROM wilayah WHERE tingkat = 4");
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            if (!index.TryGetValue(reader.GetString(0), out var i)) continue;
            var lon = reader.GetDouble(1);
            var lat = reader.GetDouble(2);
            var noise = Hash((ulong)i) / (double)ulong.MaxValue;
            x[i] = 20 + 8 * Math.Sin(lon / 3) + 6 * Math.Cos(lat / 2) + 10 * noise;
        }
        return x;
    }

    // SplitMix64's finaliser: the same noise in every run (HashCode is seeded per process)
    private static ulong Hash(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
