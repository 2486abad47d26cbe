using System.Globalization;
using System.Text;
using System.Text.Json;
using Geo.Core.Analisis;
using Geo.Core.Indikator;
using Geo.Core.Statistics;
using Geo.Core.Wilayah;
using Geo.Data.Analisis;
using Geo.Data.Indikator;
using Geo.Data.Indikator.Import;
using Geo.Data.Statistics;
using Geo.Data.Tests.Support;
using Geo.Data.Wilayah.Import;

namespace Geo.Data.Tests.Analisis;

/// <summary>
/// The whole path (real boundaries, indicator import, PostGIS weights, analysis, storage) against
/// R spdep's results on the same synthetic values (tests/data/spdep, made by
/// tests/reference/spdep/make-fixtures.R). The cases are those where our PostGIS neighbour lists
/// equal spdep's exactly: knn on Kab Paser, and queen on Kota Tual with its four islands. (On
/// Paser, queen finds five pairs that poly2nb misses; SpatialWeightsBuilderTests explains them.)
/// </summary>
public sealed class AnalysisAgainstSpdepTests : PostgisTest
{
    private static JsonElement Load(string name) => JsonDocument.Parse(File.ReadAllText(DataFiles.TestData($"spdep/{name}.json"))).RootElement;

    private static readonly JsonElement Fixture = Load("paser-knn6");

    private static string[] IdsOf(JsonElement fixture) => fixture.GetProperty("ids").EnumerateArray().Select(e => e.GetString()!).ToArray();

    private static string[] Ids => IdsOf(Fixture);

    private static double[] Numbers(JsonElement e) => e.EnumerateArray().Select(v => v.GetDouble()).ToArray();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        foreach (var file in new[] { "kab-paser-desa.geojson", "kota-tual-desa.geojson" })
        {
            var report = await new BoundaryImporter(Db.DataSource).ImportAsync(DataFiles.Shared("boundaries/" + file), new BoundaryImportOptions(Tingkat.Desa));
            Assert.True(report.Succeeded);
        }
    }

    private Task ImportAsync(string periode, Func<int, (double? Pembilang, double? Penyebut, double? Nilai)> row) =>
        ImportAsync(Ids, periode, row);

    private async Task ImportAsync(string[] ids, string periode, Func<int, (double? Pembilang, double? Penyebut, double? Nilai)> row)
    {
        var csv = new StringBuilder("kode,indikator,periode,pembilang,penyebut,nilai\n");
        for (var i = 0; i < ids.Length; i++)
        {
            var (p, q, v) = row(i);
            csv.Append(CultureInfo.InvariantCulture, $"{ids[i]},PREV_STUNTING,{periode},{p},{q},{v:R}\n");
        }
        var path = Path.Combine(Path.GetTempPath(), $"paser-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, csv.ToString());
        try
        {
            var result = await new IndikatorImporter(Db.DataSource).ImportAsync(path, new IndikatorImportOptions(Sumber: "sintetis", Pengguna: "uji"));
            Assert.True(result.Berhasil, string.Join("; ", result.Penolakan.Select(d => d.ToString())));
            await Uji.TerbitkanAsync(Db, result);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private SituationAnalysisService Service() => new(
        new AnalysisInputLoader(new NilaiQueries(Db.DataSource), new IndikatorCatalog(Db.DataSource)),
        new SpatialWeightsBuilder(Db.DataSource), new AnalysisStore(Db.DataSource, AnalysisRetention.Default));

    private static AnalysisRequest Request(string periode, string wilayah = "64.01", string bobot = "knn:6") => new()
    {
        Wilayah = KodeWilayah.Parse(wilayah),
        Periode = Periode.Parse(periode),
        Bobot = WeightsSpec.Parse(bobot),
        Permutasi = 99,
        Seed = 42,
    };

    [Fact]
    public async Task Moran_LISA_and_Gi_star_agree_with_spdep_on_percentages()
    {
        var x = Numbers(Fixture.GetProperty("x"));
        await ImportAsync("2024-08", i => (null, null, x[i]));

        var result = await Service().RunAsync(Uji.Lokal, Request("2024-08"));

        var moran = Fixture.GetProperty("moranW");
        Assert.Equal(moran.GetProperty("I").GetDouble(), result.Summary.Moran!.I, 1e-6);
        Assert.Equal(moran.GetProperty("EI").GetDouble(), result.Summary.Moran.ExpectedI, 1e-9);
        Assert.Equal(moran.GetProperty("VarRandomisation").GetDouble(), result.Summary.Moran.Variance, 1e-9);
        Assert.Equal(moran.GetProperty("ZRandomisation").GetDouble(), result.Summary.Moran.Z, 1e-6);

        var local = Fixture.GetProperty("localMoranW");
        var ii = Numbers(local.GetProperty("Ii"));
        var z = Numbers(local.GetProperty("ZIi"));
        var gi = Numbers(Fixture.GetProperty("localGStarB"));
        Assert.Equal(Ids, result.Rows.Select(r => r.Kode));
        for (var i = 0; i < Ids.Length; i++)
        {
            Assert.Equal(ii[i], result.Rows[i].LocalI!.Value, 1e-6);
            Assert.Equal(z[i], result.Rows[i].LocalZ!.Value, 1e-6);
            Assert.Equal(gi[i], result.Rows[i].GiZ!.Value, 1e-6);
        }
        Assert.True(result.Synthetic);
        Assert.NotNull(result.Summary.SmoothingUnavailable);
    }

    [Fact]
    public async Task Islands_of_Kota_Tual_are_listed_kept_in_global_Moran_and_without_local_statistics()
    {
        var tual = Load("tual-queen");
        var ids = IdsOf(tual);
        var x = Numbers(tual.GetProperty("x"));
        await ImportAsync(ids, "2024-08", i => (null, null, x[i]));

        var result = await Service().RunAsync(Uji.Lokal, Request("2024-08", "81.72", "queen"));

        var islands = Statistics.SpdepNeighbours.Load("tual-queen").Where(p => p.Value.Count == 0).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(4, islands.Count);
        Assert.Equal(islands, result.Summary.Islands);
        var moran = tual.GetProperty("moranW");
        Assert.Equal(moran.GetProperty("I").GetDouble(), result.Summary.Moran!.I, 1e-6);
        Assert.Equal(moran.GetProperty("ZRandomisation").GetDouble(), result.Summary.Moran.Z, 1e-6);
        var ii = Numbers(tual.GetProperty("localMoranW").GetProperty("Ii"));
        for (var i = 0; i < ids.Length; i++)
        {
            var row = result.Rows.Single(r => r.Kode == ids[i]);
            if (islands.Contains(ids[i]))
            {
                Assert.Equal(LisaLabels.Island, row.Lisa);
                Assert.Null(row.LocalI);
            }
            else
            {
                Assert.Equal(ii[i], row.LocalI!.Value, 1e-6);
            }
        }
    }

    [Fact]
    public async Task Empirical_Bayes_from_counts_agrees_with_spdep_EBest_and_EBlocal()
    {
        var events = Numbers(Fixture.GetProperty("events"));
        var population = Numbers(Fixture.GetProperty("population"));
        await ImportAsync("2024-02", i => (events[i], population[i], 100 * events[i] / population[i]));

        var result = await Service().RunAsync(Uji.Lokal, Request("2024-02"));

        var global = Numbers(Fixture.GetProperty("ebGlobal").GetProperty("est"));
        var local = Numbers(Fixture.GetProperty("ebLocal").GetProperty("est"));
        for (var i = 0; i < Ids.Length; i++)
        {
            Assert.Equal(100 * global[i], result.Rows[i].EbGlobal!.Value, 1e-6);
            Assert.Equal(100 * local[i], result.Rows[i].EbLokal!.Value, 1e-6);
        }
        Assert.Null(result.Summary.SmoothingUnavailable);
    }

    [Fact]
    public async Task An_unchanged_input_returns_the_stored_run_and_a_changed_one_replaces_it()
    {
        var x = Numbers(Fixture.GetProperty("x"));
        await ImportAsync("2024-08", i => (null, null, x[i]));
        var service = Service();

        var first = await service.RunAsync(Uji.Lokal, Request("2024-08"));
        var again = await service.RunAsync(Uji.Lokal, Request("2024-08"));
        await ImportAsync("2024-08", i => (null, null, i == 0 ? x[i] + 5 : x[i]));
        var changed = await service.RunAsync(Uji.Lokal, Request("2024-08"));

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(first.Rows, again.Rows);
        Assert.NotEqual(first.Id, changed.Id);
        Assert.NotEqual(first.InputVersion, changed.InputVersion);
        Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT count(*) FROM analisis"));
        Assert.Equal(144L, await Db.ScalarAsync<long>("SELECT count(*) FROM analisis_unit"));
    }

    [Fact]
    public async Task Every_unit_has_a_gap_class_and_the_stored_csv_has_the_issue_columns()
    {
        var x = Numbers(Fixture.GetProperty("x"));
        await ImportAsync("2024-08", i => (null, null, x[i]));

        var result = await Service().RunAsync(Uji.Lokal, Request("2024-08"));
        var csv = new StringWriter();
        AnalysisCsv.Write(result.Rows, csv);

        // No coverage data was imported: every desa lacks indicators to judge, and says so.
        Assert.All(result.Rows, r => Assert.Equal(GapClass.DataKurang, r.Kelas));
        Assert.Equal(144, result.Summary.ClassCounts[GapClass.DataKurang]);
        Assert.Equal(GapClassifier.Median(x), result.Summary.Threshold, 12);
        var lines = csv.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("kode,nama,nilai,eb_global,eb_lokal,local_i,local_z,local_p,lisa,gi_z,gi_p,gi_bin,kelas,alasan,peluang_tinggi,ki_bawah,ki_atas,tidak_pasti,bv_i,bv_p,bv_lisa", lines[0]);
        Assert.Equal(145, lines.Length);
    }

    [Fact]
    public async Task Kecamatan_are_analysed_on_values_rolled_up_from_desa_counts()
    {
        var events = Numbers(Fixture.GetProperty("events"));
        var population = Numbers(Fixture.GetProperty("population"));
        await ImportAsync("2024-02", i => (events[i], population[i], 100 * events[i] / population[i]));

        var result = await Service().RunAsync(Uji.Lokal, Request("2024-02", bobot: "queen") with { Tingkat = Tingkat.Kecamatan });

        // Σ cases / Σ measured per kecamatan, from the fixture, never a mean of desa percentages.
        var expected = Ids.Select((id, i) => (Kecamatan: id[..8], e: events[i], p: population[i]))
            .GroupBy(x => x.Kecamatan)
            .ToDictionary(g => g.Key, g => 100 * g.Sum(x => x.e) / g.Sum(x => x.p));
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), result.Rows.Select(r => r.Kode));
        foreach (var row in result.Rows) Assert.Equal(expected[row.Kode], row.Nilai!.Value, 9);
        Assert.Equal("kecamatan", result.Tingkat);
        Assert.Equal(GapClassifier.Median(expected.Values.ToArray()), result.Summary.Threshold, 9);
        Assert.NotNull(result.Summary.Moran);
    }
}
