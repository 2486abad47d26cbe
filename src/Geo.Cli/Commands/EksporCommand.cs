using System.CommandLine;
using Geo.Data.Analisis;
using Geo.Data.Ekspor;
using Geo.Data.Indikator;
using Geo.Data.Lokus;
using Geo.Data.Statistics;
using Npgsql;

namespace Geo.Cli.Commands;

/// <summary>
/// <c>geo ekspor wilayah|analisis|lokus</c>: the exports of <c>/api/ekspor</c> to a file, as the
/// local operator; the format is the file's extension (.gpkg, .shp.zip/.zip, .geojson, .csv, .xlsx) unless --format says.
/// </summary>
public static class EksporCommand
{
    public static Command Create()
    {
        var ekspor = new Command("ekspor", "Ekspor ke GeoPackage (bergaya QGIS), Shapefile (zip), GeoJSON, CSV atau XLSX");
        ekspor.Subcommands.Add(Wilayah());
        ekspor.Subcommands.Add(Analisis());
        ekspor.Subcommands.Add(Waktu());
        ekspor.Subcommands.Add(Lokus());
        return ekspor;
    }

    private sealed record Common(Option<FileInfo> Keluaran, Option<string?> Format, Option<string?> Desimal, Option<string?> Tabel);

    private static Common AddCommon(Command command)
    {
        var common = new Common(
            new Option<FileInfo>("--keluaran") { Description = "berkas tujuan (.gpkg, .shp.zip, .geojson, .csv, .xlsx)", Required = true },
            new Option<string?>("--format") { Description = "gpkg, shp, geojson, csv atau xlsx (bawaan: dari ekstensi --keluaran)" },
            new Option<string?>("--desimal") { Description = "CSV: titik (bawaan; pemisah koma) atau koma (pemisah titik koma, untuk Excel berbahasa Indonesia)" },
            new Option<string?>("--tabel") { Description = "CSV: tabel lampiran, mis. peringkat_intervensi pada ekspor analisis" });
        command.Options.Add(common.Keluaran);
        command.Options.Add(common.Format);
        command.Options.Add(common.Desimal);
        command.Options.Add(common.Tabel);
        return common;
    }

    private static Command Wilayah()
    {
        var command = new Command("wilayah", "Desa atau kecamatan sebuah wilayah dengan nilai satu atau beberapa indikator pada satu periode");
        var induk = new Option<string?>("--induk") { Description = "wilayah induk (provinsi, kab/kota, kecamatan); tanpa: nasional" };
        var tingkat = new Option<string>("--tingkat") { Description = "desa atau kecamatan", DefaultValueFactory = _ => "desa" };
        var indikator = new Option<string>("--indikator") { Description = "kode indikator, dipisah koma", Required = true };
        var periode = new Option<string>("--periode") { Description = "periode, mis. 2024-08", Required = true };
        var tampilan = new Option<string>("--tampilan") { Description = "terbit (nilai publik) atau draf", DefaultValueFactory = _ => "terbit" };
        command.Options.Add(induk);
        command.Options.Add(tingkat);
        command.Options.Add(indikator);
        command.Options.Add(periode);
        command.Options.Add(tampilan);
        var common = AddCommon(command);
        command.SetAction((parse, ct) => RunAsync(parse, common, (queries, _, ct2) =>
        {
            var r = EksporWilayahRequest.Parse(parse.GetValue(induk), parse.GetValue(tingkat), parse.GetValue(indikator), parse.GetValue(periode), parse.GetValue(tampilan));
            return queries.WilayahAsync(GeoEnvironment.LocalCaller(), r.Induk, r.Tingkat, r.Indikator, r.Periode, r.Tampilan, ct2);
        }, ct));
        return command;
    }

    private static Command Analisis()
    {
        var command = new Command("analisis", "Hasil analisis situasi (kelas, alasan, LISA, Gi*, laju EB, cakupan dan target per desa; peringkat intervensi)");
        var wilayah = new Option<string>("--wilayah") { Description = "kab/kota atau kecamatan, mis. 64.01", Required = true };
        var periode = new Option<string>("--periode") { Description = "periode, mis. 2024-08", Required = true };
        var indikator = new Option<string?>("--indikator") { Description = "indikator hasil (bawaan PREV_STUNTING)" };
        var tingkat = new Option<string?>("--tingkat") { Description = "desa atau kecamatan" };
        var cakupan = new Option<string?>("--cakupan") { Description = "indikator cakupan, dipisah koma" };
        var bobot = new Option<string?>("--bobot") { Description = "queen, rook, knn:K, jarak:METER" };
        var permutasi = new Option<int?>("--permutasi") { Description = "jumlah permutasi" };
        var seed = new Option<ulong?>("--seed") { Description = "benih acak" };
        var alpha = new Option<double?>("--alpha") { Description = "taraf signifikansi" };
        var fdr = new Option<bool>("--fdr") { Description = "koreksi FDR" };
        var deret = new Option<string?>("--deret") { Description = "mentah, eb_global atau eb_lokal" };
        var ambang = new Option<string?>("--ambang") { Description = "median, rata, target atau angka" };
        var tampilan = new Option<string?>("--tampilan") { Description = "terbit atau draf" };
        var dasarTinggi = new Option<string?>("--dasar-tinggi") { Description = "titik (bawaan), peluang atau peluang:P" };
        var prior = new Option<string?>("--prior") { Description = "prior Empirical Bayes: global (bawaan) atau lokal" };
        var bivariat = new Option<string?>("--bivariat") { Description = "indikator cakupan untuk Moran lokal bivariat, mis. L05" };
        foreach (var o in new Option[] { wilayah, periode, indikator, tingkat, cakupan, bobot, permutasi, seed, alpha, fdr, deret, ambang, tampilan, dasarTinggi, prior, bivariat })
        {
            command.Options.Add(o);
        }
        var common = AddCommon(command);
        command.SetAction((parse, ct) => RunAsync(parse, common, async (queries, dataSource, ct2) =>
        {
            var request = AnalysisRequestParser.Parse(new AnalysisOptionsText(
                parse.GetValue(wilayah), parse.GetValue(periode), parse.GetValue(indikator), parse.GetValue(tingkat), parse.GetValue(cakupan),
                parse.GetValue(bobot), parse.GetValue(permutasi), parse.GetValue(seed), parse.GetValue(alpha), parse.GetValue(fdr),
                parse.GetValue(deret), parse.GetValue(ambang), Tampilan: parse.GetValue(tampilan),
                DasarTinggi: parse.GetValue(dasarTinggi), Prior: parse.GetValue(prior), Bivariat: parse.GetValue(bivariat)));
            var service = new SituationAnalysisService(
                new AnalysisInputLoader(new NilaiQueries(dataSource), new IndikatorCatalog(dataSource)),
                new SpatialWeightsBuilder(dataSource), new AnalysisStore(dataSource, AnalysisRetention.Default));
            var run = await service.EnsureAsync(GeoEnvironment.LocalCaller(), request, ct2);
            return await queries.AnalisisAsync(GeoEnvironment.LocalCaller(), run.Id, ct2);
        }, ct));
        return command;
    }

    private static Command Waktu()
    {
        var command = new Command("waktu", "Analisis waktu (perubahan, tren Mann-Kendall, titik panas yang muncul) per desa/kecamatan, dengan agregat kecamatan dan wilayah");
        var wilayah = new Option<string>("--wilayah") { Description = "kab/kota atau kecamatan, mis. 64.01", Required = true };
        var periode = new Option<string>("--periode") { Description = "paling sedikit 2 periode urut dipisah koma, mis. 2023-08,2024-02,2024-08", Required = true };
        var indikator = new Option<string?>("--indikator") { Description = "indikator (bawaan PREV_STUNTING)" };
        var tingkat = new Option<string?>("--tingkat") { Description = "desa atau kecamatan" };
        var bobot = new Option<string?>("--bobot") { Description = "queen, rook, knn:K, jarak:METER" };
        var permutasi = new Option<int?>("--permutasi") { Description = "jumlah permutasi titik panas" };
        var seed = new Option<ulong?>("--seed") { Description = "benih acak" };
        var alpha = new Option<double?>("--alpha") { Description = "taraf signifikansi" };
        var fdr = new Option<bool>("--fdr") { Description = "koreksi FDR" };
        var jendela = new Option<int?>("--jendela") { Description = "periode sebelumnya dalam tetangga ruang-waktu (bawaan 1)" };
        var tampilan = new Option<string?>("--tampilan") { Description = "terbit atau draf" };
        foreach (var o in new Option[] { wilayah, periode, indikator, tingkat, bobot, permutasi, seed, alpha, fdr, jendela, tampilan }) command.Options.Add(o);
        var common = AddCommon(command);
        command.SetAction((parse, ct) => RunAsync(parse, common, async (queries, dataSource, ct2) =>
        {
            var request = TemporalRequestParser.Parse(new AnalysisOptionsText(
                parse.GetValue(wilayah), parse.GetValue(periode), parse.GetValue(indikator), parse.GetValue(tingkat), Bobot: parse.GetValue(bobot),
                Permutasi: parse.GetValue(permutasi), Seed: parse.GetValue(seed), Alpha: parse.GetValue(alpha), Fdr: parse.GetValue(fdr),
                Tampilan: parse.GetValue(tampilan)), parse.GetValue(jendela));
            var result = await AnalisisCommand.TemporalService(dataSource).RunAsync(GeoEnvironment.LocalCaller(), request, ct2);
            return queries.Waktu(result);
        }, ct));
        return command;
    }

    private static Command Lokus()
    {
        var command = new Command("lokus", "Desa sebuah daftar lokus dengan alasannya");
        var id = new Argument<long>("id") { Description = "nomor daftar lokus" };
        command.Arguments.Add(id);
        var common = AddCommon(command);
        command.SetAction((parse, ct) => RunAsync(parse, common,
            (queries, _, ct2) => queries.LokusAsync(GeoEnvironment.LocalCaller(), parse.GetValue(id), ct2), ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, Common common,
        Func<EksporQueries, NpgsqlDataSource, CancellationToken, Task<LapisanEkspor>> layerOf, CancellationToken ct)
    {
        var file = parse.GetValue(common.Keluaran)!;
        var format = parse.GetValue(common.Format) is { } f ? FormatEksporNames.Parse(f) : FormatEksporNames.FromFileName(file.FullName);
        var opsi = new OpsiTabel(GayaCsvNames.Parse(parse.GetValue(common.Desimal)), parse.GetValue(common.Tabel));
        await using var dataSource = GeoEnvironment.OpenDataSource();
        var queries = new EksporQueries(dataSource, new AnalysisStore(dataSource, AnalysisRetention.Default), new LokusStore(dataSource));
        var layer = await layerOf(queries, dataSource, ct);
        EksporWriter.Check(layer, opsi);
        var count = await EksporWriter.WriteFileAsync(layer, format, file.FullName, opsi, ct);
        Console.WriteLine($"{file.FullName}: {count} baris, lapisan {layer.Nama} ({format.Extension()}){(layer.Metadata.Sintetis ? "  [memuat Data sintetis]" : "")}");
        return 0;
    }
}
