using MathNet.Numerics.Distributions;

namespace Geo.Core.Sintetis;

/// <summary>
/// Synthetic sasaran counts and coverage per desa for demos. Sizes follow a log-normal
/// population with the usual shares of each target group; coverage sits around (for
/// higher-is-better, a little under) the national target, moved by a shared spatial field (good
/// and poor service areas) and one of its own per indicator; numerators are binomial draws on
/// the denominators, so small desa scatter more, as they do in real data.
/// </summary>
public static class DemoCakupan
{
    // Share of the population in each sasaran group, from typical Indonesian age structure.
    private static readonly (string Kode, double Share)[] SasaranShares =
    [
        ("S02", 1 / 3.6), ("S03", 0.085), ("S04", 0.018), ("S05", 0.017), ("S06", 0.009), ("S07", 0.0027),
        ("S08", 0.009), ("S09", 0.027), ("S10", 0.054), ("S11", 0.008), ("S12", 0.0006), ("S13", 0.0025),
        ("S14", 0.0009), ("S15", 0.0035), ("S16", 0.30),
    ];

    public static IReadOnlyList<NilaiSintetis> Generate(IReadOnlyList<DesaPoint> desa, IReadOnlyList<DemoIndicator> indikator, int seed)
    {
        var random = new Random(seed);
        var bandwidth = SpatialField.SuggestedBandwidthKm(desa);
        var result = new List<NilaiSintetis>();

        var sizeField = SpatialField.Generate(desa, random, bandwidth);
        var sasaran = new Dictionary<(string Desa, string Kode), double>();
        for (var i = 0; i < desa.Count; i++)
        {
            var penduduk = Math.Round(Math.Exp(Math.Log(5000) + 0.35 * sizeField[i] + Normal.Sample(random, 0, 0.35)));
            sasaran[(desa[i].Kode, "S01")] = penduduk;
            foreach (var (kode, share) in SasaranShares)
            {
                sasaran[(desa[i].Kode, kode)] = Poisson.Sample(random, penduduk * share);
            }
        }
        result.AddRange(sasaran.Select(s => new NilaiSintetis(s.Key.Desa, s.Key.Kode, s.Value, null)));

        var shared = SpatialField.Generate(desa, random, bandwidth);
        foreach (var ind in indikator)
        {
            var own = SpatialField.Generate(desa, random, bandwidth);
            var target = (ind.Target ?? 80) / 100;
            var centre = ind.NaikLebihBaik ? Math.Clamp(target * 0.85, 0.15, 0.93) : Math.Clamp(target * 1.25, 0.02, 0.6);
            var direction = ind.NaikLebihBaik ? 1 : -1;
            for (var i = 0; i < desa.Count; i++)
            {
                var penyebut = ind.PenyebutSasaran.Sum(k => sasaran.GetValueOrDefault((desa[i].Kode, k)));
                if (penyebut <= 0) penyebut = Math.Max(1, Math.Round(sasaran[(desa[i].Kode, "S02")] * 0.2));
                var logit = Math.Log(centre / (1 - centre)) + direction * (0.55 * shared[i] + 0.35 * own[i]);
                var p = 1 / (1 + Math.Exp(-logit));
                result.Add(new NilaiSintetis(desa[i].Kode, ind.Kode, Binomial.Sample(random, p, (int)penyebut), penyebut));
            }
        }
        return result;
    }
}
