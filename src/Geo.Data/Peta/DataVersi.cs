namespace Geo.Data.Peta;

/// <summary>
/// Versions of the tables a map response is built from (table <c>data_versi</c>, bumped by
/// statement triggers). Two responses for the same request with equal versions are equal.
/// </summary>
/// <param name="Katalog">Targets and the indicator catalogue (a map classified against the target, or titled with an indicator's name, changes with them).</param>
public readonly record struct DataVersi(long Wilayah, long Nilai, long Analisis = 0, long Katalog = 0)
{
    /// <summary>The later of two observations, field by field: versions only grow.</summary>
    public DataVersi Max(DataVersi other) =>
        new(Math.Max(Wilayah, other.Wilayah), Math.Max(Nilai, other.Nilai), Math.Max(Analisis, other.Analisis), Math.Max(Katalog, other.Katalog));

    public DataVersi With(string nama, long versi) => nama switch
    {
        "wilayah" => this with { Wilayah = versi },
        "nilai" => this with { Nilai = versi },
        "analisis" => this with { Analisis = versi },
        "katalog" => this with { Katalog = versi },
        _ => this,
    };
}
