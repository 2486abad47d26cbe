using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Geo.Core.Akun;
using Geo.Core.Analisis;
using Geo.Core.Errors;
using Geo.Core.Indikator;
using Geo.Core.Wilayah;
using Geo.Data.Indikator;

namespace Geo.Data.Analisis;

/// <summary>Reads the outcome, coverage and targets of an analysis through the indicator queries.</summary>
public sealed class AnalysisInputLoader(NilaiQueries nilai, IndikatorCatalog catalog)
{
    private sealed record UnitValue(string Kode, string Nama, double? Value, double? Numerator, double? Denominator, bool Synthetic, string? Source,
        bool PercentOnly = false);

    public async Task<AnalysisInput> LoadAsync(Caller caller, AnalysisRequest request, CancellationToken ct = default)
    {
        var outcomeInfo = await catalog.FindAsync(request.Indikator, ct)
            ?? throw GeoException.NotFound($"indikator '{request.Indikator}' tidak dikenal");
        var coverageInfo = (await CoverageIndicatorsAsync(request, ct)).ToList();
        var all = await UnitValuesAsync(caller, request, [request.Indikator, .. coverageInfo.Select(i => i.Kode)], ct);
        var outcome = all[request.Indikator];
        if (outcome.Count == 0)
        {
            throw GeoException.NotFound($"tidak ada wilayah tingkat {request.Tingkat.ToName()} di bawah {request.Wilayah}");
        }
        if (outcome.All(u => u.Value is null))
        {
            throw GeoException.NotFound($"tidak ada nilai {request.Indikator} periode {request.Periode} di {request.Wilayah}");
        }

        var fingerprint = new StringBuilder();
        Append(fingerprint, request.Indikator, outcome);

        var indicators = new List<CoverageIndicator>();
        var coverage = outcome.ToDictionary(u => u.Kode, _ => new Dictionary<string, double?>(), StringComparer.Ordinal);
        var denominators = outcome.ToDictionary(u => u.Kode, _ => new Dictionary<string, double>(), StringComparer.Ordinal);
        var synthetic = outcome.Any(u => u.Synthetic);
        foreach (var info in coverageInfo)
        {
            var values = all[info.Kode];
            if (values.All(v => v.Value is null)) continue;
            var target = await catalog.TargetAsync(info.Kode, request.Wilayah.Value, request.Periode.Tahun, ct);
            indicators.Add(new CoverageIndicator(info.Kode, info.Nama, info.Polaritas == "naik", target?.Nilai));
            synthetic |= values.Any(v => v.Synthetic);
            Append(fingerprint, info.Kode + "@" + target?.Nilai.ToString("R", CultureInfo.InvariantCulture), values);
            foreach (var v in values)
            {
                coverage[v.Kode][info.Kode] = v.Value;
                if (v.Denominator is { } d) denominators[v.Kode][info.Kode] = d;
            }
        }

        var units = outcome.Select(u => new AnalysisUnit(
            u.Kode, u.Nama, u.Value, u.Numerator, u.Denominator, coverage[u.Kode], denominators[u.Kode])).ToList();
        var outcomeTarget = (await catalog.TargetAsync(outcomeInfo.Kode, request.Wilayah.Value, request.Periode.Tahun, ct))?.Nilai;
        var persen = coverageInfo.ToDictionary(i => i.Kode, i => i.Persen, StringComparer.Ordinal);
        var (areaCoverage, areaNames) = await AreaCoverageAsync(caller, request, indicators, persen, all, ct);

        return new AnalysisInput(units, indicators, outcomeTarget, outcomeInfo.Persen, areaCoverage, areaNames, synthetic,
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fingerprint.ToString()))));
    }

    private async Task<IEnumerable<IndikatorInfo>> CoverageIndicatorsAsync(AnalysisRequest request, CancellationToken ct)
    {
        var all = await catalog.ListAsync(ct);
        if (request.Cakupan is null) return all.Where(i => i.Kelompok == "layanan" && i.Polaritas is not null);

        var byCode = all.ToDictionary(i => i.Kode, StringComparer.Ordinal);
        var unknown = request.Cakupan.Where(k => !byCode.ContainsKey(k)).ToList();
        if (unknown.Count > 0) throw GeoException.NotFound($"indikator cakupan tidak dikenal: {Listed(unknown)}");
        var countsOnly = request.Cakupan.Where(k => byCode[k].Polaritas is null).ToList();
        if (countsOnly.Count > 0) throw GeoException.Parameter("cakupan", $"indikator tanpa polaritas (jumlah) tidak dapat dinilai sebagai cakupan: {Listed(countsOnly)}");
        return request.Cakupan.Select(k => byCode[k]);
    }

    /// <summary>The first few codes of a list, so a request naming a hundred unknown codes gets a readable answer.</summary>
    private static string Listed(List<string> codes) =>
        codes.Count <= 5 ? string.Join(", ", codes) : $"{string.Join(", ", codes.Take(5))} dan {codes.Count - 5} lainnya";

    /// <summary>
    /// Desa values as stored (all indicators in one read), or kecamatan values rolled up from their
    /// desa (Σpembilang/Σpenyebut), per indicator code.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, IReadOnlyList<UnitValue>>> UnitValuesAsync(Caller caller, AnalysisRequest request,
        IReadOnlyList<string> codes, CancellationToken ct)
    {
        if (request.Tingkat == Tingkat.Desa)
        {
            var byCode = await nilai.ValuesOfManyAsync(caller, request.Wilayah, Tingkat.Desa, codes, request.Periode, request.Tampilan, ct);
            return byCode.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<UnitValue>)kv.Value
                .Select(r => new UnitValue(r.Kode, r.Nama, r.Nilai, r.HanyaPersen ? null : r.Pembilang, r.HanyaPersen ? null : r.Penyebut, r.Sintetis, r.Sumber, r.HanyaPersen))
                .ToList(), StringComparer.Ordinal);
        }

        var rolled = await InParallelAsync(codes.Distinct().ToList(), code => nilai.RollUpAsync(caller, request.Wilayah, [Tingkat.Kecamatan], code, request.Periode, request.Tampilan, ct), ct);
        return rolled.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<UnitValue>)kv.Value
            .Where(r => r.Kode.Length == 8)
            .OrderBy(r => r.Kode, StringComparer.Ordinal)
            .Select(r => new UnitValue(r.Kode, r.Nama, r.Agregat.Nilai, r.Agregat.Pembilang, r.Agregat.Penyebut, r.Sintetis, string.Join("+", r.Sumber)))
            .ToList(), StringComparer.Ordinal);
    }

    /// <summary>
    /// One roll-up query per indicator, a few at a time: each is a single-threaded plan in PostgreSQL,
    /// so running them side by side uses the server's cores (29 in a row took most of a province run).
    /// </summary>
    private static async Task<Dictionary<string, IReadOnlyList<WilayahRollUp>>> InParallelAsync(IReadOnlyList<string> codes,
        Func<string, Task<IReadOnlyList<WilayahRollUp>>> query, CancellationToken ct)
    {
        var results = new System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<WilayahRollUp>>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(codes, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount), CancellationToken = ct },
            async (code, _) => results[code] = await query(code));
        return new Dictionary<string, IReadOnlyList<WilayahRollUp>>(results, StringComparer.Ordinal);
    }

    /// <summary>
    /// The coverage of the analysed area and of each of its kecamatan, rolled up by <see cref="RollUp"/>.
    /// From the desa values already read when they are all counts (one pass in memory instead of
    /// one roll-up query per indicator, which took most of a province run); by the SQL roll-up for
    /// an indicator with percentage-only desa, whose weights (sasaran counts) live in other indicators.
    /// </summary>
    private async Task<(IReadOnlyDictionary<string, IReadOnlyDictionary<string, double?>>, IReadOnlyDictionary<string, string>)> AreaCoverageAsync(
        Caller caller, AnalysisRequest request, IReadOnlyList<CoverageIndicator> indicators, Dictionary<string, bool> persen,
        IReadOnlyDictionary<string, IReadOnlyList<UnitValue>> desa, CancellationToken ct)
    {
        var values = new Dictionary<string, Dictionary<string, double?>>(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var inHand = request.Tingkat == Tingkat.Desa
            ? indicators.Where(i => desa[i.Kode].All(v => !v.PercentOnly)).Select(i => i.Kode).ToHashSet(StringComparer.Ordinal)
            : [];

        if (inHand.Count > 0)
        {
            foreach (var (kode, nama) in await nilai.NamesAsync(request.Wilayah, Tingkat.Kecamatan, ct)) names[kode] = nama;
            var kecamatan = request.Wilayah.Tingkat < Tingkat.Kecamatan;
            foreach (var code in inHand)
            {
                var groups = desa[code]
                    .SelectMany(v => kecamatan ? new[] { (Area: request.Wilayah.Value, v), (Area: v.Kode[..8], v) } : [(Area: request.Wilayah.Value, v)])
                    .GroupBy(x => x.Area, StringComparer.Ordinal);
                foreach (var g in groups)
                {
                    var rolled = RollUp.Compute(g.Select(x => x.v.Source is null ? null : new DesaValue(x.v.Numerator, x.v.Denominator, x.v.Value)).ToList(), persen[code]);
                    if (!values.TryGetValue(g.Key, out var row)) values[g.Key] = row = new Dictionary<string, double?>(StringComparer.Ordinal);
                    row[code] = rolled.Nilai;
                }
            }
        }

        var levels = new[] { request.Wilayah.Tingkat, Tingkat.Kecamatan }.Distinct().ToArray();
        var rest = indicators.Select(i => i.Kode).Where(c => !inHand.Contains(c)).ToList();
        var queried = await InParallelAsync(rest, code => nilai.RollUpAsync(caller, request.Wilayah, levels, code, request.Periode, request.Tampilan, ct), ct);
        foreach (var code in rest)
        {
            foreach (var r in queried[code])
            {
                if (!values.TryGetValue(r.Kode, out var row)) values[r.Kode] = row = new Dictionary<string, double?>(StringComparer.Ordinal);
                row[code] = r.Agregat.Nilai;
                names[r.Kode] = r.Nama;
            }
        }
        return (values.ToDictionary(kv => kv.Key, kv => (IReadOnlyDictionary<string, double?>)kv.Value, StringComparer.Ordinal), names);
    }

    private static void Append(StringBuilder fingerprint, string indikator, IEnumerable<UnitValue> values)
    {
        foreach (var v in values)
        {
            fingerprint.Append(CultureInfo.InvariantCulture, $"{indikator}|{v.Kode}|{v.Value:R}|{v.Numerator:R}|{v.Denominator:R}|{v.Source}\n");
        }
    }
}
