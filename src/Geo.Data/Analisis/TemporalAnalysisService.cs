using Geo.Core.Akun;
using Geo.Core.Analisis;
using Geo.Core.Errors;
using Geo.Core.Statistics;
using Geo.Core.Wilayah;
using Geo.Data.Indikator;
using Geo.Data.Statistics;

namespace Geo.Data.Analisis;

/// <summary>The change of one unit from the first period to the last.</summary>
/// <param name="Selisih">Last minus first, in the indicator's unit (percentage points for a percentage).</param>
/// <param name="Z">Pooled two-proportion z on the counts; null when either period lacks counts.</param>
/// <param name="Arah">membaik / memburuk / tetap by the indicator's polarity at alpha; null without a test or a polarity.</param>
public sealed record ChangeItem(double? NilaiAwal, double? NilaiAkhir, double? Selisih, double? Z, double? P, string? Arah, string? Catatan);

/// <summary>Mann-Kendall over the periods with a value, and Sen's slope per year.</summary>
public sealed record TrendItem(int N, double S, double VarS, double? Tau, double Z, double P, double? SenPerTahun, string? Arah);

/// <summary>The desa's emerging hot spot pattern, with its Gi* z and spot (+1 hot, -1 cold, 0) per period.</summary>
public sealed record HotSpotItem(string Pola, IReadOnlyList<double?> Z, IReadOnlyList<double?> P, IReadOnlyList<int> Titik, double TrenS, double TrenP);

public sealed record TemporalUnit(
    string Kode, string Nama, IReadOnlyList<double?> Nilai, IReadOnlyList<double?> Pembilang, IReadOnlyList<double?> Penyebut,
    ChangeItem Perubahan, TrendItem? Tren, HotSpotItem? TitikPanas);

/// <summary>A roll-up (the area itself, its kecamatan): Σpembilang/Σpenyebut per period, its change and trend.</summary>
public sealed record TemporalArea(string Kode, string Nama, string Tingkat, IReadOnlyList<double?> Nilai, ChangeItem Perubahan, TrendItem? Tren);

public sealed record TemporalResult(
    string Wilayah, string Tingkat, string Indikator, string NamaIndikator, string? Polaritas, IReadOnlyList<string> Periode,
    object Parameter, IReadOnlyDictionary<string, string> Metode, string Tampilan, string? Peringatan, bool Sintetis,
    IReadOnlyDictionary<string, int> JumlahPerArah, IReadOnlyDictionary<string, int> JumlahPerPola,
    IReadOnlyList<TemporalArea> Agregat, IReadOnlyList<TemporalUnit> Unit,
    IReadOnlyList<string> TanpaDeretLengkap, string? TitikPanasTidakTersedia)
{
    /// <summary>The stored run (tiles /tiles/analisis/{id}, OGC analisis-{id}) when the result was stored; null from the CLI.</summary>
    public long? Analisis { get; init; }
}

/// <summary>
/// Analysis over time of one area: per unit (desa or kecamatan) and per roll-up, the change between
/// the first and last period, the Mann-Kendall trend with Sen's slope, and emerging hot spots.
/// Computed on each request from the values the caller may see (nothing is stored): reads are
/// the same caller- and view-aware queries as <see cref="SituationAnalysisService"/>'s.
/// </summary>
public sealed class TemporalAnalysisService(NilaiQueries nilai, IndikatorCatalog catalog, SpatialWeightsBuilder weightsBuilder, WeightsCache? weightsCache = null)
{
    /// <summary>Fewer values than this and the Mann-Kendall trend of a unit is not reported.</summary>
    public const int MinTrendValues = 3;

    public static readonly IReadOnlyDictionary<string, string> Methods = new Dictionary<string, string>
    {
        ["perubahan"] = "selisih periode terakhir dikurangi periode pertama; uji z dua proporsi (varians gabungan, tanpa koreksi kontinuitas, seperti prop.test R) pada pembilang/penyebut; arah menurut polaritas indikator pada alpha",
        ["tren"] = "Mann-Kendall (S, Var S dengan koreksi nilai kembar, tau-b, z dengan koreksi kontinuitas, p dua sisi pendekatan normal) atas periode yang bernilai; kemiringan Sen per tahun",
        ["titik_panas"] = "Emerging Hot Spot Analysis seperti ArcGIS Pro: Gi* per sel ruang-waktu (tetangga spasial dan diri sendiri pada periode ini dan 'jendela' periode sebelumnya, bobot biner), sel signifikan menurut p-semu permutasi bersyarat (atau p normal bila permutasi=0), Mann-Kendall atas deret z tiap desa, lalu pola baru/berturut/menguat/menetap/melemah/sporadis/berosilasi/historis; hanya unit dengan nilai di semua periode",
    };

    public Task<TemporalResult> RunAsync(Caller caller, TemporalRequest request, CancellationToken ct = default) => RunAsync(caller, request, null, ct);

    /// <param name="dataVersion">The data versions the values are read at (a stored run's); the spatial weights then come from the cache.</param>
    public async Task<TemporalResult> RunAsync(Caller caller, TemporalRequest request, string? dataVersion, CancellationToken ct)
    {
        var dasar = request.Dasar;
        SituationAnalysisService.EnsureAllowed(caller, dasar);
        var info = await catalog.FindAsync(dasar.Indikator, ct) ?? throw GeoException.NotFound($"indikator '{dasar.Indikator}' tidak dikenal");
        bool? higherIsBetter = info.Polaritas switch { "naik" => true, "turun" => false, _ => null };

        var periods = request.Periode;
        var t = periods.Count;
        var areaLevels = new[] { request.Wilayah.Tingkat, Tingkat.Kecamatan }.Distinct().ToArray();
        // Each period's values and roll-ups are separate reads: all of them at once, kept in period order.
        var read = new (Dictionary<string, (string Nama, double? Nilai, double? Pembilang, double? Penyebut, bool Sintetis)> Units,
            Dictionary<string, (string Nama, double? Nilai, double? Pembilang, double? Penyebut, bool Sintetis)> Areas)[t];
        await Parallel.ForEachAsync(Enumerable.Range(0, t), new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount), CancellationToken = ct },
            async (k, token) =>
            {
                var periode = periods[k];
                var desa = dasar.Tingkat == Tingkat.Desa
                    ? nilai.ValuesAsync(caller, request.Wilayah, Tingkat.Desa, dasar.Indikator, periode, dasar.Tampilan, token)
                    : null;
                var rollUps = nilai.RollUpAsync(caller, request.Wilayah, areaLevels, dasar.Indikator, periode, dasar.Tampilan, token);
                var units = new Dictionary<string, (string, double?, double?, double?, bool)>(StringComparer.Ordinal);
                foreach (var r in desa is null ? [] : await desa)
                {
                    units[r.Kode] = (r.Nama, r.Nilai, r.HanyaPersen ? null : r.Pembilang, r.HanyaPersen ? null : r.Penyebut, r.Sintetis);
                }
                var areas = new Dictionary<string, (string, double?, double?, double?, bool)>(StringComparer.Ordinal);
                foreach (var r in await rollUps)
                {
                    var row = (r.Nama, r.Agregat.Nilai, r.Agregat.Pembilang, r.Agregat.Penyebut, r.Sintetis);
                    if (r.Kode == request.Wilayah.Value || (dasar.Tingkat == Tingkat.Desa && r.Kode.Length == 8)) areas[r.Kode] = row;
                    if (dasar.Tingkat == Tingkat.Kecamatan && r.Kode.Length == 8) units[r.Kode] = row;
                }
                read[k] = (units, areas);
            });
        var unitRows = read.Select(r => r.Units).ToList();
        var areaRows = read.Select(r => r.Areas).ToList();

        var codes = unitRows.SelectMany(u => u.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        if (codes.Count == 0) throw GeoException.NotFound($"tidak ada wilayah tingkat {dasar.Tingkat.ToName()} di bawah {request.Wilayah}");
        if (unitRows.All(u => u.Values.All(v => v.Nilai is null)))
        {
            throw GeoException.NotFound($"tidak ada nilai {dasar.Indikator} pada periode {string.Join(", ", periods)} di {request.Wilayah}");
        }
        var synthetic = unitRows.Any(u => u.Values.Any(v => v.Sintetis)) || areaRows.Any(a => a.Values.Any(v => v.Sintetis));
        var years = periods.Select(p => p.TahunDesimal).ToArray();

        // Emerging hot spots on the units with a value in every period, in the weights' order.
        var weights = weightsCache is null || dataVersion is null
            ? await weightsBuilder.BuildAsync(WilayahScope.Within(request.Wilayah), dasar.Tingkat, dasar.Bobot, ct)
            : await weightsCache.GetAsync(request.Wilayah, dasar.Tingkat, dasar.Bobot, SituationAnalysisService.WilayahPart(dataVersion),
                () => weightsBuilder.BuildAsync(WilayahScope.Within(request.Wilayah), dasar.Tingkat, dasar.Bobot, ct));
        var complete = Enumerable.Range(0, weights.Count)
            .Where(i => unitRows.All(u => u.TryGetValue(weights.Ids[i], out var v) && v.Nilai is { } x && double.IsFinite(x)))
            .ToList();
        var hotSpots = new Dictionary<string, HotSpotItem>(StringComparer.Ordinal);
        string? hotSpotProblem = null;
        if (complete.Count < 3)
        {
            hotSpotProblem = $"hanya {complete.Count} unit bernilai di semua periode; titik panas memerlukan paling sedikit 3";
        }
        else
        {
            var sub = weights.Subset(complete);
            var values = Enumerable.Range(0, t).Select(p => (IReadOnlyList<double>)complete.Select(i => unitRows[p][weights.Ids[i]].Nilai!.Value).ToArray()).ToArray();
            if (values.SelectMany(v => v).Distinct().Count() < 2)
            {
                hotSpotProblem = "semua nilai sama: tidak ada titik panas atau dingin";
            }
            else
            {
                var ehsa = EmergingHotSpots.Compute(values, sub, periods.Select(p => p.Value).ToArray(), new EmergingHotSpotOptions
                {
                    TimeWindow = request.Jendela,
                    Alpha = dasar.Alpha,
                    FalseDiscoveryRate = dasar.Fdr,
                    Permutations = new PermutationOptions { Permutations = dasar.Permutasi, Seed = dasar.Seed },
                });
                for (var k = 0; k < complete.Count; k++)
                {
                    hotSpots[sub.Ids[k]] = new HotSpotItem(ehsa.Pattern[k],
                        Enumerable.Range(0, t).Select(p => Finite(ehsa.Z[p][k])).ToArray(),
                        Enumerable.Range(0, t).Select(p => Finite(ehsa.P[p][k])).ToArray(),
                        Enumerable.Range(0, t).Select(p => ehsa.Spot[p][k]).ToArray(),
                        ehsa.Trend[k].S, ehsa.Trend[k].P);
                }
            }
        }

        var unitsOut = codes.Select(kode =>
        {
            var series = unitRows.Select(u => u.TryGetValue(kode, out var v) ? v : default).ToArray();
            var nama = series.Select(s => s.Nama).FirstOrDefault(n => n is not null) ?? kode;
            return new TemporalUnit(kode, nama,
                series.Select(s => s.Nilai).ToArray(), series.Select(s => s.Pembilang).ToArray(), series.Select(s => s.Penyebut).ToArray(),
                Change(series[0], series[^1], higherIsBetter, dasar.Alpha),
                Trend(years, series.Select(s => s.Nilai).ToArray(), higherIsBetter, dasar.Alpha),
                hotSpots.GetValueOrDefault(kode));
        }).ToList();

        var areaCodes = areaRows.SelectMany(a => a.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var areasOut = areaCodes.Select(kode =>
        {
            var series = areaRows.Select(a => a.TryGetValue(kode, out var v) ? v : default).ToArray();
            var nama = series.Select(s => s.Nama).FirstOrDefault(n => n is not null) ?? kode;
            return new TemporalArea(kode, nama, KodeWilayah.Parse(kode).Tingkat.ToName(), series.Select(s => s.Nilai).ToArray(),
                Change(series[0], series[^1], higherIsBetter, dasar.Alpha),
                Trend(years, series.Select(s => s.Nilai).ToArray(), higherIsBetter, dasar.Alpha));
        }).ToList();

        var directions = new[] { ChangeDirection.Membaik, ChangeDirection.Memburuk, ChangeDirection.Tetap };
        return new TemporalResult(
            request.Wilayah.Value, dasar.Tingkat.ToName(), info.Kode, info.Nama, info.Polaritas, periods.Select(p => p.Value).ToList(),
            request.Parameters(), Methods, dasar.Tampilan.ToName(),
            dasar.Tampilan == Tampilan.Draf ? TampilanAkses.PeringatanDraf : null, synthetic,
            directions.ToDictionary(d => d, d => unitsOut.Count(u => u.Perubahan.Arah == d)),
            hotSpots.Count == 0 ? new Dictionary<string, int>() : EmergingPattern.All.ToDictionary(p => p, p => hotSpots.Values.Count(h => h.Pola == p)),
            areasOut, unitsOut,
            codes.Where(k => !hotSpots.ContainsKey(k)).ToList(),
            hotSpotProblem);
    }

    private static double? Finite(double v) => double.IsFinite(v) ? v : null;

    private static ChangeItem Change(
        (string Nama, double? Nilai, double? Pembilang, double? Penyebut, bool Sintetis) first,
        (string Nama, double? Nilai, double? Pembilang, double? Penyebut, bool Sintetis) last,
        bool? higherIsBetter, double alpha)
    {
        if (first.Nilai is not { } before || last.Nilai is not { } after)
        {
            return new ChangeItem(first.Nilai, last.Nilai, null, null, null, null, "tidak ada nilai di periode pertama atau terakhir");
        }
        var difference = after - before;
        if (first.Pembilang is not { } x1 || first.Penyebut is not { } n1 || last.Pembilang is not { } x2 || last.Penyebut is not { } n2
            || !(n1 > 0 && n2 > 0) || x1 > n1 || x2 > n2 || x1 < 0 || x2 < 0)
        {
            return new ChangeItem(before, after, difference, null, null, null, "tanpa pembilang/penyebut di kedua periode: selisih tidak dapat diuji");
        }
        var test = TwoProportionTest.Compute(x1, n1, x2, n2);
        var arah = higherIsBetter is { } better ? ChangeDirection.Judge(test.Difference, test.P, alpha, better) : null;
        return new ChangeItem(before, after, difference, test.Z, test.P, arah, higherIsBetter is null ? "indikator tanpa polaritas: arah tidak dinilai" : null);
    }

    private static TrendItem? Trend(double[] years, double?[] values, bool? higherIsBetter, double alpha)
    {
        var present = Enumerable.Range(0, values.Length).Where(i => values[i] is { } v && double.IsFinite(v)).ToArray();
        if (present.Length < MinTrendValues) return null;
        var x = present.Select(i => values[i]!.Value).ToArray();
        var mk = MannKendall.Compute(x);
        var sen = SenSlope.Compute(present.Select(i => years[i]).ToArray(), x);
        var arah = higherIsBetter is { } better ? ChangeDirection.Judge(mk.S, mk.P, alpha, better) : null;
        return new TrendItem(mk.N, mk.S, mk.VarianceS, double.IsNaN(mk.Tau) ? null : mk.Tau, mk.Z, mk.P, double.IsNaN(sen) ? null : sen, arah);
    }
}
