using System.Security.Cryptography;
using System.Text;
using Geo.Core.Akun;
using Geo.Core.Analisis;
using Geo.Core.Errors;
using Geo.Core.Statistics;
using Geo.Core.Wilayah;
using Geo.Data.Statistics;

namespace Geo.Data.Analisis;

/// <summary>
/// Runs the situation analysis of a kab/kota or kecamatan and stores it. A request whose
/// parameters and input (values, targets, weights) are unchanged returns the stored run.
/// </summary>
/// <remarks>
/// A run computed at the current data versions (boundaries, values, targets and catalogue) is
/// found without reading its input; otherwise the input is read and fingerprinted, and an equal
/// fingerprint still finds the stored run.
/// </remarks>
public sealed class SituationAnalysisService(AnalysisInputLoader loader, SpatialWeightsBuilder weightsBuilder, AnalysisStore store,
    WeightsCache? weightsCache = null)
{
    /// <summary>
    /// Where the last <see cref="EnsureAsync"/> of this instance spent its time, phase by phase in
    /// milliseconds (the API sends it as Server-Timing; the benchmark reads it).
    /// </summary>
    public IReadOnlyList<(string Phase, double Milliseconds)> Timings => _timings;

    private readonly List<(string, double)> _timings = [];
    private long _mark;

    private void Mark(string phase)
    {
        var now = System.Diagnostics.Stopwatch.GetTimestamp();
        _timings.Add((phase, System.Diagnostics.Stopwatch.GetElapsedTime(_mark, now).TotalMilliseconds));
        _mark = now;
    }

    /// <summary>The stored run with its rows (CLI, tests); see <see cref="EnsureAsync"/>.</summary>
    public async Task<StoredAnalysis> RunAsync(Caller caller, AnalysisRequest request, CancellationToken ct = default)
    {
        var run = await EnsureAsync(caller, request, ct);
        return await store.LoadAsync(caller, run.Id, ct) ?? throw Evicted(run.Id);
    }

    /// <summary>A run removed from the cache between being stored or found and being read: rare, and the next request recomputes it.</summary>
    public static GeoException Evicted(long id) =>
        GeoException.Conflict($"analisis {id} baru saja dihapus dari simpanan oleh analisis lain; minta lagi");

    /// <summary>
    /// What any analysis of the request needs before it is computed, queued or looked up: the area
    /// within the caller's, drafts only for a role holder there, and units below the area.
    /// </summary>
    public static void EnsureAllowed(Caller caller, AnalysisRequest request)
    {
        if (!caller.Area.Contains(request.Wilayah)) throw GeoException.Forbidden($"wilayah {request.Wilayah} di luar cakupan akun ini");
        caller.Periksa(request.Tampilan, request.Wilayah);
        if (request.Tingkat is not (Tingkat.Desa or Tingkat.Kecamatan) || request.Tingkat <= request.Wilayah.Tingkat)
        {
            throw GeoException.Parameter("tingkat", $"unit analisis harus desa atau kecamatan di bawah {request.Wilayah} ({request.Wilayah.Tingkat.ToName()})");
        }
    }

    /// <summary>
    /// The run answering the request: the stored one when parameters and input are unchanged
    /// (found without recomputing: only the input is read), else computed and stored now.
    /// </summary>
    /// <remarks>A run on drafts only for a caller with a role in the area (<see cref="TampilanAkses.Periksa"/>).</remarks>
    public async Task<StoredRunRef> EnsureAsync(Caller caller, AnalysisRequest request, CancellationToken ct = default)
    {
        EnsureAllowed(caller, request);

        _timings.Clear();
        _mark = System.Diagnostics.Stopwatch.GetTimestamp();
        var (dataVersion, unchanged) = await store.UseUnchangedAsync(request, ct);
        Mark("versi");
        if (unchanged is not null) return unchanged;

        var area = WilayahScope.Within(request.Wilayah);
        var input = await loader.LoadAsync(caller, request, ct);
        Mark("masukan");
        var weights = weightsCache is null
            ? await weightsBuilder.BuildAsync(area, request.Tingkat, request.Bobot, ct)
            : await weightsCache.GetAsync(request.Wilayah, request.Tingkat, request.Bobot, WilayahPart(dataVersion),
                () => weightsBuilder.BuildAsync(area, request.Tingkat, request.Bobot, ct));
        Mark("bobot");
        JudgeAgainstInput(request, input);
        var inputVersion = InputVersion(input, weights);
        if (await store.UseCurrentAsync(request, inputVersion, dataVersion, ct) is { } current) return current;

        // The ranking needs the input only: it runs beside the statistics (whose permutations leave
        // gaps between their parallel loops); "intervensi" is then what is left to wait for.
        var ranking = Task.Run(() => RankInterventions(request, input), ct);
        var units = AlignTo(weights, input.Units);
        var result = SituationAnalysis.Run(units, weights, input.Indicators, request.Options(input.OutcomeTarget));
        Mark("statistik");
        var interventions = await ranking;
        Mark("intervensi");
        var summary = new AnalysisSummary(
            result.Moran is { } m ? MoranSummary.From(m) : null,
            result.Gap.Threshold,
            input.OutcomeTarget,
            result.Rows.Count,
            GapClass.All.ToDictionary(c => c, c => result.Rows.Count(r => r.Kelas == c)),
            input.Indicators.Select(i => i.Kode).ToList(),
            result.Islands,
            result.WithoutValue,
            result.SmoothingUnavailable);

        var saved = await store.SaveAsync(request, inputVersion, dataVersion, summary, interventions, input.Synthetic, result.Rows, ct);
        Mark("simpan");
        return saved;
    }

    /// <summary>The boundaries' part of a data version ("wilayah:9" of "katalog:1.nilai:19.wilayah:9").</summary>
    internal static string WilayahPart(string dataVersion) =>
        dataVersion.Split('.').FirstOrDefault(p => p.StartsWith("wilayah:", StringComparison.Ordinal)) ?? dataVersion;

    /// <summary>The parameters that can only be judged against the data read (knn:K is judged by the weights builder).</summary>
    private static void JudgeAgainstInput(AnalysisRequest request, AnalysisInput input)
    {
        var rules = request.Aturan;
        if (rules.Threshold == OutcomeThreshold.Target && input.OutcomeTarget is null)
        {
            throw GeoException.Parameter("ambang",
                $"ambang=target dipilih tetapi {request.Indikator} tidak memiliki target untuk {request.Wilayah} tahun {request.Periode.Tahun}; pakai median, rata atau angka");
        }
        if (rules.Threshold == OutcomeThreshold.Fixed && input.OutcomePercent && rules.FixedThreshold > 100)
        {
            throw GeoException.Parameter("ambang", $"{request.Indikator} berupa persentase; ambang angka harus 0 sampai 100");
        }
        if (request.Deret != OutcomeSeries.Raw && SituationAnalysis.SmoothingProblem(input.Units) is { } problem)
        {
            throw GeoException.Parameter("deret", $"deret Empirical Bayes tidak tersedia: {problem}; pakai deret=mentah");
        }
        if (rules.High == HighRule.Exceedance && SituationAnalysis.SmoothingProblem(input.Units) is { } why)
        {
            throw GeoException.Parameter("dasarTinggi", $"dasarTinggi=peluang memerlukan posterior dari jumlah: {why}; pakai dasarTinggi=titik");
        }
        if (request.Bivariat is { } bv && input.Indicators.All(i => i.Kode != bv))
        {
            throw GeoException.Parameter("bivariat",
                $"indikator {bv} tidak termasuk indikator cakupan yang bernilai di {request.Wilayah} periode {request.Periode}; sebutkan di cakupan atau pilih yang lain");
        }
    }

    /// <summary>For the area and, when desa are analysed, for each of its kecamatan: which interventions lag, and which desa pull them down.</summary>
    private static List<AreaInterventions> RankInterventions(AnalysisRequest request, AnalysisInput input)
    {
        var gapUnits = input.Units.Select(u => new GapUnit(u.Kode, u.Nama, u.Value, u.Coverage, u.CoverageDenominators)).ToList();
        var areas = new List<string> { request.Wilayah.Value };
        if (request.Tingkat == Tingkat.Desa && request.Wilayah.Tingkat < Tingkat.Kecamatan)
        {
            areas.AddRange(input.Units.Select(u => KodeWilayah.Parse(u.Kode).Induk!.Value.Value).Distinct().Order(StringComparer.Ordinal));
        }

        // Members by kecamatan in one pass: a prefix scan of every desa per kecamatan was 577 x 8,563 for a province.
        var byKecamatan = gapUnits.Where(u => u.Kode.Length > 8).ToLookup(u => u.Kode[..8], StringComparer.Ordinal);
        return areas.Select(code =>
        {
            var members = code == request.Wilayah.Value
                ? gapUnits.Where(u => u.Kode.StartsWith(code + ".", StringComparison.Ordinal)).ToList()
                : byKecamatan[code].ToList();
            var values = input.AreaCoverage.GetValueOrDefault(code) ?? new Dictionary<string, double?>();
            var ranking = InterventionRanking.Rank(input.Indicators, values, members);
            return new AreaInterventions(code, input.AreaNames.GetValueOrDefault(code, code), ranking.Select(InterventionItem.From).ToList());
        }).ToList();
    }

    /// <summary>Units in the weights' order; both come from the same wilayah set, so a mismatch is a bug, not user error.</summary>
    private static List<AnalysisUnit> AlignTo(SpatialWeights weights, IReadOnlyList<AnalysisUnit> units)
    {
        var byCode = units.ToDictionary(u => u.Kode, StringComparer.Ordinal);
        if (byCode.Count != weights.Count || weights.Ids.Any(id => !byCode.ContainsKey(id)))
        {
            throw new InvalidOperationException("unit nilai dan unit bobot spasial berbeda");
        }
        return weights.Ids.Select(id => byCode[id]).ToList();
    }

    private static string InputVersion(AnalysisInput input, SpatialWeights weights)
    {
        var text = new StringBuilder(input.Fingerprint).Append('\n');
        for (var i = 0; i < weights.Count; i++)
        {
            text.Append(weights.Ids[i]).Append(':').AppendJoin(',', weights.NeighboursOf(i).ToArray()).Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32];
    }
}
