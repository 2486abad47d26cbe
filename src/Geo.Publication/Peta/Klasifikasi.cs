using Geo.Core.Indikator;
using Geo.Core.Text;

namespace Geo.Publication.Peta;

/// <summary>How values are put into classes: the web page's methods (web/src/classify.ts).</summary>
public enum MetodeKlasifikasi
{
    Who,
    Kuantil,
    Jenks,
    Interval,
    Target,
}

/// <summary>"naik": higher is better (coverage); "turun": higher is worse (prevalence); none: counts.</summary>
public enum Polaritas
{
    Tidak,
    Naik,
    Turun,
}

/// <summary>One unit as the classification sees it: its value (null: no data) and the target in force.</summary>
public readonly record struct UnitNilai(string Kode, double? Nilai, double? Target);

/// <summary>One row of the legend: a label, its colour (#rrggbb) and how many units it holds.</summary>
public sealed record KelasPeta(string Label, string Warna, int Jumlah);

/// <summary>
/// The colouring of a map: its classes in legend order, the class of every unit that has one (by
/// kode), and the hatched "no data" row. The same shape for values and for analysis layers.
/// </summary>
public sealed record Pewarnaan(
    IReadOnlyList<KelasPeta> Kelas,
    IReadOnlyDictionary<string, int> KelasUnit,
    string LabelTanpaData,
    int TanpaData,
    string Catatan);

/// <summary>
/// A port of web/src/classify.ts and palettes.ts, so that an image and the web page put the same
/// unit in the same class with the same colour: same bounds (rounded to one decimal), same rule
/// (a value belongs to the last class whose lower bound it reaches), same ColorBrewer ramps.
/// </summary>
public static class Klasifikasi
{
    public static readonly IReadOnlyDictionary<MetodeKlasifikasi, string> NamaMetode = new Dictionary<MetodeKlasifikasi, string>
    {
        [MetodeKlasifikasi.Who] = "Kelas prevalensi WHO",
        [MetodeKlasifikasi.Kuantil] = "Kuantil (jumlah desa sama)",
        [MetodeKlasifikasi.Jenks] = "Jeda alami (Jenks)",
        [MetodeKlasifikasi.Interval] = "Interval sama",
        [MetodeKlasifikasi.Target] = "Terhadap target",
    };

    /// <summary>WHO/UNICEF prevalence thresholds for stunting (de Onis et al. 2019), in percent.</summary>
    public static readonly double[] BatasWho = [2.5, 10, 20, 30];

    private static readonly string[] LabelWho =
        ["Sangat rendah (< 2,5%)", "Rendah (2,5–< 10%)", "Sedang (10–< 20%)", "Tinggi (20–< 30%)", "Sangat tinggi (≥ 30%)"];

    public static bool TryParseMetode(string? text, out MetodeKlasifikasi metode)
    {
        metode = default;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "who": metode = MetodeKlasifikasi.Who; return true;
            case "kuantil": metode = MetodeKlasifikasi.Kuantil; return true;
            case "jenks": metode = MetodeKlasifikasi.Jenks; return true;
            case "interval": metode = MetodeKlasifikasi.Interval; return true;
            case "target": metode = MetodeKlasifikasi.Target; return true;
            default: return false;
        }
    }

    /// <summary>The web page's default: WHO classes for stunting prevalence, quantiles for the rest.</summary>
    public static MetodeKlasifikasi Bawaan(string indikator) =>
        indikator == KodeIndikator.PrevalensiStunting ? MetodeKlasifikasi.Who : MetodeKlasifikasi.Kuantil;

    public static Polaritas ParsePolaritas(string? text) => text switch
    {
        "naik" => Polaritas.Naik,
        "turun" => Polaritas.Turun,
        _ => Polaritas.Tidak,
    };

    /// <summary>The legend's note on direction, as the web page's.</summary>
    public static string ArahPolaritas(Polaritas p) => p switch
    {
        Polaritas.Turun => "Makin tinggi makin buruk",
        Polaritas.Naik => "Makin rendah makin buruk",
        _ => "",
    };

    public static string FormatAngka(double v, int digits = 1) =>
        IndonesianNumber.ToText(v, digits <= 0 ? "#,0" : "#,0." + new string('#', digits));

    public static Pewarnaan Klasifikasikan(IReadOnlyList<UnitNilai> units, MetodeKlasifikasi metode, Polaritas polaritas,
        bool persen, int jumlahKelas = 5, string? catatanTambahan = null)
    {
        var kelasUnit = new Dictionary<string, int>(StringComparer.Ordinal);
        var catatan = string.Join(" · ", new[] { NamaMetode[metode], ArahPolaritas(polaritas), catatanTambahan ?? "" }.Where(s => s.Length > 0));
        if (metode == MetodeKlasifikasi.Target)
        {
            var jumlah = new int[2];
            var tanpa = 0;
            foreach (var u in units)
            {
                if (u.Nilai is not { } v || u.Target is not { } t) { tanpa++; continue; }
                var memenuhi = polaritas == Polaritas.Turun ? v <= t : v >= t;
                var i = memenuhi ? 1 : 0;
                jumlah[i]++;
                kelasUnit[u.Kode] = i;
            }
            return new Pewarnaan(
                [new("Belum memenuhi target", Palet.TargetBelum, jumlah[0]), new("Memenuhi target", Palet.TargetMemenuhi, jumlah[1])],
                kelasUnit, "Tanpa data atau target", tanpa, catatan);
        }

        var values = units.Where(u => u.Nilai is not null).Select(u => u.Nilai!.Value).Order().ToArray();
        var bounds = Batas(values, metode, jumlahKelas);
        var colours = Palet.Ramp(bounds.Length + 1, polaritas);
        var satuan = persen ? "%" : "";
        var counts = new int[colours.Length];
        var tanpaData = 0;
        foreach (var u in units)
        {
            if (u.Nilai is not { } v) { tanpaData++; continue; }
            var i = KelasOf(v, bounds);
            counts[i]++;
            kelasUnit[u.Kode] = i;
        }
        var kelas = new List<KelasPeta>(colours.Length);
        for (var i = 0; i < colours.Length; i++)
        {
            double? lo = i == 0 ? null : bounds[i - 1];
            double? hi = i < bounds.Length ? bounds[i] : null;
            string label;
            if (metode == MetodeKlasifikasi.Who) label = LabelWho[i];
            else if (lo is null && hi is null) label = values.Length > 0 ? $"Semua {FormatAngka(values[0])}{satuan}" : "–";
            else if (lo is null) label = $"< {FormatAngka(hi!.Value)}{satuan}";
            else if (hi is null) label = $"≥ {FormatAngka(lo.Value)}{satuan}";
            else label = $"{FormatAngka(lo.Value)}–< {FormatAngka(hi.Value)}{satuan}";
            kelas.Add(new KelasPeta(label, colours[i], counts[i]));
        }
        return new Pewarnaan(kelas, kelasUnit, "Tanpa data", tanpaData, catatan);
    }

    public static int KelasOf(double v, IReadOnlyList<double> bounds)
    {
        var i = 0;
        while (i < bounds.Count && v >= bounds[i]) i++;
        return i;
    }

    /// <summary>Ascending, distinct class bounds (the lower bound of every class but the first).</summary>
    public static double[] Batas(IReadOnlyList<double> sorted, MetodeKlasifikasi metode, int jumlahKelas = 5)
    {
        if (metode == MetodeKlasifikasi.Who) return [.. BatasWho];
        var n = Math.Min(7, Math.Max(3, jumlahKelas));
        if (sorted.Count == 0) return [];
        var min = sorted[0];
        var max = sorted[^1];
        if (min == max) return [];
        double[] raw;
        switch (metode)
        {
            case MetodeKlasifikasi.Kuantil:
                raw = Enumerable.Range(0, n - 1).Select(i => QuantileSorted(sorted, (double)(i + 1) / n)).ToArray();
                break;
            case MetodeKlasifikasi.Jenks:
                // ckmeans is the optimal 1-D k-means (Wang & Song 2011): Jenks' objective, solved exactly.
                var groups = Ckmeans(sorted, Math.Min(n, sorted.Distinct().Count()));
                raw = groups.Skip(1).Select(g => sorted[g]).ToArray();
                break;
            case MetodeKlasifikasi.Interval:
                raw = Enumerable.Range(0, n - 1).Select(i => min + (max - min) * (i + 1) / n).ToArray();
                break;
            default:
                raw = [];
                break;
        }
        // Rounded for a readable legend; a bound equal to the minimum would leave the first class empty.
        // Math.Round(x, MidpointRounding.AwayFromZero) differs from JS Math.round only for negative halves.
        return raw.Select(b => Math.Floor(b * 10 + 0.5) / 10).Where(b => b > min).Distinct().Order().ToArray();
    }

    /// <summary>simple-statistics' quantileSorted: numpy's linear method (type 7).</summary>
    public static double QuantileSorted(IReadOnlyList<double> x, double p)
    {
        if (p >= 1) return x[^1];
        if (p <= 0) return x[0];
        var idx = (x.Count - 1) * p;
        var lower = (int)Math.Floor(idx);
        var upper = (int)Math.Ceiling(idx);
        return lower == upper ? x[lower] : x[lower] + (idx - lower) * (x[upper] - x[lower]);
    }

    /// <summary>
    /// simple-statistics' ckmeans (Wang and Song 2011, optimal univariate k-means) on sorted data:
    /// the index where each cluster starts.
    /// </summary>
    public static int[] Ckmeans(IReadOnlyList<double> sorted, int nClusters)
    {
        var nValues = sorted.Count;
        if (nClusters <= 1 || nValues == 0) return [0];
        var matrix = new double[nClusters][];
        var backtrack = new int[nClusters][];
        for (var c = 0; c < nClusters; c++) { matrix[c] = new double[nValues]; backtrack[c] = new int[nValues]; }

        var shift = sorted[nValues / 2];
        var sums = new double[nValues];
        var squares = new double[nValues];
        for (var i = 0; i < nValues; i++)
        {
            var s = sorted[i] - shift;
            sums[i] = i == 0 ? s : sums[i - 1] + s;
            squares[i] = i == 0 ? s * s : squares[i - 1] + s * s;
            matrix[0][i] = Ssq(0, i, sums, squares);
            backtrack[0][i] = 0;
        }
        for (var cluster = 1; cluster < nClusters; cluster++)
        {
            var iMin = cluster < nClusters - 1 ? cluster : nValues - 1;
            FillColumn(iMin, nValues - 1, cluster, matrix, backtrack, sums, squares);
        }

        var starts = new int[nClusters];
        var right = nValues - 1;
        for (var cluster = nClusters - 1; cluster >= 0; cluster--)
        {
            var left = backtrack[cluster][right];
            starts[cluster] = left;
            if (cluster > 0) right = left - 1;
        }
        return starts;
    }

    private static double Ssq(int j, int i, double[] sums, double[] squares)
    {
        double sji;
        if (j > 0)
        {
            var mu = (sums[i] - sums[j - 1]) / (i - j + 1);
            sji = squares[i] - squares[j - 1] - (i - j + 1) * mu * mu;
        }
        else
        {
            sji = squares[i] - sums[i] * sums[i] / (i + 1);
        }
        return sji < 0 ? 0 : sji;
    }

    private static void FillColumn(int iMin, int iMax, int cluster, double[][] matrix, int[][] backtrack, double[] sums, double[] squares)
    {
        if (iMin > iMax) return;
        var i = (iMin + iMax) / 2;
        matrix[cluster][i] = matrix[cluster - 1][i - 1];
        backtrack[cluster][i] = i;
        var jlow = cluster;
        if (iMin > cluster) jlow = Math.Max(jlow, backtrack[cluster][iMin - 1]);
        jlow = Math.Max(jlow, backtrack[cluster - 1][i]);
        var jhigh = i - 1;
        if (iMax < matrix[0].Length - 1) jhigh = Math.Min(jhigh, backtrack[cluster][iMax + 1]);
        for (var j = jhigh; j >= jlow; --j)
        {
            var sji = Ssq(j, i, sums, squares);
            if (sji + matrix[cluster - 1][jlow - 1] >= matrix[cluster][i]) break;
            var ssqjlow = Ssq(jlow, i, sums, squares) + matrix[cluster - 1][jlow - 1];
            if (ssqjlow < matrix[cluster][i])
            {
                matrix[cluster][i] = ssqjlow;
                backtrack[cluster][i] = jlow;
            }
            jlow++;
            var ssqj = sji + matrix[cluster - 1][j - 1];
            if (ssqj < matrix[cluster][i])
            {
                matrix[cluster][i] = ssqj;
                backtrack[cluster][i] = j;
            }
        }
        FillColumn(iMin, i - 1, cluster, matrix, backtrack, sums, squares);
        FillColumn(i + 1, iMax, cluster, matrix, backtrack, sums, squares);
    }
}

/// <summary>
/// The web page's colours (web/src/palettes.ts, analisis.ts). Ramps from ColorBrewer 2.0
/// (colorbrewer2.org), by Cynthia A. Brewer, Pennsylvania State University; Apache License 2.0.
/// </summary>
public static class Palet
{
    /// <summary>YlOrRd (sequential), 3 to 7 classes: light = good, dark red = bad.</summary>
    public static readonly IReadOnlyDictionary<int, string[]> YlOrRd = new Dictionary<int, string[]>
    {
        [3] = ["#ffeda0", "#feb24c", "#f03b20"],
        [4] = ["#ffffb2", "#fecc5c", "#fd8d3c", "#e31a1c"],
        [5] = ["#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"],
        [6] = ["#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#f03b20", "#bd0026"],
        [7] = ["#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c", "#b10026"],
    };

    /// <summary>Blues (sequential), for indicators without a polarity (counts of sasaran).</summary>
    public static readonly IReadOnlyDictionary<int, string[]> Blues = new Dictionary<int, string[]>
    {
        [3] = ["#deebf7", "#9ecae1", "#3182bd"],
        [4] = ["#eff3ff", "#bdd7e7", "#6baed6", "#2171b5"],
        [5] = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"],
        [6] = ["#eff3ff", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"],
        [7] = ["#eff3ff", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#084594"],
    };

    public const string TargetBelum = "#d7191c";
    public const string TargetMemenuhi = "#2c7bb6";

    /// <summary>Units without data: grey under a hatch, so they never read as a class.</summary>
    public const string TanpaData = "#d9d9d9";

    /// <summary>The ramp for n classes from low to high values, so that the bad end is always dark red.</summary>
    public static string[] Ramp(int n, Polaritas polaritas)
    {
        var k = Math.Min(7, Math.Max(3, n));
        var colours = (polaritas == Polaritas.Tidak ? Blues[k] : YlOrRd[k]).ToArray();
        if (polaritas == Polaritas.Naik) Array.Reverse(colours);
        if (n < 3) colours = polaritas == Polaritas.Naik ? colours[(k - n)..] : colours[..n];
        return colours[..Math.Min(n, colours.Length)];
    }
}
