using Geo.Core.Wilayah;
using Geo.Data.Tests.Support;
using Geo.Data.Wilayah.Import;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Geo.Api.Tests.Support;

/// <summary>The real API host over its own fresh PostGIS database, loaded with the Kota Metro boundaries.</summary>
public sealed class GeoApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public PostgisDatabase Database { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.UseSetting("GEO_DATABASE_URL", Database.ConnectionString);

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        var importer = new BoundaryImporter(Database.DataSource);
        await importer.ImportAsync(DataFiles.Boundaries("kota-metro-kecamatan.geojson"), new BoundaryImportOptions(Tingkat.Kecamatan));
        await importer.ImportAsync(DataFiles.Boundaries("kota-metro-kelurahan.geojson"), new BoundaryImportOptions(Tingkat.Desa));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }
}
