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
        var nilai = new NilaiQueries(source);
        var catalog = new IndikatorCatalog(source);
        Service = new PetaGambarService(new PetaGambarQueries(source), nilai, catalog,
            new SituationAnalysisService(new AnalysisInputLoader(nilai, catalog), new SpatialWeightsBuilder(source),
                new AnalysisStore(source, AnalysisRetention.Default)));
    }

    public Task DisposeAsync() => Database.DisposeAsync();
}
