using System.CommandLine;
using System.Globalization;
using Geo.Data.Analisis;
using Geo.Data.Indikator;
using Geo.Data.Statistics;
using Npgsql;

namespace Geo.Cli.Commands;

public static class AnalisisCommand
{
    public static Command Create()
    {
        var options = new AnalysisOptions();
        var keluaran = new Option<FileInfo?>("--keluaran") { Description = "tulis tabel per unit ke CSV" };
        var jendela = new Option<int?>("--jendela") { Description = "analisis waktu: periode sebelumnya dalam tetangga ruang-waktu titik panas (bawaan 1)" };
        var command = new Command("analisis", "Analisis situasi: kelas kesenjangan, Moran's I, LISA, Gi*, Empirical Bayes; beberapa periode dipisah koma: analisis waktu") { keluaran, jendela };
        options.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            if (options.IsTemporal(parse))
            {
                var temporal = TemporalRequestParser.Parse(options.Text(parse), parse.GetValue(jendela));
                await using var source = GeoEnvironment.OpenDataSource();
                var over = await TemporalService(source).RunAsync(GeoEnvironment.LocalCaller(), temporal, ct);
                if (parse.GetValue(keluaran) is { } temporalFile)
                {
                    await using var writer = new StreamWriter(temporalFile.FullName);
                    TemporalCsv.Write(over, writer);
                }
                PrintTemporal(over, Console.Out, parse.GetValue(keluaran));
                return 0;
            }
            var request = options.Parse(parse);
            await using var dataSource = GeoEnvironment.OpenDataSource();
            var result = await Service(dataSource).RunAsync(GeoEnvironment.LocalCaller(), request, ct);

            if (parse.GetValue(keluaran) is { } file)
            {
                await using var writer = new StreamWriter(file.FullName);
                AnalysisCsv.Write(result.Rows, writer);
            }
            PrintSummary(result, Console.Out, parse.GetValue(keluaran));
            return 0;
        });
        return command;
    }

    public static SituationAnalysisService Service(NpgsqlDataSource dataSource) => new(
        new AnalysisInputLoader(new NilaiQueries(dataSource), new IndikatorCatalog(dataSource)),
        new SpatialWeightsBuilder(dataSource), new AnalysisStore(dataSource, AnalysisRetention.Default));

    public static TemporalAnalysisService TemporalService(NpgsqlDataSource dataSource) =>
        new(new NilaiQueries(dataSource), new IndikatorCatalog(dataSource), new SpatialWeightsBuilder(dataSource));

    private static void PrintTemporal(TemporalResult r, TextWriter output, FileInfo? file)
    {
        output.WriteLine($"Analisis waktu {r.Indikator} {string.Join(", ", r.Periode)} di {r.Wilayah}: {r.Unit.Count} {(r.Tingkat == "desa" ? "desa/kelurahan" : r.Tingkat)}{(r.Sintetis ? "  [memuat data SINTETIS]" : "")}");
        output.WriteLine($"Perubahan {r.Periode[0]} ke {r.Periode[^1]}: " + string.Join(", ", r.JumlahPerArah.Select(kv => $"{kv.Key} {kv.Value}")));
        foreach (var a in r.Agregat.Where(a => a.Kode == r.Wilayah))
        {
            string F(double? v) => v is { } x ? x.ToString("0.##", CultureInfo.InvariantCulture) : "-";
            output.WriteLine($"{a.Nama}: {F(a.Perubahan.NilaiAwal)} -> {F(a.Perubahan.NilaiAkhir)} ({a.Perubahan.Arah ?? a.Perubahan.Catatan})"
                + (a.Tren is { } tr ? $"; tren Mann-Kendall tau {F(tr.Tau)} p {F(tr.P)}, Sen {F(tr.SenPerTahun)} per tahun ({tr.Arah})" : ""));
        }
        if (r.TitikPanasTidakTersedia is { } why) output.WriteLine($"Titik panas yang muncul tidak tersedia: {why}");
        else output.WriteLine("Titik panas yang muncul: " + string.Join(", ", r.JumlahPerPola.Where(kv => kv.Value > 0).Select(kv => $"{kv.Key} {kv.Value}")));
        if (file is not null) output.WriteLine($"Tabel per unit: {file.FullName}");
    }

    private static void PrintSummary(StoredAnalysis result, TextWriter output, FileInfo? file)
    {
        var s = result.Summary;
        string F(double v) => v.ToString("0.######", CultureInfo.InvariantCulture);
        output.WriteLine($"Analisis {result.Indikator} {result.Periode} di {result.Wilayah}: {s.Units} {(result.Tingkat == "desa" ? "desa/kelurahan" : result.Tingkat)}{(result.Synthetic ? "  [memuat data SINTETIS]" : "")}");
        if (s.Moran is { } m)
        {
            output.WriteLine($"Moran's I global = {F(m.I)}  E[I] = {F(m.ExpectedI)}  Var[I] (randomisasi) = {F(m.Variance)}  z = {F(m.Z)}  p = {F(m.P)}"
                + (m.PseudoP is { } pp ? $"  p-semu = {F(pp)} ({m.Permutations} permutasi)" : ""));
        }
        else
        {
            output.WriteLine("Moran's I global: tidak dapat dihitung (kurang dari 3 unit dengan nilai, atau semua nilai sama)");
        }
        output.WriteLine($"Ambang prevalensi relatif tinggi: {F(s.Threshold)}");
        output.WriteLine("Kelas: " + string.Join(", ", s.ClassCounts.Select(kv => $"{kv.Key} {kv.Value}")));
        if (result.Rows.Any(r => r.PeluangTinggi is not null)) output.WriteLine($"Tidak pasti (kelas dapat berubah karena ketidakpastian data): {result.Rows.Count(r => r.TidakPasti)}");
        if (s.Islands.Count > 0) output.WriteLine($"Tanpa tetangga ({s.Islands.Count}): {string.Join(", ", s.Islands)}");
        if (s.WithoutValue.Count > 0) output.WriteLine($"Tanpa nilai ({s.WithoutValue.Count}): {string.Join(", ", s.WithoutValue)}");
        if (s.SmoothingUnavailable is { } why) output.WriteLine($"Empirical Bayes tidak tersedia: {why}");
        if (result.Interventions is [var area, ..])
        {
            var problems = area.Interventions.Where(i => i.IsProblem).Select(i => i.Indikator).ToList();
            output.WriteLine($"Intervensi yang menjadi masalah di {area.Nama}: {(problems.Count == 0 ? "tidak ada" : string.Join(", ", problems))}");
        }
        if (file is not null) output.WriteLine($"Tabel per unit: {file.FullName}");
    }
}

/// <summary>The options of an analysis, shared by <c>geo analisis</c> and <c>geo laporan</c> so both take and default them alike.</summary>
public sealed class AnalysisOptions
{
    private readonly Option<string> _wilayah = new("--wilayah") { Description = "kab/kota atau kecamatan, mis. 64.01", Required = true };
    private readonly Option<string> _indikator = new("--indikator") { Description = "indikator hasil", DefaultValueFactory = _ => "PREV_STUNTING" };
    private readonly Option<string> _periode = new("--periode") { Description = "periode, mis. 2024-08; beberapa periode urut dipisah koma (2023-08,2024-02,2024-08) untuk analisis waktu", Required = true };
    private readonly Option<string> _tingkat = new("--tingkat") { Description = "unit analisis: desa atau kecamatan", DefaultValueFactory = _ => "desa" };
    private readonly Option<string?> _cakupan = new("--cakupan") { Description = "indikator cakupan, dipisah koma (bawaan: semua layanan yang ada datanya)" };
    private readonly Option<string> _bobot = new("--bobot") { Description = "queen, rook, knn:K, jarak:METER", DefaultValueFactory = _ => "queen" };
    private readonly Option<int> _permutasi = new("--permutasi") { Description = "jumlah permutasi", DefaultValueFactory = _ => 999 };
    private readonly Option<ulong> _seed = new("--seed") { Description = "benih acak permutasi", DefaultValueFactory = _ => 1UL };
    private readonly Option<double> _alpha = new("--alpha") { Description = "taraf signifikansi LISA", DefaultValueFactory = _ => 0.05 };
    private readonly Option<bool> _fdr = new("--fdr") { Description = "koreksi FDR (Benjamini-Hochberg)" };
    private readonly Option<string> _deret = new("--deret") { Description = "mentah, eb_global atau eb_lokal", DefaultValueFactory = _ => "mentah" };
    private readonly Option<string> _ambang = new("--ambang") { Description = "prevalensi relatif tinggi: median, rata, target, atau angka", DefaultValueFactory = _ => "median" };
    private readonly Option<string> _tinggi = new("--dasar-tinggi") { Description = "relatif tinggi menurut: titik (nilai, bawaan), peluang (P(laju > ambang) > 0.8) atau peluang:P", DefaultValueFactory = _ => "titik" };
    private readonly Option<string> _prior = new("--prior") { Description = "prior Empirical Bayes untuk posterior: global (bawaan) atau lokal", DefaultValueFactory = _ => "global" };
    private readonly Option<string?> _bivariat = new("--bivariat") { Description = "indikator cakupan untuk Moran lokal bivariat (prevalensi vs lag cakupan), mis. L05" };
    private readonly Option<string> _tampilan = new("--tampilan") { Description = "terbit (nilai publik) atau draf (data kerja dengan draf; hasil disimpan privat)", DefaultValueFactory = _ => "terbit" };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _wilayah, _indikator, _periode, _tingkat, _cakupan, _bobot, _permutasi, _seed, _alpha, _fdr, _deret, _ambang, _tinggi, _prior, _bivariat, _tampilan })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Several periods (comma-separated) ask for the analysis over time.</summary>
    public bool IsTemporal(ParseResult parse) => parse.GetValue(_periode)?.Contains(',') == true;

    public AnalysisOptionsText Text(ParseResult parse) => new(
        parse.GetValue(_wilayah), parse.GetValue(_periode), parse.GetValue(_indikator), parse.GetValue(_tingkat), parse.GetValue(_cakupan),
        parse.GetValue(_bobot), parse.GetValue(_permutasi), parse.GetValue(_seed), parse.GetValue(_alpha), parse.GetValue(_fdr),
        parse.GetValue(_deret), parse.GetValue(_ambang), Tampilan: parse.GetValue(_tampilan),
        DasarTinggi: parse.GetValue(_tinggi), Prior: parse.GetValue(_prior), Bivariat: parse.GetValue(_bivariat));

    public AnalysisRequest Parse(ParseResult parse) => AnalysisRequestParser.Parse(Text(parse));
}
