namespace Geo.Core.Analisis;

/// <summary>The classes of the guide's situation analysis, named as they appear in outputs.</summary>
public static class GapClass
{
    /// <summary>High prevalence and low coverage in most interventions: location "yang menjadi masalah" (1).</summary>
    public const string TinggiCakupanRendah = "tinggi_cakupan_rendah";

    /// <summary>High prevalence despite good coverage: location "yang menjadi masalah" (2), look beyond coverage.</summary>
    public const string TinggiCakupanBaik = "tinggi_cakupan_baik";

    /// <summary>Low prevalence but low coverage: at risk.</summary>
    public const string RendahCakupanRendah = "rendah_cakupan_rendah";

    public const string RendahCakupanBaik = "rendah_cakupan_baik";

    /// <summary>No outcome value, or too few indicators with data and a target to judge coverage.</summary>
    public const string DataKurang = "data_kurang";

    public static readonly IReadOnlyList<string> All = [TinggiCakupanRendah, TinggiCakupanBaik, RendahCakupanRendah, RendahCakupanBaik, DataKurang];
}
