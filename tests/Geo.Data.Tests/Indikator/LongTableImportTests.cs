using System.Globalization;
using System.Text;
using Geo.Data.Indikator.Import;
using Geo.Data.Tests.Support;

namespace Geo.Data.Tests.Indikator;

public sealed class LongTableImportTests : PostgisTest
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await KotaMetroData.LoadBoundariesAsync(Db);
    }

    /// <summary>
    /// Long tables are read row by row; the first rows are held back to judge the decimal separator.
    /// Rows on both sides of that look-ahead must land, with decimal commas read as such.
    /// </summary>
    [Fact]
    public async Task A_long_file_beyond_the_decimal_look_ahead_is_stored_whole()
    {
        var desa = await Db.ScalarAsync<string[]>("SELECT array_agg(kode ORDER BY kode) FROM wilayah WHERE tingkat = 4");
        var csv = new StringBuilder("kode;indikator;periode;pembilang;penyebut;nilai\n");
        var rows = 0;
        for (var year = 2018; year <= 2024; year++)
        {
            for (var i = 1; i <= 29; i++)
            {
                foreach (var kode in desa!)
                {
                    rows++;
                    csv.Append(CultureInfo.InvariantCulture, $"{kode};L{i:00};{year};{rows % 7};10;{(rows % 7) * 10},0\n");
                }
            }
        }
        csv.Append(CultureInfo.InvariantCulture, $"{desa![0]};PREV_STUNTING;2024;1;8;12,5\n");

        var report = await new IndikatorImporter(Db.DataSource).ImportAsync(Encoding.UTF8.GetBytes(csv.ToString()), "panjang.csv",
            new IndikatorImportOptions(Sumber: "uji"));

        Assert.True(rows > 4_000, "the file must reach past the look-ahead");
        Assert.Equal(ImportStatus.Diimpor, report.Status);
        Assert.Equal(rows + 1, report.NilaiDitulis);
        Assert.Equal(rows + 1L, await Db.ScalarAsync<long>("SELECT count(*) FROM nilai"));
        Assert.Equal(12.5, await Db.ScalarAsync<double>($"SELECT nilai FROM nilai WHERE indikator = 'PREV_STUNTING' AND wilayah = '{desa[0]}'"));
    }
}
