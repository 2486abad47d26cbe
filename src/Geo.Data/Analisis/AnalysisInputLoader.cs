using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Geo.Core.Akun;
using Geo.Core.Analisis;
using Geo.Core.Errors;
using Geo.Core.Wilayah;
using Geo.Data.Indikator;

namespace Geo.Data.Analisis;

/// <summary>Reads the outcome, coverage and targets of an analysis through the indicator queries.</summary>
public sealed class AnalysisInputLoader(NilaiQueries nilai, IndikatorCatalog catalog)
{
    private sealed record UnitValue(string Kode, string Nama, double? Value, double? Numerator, double? Denominator, bool Synthetic, string? Source);

    public async Task<AnalysisInput> LoadAsync(Caller caller, AnalysisRequest request, CancellationToken ct = default)
    {
        var outcomeInfo = await catalog.FindAsync(request.Indikator, ct)
            ?? throw GeoException.NotFound($"indikator '{request.Indikator}' tidak dikenal");
        var outcome = await UnitValuesAsync(caller, request, request.Indikator, ct);
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
        foreach (var info in await CoverageIndicatorsAsync(request, ct))
        {
            var values = await UnitValuesAsync(caller, request, info.Kode, ct);
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
        var (areaCoverage, areaNames) = await AreaCoverageAsync(caller, request, indicators, ct);

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

    /// <summary>Desa values as stored, or kecamatan values rolled up from their desa (Σpembilang/Σpenyebut).</summary>
    private async Task<IReadOnlyList<UnitValue>> UnitValuesAsync(Caller caller, AnalysisRequest request, string indikator, CancellationToken ct)
    {
        if (request.Tingkat == Tingkat.Desa)
        {
            var rows = await nilai.ValuesAsync(caller, request.Wilayah, Tingkat.Desa, indikator, request.Periode, request.Tampilan, ct);
            return rows.Select(r => new UnitValue(r.Kode, r.Nama, r.Nilai, r.HanyaPersen ? null : r.Pembilang, r.HanyaPersen ? null : r.Penyebut, r.Sintetis, r.Sumber)).ToList();
        }

        var rollUps = await nilai.RollUpAsync(caller, request.Wilayah, [Tingkat.Kecamatan], indikator, request.Periode, request.Tampilan, ct);
        return rollUps
            .Where(r => r.Kode.Length == 8)
            .OrderBy(r => r.Kode, StringComparer.Ordinal)
            .Select(r => new UnitValue(r.Kode, r.Nama, r.Agregat.Nilai, r.Agregat.Pembilang, r.Agregat.Penyebut, r.Sintetis, string.Join("+", r.Sumber)))
            .ToList();
    }

    private async Task<(IReadOnlyDictionary<string, IReadOnlyDictionary<string, double?>>, IReadOnlyDictionary<string, string>)> AreaCoverageAsync(
        Caller caller, AnalysisRequest request, IReadOnlyList<CoverageIndicator> indicators, CancellationToken ct)
    {
        var levels = new[] { request.Wilayah.Tingkat, Tingkat.Kecamatan }.Distinct().ToArray();
        var values = new Dictionary<string, Dictionary<string, double?>>(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var indicator in indicators)
        {
            foreach (var r in await nilai.RollUpAsync(caller, request.Wilayah, levels, indicator.Kode, request.Periode, request.Tampilan, ct))
            {
                if (!values.TryGetValue(r.Kode, out var row)) values[r.Kode] = row = new Dictionary<string, double?>(StringComparer.Ordinal);
                row[indicator.Kode] = r.Agregat.Nilai;
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
