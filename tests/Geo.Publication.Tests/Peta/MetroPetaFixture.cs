using Geo.Core.Indikator;
using Geo.Core.Wilayah;
using Geo.Data.Analisis;
using Geo.Data.Indikator;
using Geo.Data.Indikator.Import;
using Geo.Data.Peta;
using Geo.Data.Statistics;
using Geo.Data.Tests.Indikator;
using Geo.Data.Tests.Support;
using Geo.Publication.Peta;

namespace Geo.Publication.Tests.Peta;

/// <summary>Kota Metro as `./geo demo metro` loads it: real 2022-08 prevalence (published), synthetic coverage for the same period.</summary>
public sealed class MetroPetaFixture : IAsyncLifetime
{
    public PostgisDatabase Database { get; } = new();

    public PetaGambarService Service { get; private set; } = null!;

    public SituationAnalysisService Analysis { get; private set; } = null!;

    public TemporalAnalysisService Temporal { get; private set; } = null!;

    /// <summary>Two published periods of prevalence with counts per kelurahan (the real 2022 table has percentages only), for the layers over time and the posterior.</summary>
    public const string PeriodeKedua = "2023-02";

    public const string PeriodeKetiga = "2023-08";

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await KotaMetroData.LoadBoundariesAsync(Database);
        var source = Database.DataSource;
        var prevalence = await new IndikatorImporter(source).ImportAsync(KotaMetroData.TsvPath,
            new IndikatorImportOptions("PREV_STUNTING", "2022-08", "e-PPGBM", "18.72", "uji"));
        await Uji.TerbitkanAsync(Database, prevalence);
        var coverage = await new DemoSintetis(source).GenerateAsync(KodeWilayah.Parse("18.72"), Periode.Parse("2022-08"), 1872, Uji.Lokal, true);
        Assert.True(coverage.Berhasil);
        // Counts rising from the first kelurahan to the last, then falling: some desa worse, some better.
        var desa = await source.CreateCommand("SELECT array_agg(kode ORDER BY kode) FROM wilayah WHERE tingkat = 4 AND kode LIKE '18.72.%'").ExecuteScalarAsync() as string[];
        var path = Path.Combine(Path.GetTempPath(), $"peta-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(path, ["kode,indikator,periode,pembilang,penyebut",
            .. desa!.Select((kode, i) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{kode},PREV_STUNTING,{PeriodeKedua},{4 + 2 * i},200")),
            .. desa!.Select((kode, i) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{kode},PREV_STUNTING,{PeriodeKetiga},{46 - 2 * i + (i % 3) * 5},200"))]);
        var counts = await new IndikatorImporter(source).ImportAsync(path, new IndikatorImportOptions(Sumber: "e-PPGBM", Wilayah: "18.72", Pengguna: "uji"));
        await Uji.TerbitkanAsync(Database, counts);
        var nilai = new NilaiQueries(source);
        var catalog = new IndikatorCatalog(source);
        Analysis = new SituationAnalysisService(new AnalysisInputLoader(nilai, catalog), new SpatialWeightsBuilder(source),
            new AnalysisStore(source, AnalysisRetention.Default));
        Temporal = new TemporalAnalysisService(nilai, catalog, new SpatialWeightsBuilder(source));
        Service = new PetaGambarService(new PetaGambarQueries(source), nilai, catalog, Analysis, Temporal);
    }

    public Task DisposeAsync() => Database.DisposeAsync();
}
