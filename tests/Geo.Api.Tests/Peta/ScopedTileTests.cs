using Geo.Api.Tests.Support;
using Geo.Core.Indikator;
using Geo.Core.Wilayah;
using Geo.Data.Peta;

namespace Geo.Api.Tests.Peta;

/// <summary>The scoped variants of the tile SQL, which the server uses once accounts are limited to a kab/kota.</summary>
public sealed class ScopedTileTests(GeoApiFactory factory) : IClassFixture<GeoApiFactory>
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_scoped_tile_holds_only_the_units_inside_the_scope(bool withNilai)
    {
        await using var tiles = TileDataSource.Create(factory.Database.ConnectionString);
        var queries = new TileQueries(tiles, new DataVersiTracker(factory.Database.DataSource));
        var (x, y) = TileMath.TileOf(105.31, -5.12, 8);
        var scope = WilayahScope.Within(KodeWilayah.Parse("18.72.01"));
        var nilai = withNilai ? new NilaiLayer("PREV_STUNTING", Periode.Parse("2022-08")) : null;

        var source = new WilayahTileSource(PetaLayer.Find("desa")!, nilai);

        var scoped = await queries.GetAsync(new TileKey(source, new TileAddress(8, x, y), scope));
        var national = await queries.GetAsync(new TileKey(source, new TileAddress(8, x, y), WilayahScope.Nasional));

        var inScope = MvtDecoder.Decode(scoped.Mvt, 8, x, y).Single().Features.Select(f => (string)f.Attributes["kode"]!).ToList();
        var all = MvtDecoder.Decode(national.Mvt, 8, x, y).Single().Features.Select(f => (string)f.Attributes["kode"]!).ToList();
        Assert.Equal(all.Where(k => k.StartsWith("18.72.01.", StringComparison.Ordinal)).Order(), inScope.Order());
        Assert.NotEmpty(inScope);
        Assert.True(inScope.Count < all.Count);
    }
}
