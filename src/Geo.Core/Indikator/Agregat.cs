namespace Geo.Core.Indikator;

public enum MetodeAgregat
{
    /// <summary>Σpembilang / Σpenyebut over the desa that reported counts.</summary>
    Rasio,
    /// <summary>Σ of counts, for count indicators (sasaran, data dukung).</summary>
    Jumlah,
    /// <summary>Percentages weighted by a sasaran count: labelled, since it is an estimate.</summary>
    Tertimbang,
    /// <summary>Some desa gave only a percentage and no weight exists: no honest roll-up.</summary>
    TidakTersedia,
}

/// <summary>One desa's contribution: counts when it has them, a percentage-only value otherwise, and a weight if one is known.</summary>
public sealed record NilaiDesa(double? Pembilang, double? Penyebut, double? Nilai, double? Bobot = null);

public sealed record HasilAgregat(MetodeAgregat Metode, double? Nilai, double? Pembilang, double? Penyebut, int Melapor, int JumlahDesa);

/// <summary>
/// The roll-up rule, stated once: the SQL roll-up gives the sums and <see cref="DariJumlah"/>
/// decides, and <see cref="Hitung"/> lets tests compute the same from raw desa values. A mean of
/// desa percentages is never taken: it weighs a desa of 20 balita like one of 2,000. Percentage-only
/// values are combined only when every reporting desa has a weight (a sasaran count), and the
/// result is labelled <see cref="MetodeAgregat.Tertimbang"/>.
/// </summary>
public static class Agregat
{
    public static HasilAgregat Hitung(IReadOnlyList<NilaiDesa?> desa, bool persen)
    {
        var reported = desa.Where(d => d is { Nilai: not null } || d is { Pembilang: not null }).Select(d => d!).ToList();
        var percentOnly = reported.Where(d => d.Pembilang is null).ToList();
        var weighted = percentOnly.Where(d => d.Bobot is > 0).ToList();
        var counted = reported.Where(d => d.Pembilang is not null).ToList();
        return DariJumlah(persen, desa.Count, reported.Count, percentOnly.Count, weighted.Count,
            counted.Sum(d => d.Pembilang!.Value), counted.Sum(d => d.Penyebut ?? 0),
            weighted.Sum(d => d.Nilai!.Value * d.Bobot!.Value), weighted.Sum(d => d.Bobot!.Value));
    }

    public static HasilAgregat DariJumlah(bool persen, int jumlahDesa, int melapor, int hanyaPersen, int berbobot,
        double sumPembilang, double sumPenyebut, double sumNilaiKaliBobot, double sumBobot)
    {
        if (!persen)
        {
            return melapor == 0
                ? new(MetodeAgregat.Jumlah, null, null, null, 0, jumlahDesa)
                : new(MetodeAgregat.Jumlah, sumPembilang, sumPembilang, null, melapor, jumlahDesa);
        }
        if (melapor == 0) return new(MetodeAgregat.Rasio, null, null, null, 0, jumlahDesa);
        if (hanyaPersen == 0)
        {
            return new(MetodeAgregat.Rasio, sumPenyebut > 0 ? 100 * sumPembilang / sumPenyebut : null, sumPembilang, sumPenyebut, melapor, jumlahDesa);
        }
        if (hanyaPersen == melapor && berbobot == melapor && sumBobot > 0)
        {
            return new(MetodeAgregat.Tertimbang, sumNilaiKaliBobot / sumBobot, null, null, melapor, jumlahDesa);
        }
        return new(MetodeAgregat.TidakTersedia, null, null, null, melapor, jumlahDesa);
    }
}
