namespace Geo.Data.Indikator;

/// <summary>
/// The rule of <c>target_berlaku</c> (the wilayah's own published target, else its kecamatan's,
/// kab/kota's, provinsi's, else the national one) for a query over many wilayah: the published
/// targets of one indicator and year are read once (<c>target_terbit</c>, migration 0180) and
/// joined by hash at each level, where a lateral <c>target_berlaku</c> costs an index scan of
/// <c>target</c> and a scan of <c>indikator</c> per row. No row multiplies: a wilayah has at
/// most one target per indicator and year (the primary key), the national one is wilayah ''.
/// </summary>
/// <param name="Cte">The common table expression to put in the query's WITH list.</param>
/// <param name="Joins">The left joins to append after the table whose rows get a target.</param>
/// <param name="Nilai">The applicable target (null: none).</param>
/// <param name="Asal">Where it comes from, as target_berlaku says it: the wilayah's kode, or 'nasional'.</param>
internal sealed record TargetBerlakuSql(string Cte, string Joins, string Nilai, string Asal)
{
    /// <param name="name">Unique in the query: the CTE's name and the prefix of its joins' aliases.</param>
    /// <param name="indikator">SQL for the indicator's code (a parameter).</param>
    /// <param name="tahun">SQL for the year, an int (a parameter).</param>
    /// <param name="kode">SQL for each row's wilayah kode.</param>
    public static TargetBerlakuSql For(string name, string indikator, string tahun, string kode)
    {
        // Most specific first: the wilayah itself, its kecamatan, kab/kota and provinsi (a prefix of
        // its kode), then the national target.
        string[] keys = [kode, $"left({kode}, 8)", $"left({kode}, 5)", $"left({kode}, 2)", "''"];
        var alias = keys.Select((_, i) => $"{name}_{i}").ToArray();
        var joins = string.Concat(keys.Select((key, i) => $"\nLEFT JOIN {name} {alias[i]} ON {alias[i]}.wilayah = {key}"));
        var nilai = $"coalesce({string.Join(", ", alias.Select(a => a + ".nilai"))})";
        var asal = $"coalesce({string.Join(", ", alias[..^1].Select(a => a + ".wilayah"))}, CASE WHEN {alias[^1]}.nilai IS NOT NULL THEN 'nasional' END)";
        return new($"{name} AS (SELECT wilayah, nilai FROM target_terbit({indikator}, {tahun}))", joins, nilai, asal);
    }
}
