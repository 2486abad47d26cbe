using System.Buffers.Binary;
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
/// <remarks>
/// Values are handled as columns per indicator (<see cref="NilaiKolom"/>): a province is 30
/// indicators of 8,563 desa, and one object per value and per line of the fingerprint was most of
/// the cost of reading the input (bench/README.md, analysis).
/// </remarks>
public sealed class AnalysisInputLoader(NilaiQueries nilai, IndikatorCatalog catalog)
{
    public async Task<AnalysisInput> LoadAsync(Caller caller, AnalysisRequest request, CancellationToken ct = default)
    {
        var outcomeInfo = await catalog.FindAsync(request.Indikator, ct)
            ?? throw GeoException.NotFound($"indikator '{request.Indikator}' tidak dikenal");
        var coverageInfo = (await CoverageIndicatorsAsync(request, ct)).ToList();
        IReadOnlyList<string> codes = [request.Indikator, .. coverageInfo.Select(i => i.Kode)];
        // Targets and names on their own connections while the values are read.
        var targetsTask = catalog.TargetsAsync(codes, request.Wilayah.Value, request.Periode.Tahun, ct);
        var namesTask = request.Tingkat == Tingkat.Desa ? nilai.NamesAsync(request.Wilayah, Tingkat.Kecamatan, ct) : null;
        var all = await UnitValuesAsync(caller, request, codes, ct);
        var targets = await targetsTask;

        var n = all.Kode.Count;
        var outcome = all.PerIndikator[request.Indikator];
        if (n == 0)
        {
            throw GeoException.NotFound($"tidak ada wilayah tingkat {request.Tingkat.ToName()} di bawah {request.Wilayah}");
        }
        if (Array.TrueForAll(outcome.Nilai, v => v is null))
        {
            throw GeoException.NotFound($"tidak ada nilai {request.Indikator} periode {request.Periode} di {request.Wilayah}");
        }

        using var fingerprint = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(fingerprint, request.Indikator, all.Kode, outcome);

        var indicators = new List<CoverageIndicator>();
        var used = new List<NilaiKolom.Kolom>();
        var synthetic = Array.IndexOf(outcome.Sintetis, true) >= 0;
        foreach (var info in coverageInfo)
        {
            var values = all.PerIndikator[info.Kode];
            if (Array.TrueForAll(values.Nilai, v => v is null)) continue;
            var target = targets.GetValueOrDefault(info.Kode);
            indicators.Add(new CoverageIndicator(info.Kode, info.Nama, info.Polaritas == "naik", target?.Nilai));
            used.Add(values);
            synthetic |= Array.IndexOf(values.Sintetis, true) >= 0;
            Append(fingerprint, info.Kode + "@" + target?.Nilai.ToString("R", CultureInfo.InvariantCulture), all.Kode, values);
        }

        var units = new List<AnalysisUnit>(n);
        for (var u = 0; u < n; u++)
        {
            var coverage = new Dictionary<string, double?>(indicators.Count, StringComparer.Ordinal);
            var denominators = new Dictionary<string, double>(indicators.Count, StringComparer.Ordinal);
            for (var k = 0; k < indicators.Count; k++)
            {
                coverage[indicators[k].Kode] = used[k].Nilai[u];
                if (Denominator(used[k], u) is { } d) denominators[indicators[k].Kode] = d;
            }
            units.Add(new AnalysisUnit(all.Kode[u], all.Nama[u], outcome.Nilai[u], Numerator(outcome, u), Denominator(outcome, u), coverage, denominators));
        }
        var outcomeTarget = targets.GetValueOrDefault(request.Indikator)?.Nilai;
        var persen = coverageInfo.ToDictionary(i => i.Kode, i => i.Persen, StringComparer.Ordinal);
        IReadOnlyList<(string Kode, string Nama)> names = namesTask is null ? [] : await namesTask;
        var (areaCoverage, areaNames) = await AreaCoverageAsync(caller, request, indicators, persen, all, names, ct);

        return new AnalysisInput(units, indicators, outcomeTarget, outcomeInfo.Persen, areaCoverage, areaNames, synthetic,
            Convert.ToHexStringLower(fingerprint.GetHashAndReset()));
    }

    /// <summary>Counts are only counts where the unit did not report a bare percentage.</summary>
    private static double? Numerator(NilaiKolom.Kolom c, int u) => c.HanyaPersen[u] ? null : c.Pembilang[u];

    private static double? Denominator(NilaiKolom.Kolom c, int u) => c.HanyaPersen[u] ? null : c.Penyebut[u];

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
    /// desa (Σpembilang/Σpenyebut), as columns per indicator code.
    /// </summary>
    private async Task<NilaiKolom> UnitValuesAsync(Caller caller, AnalysisRequest request, IReadOnlyList<string> codes, CancellationToken ct)
    {
        if (request.Tingkat == Tingkat.Desa)
        {
            return await nilai.ValuesOfManyAsync(caller, request.Wilayah, Tingkat.Desa, codes, request.Periode, request.Tampilan, ct);
        }

        var rolled = await InParallelAsync(codes.Distinct().ToList(), code => nilai.RollUpAsync(caller, request.Wilayah, [Tingkat.Kecamatan], code, request.Periode, request.Tampilan, ct), ct);
        var kecamatan = rolled.Values.SelectMany(rows => rows.Where(r => r.Kode.Length == 8)).DistinctBy(r => r.Kode)
            .OrderBy(r => r.Kode, StringComparer.Ordinal).Select(r => (r.Kode, r.Nama)).ToList();
        var position = kecamatan.Select((k, i) => (k.Kode, i)).ToDictionary(x => x.Kode, x => x.i, StringComparer.Ordinal);
        var columns = new Dictionary<string, NilaiKolom.Kolom>(StringComparer.Ordinal);
        foreach (var (code, rows) in rolled)
        {
            var c = columns[code] = new NilaiKolom.Kolom(kecamatan.Count);
            foreach (var r in rows.Where(r => r.Kode.Length == 8))
            {
                var i = position[r.Kode];
                c.Nilai[i] = r.Agregat.Nilai;
                c.Pembilang[i] = r.Agregat.Pembilang;
                c.Penyebut[i] = r.Agregat.Penyebut;
                c.Sumber[i] = string.Join("+", r.Sumber);
                c.Sintetis[i] = r.Sintetis;
            }
        }
        return new NilaiKolom(kecamatan.Select(k => k.Kode).ToList(), kecamatan.Select(k => k.Nama).ToList(), columns);
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
        NilaiKolom desa, IReadOnlyList<(string Kode, string Nama)> kecamatanNames, CancellationToken ct)
    {
        var values = new Dictionary<string, Dictionary<string, double?>>(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var inHand = request.Tingkat == Tingkat.Desa
            ? indicators.Where(i => Array.IndexOf(desa.PerIndikator[i.Kode].HanyaPersen, true) < 0).Select(i => i.Kode).ToHashSet(StringComparer.Ordinal)
            : [];

        if (inHand.Count > 0)
        {
            foreach (var (kode, nama) in kecamatanNames) names[kode] = nama;
            // Area 0 is the analysed wilayah; below a kecamatan, each desa's kecamatan too.
            var areas = new List<string> { request.Wilayah.Value };
            var kecamatanOf = new int[desa.Kode.Count];
            if (request.Wilayah.Tingkat < Tingkat.Kecamatan)
            {
                var index = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var u = 0; u < desa.Kode.Count; u++)
                {
                    var k = desa.Kode[u][..8];
                    if (!index.TryGetValue(k, out var i))
                    {
                        index[k] = i = areas.Count;
                        areas.Add(k);
                    }
                    kecamatanOf[u] = i;
                }
            }
            var sums = new RollUpSums[areas.Count];
            foreach (var code in inHand)
            {
                Array.Clear(sums);
                var c = desa.PerIndikator[code];
                for (var u = 0; u < desa.Kode.Count; u++)
                {
                    sums[0].Add(c, u);
                    if (kecamatanOf[u] > 0) sums[kecamatanOf[u]].Add(c, u);
                }
                for (var a = 0; a < areas.Count; a++)
                {
                    if (!values.TryGetValue(areas[a], out var row)) values[areas[a]] = row = new Dictionary<string, double?>(StringComparer.Ordinal);
                    row[code] = sums[a].Result(persen[code]).Nilai;
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

    /// <summary>
    /// <see cref="RollUp.Compute"/> of an area's desa accumulated one desa at a time, in the same
    /// order (so the sums are the same to the last bit): a desa without a stored value counts as a
    /// desa that did not report; desa values carry no weight (<see cref="DesaValue.Bobot"/>).
    /// </summary>
    private struct RollUpSums
    {
        private int _desa, _reported, _percentOnly;
        private double _numerator, _denominator;

        public void Add(NilaiKolom.Kolom c, int u)
        {
            _desa++;
            if (c.Sumber[u] is null) return;
            var numerator = Numerator(c, u);
            if (c.Nilai[u] is null && numerator is null) return;
            _reported++;
            if (numerator is not { } p)
            {
                _percentOnly++;
                return;
            }
            _numerator += p;
            _denominator += Denominator(c, u) ?? 0;
        }

        public readonly RollUpResult Result(bool persen) =>
            RollUp.FromSums(persen, _desa, _reported, _percentOnly, 0, _numerator, _denominator, 0, 0);
    }

    /// <summary>
    /// The input's part of a run's fingerprint: per indicator (and its target), every unit's code,
    /// value, counts and source, hashed as bytes rather than formatted as lines of text (a province's
    /// are a quarter of a million).
    /// </summary>
    private static void Append(IncrementalHash hash, string indikator, IReadOnlyList<string> kode, NilaiKolom.Kolom values)
    {
        var buffer = new byte[64 * 1024];
        var used = 0;
        void Text(string? s)
        {
            if (s is null)
            {
                Int(-1);
                return;
            }
            var max = Encoding.UTF8.GetMaxByteCount(s.Length) + 4;
            if (used + max > buffer.Length) Flush(max);
            var length = Encoding.UTF8.GetBytes(s, buffer.AsSpan(used + 4));
            BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(used), length);
            used += 4 + length;
        }
        void Int(int v)
        {
            if (used + 4 > buffer.Length) Flush(4);
            BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(used), v);
            used += 4;
        }
        void Number(double? v)
        {
            if (used + 9 > buffer.Length) Flush(9);
            buffer[used] = v is null ? (byte)0 : (byte)1;
            BinaryPrimitives.WriteDoubleLittleEndian(buffer.AsSpan(used + 1), v ?? 0);
            used += 9;
        }
        void Flush(int needed)
        {
            hash.AppendData(buffer, 0, used);
            used = 0;
            if (needed > buffer.Length) buffer = new byte[needed];
        }

        Text(indikator);
        for (var u = 0; u < kode.Count; u++)
        {
            Text(kode[u]);
            Number(values.Nilai[u]);
            Number(Numerator(values, u));
            Number(Denominator(values, u));
            Text(values.Sumber[u]);
        }
        Flush(0);
    }
}
