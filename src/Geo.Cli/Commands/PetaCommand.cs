using Npgsql;
using System.CommandLine;
using Geo.Data.Analisis;
using Geo.Data.Indikator;
using Geo.Data.Peta;
using Geo.Publication.Peta;

namespace Geo.Cli.Commands;

public static class PetaCommand
{
    public static Command Create()
    {
        var wilayah = new Option<string>("--wilayah") { Description = "kab/kota (atau provinsi, kecamatan), mis. 18.72", Required = true };
        var indikator = new Option<string>("--indikator") { Description = "indikator", DefaultValueFactory = _ => "PREV_STUNTING" };
        var periode = new Option<string>("--periode") { Description = "periode, mis. 2022-08; lapisan perubahan dan titik_panas_muncul: beberapa periode urut dipisah koma", Required = true };
        var lapisan = new Option<string>("--lapisan") { Description = "nilai, kelas, lisa, gi, eb, peluang (peluang melewati ambang), perubahan atau titik_panas_muncul (dua yang terakhir: --periode A,B,...)", DefaultValueFactory = _ => "nilai" };
        var klasifikasi = new Option<string?>("--klasifikasi") { Description = "who, kuantil, jenks, interval atau target (bawaan: who untuk PREV_STUNTING, lainnya kuantil)" };
        var jumlahKelas = new Option<int?>("--jumlah-kelas") { Description = "jumlah kelas kuantil/jenks/interval (3-7, bawaan 5)" };
        var lebar = new Option<int>("--lebar") { Description = "lebar gambar (piksel, 200-4000)", DefaultValueFactory = _ => PermintaanPetaParser.UkuranBawaanLebar };
        var tinggi = new Option<int>("--tinggi") { Description = "tinggi gambar (piksel, 200-4000)", DefaultValueFactory = _ => PermintaanPetaParser.UkuranBawaanTinggi };
        var tingkat = new Option<string>("--tingkat") { Description = "unit: desa atau kecamatan", DefaultValueFactory = _ => "desa" };
        var bobot = new Option<string>("--bobot") { Description = "lapisan analisis: queen, rook, knn:K, jarak:METER", DefaultValueFactory = _ => "queen" };
        var permutasi = new Option<int>("--permutasi") { Description = "lapisan analisis: jumlah permutasi", DefaultValueFactory = _ => 999 };
        var seed = new Option<ulong>("--seed") { Description = "lapisan analisis: benih acak", DefaultValueFactory = _ => 1UL };
        var fdr = new Option<bool>("--fdr") { Description = "lapisan analisis: koreksi FDR" };
        var ambang = new Option<string>("--ambang") { Description = "lapisan kelas: median, rata, target, atau angka", DefaultValueFactory = _ => "median" };
        var alpha = new Option<double?>("--alpha") { Description = "lapisan analisis: taraf signifikansi (bawaan 0.05)" };
        var cakupan = new Option<string?>("--cakupan") { Description = "lapisan kelas: indikator cakupan dipisah koma" };
        var deret = new Option<string?>("--deret") { Description = "lapisan analisis: mentah, eb_global atau eb_lokal" };
        var dasarTinggi = new Option<string?>("--dasar-tinggi") { Description = "lapisan kelas/peluang: titik (bawaan), peluang atau peluang:P" };
        var prior = new Option<string?>("--prior") { Description = "lapisan peluang: prior Empirical Bayes global (bawaan) atau lokal" };
        var bivariat = new Option<string?>("--bivariat") { Description = "indikator cakupan untuk Moran lokal bivariat, mis. L05" };
        var jendela = new Option<int?>("--jendela") { Description = "lapisan titik_panas_muncul: periode sebelumnya dalam tetangga ruang-waktu (bawaan 1)" };
        var tampilan = new Option<string>("--tampilan") { Description = "terbit (nilai publik) atau draf", DefaultValueFactory = _ => "terbit" };
        var keluaran = new Option<FileInfo>("--keluaran") { Description = "berkas PNG yang ditulis", Required = true };
        var command = new Command("peta", "Peta statis PNG satu wilayah: kelas dan warna seperti halaman peta, legenda, skala, sumber")
        {
            wilayah, indikator, periode, lapisan, klasifikasi, jumlahKelas, lebar, tinggi, tingkat, bobot, permutasi, seed, fdr, ambang,
            alpha, cakupan, deret, dasarTinggi, prior, bivariat, jendela, tampilan, keluaran,
        };
        command.SetAction(async (parse, ct) =>
        {
            var request = PermintaanPetaParser.Parse(new OpsiPetaTeks(
                parse.GetValue(wilayah), parse.GetValue(indikator), parse.GetValue(periode), parse.GetValue(lapisan), parse.GetValue(klasifikasi),
                parse.GetValue(jumlahKelas), parse.GetValue(lebar), parse.GetValue(tinggi),
                new AnalysisOptionsText(null, null, Tingkat: parse.GetValue(tingkat), Cakupan: parse.GetValue(cakupan), Bobot: parse.GetValue(bobot),
                    Permutasi: parse.GetValue(permutasi), Seed: parse.GetValue(seed), Alpha: parse.GetValue(alpha), Fdr: parse.GetValue(fdr),
                    Deret: parse.GetValue(deret), Ambang: parse.GetValue(ambang), Tampilan: parse.GetValue(tampilan),
                    DasarTinggi: parse.GetValue(dasarTinggi), Prior: parse.GetValue(prior), Bivariat: parse.GetValue(bivariat)),
                parse.GetValue(jendela)));

            await using var dataSource = GeoEnvironment.OpenDataSource();
            var gambar = await Service(dataSource).RenderAsync(GeoEnvironment.LocalCaller(), request, ct);
            var file = parse.GetValue(keluaran)!;
            await File.WriteAllBytesAsync(file.FullName, gambar.Png, ct);
            Console.Out.WriteLine($"Peta {request.Indikator} {request.Periode.Value} di {request.Wilayah} ({gambar.Lebar}×{gambar.Tinggi}): {file.FullName}"
                + (gambar.Sintetis ? "  [memuat data SINTETIS]" : ""));
            return 0;
        });
        return command;
    }

    public static PetaGambarService Service(NpgsqlDataSource dataSource) => new(
        new PetaGambarQueries(dataSource), new NilaiQueries(dataSource), new IndikatorCatalog(dataSource), AnalisisCommand.Service(dataSource),
        AnalisisCommand.TemporalService(dataSource));
}
