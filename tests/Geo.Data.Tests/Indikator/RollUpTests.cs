using Geo.Core.Akun;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Geo.Core.Indikator;
using Geo.Core.Wilayah;
using Geo.Data.Indikator;
using Geo.Data.Indikator.Import;
using Geo.Data.Tests.Support;

namespace Geo.Data.Tests.Indikator;

/// <summary>SQL roll-ups against sums computed here from the rows the test itself wrote.</summary>
public sealed class RollUpTests : PostgisTest
{
    private static readonly List<string> DesaCodes = JsonDocument.Parse(File.ReadAllText(DataFiles.Boundaries("kota-metro-kelurahan.geojson")))
        .RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("kode").GetString()!).Order().ToList();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await KotaMetroData.LoadBoundariesAsync(Db);
    }

    /// <summary>Random counts for all desa but every fifth, imported as one long CSV.</summary>
    private async Task<Dictionary<string, (int P, int Q)>> ImportCountsAsync(string indikator, string periode, int seed, bool terbitkan = true)
    {
        var random = new Random(seed);
        var rows = new Dictionary<string, (int, int)>();
        var csv = new StringBuilder("kode,indikator,periode,pembilang,penyebut\n");
        for (var i = 0; i < DesaCodes.Count; i++)
        {
            if (i % 5 == 4) continue;
            var q = random.Next(20, 400);
            var p = random.Next(0, q + 1);
            rows[DesaCodes[i]] = (p, q);
            // Sasaran (S..) are plain counts: the count goes in pembilang, with no denominator.
            csv.Append(CultureInfo.InvariantCulture, $"{DesaCodes[i]},{indikator},{periode},{p},{(indikator.StartsWith('S') ? "" : q)}\n");
        }
        var report = await new IndikatorImporter(Db.DataSource).ImportAsync(Encoding.UTF8.GetBytes(csv.ToString()), $"{indikator}-{seed}.csv",
            new IndikatorImportOptions(Sumber: "uji"));
        Assert.True(report.Berhasil, string.Join("\n", report.Penolakan));
        if (terbitkan) await Uji.TerbitkanAsync(Db, report);
        return rows;
    }

    [Fact]
    public async Task Kecamatan_kabkota_and_provinsi_are_ratios_of_sums_with_reporting_counts()
    {
        var rows = await ImportCountsAsync("L14", "2024", 5);

        var result = await new NilaiQueries(Db.DataSource).RollUpAsync(Caller.Anonim, KodeWilayah.Parse("18"),
            [Tingkat.Kecamatan, Tingkat.KabKota, Tingkat.Provinsi], "L14", Periode.Parse("2024"));

        var expectedUnits = DesaCodes.SelectMany(k => new[] { k[..8], k[..5], k[..2] }).Distinct().Order().ToList();
        Assert.Equal(expectedUnits, result.Select(r => r.Kode).Order());
        foreach (var unit in result)
        {
            var members = DesaCodes.Where(k => k.StartsWith(unit.Kode + ".")).ToList();
            var reported = members.Where(rows.ContainsKey).ToList();
            double p = reported.Sum(k => rows[k].P), q = reported.Sum(k => rows[k].Q);
            Assert.Equal(RollUpMethod.Ratio, unit.Agregat.Metode);
            Assert.Equal((members.Count, reported.Count), (unit.Agregat.JumlahDesa, unit.Agregat.Melapor));
            Assert.Equal(p, unit.Agregat.Pembilang!.Value, 9);
            Assert.Equal(q, unit.Agregat.Penyebut!.Value, 9);
            Assert.Equal(100 * p / q, unit.Agregat.Nilai!.Value, 9);
            Assert.Equal(80, unit.Target!.Nilai);
            Assert.Equal("nasional", unit.Target.Asal);
            Assert.Equal(["uji"], unit.Sumber);
        }
    }

    [Fact]
    public async Task Counts_are_summed_and_draft_batches_are_hidden_from_published_views()
    {
        var rows = await ImportCountsAsync("S01", "2024", 9, terbitkan: false);
        var queries = new NilaiQueries(Db.DataSource);

        var all = Assert.Single(await queries.RollUpAsync(Uji.Lokal, KodeWilayah.Parse("18.72"), [Tingkat.KabKota], "S01", Periode.Parse("2024"), Tampilan.Draf));
        Assert.Equal(RollUpMethod.Sum, all.Agregat.Metode);
        Assert.Equal(rows.Values.Sum(v => (double)v.P), all.Agregat.Nilai!.Value, 9);

        var published = Assert.Single(await queries.RollUpAsync(Caller.Anonim, KodeWilayah.Parse("18.72"), [Tingkat.KabKota], "S01", Periode.Parse("2024")));
        Assert.Equal(0, published.Agregat.Melapor);
        Assert.Null(published.Agregat.Nilai);
    }

    [Fact]
    public async Task Puskesmas_service_areas_roll_up_over_their_member_kelurahan()
    {
        // The member lists come with the file; they count in the public view once it is published.
        await Uji.TerbitkanAsync(Db, await new IndikatorImporter(Db.DataSource).ImportAsync(KotaMetroData.TsvPath,
            new IndikatorImportOptions("PREV_STUNTING", "2022-08", "e-PPGBM", "18.72")));
        var rows = await ImportCountsAsync("L14", "2024", 13);
        var members = new Dictionary<string, List<string>>();
        foreach (var row in KotaMetroData.Rows())
        {
            var kode = await Db.ScalarAsync<string>($"""
                SELECT d.kode FROM wilayah d JOIN wilayah k ON k.kode = d.induk
                WHERE k.nama = '{row.Kecamatan}' AND replace(d.nama, ' ', '') ILIKE replace('{row.Kelurahan}', ' ', '') || '%'
                """);
            if (!members.TryGetValue(row.Puskesmas, out var list)) members[row.Puskesmas] = list = [];
            list.Add(kode!);
        }

        var result = await new NilaiQueries(Db.DataSource).RollUpGroupsAsync(Uji.Lokal, KodeWilayah.Parse("18.72"), "puskesmas", "L14", Periode.Parse("2024"));

        Assert.Equal(members.Keys.Order(), result.Select(r => r.Nama).Order());
        foreach (var group in result)
        {
            var reported = members[group.Nama].Where(rows.ContainsKey).ToList();
            Assert.Equal((members[group.Nama].Count, reported.Count), (group.Agregat.JumlahDesa, group.Agregat.Melapor));
            if (reported.Count == 0) continue;
            Assert.Equal(100.0 * reported.Sum(k => rows[k].P) / reported.Sum(k => rows[k].Q), group.Agregat.Nilai!.Value, 9);
        }
    }

    [Fact]
    public async Task Percentage_only_prevalence_is_unavailable_without_weights_and_weighted_by_balita_counts_when_they_exist()
    {
        await new IndikatorImporter(Db.DataSource).ImportAsync(KotaMetroData.TsvPath, new IndikatorImportOptions("PREV_STUNTING", "2022-08", "e-PPGBM", "18.72"));
        var queries = new NilaiQueries(Db.DataSource);
        var periode = Periode.Parse("2022-08");

        var without = await queries.RollUpAsync(Uji.Lokal, KodeWilayah.Parse("18.72"), [Tingkat.Kecamatan], "PREV_STUNTING", periode, Tampilan.Draf);
        Assert.All(without, k => Assert.Equal((RollUpMethod.Unavailable, (double?)null), (k.Agregat.Metode, k.Agregat.Nilai)));
        Assert.Equal(22, without.Sum(k => k.Agregat.Melapor));
        Assert.Equal(22, without.Sum(k => k.HanyaPersen));

        // Balita counts for 2022 (S08+S09+S10): the roll-up becomes a weighted mean, labelled as such.
        var s08 = await ImportCountsAsync("S08", "2022", 21);
        var s09 = await ImportCountsAsync("S09", "2022", 22);
        var s10 = await ImportCountsAsync("S10", "2022", 23);
        var prevalence = new Dictionary<string, double>();
        foreach (var kode in DesaCodes) prevalence[kode] = (await Db.ScalarAsync<double>($"SELECT nilai FROM nilai WHERE indikator = 'PREV_STUNTING' AND wilayah = '{kode}'"));

        var with = await queries.RollUpAsync(Uji.Lokal, KodeWilayah.Parse("18.72"), [Tingkat.Kecamatan], "PREV_STUNTING", periode, Tampilan.Draf);
        foreach (var kec in with)
        {
            var desa = DesaCodes.Where(k => k.StartsWith(kec.Kode + ".")).ToList();
            if (desa.All(s08.ContainsKey))
            {
                double Weight(string k) => s08[k].P + s09[k].P + s10[k].P;
                Assert.Equal(RollUpMethod.Weighted, kec.Agregat.Metode);
                Assert.Equal(desa.Sum(k => prevalence[k] * Weight(k)) / desa.Sum(Weight), kec.Agregat.Nilai!.Value, 9);
            }
            else
            {
                // Every fifth desa has no counts, so no weight: refused rather than averaged.
                Assert.Equal(RollUpMethod.Unavailable, kec.Agregat.Metode);
            }
        }
        Assert.Contains(with, k => k.Agregat.Metode == RollUpMethod.Weighted);
    }

    [Fact]
    public async Task Desa_values_carry_their_own_target_an_ancestor_override_or_the_national_one()
    {
        // Published: the file's own targets (2023, 2024) apply once their batch is.
        await Uji.TerbitkanAsync(Db, await new IndikatorImporter(Db.DataSource).ImportAsync(KotaMetroData.TsvPath,
            new IndikatorImportOptions("PREV_STUNTING", "2022-08", "e-PPGBM", "18.72")));
        var catalog = new IndikatorCatalog(Db.DataSource);
        await catalog.SetTargetAsync(Uji.Lokal, "PREV_STUNTING", "18.72", 2022, 12.5);

        var values = await new NilaiQueries(Db.DataSource).ValuesAsync(Uji.Lokal, KodeWilayah.Parse("18.72"), Tingkat.Desa, "PREV_STUNTING", Periode.Parse("2022-08"), Tampilan.Draf);
        Assert.Equal(22, values.Count);
        Assert.All(values, v => Assert.Equal(new ApplicableTarget(12.5, "18.72"), v.Target));
        Assert.All(values, v => Assert.True(v.HanyaPersen && v.Pembilang is null && v.Sumber == "e-PPGBM" && !v.Sintetis));

        var in2023 = await new NilaiQueries(Db.DataSource).ValuesAsync(Uji.Lokal, KodeWilayah.Parse("18.72"), Tingkat.Desa, "PREV_STUNTING", Periode.Parse("2023"), Tampilan.Draf);
        Assert.Equal(3.27, in2023.Single(v => v.Kode == "18.72.05.1002").Target!.Nilai, 6);
        Assert.Equal(new ApplicableTarget(14, "nasional"), await catalog.TargetAsync("PREV_STUNTING", "18.72.05.1002", 2025));
    }
}
