using Geo.Core.Akun;
using Geo.Core.Indikator;
using Geo.Core.Wilayah;
using Geo.Data.Analisis;
using Geo.Data.Indikator;
using Geo.Data.Indikator.Import;
using Geo.Data.Lokus;
using Geo.Data.Statistics;
using Geo.Data.Tests.Indikator;
using Geo.Data.Tests.Support;
using Geo.Data.Wilayah.Import;
using Geo.Publication.Laporan;

namespace Geo.Publication.Tests.Laporan;

/// <summary>Kota Metro as `./geo up` loads it (real 2022-08 prevalence, synthetic coverage, published) with a final lokus list.</summary>
public sealed class MetroLaporanFixture : IAsyncLifetime
{
    public static readonly AnalysisRequest Request = AnalysisRequestParser.Parse(new AnalysisOptionsText("18.72", "2022-08"));

    public PostgisDatabase Db { get; } = new();
    public NilaiQueries Nilai { get; private set; } = null!;
    public SituationAnalysisService Analysis { get; private set; } = null!;
    public PetaLaporan Peta { get; private set; } = null!;
    public TemporalAnalysisService Temporal { get; private set; } = null!;
    public LokusDetail Lokus { get; private set; } = null!;

    public LaporanService Service(IPetaLaporan? peta = null) =>
        new(Analysis, Nilai, new IndikatorCatalog(Db.DataSource), new LokusStore(Db.DataSource), peta ?? Peta, Temporal);

    public async Task InitializeAsync()
    {
        await Db.InitializeAsync();
        await LoadMetroAsync(Db);
        var source = Db.DataSource;
        Nilai = new NilaiQueries(source);
        Analysis = new SituationAnalysisService(new AnalysisInputLoader(Nilai, new IndikatorCatalog(source)),
            new SpatialWeightsBuilder(source), new AnalysisStore(source, AnalysisRetention.Default));
        Temporal = new TemporalAnalysisService(Nilai, new IndikatorCatalog(source), new SpatialWeightsBuilder(source));
        Peta = Maps(source, Analysis, Temporal);

        var store = new LokusStore(source);
        var analis = Uji.Dengan("analis-metro", "18.72", Peran.Analis);
        var draft = await store.CreateAsync(analis, new LokusInput("Lokus stunting 2022", "18.72", 2022,
        [
            new LokusDesaInput("18.72.01.1001", "Prevalensi tertinggi di Metro Pusat dan cakupan TTD remaja putri rendah"),
            new LokusDesaInput("18.72.04.1002", "Titik panas Gi* dengan sanitasi layak di bawah target"),
        ]));
        Lokus = await store.FinaliseAsync(analis, draft.Lokus.Id);
    }

    /// <summary>A report service over a database of its own, wired as the API and the CLI wire it.</summary>
    public static LaporanService ServiceOver(Npgsql.NpgsqlDataSource source)
    {
        var nilai = new NilaiQueries(source);
        var analysis = new SituationAnalysisService(new AnalysisInputLoader(nilai, new IndikatorCatalog(source)),
            new SpatialWeightsBuilder(source), new AnalysisStore(source, AnalysisRetention.Default));
        var temporal = new TemporalAnalysisService(nilai, new IndikatorCatalog(source), new SpatialWeightsBuilder(source));
        return new LaporanService(analysis, nilai, new IndikatorCatalog(source), new LokusStore(source), Maps(source, analysis, temporal), temporal);
    }

    /// <summary>The report's maps drawn by the static map renderer, as the API and the CLI wire it.</summary>
    public static PetaLaporan Maps(Npgsql.NpgsqlDataSource source, SituationAnalysisService analysis, TemporalAnalysisService temporal) =>
        new(new Geo.Publication.Peta.PetaGambarService(new Data.Peta.PetaGambarQueries(source), new NilaiQueries(source), new IndikatorCatalog(source), analysis, temporal));

    /// <summary>The Kota Metro boundaries, the real 2022-08 prevalence and synthetic coverage, all published.</summary>
    public static async Task LoadMetroAsync(PostgisDatabase db)
    {
        var source = db.DataSource;
        var importer = new BoundaryImporter(source);
        await importer.ImportAsync(DataFiles.Boundaries("kota-metro-kecamatan.geojson"), new BoundaryImportOptions(Tingkat.Kecamatan));
        await importer.ImportAsync(DataFiles.Boundaries("kota-metro-kelurahan.geojson"), new BoundaryImportOptions(Tingkat.Desa));
        var prevalence = await new IndikatorImporter(source).ImportAsync(KotaMetroData.TsvPath,
            new IndikatorImportOptions("PREV_STUNTING", "2022-08", "e-PPGBM", "18.72", "uji"));
        await Uji.TerbitkanAsync(db, prevalence);
        var coverage = await new DemoSintetis(source).GenerateAsync(KodeWilayah.Parse("18.72"), Periode.Parse("2022-08"), 1872, Uji.Lokal, true);
        Assert.True(coverage.Berhasil);
    }

    public Task DisposeAsync() => Db.DisposeAsync();
}
