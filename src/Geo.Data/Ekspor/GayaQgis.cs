using System.Reflection;

namespace Geo.Data.Ekspor;

/// <summary>
/// The QGIS and SLD styles of styles/ (embedded in this assembly from there: one source), with the
/// style's own field name replaced by the layer's field it should colour by.
/// </summary>
public static class GayaQgis
{
    /// <summary>The field each style file colours by, as written in styles/.</summary>
    private static readonly Dictionary<string, string> FieldOf = new(StringComparer.Ordinal)
    {
        ["who-stunting"] = "nilai",
        ["kelas-kesenjangan"] = "kelas",
        ["lisa"] = "lisa",
        ["gi-bin"] = "gi_bin",
        ["peluang-tinggi"] = "peluang_tinggi",
        ["perubahan-arah"] = "perubahan_arah",
        ["titik-panas-muncul"] = "pola_titik_panas",
    };

    public static string Qml(GayaEkspor gaya) =>
        Read(gaya.Gaya, "qml").Replace($"&quot;{FieldOf[gaya.Gaya]}&quot;", $"&quot;{gaya.Kolom}&quot;", StringComparison.Ordinal);

    public static string Sld(GayaEkspor gaya) =>
        Read(gaya.Gaya, "sld").Replace($"<ogc:PropertyName>{FieldOf[gaya.Gaya]}</ogc:PropertyName>", $"<ogc:PropertyName>{gaya.Kolom}</ogc:PropertyName>", StringComparison.Ordinal);

    private static string Read(string name, string extension)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Geo.Data.Styles.{name}.{extension}")
            ?? throw new InvalidOperationException($"gaya {name}.{extension} tidak tertanam");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
