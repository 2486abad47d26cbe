using Geo.Core.Akun;
using Geo.Core.Wilayah;
using Geo.Data.Tests.Support;
using Geo.Data.Wilayah.Import;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace Geo.Api.Tests.Support;

/// <summary>The real API host over its own fresh PostGIS database, loaded with the Kota Metro boundaries.</summary>
public sealed class GeoApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public PostgisDatabase Database { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.UseSetting("GEO_DATABASE_URL", Database.ConnectionString)
            .ConfigureTestServices(services => services.AddUjiAuth());

    /// <summary>A national account with every role: what the server's own tests act as when who acts is not the point.</summary>
    public HttpClient Nasional() => this.ClientAs("uji-nasional", "nasional", Enum.GetValues<Peran>());

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
