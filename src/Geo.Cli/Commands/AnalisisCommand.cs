using System.CommandLine;
using System.Globalization;
using Geo.Data.Analisis;
using Geo.Data.Indikator;
using Geo.Data.Statistics;

namespace Geo.Cli.Commands;

public static class AnalisisCommand
{
    public static Command Create()
    {
        var wilayah = new Option<string>("--wilayah") { Description = "kab/kota atau kecamatan, mis. 64.01", Required = true };
        var indikator = new Option<string>("--indikator") { Description = "indikator hasil", DefaultValueFactory = _ => "PREV_STUNTING" };
        var periode = new Option<string>("--periode") { Description = "periode, mis. 2024-08; beberapa periode urut dipisah koma (2023-08,2024-02,2024-08) untuk analisis waktu", Required = true };
        var jendela = new Option<int?>("--jendela") { Description = "analisis waktu: periode sebelumnya dalam tetangga ruang-waktu titik panas (bawaan 1)" };
        var tingkat = new Option<string>("--tingkat") { Description = "unit analisis: desa atau kecamatan", DefaultValueFactory = _ => "desa" };
        var cakupan = new Option<string?>("--cakupan") { Description = "indikator cakupan, dipisah koma (bawaan: semua layanan yang ada datanya)" };
        var bobot = new Option<string>("--bobot") { Description = "queen, rook, knn:K, jarak:METER", DefaultValueFactory = _ => "queen" };
        var permutasi = new Option<int>("--permutasi") { Description = "jumlah permutasi", DefaultValueFactory = _ => 999 };
        var seed = new Option<ulong>("--seed") { Description = "benih acak permutasi", DefaultValueFactory = _ => 1UL };
        var alpha = new Option<double>("--alpha") { Description = "taraf signifikansi LISA", DefaultValueFactory = _ => 0.05 };
        var fdr = new Option<bool>("--fdr") { Description = "koreksi FDR (Benjamini-Hochberg)" };
        var deret = new Option<string>("--deret") { Description = "mentah, eb_global atau eb_lokal", DefaultValueFactory = _ => "mentah" };
        var ambang = new Option<string>("--ambang") { Description = "prevalensi relatif tinggi: median, rata, target, atau angka", DefaultValueFactory = _ => "median" };
        var tinggi = new Option<string>("--tinggi") { Description = "relatif tinggi menurut: titik (nilai, bawaan), peluang (P(laju > ambang) > 0.8) atau peluang:P", DefaultValueFactory = _ => "titik" };
        var prior = new Option<string>("--prior") { Description = "prior Empirical Bayes untuk posterior: global (bawaan) atau lokal", DefaultValueFactory = _ => "global" };
        var bivariat = new Option<string?>("--bivariat") { Description = "indikator cakupan untuk Moran lokal bivariat (prevalensi vs lag cakupan), mis. L05" };
        var keluaran = new Option<FileInfo?>("--keluaran") { Description = "tulis tabel per unit ke CSV" };
        var tampilan = new Option<string>("--tampilan") { Description = "terbit (nilai publik) atau draf (data kerja dengan draf; hasil disimpan privat)", DefaultValueFactory = _ => "terbit" };
        var command = new Command("analisis", "Analisis situasi: kelas kesenjangan, Moran's I, LISA, Gi*, Empirical Bayes")
        {
            wilayah, indikator, periode, tingkat, cakupan, bobot, permutasi, seed, alpha, fdr, deret, ambang, keluaran, tampilan, jendela, tinggi, prior, bivariat,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(periode)?.Contains(',') == true)
            {
                var temporal = TemporalRequestParser.Parse(new AnalysisOptionsText(
                    parse.GetValue(wilayah), parse.GetValue(periode), parse.GetValue(indikator), parse.GetValue(tingkat),
                    Bobot: parse.GetValue(bobot), Permutasi: parse.GetValue(permutasi), Seed: parse.GetValue(seed), Alpha: parse.GetValue(alpha),
                    Fdr: parse.GetValue(fdr), Tampilan: parse.GetValue(tampilan)), parse.GetValue(jendela));
                await using var source = GeoEnvironment.OpenDataSource();
                var temporalService = new TemporalAnalysisService(new NilaiQueries(source), new IndikatorCatalog(source), new SpatialWeightsBuilder(source));
                var over = await temporalService.RunAsync(GeoEnvironment.LocalCaller(), temporal, ct);
                if (parse.GetValue(keluaran) is { } temporalFile)
                {
                    await using var writer = new StreamWriter(temporalFile.FullName);
                    TemporalCsv.Write(over, writer);
                }
                PrintTemporal(over, Console.Out, parse.GetValue(keluaran));
                return 0;
            }
            var request = AnalysisRequestParser.Parse(new AnalysisOptionsText(
                parse.GetValue(wilayah), parse.GetValue(periode), parse.GetValue(indikator), parse.GetValue(tingkat), parse.GetValue(cakupan),
                parse.GetValue(bobot), parse.GetValue(permutasi), parse.GetValue(seed), parse.GetValue(alpha), parse.GetValue(fdr),
                parse.GetValue(deret), parse.GetValue(ambang), Tampilan: parse.GetValue(tampilan),
                Tinggi: parse.GetValue(tinggi), Prior: parse.GetValue(prior), Bivariat: parse.GetValue(bivariat)));

            await using var dataSource = GeoEnvironment.OpenDataSource();
            var service = new SituationAnalysisService(
                new AnalysisInputLoader(new NilaiQueries(dataSource), new IndikatorCatalog(dataSource)),
                new SpatialWeightsBuilder(dataSource), new AnalysisStore(dataSource, AnalysisRetention.Default));
            var result = await service.RunAsync(GeoEnvironment.LocalCaller(), request, ct);

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
