using System.Text.RegularExpressions;
using System.Xml.Linq;
using Geo.Data.Ekspor;
using Geo.Data.Tests.Support;

namespace Geo.Data.Tests.Ekspor;

/// <summary>
/// The QGIS and SLD styles of styles/ against the web map: the same colours in the same order as
/// web/src (palettes.ts, analisis.ts), and the GeoPackages embed exactly those files.
/// </summary>
public sealed class GayaTests
{
    private static string Web(string file) => File.ReadAllText(Path.Combine(DataFiles.ProjectRoot, "web", "src", file));

    private static string Style(string file) => File.ReadAllText(Path.Combine(DataFiles.ProjectRoot, "styles", file));

    /// <summary>The colours of a categorical layer as analisis.ts lists them, then its "no data" colour.</summary>
    private static List<string> WebCategories(string list, string none)
    {
        var source = Web("analisis.ts");
        var block = Regex.Match(source, $@"export const {list}\b[^=]*=\s*\[(.*?)\];", RegexOptions.Singleline).Groups[1].Value;
        var colours = Regex.Matches(block, @"warna:\s*""(#[0-9a-f]{6})""").Select(m => m.Groups[1].Value).ToList();
        colours.Add(Regex.Match(source, $@"export const {none}\b[^;]*?warna:\s*""(#[0-9a-f]{{6}})""", RegexOptions.Singleline).Groups[1].Value);
        return colours;
    }

    /// <summary>The colours of a layer over time as palet-waktu.ts lists them; then, for those whose empty value is not a category, the grey of no data.</summary>
    private static List<string> WaktuCategories(string list, bool tanpaData)
    {
        var block = Regex.Match(Web("palet-waktu.ts"), $@"export const {list}\b[^=]*=\s*\[(.*?)\];", RegexOptions.Singleline).Groups[1].Value;
        var colours = Regex.Matches(block, @"warna:\s*""(#[0-9a-f]{6})""").Select(m => m.Groups[1].Value).ToList();
        if (tanpaData) colours.Add(Regex.Match(Web("palettes.ts"), @"TanpaData\s*=\s*""(#[0-9a-f]{6})""").Groups[1].Value);
        return colours;
    }

    private static List<string> WhoColours()
    {
        var palettes = Web("palettes.ts");
        var ylOrRd = Regex.Match(palettes, @"export const YlOrRd\b.*?5:\s*\[([^\]]*)\]", RegexOptions.Singleline).Groups[1].Value;
        var colours = Regex.Matches(ylOrRd, @"#[0-9a-f]{6}").Select(m => m.Value).ToList();
        colours.Add(Regex.Match(palettes, @"TanpaData\s*=\s*""(#[0-9a-f]{6})""").Groups[1].Value);
        return colours;
    }

    public static TheoryData<string, string[]> Styles() => new()
    {
        { "who-stunting", WhoColours().ToArray() },
        { "kelas-kesenjangan", WebCategories("KelasKesenjangan", "DataKurang").ToArray() },
        { "lisa", WebCategories("KelasLisa", "LisaTanpaData").ToArray() },
        { "gi-bin", WebCategories("KelasGi", "GiTanpaData").ToArray() },
        { "peluang-tinggi", WaktuCategories("PeluangTinggi", true).ToArray() },
        { "perubahan-arah", WaktuCategories("ArahPerubahan", true).ToArray() },
        { "titik-panas-muncul", WaktuCategories("PolaTitikPanas", false).ToArray() },
    };

    [Theory]
    [MemberData(nameof(Styles))]
    public void QML_and_SLD_colour_the_classes_as_the_web_map_does(string name, string[] webColours)
    {
        Assert.True(webColours.Length >= 4 && webColours.All(c => c.Length == 7), string.Join(",", webColours));

        var qml = XDocument.Parse(Style($"{name}.qml"));
        var rules = qml.Descendants("rule").ToList();
        var symbols = qml.Descendants("symbol").ToDictionary(s => (string)s.Attribute("name")!);
        var qmlColours = rules.Select(r => symbols[(string)r.Attribute("symbol")!].Descendants("prop")
            .Single(p => (string)p.Attribute("k")! == "color").Attribute("v")!.Value).Select(Hex).ToList();
        Assert.Equal(webColours, qmlColours);
        Assert.All(rules, r => Assert.False(string.IsNullOrWhiteSpace((string?)r.Attribute("filter"))));

        XNamespace sld = "http://www.opengis.net/sld";
        var sldColours = XDocument.Parse(Style($"{name}.sld")).Descendants(sld + "CssParameter")
            .Where(p => (string)p.Attribute("name")! == "fill").Select(p => p.Value).ToList();
        Assert.Equal(webColours, sldColours);
    }

    [Fact]
    public void The_WHO_classes_are_exact_at_their_edges()
    {
        var filters = XDocument.Parse(Style("who-stunting.qml")).Descendants("rule").Select(r => (string)r.Attribute("filter")!).ToList();
        Assert.Equal(
        [
            "\"nilai\" < 2.5",
            "\"nilai\" >= 2.5 AND \"nilai\" < 10",
            "\"nilai\" >= 10 AND \"nilai\" < 20",
            "\"nilai\" >= 20 AND \"nilai\" < 30",
            "\"nilai\" >= 30",
            "\"nilai\" IS NULL",
        ], filters);
    }

    [Fact]
    public void A_GeoPackage_embeds_the_style_files_with_its_own_field()
    {
        Assert.Equal(Style("lisa.qml"), GayaQgis.Qml(new GayaEkspor("lisa", "lisa", "", true)));
        Assert.Equal(Style("who-stunting.sld"), GayaQgis.Sld(new GayaEkspor("who-stunting", "nilai", "", true)));
        var renamed = GayaQgis.Qml(new GayaEkspor("who-stunting", "prev_stunting", "", true));
        Assert.Equal(Style("who-stunting.qml").Replace("&quot;nilai&quot;", "&quot;prev_stunting&quot;"), renamed);
        Assert.DoesNotContain("&quot;nilai&quot;", renamed);
    }

    [Fact]
    public void Shapefile_names_fit_ten_characters_and_stay_unique()
    {
        var names = ShapefileEkspor.ShortNames(["kode", "l01_selisih", "l01_selisir", "prev_stunting_pembilang", "prev_stunting_penyebut", "l01_selisi"]);
        Assert.All(names, n => Assert.True(n.Length <= 10, n));
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(["kode", "l01_selisi", "l01_selis1", "prev_stunt", "prev_stun1", "l01_selis2"], names);
    }

    private static string Hex(string rgba)
    {
        var parts = rgba.Split(',').Take(3).Select(int.Parse).ToArray();
        return $"#{parts[0]:x2}{parts[1]:x2}{parts[2]:x2}";
    }
}
