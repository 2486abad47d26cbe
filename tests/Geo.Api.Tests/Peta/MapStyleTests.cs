using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Geo.Data.Peta;
using Geo.Data.Tests.Support;

namespace Geo.Api.Tests.Peta;

/// <summary>
/// The MapLibre styles in styles/: QGIS 3.22's own converter loads each without skipping anything
/// (tests/reference/qgis/check-styles.py, Debian's python3-qgis); they read only properties our
/// tiles carry; and the analysis styles draw the map page's legend (labels and colours of web/src/analisis.ts).
/// </summary>
public sealed partial class MapStyleTests
{
    private static readonly string Styles = Path.Combine(DataFiles.ProjectRoot, "styles");

    public static TheoryData<string> StyleFiles() => [.. Directory.GetFiles(Styles, "*.json").Select(f => Path.GetFileName(f)).Order()];

    [Fact]
    public async Task QGIS_3_22_loads_every_style_without_a_warning_or_a_dropped_layer()
    {
        const string qgis = "/usr/lib/python3/dist-packages/qgis";
        Assert.True(Directory.Exists(qgis), $"{qgis} is missing: this test runs QGIS's style converter (apt-get install python3-qgis; ./geo test installs it as root)");
        var files = Directory.GetFiles(Styles, "*.json").Order().ToList();
        Assert.True(files.Count >= 5, string.Join(", ", files));
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(DataFiles.ProjectRoot, "tests", "reference", "qgis", "check-styles.py"));
        foreach (var f in files) start.ArgumentList.Add(f);
        start.Environment["QT_QPA_PLATFORM"] = "offscreen";
        start.Environment["XDG_RUNTIME_DIR"] = Path.GetTempPath();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);
        var text = await output + await errors;
        Assert.True(process.ExitCode == 0, text);
        foreach (var f in files) Assert.Contains($"{f}: ", text);
    }

    [Theory]
    [MemberData(nameof(StyleFiles))]
    public void A_style_reads_only_layers_and_properties_our_tiles_carry(string file)
    {
        var style = JsonDocument.Parse(File.ReadAllText(Path.Combine(Styles, file))).RootElement;
        Assert.Equal(8, style.GetProperty("version").GetInt32());
        foreach (var source in style.GetProperty("sources").EnumerateObject())
        {
            var urls = source.Value.TryGetProperty("tiles", out var tiles)
                ? tiles.EnumerateArray().Select(t => t.GetString()!).ToList()
                : [source.Value.GetProperty("url").GetString()!];
            Assert.All(urls, u => Assert.Matches(@"/tiles/(provinsi|kabkota|kecamatan|desa|analisis/\d+)(\.json|/\{z\}/\{x\}/\{y\}\.mvt)", u));
        }
        foreach (var layer in style.GetProperty("layers").EnumerateArray().Where(l => l.GetProperty("type").GetString() != "background"))
        {
            var sourceLayer = layer.GetProperty("source-layer").GetString()!;
            var carried = sourceLayer == AnalysisLayer.MvtName
                ? AnalysisLayer.Fields.Keys.ToHashSet()
                : PetaLayer.Find(sourceLayer) is not null ? NilaiLayer.Fields.Keys.ToHashSet() : throw new InvalidOperationException($"{file}: unknown source-layer {sourceLayer}");
            carried.UnionWith(["kode", "nama"]);
            foreach (var key in PropertyKeys(layer)) Assert.True(carried.Contains(key), $"{file}: layer '{layer.GetProperty("id")}' reads '{key}', which {sourceLayer} tiles do not carry");
        }
    }

    [Theory]
    [InlineData("geo-analisis-kelas.json", "KelasKesenjangan", "DataKurang")]
    [InlineData("geo-analisis-lisa.json", "KelasLisa", "LisaTanpaData")]
    [InlineData("geo-analisis-gi.json", "KelasGi", "GiTanpaData")]
    public void Analysis_styles_draw_the_map_page_legend(string file, string classes, string none)
    {
        var web = File.ReadAllText(Path.Combine(DataFiles.ProjectRoot, "web", "src", "analisis.ts"));
        var block = web[web.IndexOf($"export const {classes}", StringComparison.Ordinal)..];
        block = block[..block.IndexOf("];", StringComparison.Ordinal)];
        var legend = Categories().Matches(block).Select(m => (Label: m.Groups["label"].Value, Colour: m.Groups["warna"].Value)).ToList();
        var noneLine = web[web.IndexOf($"export const {none}", StringComparison.Ordinal)..];
        var noneMatch = Categories().Match(noneLine);
        legend.Add((noneMatch.Groups["label"].Value, noneMatch.Groups["warna"].Value));
        Assert.True(legend.Count >= 5, block);

        var style = JsonDocument.Parse(File.ReadAllText(Path.Combine(Styles, file))).RootElement;
        var fills = style.GetProperty("layers").EnumerateArray().Where(l => l.GetProperty("type").GetString() == "fill")
            .Select(l => (Label: l.GetProperty("id").GetString()!, Colour: l.GetProperty("paint").GetProperty("fill-color").GetString()!)).ToList();
        Assert.Equal(legend.OrderBy(l => l.Label), fills.OrderBy(l => l.Label));
    }

    [Fact]
    public void The_WHO_style_uses_the_map_page_bounds_and_ramp()
    {
        var classify = File.ReadAllText(Path.Combine(DataFiles.ProjectRoot, "web", "src", "classify.ts"));
        var palettes = File.ReadAllText(Path.Combine(DataFiles.ProjectRoot, "web", "src", "palettes.ts"));
        var bounds = Regex.Match(classify, @"BatasWho = \[(?<b>[^\]]+)\]").Groups["b"].Value.Split(',').Select(b => double.Parse(b, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var ylOrRd5 = Regex.Match(palettes, @"YlOrRd[\s\S]*?5: \[(?<c>[^\]]+)\]").Groups["c"].Value.Split(',').Select(c => c.Trim().Trim('"')).ToList();

        var style = JsonDocument.Parse(File.ReadAllText(Path.Combine(Styles, "geo-stunting-who.json"))).RootElement;
        var classes = style.GetProperty("layers").EnumerateArray()
            .Where(l => l.GetProperty("type").GetString() == "fill" && l.GetProperty("filter")[0].GetString() == "all").ToList();
        Assert.Equal(ylOrRd5, classes.Select(l => l.GetProperty("paint").GetProperty("fill-color").GetString()!).ToList());
        var lower = classes.Select(l => l.GetProperty("filter").EnumerateArray().Where(f => f.ValueKind == JsonValueKind.Array && f[0].GetString() == ">=")
            .Select(f => f[2].GetDouble()).SingleOrDefault(double.NaN)).ToList();
        Assert.Equal([double.NaN, .. bounds], lower);
    }

    private static IEnumerable<string> PropertyKeys(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            var items = element.EnumerateArray().ToList();
            if (items.Count == 2 && items[0].ValueKind == JsonValueKind.String && items[0].GetString() is "get" or "has" && items[1].ValueKind == JsonValueKind.String)
            {
                yield return items[1].GetString()!;
            }
            foreach (var key in items.SelectMany(PropertyKeys)) yield return key;
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var key in element.EnumerateObject().Where(p => p.Name is "filter" or "paint" or "layout").SelectMany(p => PropertyKeys(p.Value))) yield return key;
        }
    }

    [GeneratedRegex("kunci: \"(?<kunci>[^\"]*)\", label: \"(?<label>[^\"]+)\", warna: \"(?<warna>#[0-9a-f]{6})\"")]
    private static partial Regex Categories();
}
