namespace Geo.Core.Indikator;

/// <summary>The checks every incoming value passes, whatever file layout it came from.</summary>
public static class IncomingValue
{
    /// <summary>Half a unit in the second decimal: what a printed percentage may differ from its counts by rounding.</summary>
    private const double PrintedTolerance = 0.051;

    /// <summary>Null when there is nothing to store (all cells empty); otherwise a clean value or the reason for refusal.</summary>
    public static (CleanValue? Nilai, string? Alasan) Check(bool persen, double? pembilang, double? penyebut, double? nilai)
    {
        if (pembilang is null && penyebut is null && nilai is null) return (null, null);
        // Readers give only finite numbers; this keeps any other path from storing one that is not.
        if (new[] { pembilang, penyebut, nilai }.Any(v => v is { } x && !double.IsFinite(x))) return (null, "bukan bilangan terhingga (NaN atau tak hingga)");
        if (pembilang < 0 || penyebut < 0) return (null, $"hitungan negatif ({Show(pembilang < 0 ? pembilang : penyebut)})");

        if (!persen)
        {
            if (penyebut is not null) return (null, "indikator jumlah tidak memakai penyebut");
            var count = pembilang ?? nilai;
            if (count < 0) return (null, $"hitungan negatif ({Show(count)})");
            if (pembilang is not null && nilai is not null && Math.Abs(pembilang.Value - nilai.Value) > 1e-9)
            {
                return (null, $"nilai {Show(nilai)} tidak sama dengan pembilang {Show(pembilang)}");
            }
            return (new CleanValue(count, null, count, false), null);
        }

        if (nilai is < 0 or > 100) return (null, $"persentase {Show(nilai)} di luar 0-100");
        if (pembilang is null != penyebut is null) return (null, "pembilang dan penyebut harus diisi keduanya");
        if (pembilang is null) return (new CleanValue(null, null, nilai, true), null);
        if (pembilang > penyebut) return (null, $"pembilang {Show(pembilang)} lebih besar dari penyebut {Show(penyebut)}");

        // Divided first: 100 × a count near the top of a double's range would overflow.
        double? computed = penyebut > 0 ? 100 * (pembilang!.Value / penyebut!.Value) : null;
        if (nilai is not null && (computed is null || Math.Abs(computed.Value - nilai.Value) > PrintedTolerance))
        {
            return (null, $"nilai {Show(nilai)} tidak sesuai dengan pembilang/penyebut ({Show(computed)})");
        }
        return (new CleanValue(pembilang, penyebut, computed, false), null);
    }

    private static string Show(double? v) => v is { } x ? x.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) : "-";
}
