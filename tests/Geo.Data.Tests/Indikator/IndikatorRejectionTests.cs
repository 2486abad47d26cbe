using System.Text;
using Geo.Data.Indikator.Import;
using Geo.Data.Tests.Support;

namespace Geo.Data.Tests.Indikator;

/// <summary>Every kind of refusal names file, row, column and reason, and leaves the database untouched.</summary>
public sealed class IndikatorRejectionTests : PostgisTest
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await KotaMetroData.LoadBoundariesAsync(Db);
    }

    private async Task<ImportRejection> RejectedAsync(string name, string content, IndikatorImportOptions? options = null)
    {
        var report = await new IndikatorImporter(Db.DataSource).ImportAsync(Encoding.UTF8.GetBytes(content), name, options ?? new IndikatorImportOptions(Sumber: "uji"));
        Assert.Equal(ImportStatus.Ditolak, report.Status);
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM impor_batch"));
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM nilai"));
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM target"));
        var rejection = Assert.Single(report.Penolakan);
        Assert.Equal(name, rejection.Berkas);
        return rejection;
    }

    private const string Header = "kode,indikator,periode,pembilang,penyebut,nilai\n";
    private const string Good = "18.72.01.1001,L14,2024,30,40,\n";

    [Fact]
    public async Task Numerator_greater_than_denominator()
    {
        var r = await RejectedAsync("a.csv", Header + Good + "18.72.01.1002,L14,2024,41,40,\n");
        Assert.Equal((3, "pembilang/penyebut/nilai"), (r.Baris, r.Kolom));
        Assert.Contains("lebih besar dari penyebut", r.Alasan);
    }

    [Fact]
    public async Task Negative_counts()
    {
        var r = await RejectedAsync("a.csv", Header + Good + "18.72.01.1002,S01,2024,-5,,\n");
        Assert.Equal(3, r.Baris);
        Assert.Contains("negatif", r.Alasan);
    }

    [Fact]
    public async Task Percentage_outside_0_to_100()
    {
        var r = await RejectedAsync("a.csv", Header + Good + "18.72.01.1002,L14,2024,,,104.5\n");
        Assert.Equal(3, r.Baris);
        Assert.Contains("di luar 0-100", r.Alasan);
    }

    [Fact]
    public async Task Unknown_indicator()
    {
        var r = await RejectedAsync("a.csv", Header + Good + "18.72.01.1002,L99,2024,1,2,\n");
        Assert.Equal((3, "indikator"), (r.Baris, r.Kolom));
        Assert.Contains("L99", r.Alasan);
    }

    [Fact]
    public async Task Unknown_wilayah_code()
    {
        var r = await RejectedAsync("a.csv", Header + Good + "18.72.01.1999,L14,2024,1,2,\n");
        Assert.Equal((3, "kode"), (r.Baris, r.Kolom));
        Assert.Contains("tidak ada di tabel wilayah", r.Alasan);
    }

    [Fact]
    public async Task Unknown_wilayah_name()
    {
        var r = await RejectedAsync("b.tsv", "Kelurahan\tL14 (%)\nMetro\t50\nAtlantis\t60\n", new IndikatorImportOptions("L14", "2024", "uji", "18.72"));
        Assert.Equal((3, "Kelurahan"), (r.Baris, r.Kolom));
        Assert.Contains("'Atlantis' tidak ditemukan", r.Alasan);
    }

    [Fact]
    public async Task Ambiguous_wilayah_name()
    {
        var r = await RejectedAsync("b.tsv", "Kelurahan\tL14 (%)\nMetro\t50\nHadimulyo\t60\n", new IndikatorImportOptions("L14", "2024", "uji", "18.72"));
        Assert.Equal(3, r.Baris);
        Assert.Contains("ambigu", r.Alasan);
        Assert.Contains("Hadimulyo Barat", r.Alasan);
        Assert.Contains("Hadimulyo Timur", r.Alasan);
    }

    [Fact]
    public async Task Duplicate_rows_in_a_long_file()
    {
        var r = await RejectedAsync("a.csv", Header + Good + "18.72.01.1002,L14,2024,1,2,\n" + "18.72.01.1001,L14,2024,3,4,\n");
        Assert.Equal(4, r.Baris);
        Assert.Contains("baris ganda", r.Alasan);
        Assert.Contains("baris 2", r.Alasan);
    }

    [Fact]
    public async Task Duplicate_rows_in_a_wide_file_naming_the_same_kelurahan_twice()
    {
        var r = await RejectedAsync("b.tsv", "Kelurahan\tL14 (%)\nGanjar Agung\t50\nGanjaragung\t60\n", new IndikatorImportOptions("L14", "2024", "uji", "18.72"));
        Assert.Equal(3, r.Baris);
        Assert.Contains("baris ganda", r.Alasan);
    }

    [Fact]
    public async Task Unparseable_numbers()
    {
        var r = await RejectedAsync("a.csv", Header + Good + "18.72.01.1002,L14,2024,dua belas,40,\n");
        Assert.Equal((3, "pembilang"), (r.Baris, r.Kolom));
        Assert.Contains("tidak terbaca", r.Alasan);
    }

    [Fact]
    public async Task Unparseable_numbers_in_a_wide_file_name_the_column()
    {
        var r = await RejectedAsync("b.tsv", "Kelurahan\tL14 (%)\nMetro\t50,5\nImopuro\t6O,1\n", new IndikatorImportOptions("L14", "2024", "uji", "18.72"));
        Assert.Equal(3, r.Baris);
        Assert.StartsWith("B", r.Kolom);
        Assert.Contains("'6O,1'", r.Alasan);
    }

    [Fact]
    public async Task Invalid_period()
    {
        var r = await RejectedAsync("a.csv", Header + "18.72.01.1001,L14,2024-13,30,40,\n");
        Assert.Equal((2, "periode"), (r.Baris, r.Kolom));
    }

    [Fact]
    public async Task All_problems_of_a_file_are_reported_at_once()
    {
        var content = Header + "18.72.01.1001,L14,2024,41,40,\n18.72.01.1002,XX,2024,1,2,\n18.72.01.1003,L14,2024,a,2,\n";
        var report = await new IndikatorImporter(Db.DataSource).ImportAsync(Encoding.UTF8.GetBytes(content), "c.csv", new IndikatorImportOptions());
        Assert.Equal([2, 3, 4], report.Penolakan.Select(p => p.Baris));
    }
}
