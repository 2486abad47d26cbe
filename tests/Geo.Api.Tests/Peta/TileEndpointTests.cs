using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Geo.Api.Tests.Support;

namespace Geo.Api.Tests.Peta;

public sealed class TileEndpointTests(GeoApiFactory factory) : IClassFixture<GeoApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("provinsi")]
    [InlineData("kabkota")]
    [InlineData("kecamatan")]
    [InlineData("desa")]
    public async Task A_tile_over_Kota_Metro_holds_every_unit_of_the_level_with_fid_kode_and_nama(string layer)
    {
        var tingkat = Array.IndexOf(["provinsi", "kabkota", "kecamatan", "desa"], layer) + 1;
        var expected = await UnitsAsync($"SELECT fid, kode, nama FROM wilayah WHERE tingkat = {tingkat}");
        // At z8 a tile is 1.4 degrees wide; Kota Metro (0.15 degrees) fits in the one under its centre.
        var (lon, lat) = await CentreAsync();
        var (x, y) = TileMath.TileOf(lon, lat, 8);

        var tile = await GetTileAsync($"/tiles/{layer}/8/{x}/{y}.mvt", 8, x, y);

        var decoded = Assert.Single(tile);
        Assert.Equal(layer, decoded.Name);
        Assert.Equal(expected.Count, decoded.Features.Count);
        Assert.True(expected.Count > 0);
        foreach (var feature in decoded.Features)
        {
            var (kode, nama) = expected[feature.Id];
            Assert.Equal(kode, feature.Attributes["kode"]);
            Assert.Equal(nama, feature.Attributes["nama"]);
            Assert.Equal(["kode", "nama"], feature.Attributes.Keys.Order());
        }
    }

    [Fact]
    public async Task A_z13_desa_tile_holds_the_desa_that_cross_it_and_no_other()
    {
        var (lon, lat) = await CentreAsync();
        var (x, y) = TileMath.TileOf(lon, lat, 13);
        // Computed apart from the tile SQL: from geom in 4326, reprojected here.
        var inside = await UnitsAsync($"""
            SELECT fid, kode, nama FROM wilayah
            WHERE tingkat = 4 AND ST_Area(ST_Intersection(ST_Transform(geom, 3857), ST_TileEnvelope(13, {x}, {y}))) > 1000
            """);
        var nearby = await UnitsAsync($"""
            SELECT fid, kode, nama FROM wilayah
            WHERE tingkat = 4 AND ST_Intersects(ST_Transform(geom, 3857), ST_TileEnvelope(13, {x}, {y}, margin => 0.02))
            """);

        var layer = Assert.Single(await GetTileAsync($"/tiles/desa/13/{x}/{y}.mvt", 13, x, y));

        var ids = layer.Features.Select(f => f.Id).ToHashSet();
        Assert.NotEmpty(inside.Keys);
        Assert.Superset(inside.Keys.ToHashSet(), ids);
        Assert.Subset(nearby.Keys.ToHashSet(), ids);
        Assert.True(nearby.Count < await ScalarAsync<long>("SELECT count(*) FROM wilayah WHERE tingkat = 4"), "the tile must not hold every desa");
    }

    [Theory]
    [InlineData("/tiles/desa/5/{x5}/{y5}.mvt")]
    [InlineData("/tiles/desa/8/0/0.mvt")]
    public async Task A_tile_with_nothing_to_show_is_200_with_an_empty_body(string template)
    {
        var (lon, lat) = await CentreAsync();
        var (x5, y5) = TileMath.TileOf(lon, lat, 5);
        var response = await _client.GetAsync(template.Replace("{x5}", x5.ToString()).Replace("{y5}", y5.ToString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.mapbox-vector-tile", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.NotNull(response.Headers.ETag);
    }

    [Theory]
    [InlineData("/tiles/jalan/8/1/1.mvt", HttpStatusCode.NotFound)]
    [InlineData("/tiles/jalan.json", HttpStatusCode.NotFound)]
    [InlineData("/tiles/desa/8/256/1.mvt", HttpStatusCode.BadRequest)]
    [InlineData("/tiles/desa/8/1/256.mvt", HttpStatusCode.BadRequest)]
    [InlineData("/tiles/desa/23/0/0.mvt", HttpStatusCode.BadRequest)]
    [InlineData("/tiles/desa/8/-1/0.mvt", HttpStatusCode.BadRequest)]
    [InlineData("/tiles/desa/z/0/0.mvt", HttpStatusCode.BadRequest)]
    public async Task Bad_tile_requests_are_problem_details(string url, HttpStatusCode status)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task TileJSON_describes_the_layer_and_its_template_fetches_tiles()
    {
        var response = await _client.GetAsync("/tiles/desa.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal("3.0.0", json.GetProperty("tilejson").GetString());
        Assert.Equal(8, json.GetProperty("minzoom").GetInt32());
        Assert.Equal(14, json.GetProperty("maxzoom").GetInt32());
        var bounds = json.GetProperty("bounds").EnumerateArray().Select(b => b.GetDouble()).ToArray();
        var extent = await ScalarAsync<string>("SELECT concat_ws(',', ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)) FROM (SELECT ST_Extent(geom) e FROM wilayah WHERE tingkat = 4) x");
        var expected = extent!.Split(',').Select(double.Parse).ToArray();
        Assert.Equal(expected, bounds, new ToleranceComparer(1e-9));
        var layer = Assert.Single(json.GetProperty("vector_layers").EnumerateArray());
        Assert.Equal("desa", layer.GetProperty("id").GetString());
        Assert.True(layer.GetProperty("fields").TryGetProperty("kode", out _));
        Assert.True(layer.GetProperty("fields").TryGetProperty("nama", out _));

        var template = Assert.Single(json.GetProperty("tiles").EnumerateArray()).GetString()!;
        Assert.EndsWith("/tiles/desa/{z}/{x}/{y}.mvt", template);
        var (x, y) = TileMath.TileOf((bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, 10);
        var url = new Uri(template.Replace("{z}", "10").Replace("{x}", x.ToString()).Replace("{y}", y.ToString())).PathAndQuery;
        Assert.NotEmpty(await GetTileAsync(url, 10, x, y));
    }

    [Fact]
    public async Task Gzip_is_sent_to_clients_that_accept_it_and_decodes_to_the_same_tile()
    {
        var (lon, lat) = await CentreAsync();
        var (x, y) = TileMath.TileOf(lon, lat, 10);
        var url = $"/tiles/desa/10/{x}/{y}.mvt";
        var raw = await (await _client.GetAsync(url)).Content.ReadAsByteArrayAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        var response = await _client.SendAsync(request);

        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        await using var gzip = new GZipStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        using var unzipped = new MemoryStream();
        await gzip.CopyToAsync(unzipped);
        Assert.Equal(raw, unzipped.ToArray());
        Assert.NotEmpty(raw);
    }

    private async Task<IReadOnlyList<MvtDecoder.DecodedLayer>> GetTileAsync(string url, int z, int x, int y)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.mapbox-vector-tile", response.Content.Headers.ContentType?.MediaType);
        return MvtDecoder.Decode(await response.Content.ReadAsByteArrayAsync(), z, x, y);
    }

    private async Task<(double Lon, double Lat)> CentreAsync()
    {
        var text = await ScalarAsync<string>("SELECT ST_X(c) || ',' || ST_Y(c) FROM (SELECT ST_Centroid(ST_Extent(geom)::geometry) c FROM wilayah WHERE kode = '18.72') x");
        var parts = text!.Split(',').Select(double.Parse).ToArray();
        return (parts[0], parts[1]);
    }

    private async Task<Dictionary<long, (string Kode, string Nama)>> UnitsAsync(string sql)
    {
        var units = new Dictionary<long, (string, string)>();
        await using var cmd = factory.Database.DataSource.CreateCommand(sql);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) units.Add(reader.GetInt64(0), (reader.GetString(1), reader.GetString(2)));
        return units;
    }

    private Task<T?> ScalarAsync<T>(string sql) => factory.Database.ScalarAsync<T>(sql);

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) <= tolerance;
        public int GetHashCode(double value) => 0;
    }
}
