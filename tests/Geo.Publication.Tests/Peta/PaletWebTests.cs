using System.Globalization;
using System.Text.RegularExpressions;
using Geo.Data.Tests.Support;
using Geo.Publication.Peta;

namespace Geo.Publication.Tests.Peta;

/// <summary>
/// The map image's colour tables against the web page's, read from web/src (palettes.ts, the
/// reference; analisis.ts; palet-waktu.ts): every ramp, every category's key, label and colour, in
/// the same order, so an image and the page never colour one desa two ways.
/// </summary>
public sealed partial class PaletWebTests
{
    private static string Web(string file) => File.ReadAllText(Path.Combine(DataFiles.ProjectRoot, "web", "src", file));

    private static string Block(string source, string name) =>
        Regex.Match(source, $@"export const {name}\b[^=]*=\s*(\[.*?\]|\{{.*?\}});", RegexOptions.Singleline) is { Success: true } m
            ? m.Groups[1].Value
            : throw new InvalidOperationException($"{name} tidak ada di web/src");

    private static Dictionary<int, string[]> Ramp(string name)
    {
        var block = Block(Web("palettes.ts"), name);
        return RampRow().Matches(block).ToDictionary(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture),
            m => Hex().Matches(m.Groups[2].Value).Select(h => h.Value).ToArray());
    }

    private static List<(string Kunci, string Label, string Warna)> Categories(string file, string name) =>
        KategoriRow().Matches(Block(Web(file), name)).Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value)).ToList();

    private static (string, string, string) Single(string file, string name) =>
        KategoriRow().Match(Regex.Match(Web(file), $@"export const {name}\b[^;]*;", RegexOptions.Singleline).Value) is { Success: true } m
            ? (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value)
            : throw new InvalidOperationException($"{name} tidak ada di {file}");

    [Fact]
    public void The_ramps_and_single_colours_are_the_web_page_s()
    {
        foreach (var (name, ours) in new[] { ("YlOrRd", Palet.YlOrRd), ("Blues", Palet.Blues) })
        {
            var web = Ramp(name);
            Assert.Equal([3, 4, 5, 6, 7], web.Keys.Order());
            foreach (var (n, colours) in web) Assert.Equal(colours, ours[n]);
            Assert.Equal(web.Keys.Order(), ours.Keys.Order());
        }
        var palettes = Web("palettes.ts");
        Assert.Equal(Palet.TargetBelum, Regex.Match(palettes, @"belum:\s*""(#[0-9a-f]{6})""").Groups[1].Value);
        Assert.Equal(Palet.TargetMemenuhi, Regex.Match(palettes, @"memenuhi:\s*""(#[0-9a-f]{6})""").Groups[1].Value);
        Assert.Equal(Palet.TanpaData, Regex.Match(palettes, @"TanpaData\s*=\s*""(#[0-9a-f]{6})""").Groups[1].Value);
    }

    public static TheoryData<string, string, string> Kategori() => new()
    {
        { "analisis.ts", "KelasKesenjangan", "kelas" },
        { "analisis.ts", "KelasLisa", "lisa" },
        { "analisis.ts", "KelasGi", "gi" },
        { "palet-waktu.ts", "PeluangTinggi", "peluang" },
        { "palet-waktu.ts", "ArahPerubahan", "perubahan" },
        { "palet-waktu.ts", "PolaTitikPanas", "titik_panas_muncul" },
    };

    [Theory]
    [MemberData(nameof(Kategori))]
    public void Every_category_has_the_web_page_s_key_label_and_colour_in_its_order(string file, string name, string lapisan)
    {
        var ours = lapisan switch
        {
            "kelas" => LapisanAnalisis.KelasKesenjangan,
            "lisa" => LapisanAnalisis.KelasLisa,
            "gi" => LapisanAnalisis.KelasGi,
            "peluang" => LapisanAnalisis.KelasPeluang,
            "perubahan" => LapisanAnalisis.KelasPerubahan,
            _ => LapisanAnalisis.KelasPolaTitikPanas,
        };
        var web = Categories(file, name);
        Assert.True(web.Count >= 3, $"{name}: {web.Count}");
        Assert.Equal(web, ours.Select(k => (k.Kunci, k.Label, k.Warna)).ToList());
    }

    [Fact]
    public void The_no_data_rows_and_the_exceedance_bounds_are_the_web_page_s()
    {
        var (kunci, label, warna) = Single("analisis.ts", "DataKurang");
        Assert.Equal((kunci, label, warna), (LapisanAnalisis.DataKurang.Kunci, LapisanAnalisis.DataKurang.Label, LapisanAnalisis.DataKurang.Warna));
        Assert.Equal(Palet.TanpaData, Single("analisis.ts", "LisaTanpaData").Item3);
        Assert.Equal(Palet.TanpaData, Single("analisis.ts", "GiTanpaData").Item3);
        var bounds = Block(Web("palet-waktu.ts"), "BatasPeluang").Trim('[', ']').Split(',').Select(b => double.Parse(b, CultureInfo.InvariantCulture));
        Assert.Equal(bounds, LapisanAnalisis.BatasPeluang);
        // The pattern keys are the API's (Geo.Core's EmergingPattern), and the change keys its ChangeDirection.
        Assert.Equal(Core.Statistics.EmergingPattern.All.Order(StringComparer.Ordinal), LapisanAnalisis.KelasPolaTitikPanas.Select(k => k.Kunci).Order(StringComparer.Ordinal));
        Assert.Equal(new[] { Core.Analisis.ChangeDirection.Memburuk, Core.Analisis.ChangeDirection.Tetap, Core.Analisis.ChangeDirection.Membaik },
            LapisanAnalisis.KelasPerubahan.Select(k => k.Kunci));
    }

    [GeneratedRegex(@"(\d):\s*\[([^\]]*)\]")]
    private static partial Regex RampRow();

    [GeneratedRegex(@"#[0-9a-f]{6}")]
    private static partial Regex Hex();

    [GeneratedRegex(@"kunci:\s*""([^""]*)"",\s*label:\s*""([^""]*)"",\s*warna:\s*""(#[0-9a-f]{6})""")]
    private static partial Regex KategoriRow();
}
