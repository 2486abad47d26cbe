using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Geo.Api.Tests.Analisis;
using Geo.Api.Tests.Support;
using Geo.Core.Akun;
using Geo.Core.Wilayah;
using Geo.Data.Indikator.Import;
using Geo.Data.Lokus;
using Geo.Data.Tests.Support;
using Geo.Data.Wilayah.Import;
using Npgsql;

namespace Geo.Api.Tests.Ekspor;

/// <summary>
/// Every export opened as a QGIS user's GDAL opens it (ogrinfo, ogr2ogr): layer name, count, CRS,
/// field types and values against the database; the GeoPackage's styles and metadata; the
/// Shapefile's long names through its sidecar; numbers in spreadsheets; and the way back in.
/// </summary>
public sealed class EksporEndpointTests(MetroAnalysisFixture fixture) : IClassFixture<MetroAnalysisFixture>, IDisposable
{
    private readonly HttpClient _anonim = fixture.Factory.CreateClient();
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("geo-ekspor-uji-");

    private const string WilayahLayer = "desa_18_72_prev_stunting_2022_08";
    private static string WilayahUrl(string format, string extra = "") => $"/api/ekspor/wilayah.{format}?induk=18.72&indikator=PREV_STUNTING&periode=2022-08{extra}";
    private static string AnalisisUrl(string format, string extra = "") => $"/api/ekspor/analisis.{format}?wilayah=18.72&periode=2022-08&permutasi=99&seed=3{extra}";

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task The_desa_GeoPackage_opens_in_GDAL_typed_styled_and_described()
    {
        var path = await DownloadAsync(_anonim, WilayahUrl("gpkg"), "desa.gpkg");

        var summary = Gdal.Summary(path, WilayahLayer);
        Assert.Equal(22, Gdal.FeatureCount(summary));
        Assert.Contains("ID[\"EPSG\",4326]", summary);
        Assert.Contains("Geometry: Multi Polygon", summary);
        var types = Gdal.FieldTypes(summary);
        Assert.Equal(
            ["kode", "nama", "induk", "indikator", "periode", "nilai", "pembilang", "penyebut", "target", "selisih", "sumber", "sintetis"],
            types.Keys);
        foreach (var real in new[] { "nilai", "pembilang", "penyebut", "target", "selisih" }) Assert.Equal("Real", types[real]);
        Assert.Equal("String", types["kode"]);
        Assert.Equal("Integer(Boolean)", types["sintetis"]);

        var published = await PublishedAsync("PREV_STUNTING");
        var rows = Gdal.Rows(path, WilayahLayer);
        Assert.Equal(published.Keys.Order(), rows.Select(r => r["kode"]).Order());
        foreach (var r in rows)
        {
            Assert.Equal(published[r["kode"]], Gdal.D(r["nilai"]), 9);
            Assert.Equal("PREV_STUNTING", r["indikator"]);
            Assert.Equal("e-PPGBM", r["sumber"]);
        }

        var styles = Gdal.Rows(path, "", "SELECT f_table_name, f_geometry_column, styleName, useAsDefault FROM layer_styles");
        var style = Assert.Single(styles);
        Assert.Equal([WilayahLayer, "geom", "who-stunting", "1"], [style["f_table_name"], style["f_geometry_column"], style["styleName"], style["useAsDefault"]]);
        var qml = Gdal.Run("ogrinfo", "-ro", "-q", path, "-sql", "SELECT styleQML FROM layer_styles");
        Assert.Contains("filter=\"&quot;nilai&quot; &gt;= 2.5 AND &quot;nilai&quot; &lt; 10\"", qml);

        Assert.Contains("GPKG_METADATA_ITEM_1=", summary);
        Assert.Contains("\"periode\": \"2022-08\"", summary);
        Assert.Contains("\"sumber\": \"Geo: batas wilayah Kepmendagri; nilai indikator yang terbit dari e-PPGBM\"", summary);
        Assert.Contains("\"sintetis\": false", summary);
    }

    [Fact]
    public async Task The_analysis_GeoPackage_keeps_empty_numbers_real_and_carries_parameters_fingerprint_and_styles()
    {
        var run = await GetJsonAsync("/api/analisis?wilayah=18.72&periode=2022-08&permutasi=99&seed=3");
        var layer = $"analisis_{run.GetProperty("id").GetInt64()}";
        var path = await DownloadAsync(_anonim, AnalisisUrl("gpkg"), "analisis.gpkg");

        var summary = Gdal.Summary(path, layer);
        Assert.Equal(22, Gdal.FeatureCount(summary));
        var types = Gdal.FieldTypes(summary);
        // Percentages only: every smoothed rate is empty, and the field is still a number.
        Assert.Equal("Real", types["eb_global"]);
        Assert.Equal("Real", types["eb_lokal"]);
        Assert.Equal("Integer", types["gi_bin"]);
        Assert.Equal("Real", types["l01_selisih"]);
        Assert.Contains($"\"sidik_jari\": \"{run.GetProperty("versi_input").GetString()}\"", summary);
        Assert.Contains("\"permutasi\": 99", summary);
        Assert.Contains("\"sintetis\": true", summary);
        Assert.Contains("Data sintetis", summary);

        var rows = Gdal.Rows(path, layer).ToDictionary(r => r["kode"]);
        foreach (var u in run.GetProperty("unit").EnumerateArray())
        {
            var r = rows[u.GetProperty("kode").GetString()!];
            Assert.Equal(u.GetProperty("kelas").GetString(), r["kelas"]);
            Assert.Equal(u.GetProperty("alasan").GetString(), r["alasan"]);
            Assert.Equal(u.GetProperty("lisa").GetString(), r["lisa"]);
            Assert.Equal("", r["eb_global"]);
        }

        var styles = Gdal.Rows(path, "", "SELECT styleName, useAsDefault FROM layer_styles ORDER BY id");
        Assert.Equal(["kelas-kesenjangan", "lisa", "gi-bin", "peluang-tinggi", "who-stunting"], styles.Select(s => s["styleName"]));
        Assert.Equal(["1", "0", "0", "0", "0"], styles.Select(s => s["useAsDefault"]));
        // Percentages only: no posterior, and its fields are still numbers.
        Assert.Equal("Real", types["peluang_tinggi"]);
    }

    [Fact]
    public async Task The_zipped_Shapefile_has_prj_cpg_short_names_and_a_sidecar_that_maps_them_back()
    {
        var zip = await DownloadAsync(_anonim, AnalisisUrl("shp"), "analisis.shp.zip");
        var folder = _dir.CreateSubdirectory("shp");
        ZipFile.ExtractToDirectory(zip, folder.FullName);
        var shp = Assert.Single(folder.GetFiles("*.shp"));
        var layer = Path.GetFileNameWithoutExtension(shp.Name);
        foreach (var ext in new[] { ".shx", ".dbf", ".prj", ".cpg" }) Assert.True(File.Exists(Path.ChangeExtension(shp.FullName, ext)), ext);
        Assert.Equal("UTF-8", File.ReadAllText(Path.ChangeExtension(shp.FullName, ".cpg")));

        var summary = Gdal.Summary(shp.FullName, layer);
        Assert.Equal(22, Gdal.FeatureCount(summary));
        Assert.Contains("ID[\"EPSG\",4326]", summary);
        var types = Gdal.FieldTypes(summary);
        Assert.All(types.Keys, name => Assert.True(name.Length <= 10, name));

        var sidecar = File.ReadAllLines(Path.Combine(folder.FullName, layer + "_kolom.csv")).Skip(1).Select(l => Gdal.SplitCsv(l)).ToList();
        var fullName = sidecar.ToDictionary(c => c[0], c => c[1]);
        Assert.Equal(types.Keys.Order(), fullName.Keys.Order());
        Assert.Equal("l01_selisih", fullName["l01_selisi"]);
        Assert.All(sidecar, c => Assert.False(string.IsNullOrWhiteSpace(c[3])));

        // The values under a short name are the long field's, as the GeoPackage has them.
        var gpkg = await DownloadAsync(_anonim, AnalisisUrl("gpkg"), "analisis.gpkg");
        var full = Gdal.Rows(gpkg, layer).ToDictionary(r => r["kode"]);
        foreach (var r in Gdal.Rows(shp.FullName, layer))
        {
            foreach (var (shortName, longName) in fullName.Where(p => types[p.Key] == "Real"))
            {
                var expected = full[r["kode"]][longName];
                if (expected.Length == 0) Assert.Equal("", r[shortName]);
                else Assert.Equal(Gdal.D(expected), Gdal.D(r[shortName]), 9);
            }
            Assert.Equal(full[r["kode"]]["kelas"], r["kelas"]);
        }
    }

    [Fact]
    public async Task GeoJSON_is_RFC_7946_and_GDAL_reads_its_values()
    {
        var path = await DownloadAsync(_anonim, WilayahUrl("geojson"), "desa.geojson");

        using var doc = JsonDocument.Parse(await File.ReadAllBytesAsync(path));
        Assert.False(doc.RootElement.TryGetProperty("crs", out _));
        var features = doc.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(22, features.Count);
        foreach (var f in features)
        {
            foreach (var polygon in f.GetProperty("geometry").GetProperty("coordinates").EnumerateArray())
            {
                Assert.True(SignedArea(polygon[0]) > 0, "exterior ring counter-clockwise");
            }
        }
        var summary = Gdal.Summary(path, WilayahLayer);
        Assert.Equal(22, Gdal.FeatureCount(summary));
        Assert.Contains("ID[\"EPSG\",4326]", summary);
        var published = await PublishedAsync("PREV_STUNTING");
        foreach (var r in Gdal.Rows(path, WilayahLayer)) Assert.Equal(published[r["kode"]], Gdal.D(r["nilai"]), 9);
    }

    [Fact]
    public async Task CSV_with_decimal_comma_and_XLSX_carry_numbers_as_numbers()
    {
        var run = await GetJsonAsync("/api/analisis?wilayah=18.72&periode=2022-08&permutasi=99&seed=3");
        var byKode = run.GetProperty("unit").EnumerateArray().ToDictionary(u => u.GetProperty("kode").GetString()!);

        var comma = await (await _anonim.GetAsync(AnalisisUrl("csv", "&desimal=koma"))).Content.ReadAsStringAsync();
        var lines = comma.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = Gdal.SplitCsv(lines[0], ';');
        Assert.Equal(23, lines.Length);
        foreach (var line in lines.Skip(1))
        {
            var cells = header.Zip(Gdal.SplitCsv(line, ';')).ToDictionary(p => p.First, p => p.Second);
            var u = byKode[cells["kode"]];
            Assert.DoesNotContain(".", cells["nilai"]);
            Assert.Equal(u.GetProperty("nilai").GetDouble(), Gdal.D(cells["nilai"].Replace(',', '.')), 9);
            Assert.Equal(u.GetProperty("kelas").GetString(), cells["kelas"]);
        }

        var ranking = await (await _anonim.GetAsync(AnalisisUrl("csv", "&tabel=peringkat_intervensi"))).Content.ReadAsStringAsync();
        Assert.StartsWith("kode_wilayah,nama_wilayah,peringkat,indikator", ranking.TrimStart('\uFEFF'));

        var xlsx = await DownloadAsync(_anonim, AnalisisUrl("xlsx"), "analisis.xlsx");
        Assert.Equal("1: Per unit (None)\n2: peringkat intervensi (None)\n3: Keterangan (None)",
            string.Join('\n', Gdal.Run("ogrinfo", "-ro", "-q", xlsx).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim())));
        var types = Gdal.FieldTypes(Gdal.Summary(xlsx, "Per unit"));
        Assert.Equal("Real", types["nilai"]);
        Assert.Equal("Real", types["l01"]);
        Assert.Equal("Integer", types["gi_bin"]);
        Assert.Equal("String", types["kelas"]);
        var rankingTypes = Gdal.FieldTypes(Gdal.Summary(xlsx, "peringkat intervensi"));
        Assert.Equal("Integer", rankingTypes["peringkat"]);
        Assert.Equal("Real", rankingTypes["capaian"]);
        var notes = Gdal.Run("ogr2ogr", "-f", "CSV", "/vsistdout/", xlsx, "Keterangan");
        Assert.Contains("Data sintetis", notes);
        Assert.Contains(run.GetProperty("versi_input").GetString()!, notes);
    }

    [Fact]
    public async Task An_export_imported_again_gives_back_the_same_boundaries_and_values()
    {
        var gpkg = await DownloadAsync(_anonim, WilayahUrl("gpkg"), "desa.gpkg");
        var csv = await DownloadAsync(_anonim, WilayahUrl("csv"), "desa.csv");
        await using var other = new PostgisDatabase();
        await other.InitializeAsync();
        var boundaries = new BoundaryImporter(other.DataSource);
        await boundaries.ImportAsync(DataFiles.Boundaries("kota-metro-kecamatan.geojson"), new BoundaryImportOptions(Tingkat.Kecamatan));
        var report = await boundaries.ImportAsync(gpkg, new BoundaryImportOptions(Tingkat.Desa, Lapisan: WilayahLayer));
        Assert.Equal(22, report.Inserted);
        var values = await new IndikatorImporter(other.DataSource).ImportAsync(csv, new IndikatorImportOptions(Sumber: "e-PPGBM", Wilayah: "18.72", Pengguna: "uji"));
        await Uji.TerbitkanAsync(other, values);

        Assert.Equal(await PublishedAsync("PREV_STUNTING"), await PublishedAsync("PREV_STUNTING", other.DataSource));
        Assert.Equal(await AreasAsync(fixture.Factory.Database.DataSource), await AreasAsync(other.DataSource));
    }

    [Fact]
    public async Task Anonymous_callers_get_published_values_only_and_the_draft_view_needs_a_role_in_the_area()
    {
        var draft = await new IndikatorImporter(fixture.Factory.Database.DataSource).ImportAsync(
            "kode,indikator,periode,nilai\n18.72.01.1001,PREV_STUNTING,2022-08,55.5\n"u8.ToArray(), "draf.csv",
            new IndikatorImportOptions(Sumber: "uji-draf", Wilayah: "18.72", Pengguna: "uji"));
        Assert.True(draft.Berhasil, string.Join("\n", draft.Penolakan));
        var published = await PublishedAsync("PREV_STUNTING");

        Assert.Equal(published["18.72.01.1001"], await CsvValueAsync(_anonim, WilayahUrl("csv"), "18.72.01.1001"), 9);
        using (var refused = await _anonim.GetAsync(WilayahUrl("csv", "&tampilan=draf"))) Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var verifikator = fixture.Factory.ClientAs("verifikator-metro", "18.72", Peran.Verifikator);
        Assert.Equal(55.5, await CsvValueAsync(verifikator, WilayahUrl("csv", "&tampilan=draf"), "18.72.01.1001"), 9);
        var neighbour = fixture.Factory.ClientAs("analis-tetangga", "18.71", Peran.Analis);
        using (var outside = await neighbour.GetAsync(WilayahUrl("gpkg"))) Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        using var response = await _anonim.GetAsync(WilayahUrl("csv"));
        Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true }, response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task A_final_lokus_list_exports_for_everyone_and_a_draft_only_for_its_area()
    {
        var store = new LokusStore(fixture.Factory.Database.DataSource);
        var input = new LokusInput("Lokus uji ekspor", "18.72", 2025, [new("18.72.01.1002", "prevalensi tertinggi"), new("18.72.01.1001", "cakupan rendah")]);
        var final = await store.CreateAsync(Uji.Lokal, input);
        await store.FinaliseAsync(Uji.Lokal, final.Lokus.Id);
        var draft = await store.CreateAsync(Uji.Lokal, input);

        var path = await DownloadAsync(_anonim, $"/api/ekspor/lokus/{final.Lokus.Id}.gpkg", "lokus.gpkg");
        var layer = $"lokus_{final.Lokus.Id}";
        var summary = Gdal.Summary(path, layer);
        Assert.Equal(2, Gdal.FeatureCount(summary));
        Assert.Equal("Integer", Gdal.FieldTypes(summary)["urutan"]);
        var rows = Gdal.Rows(path, layer);
        Assert.Equal(["18.72.01.1002", "18.72.01.1001"], rows.Select(r => r["kode"]));
        Assert.Equal("prevalensi tertinggi", rows[0]["alasan"]);

        using var hidden = await _anonim.GetAsync($"/api/ekspor/lokus/{draft.Lokus.Id}.csv");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        var analis = fixture.Factory.ClientAs("analis-metro", "18.72", Peran.Analis);
        using var own = await analis.GetAsync($"/api/ekspor/lokus/{draft.Lokus.Id}.csv");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Theory]
    [InlineData("/api/ekspor/wilayah.fgb?induk=18.72&indikator=PREV_STUNTING&periode=2022-08", 400, "FlatGeobuf")]
    [InlineData("/api/ekspor/wilayah.docx?induk=18.72&indikator=PREV_STUNTING&periode=2022-08", 400, "format")]
    [InlineData("/api/ekspor/wilayah.gpkg?induk=18.72&indikator=PREV_STUNTING", 400, "periode")]
    [InlineData("/api/ekspor/wilayah.gpkg?induk=18.72&indikator=PREV_STUNTING&periode=2022-08&tingkat=provinsi", 400, "tingkat")]
    [InlineData("/api/ekspor/wilayah.gpkg?induk=18.72&indikator=TIDAK_ADA&periode=2022-08", 404, "TIDAK_ADA")]
    [InlineData("/api/ekspor/wilayah.csv?induk=18.72&indikator=PREV_STUNTING&periode=2022-08&desimal=x", 400, "desimal")]
    [InlineData("/api/ekspor/analisis.csv?wilayah=18.72&periode=2022-08&permutasi=99&tabel=x", 400, "tabel")]
    [InlineData("/api/ekspor/lokus/999999.gpkg", 404, "lokus")]
    public async Task Bad_requests_are_problems_that_name_the_parameter(string url, int status, string detail)
    {
        using var response = await _anonim.GetAsync(url);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains(detail, await response.Content.ReadAsStringAsync());
    }

    private async Task<string> DownloadAsync(HttpClient client, string url, string name)
    {
        using var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var path = Path.Combine(_dir.FullName, name);
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
        return path;
    }

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        using var response = await _anonim.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static async Task<double> CsvValueAsync(HttpClient client, string url, string kode)
    {
        using var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = Gdal.SplitCsv(lines[0]);
        var row = lines.Skip(1).Select(l => header.Zip(Gdal.SplitCsv(l)).ToDictionary(p => p.First, p => p.Second)).Single(r => r["kode"] == kode);
        return Gdal.D(row["nilai"]);
    }

    /// <summary>The published values, read from the table, not through any export code.</summary>
    private async Task<Dictionary<string, double>> PublishedAsync(string indikator, NpgsqlDataSource? source = null)
    {
        await using var cmd = (source ?? fixture.Factory.Database.DataSource).CreateCommand(
            "SELECT wilayah, nilai FROM nilai_terbit WHERE indikator = $1 AND periode = '2022-08' AND wilayah LIKE '18.72.%'");
        cmd.Parameters.AddWithValue(indikator);
        await using var reader = await cmd.ExecuteReaderAsync();
        var values = new Dictionary<string, double>();
        while (await reader.ReadAsync()) values[reader.GetString(0)] = reader.GetDouble(1);
        return values;
    }

    private static async Task<Dictionary<string, string>> AreasAsync(NpgsqlDataSource source)
    {
        await using var cmd = source.CreateCommand("SELECT kode, nama || ' ' || round(ST_Area(geom::geography)::numeric, 0) FROM wilayah WHERE tingkat = 4");
        await using var reader = await cmd.ExecuteReaderAsync();
        var areas = new Dictionary<string, string>();
        while (await reader.ReadAsync()) areas[reader.GetString(0)] = reader.GetString(1);
        return areas;
    }

    /// <summary>Shoelace over lon/lat: positive for a counter-clockwise ring.</summary>
    private static double SignedArea(JsonElement ring)
    {
        var points = ring.EnumerateArray().Select(p => (X: p[0].GetDouble(), Y: p[1].GetDouble())).ToList();
        return points.Zip(points.Skip(1)).Sum(p => p.First.X * p.Second.Y - p.Second.X * p.First.Y) / 2;
    }
}
