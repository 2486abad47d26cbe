namespace Geo.Core.Indikator;

/// <summary>
/// The roll-up rule, stated once: the SQL roll-up gives the sums and <see cref="FromSums"/>
/// decides, and <see cref="Compute"/> lets tests compute the same from raw desa values. A mean of
/// desa percentages is never taken: it weighs a desa of 20 balita like one of 2,000. Percentage-only
/// values are combined only when every reporting desa has a weight (a sasaran count), and the
/// result is labelled <see cref="RollUpMethod.Weighted"/>.
/// </summary>
public static class RollUp
{
    public static RollUpResult Compute(IReadOnlyList<DesaValue?> desa, bool persen)
    {
        var reported = desa.Where(d => d is { Nilai: not null } || d is { Pembilang: not null }).Select(d => d!).ToList();
        var percentOnly = reported.Where(d => d.Pembilang is null).ToList();
        var weighted = percentOnly.Where(d => d.Bobot is > 0).ToList();
        var counted = reported.Where(d => d.Pembilang is not null).ToList();
        return FromSums(persen, desa.Count, reported.Count, percentOnly.Count, weighted.Count,
            counted.Sum(d => d.Pembilang!.Value), counted.Sum(d => d.Penyebut ?? 0),
            weighted.Sum(d => d.Nilai!.Value * d.Bobot!.Value), weighted.Sum(d => d.Bobot!.Value));
    }

    public static RollUpResult FromSums(bool persen, int jumlahDesa, int melapor, int hanyaPersen, int berbobot,
        double sumPembilang, double sumPenyebut, double sumNilaiKaliBobot, double sumBobot)
    {
        if (!persen)
        {
            return melapor == 0
                ? new(RollUpMethod.Sum, null, null, null, 0, jumlahDesa)
                : new(RollUpMethod.Sum, sumPembilang, sumPembilang, null, melapor, jumlahDesa);
        }
        if (melapor == 0) return new(RollUpMethod.Ratio, null, null, null, 0, jumlahDesa);
        if (hanyaPersen == 0)
        {
            return new(RollUpMethod.Ratio, sumPenyebut > 0 ? 100 * sumPembilang / sumPenyebut : null, sumPembilang, sumPenyebut, melapor, jumlahDesa);
        }
        if (hanyaPersen == melapor && berbobot == melapor && sumBobot > 0)
        {
            return new(RollUpMethod.Weighted, sumNilaiKaliBobot / sumBobot, null, null, melapor, jumlahDesa);
        }
        return new(RollUpMethod.Unavailable, null, null, null, melapor, jumlahDesa);
    }
}
