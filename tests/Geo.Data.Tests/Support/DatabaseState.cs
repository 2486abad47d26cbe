namespace Geo.Data.Tests.Support;

/// <summary>
/// Row counts and an order-independent checksum of every table a write can touch, to prove that a
/// refused input changed nothing (no partial write). Compare two snapshots with Assert.Equal.
/// </summary>
public static class DatabaseState
{
    public static readonly string[] Tables =
    [
        "wilayah", "indikator", "target", "impor_batch", "nilai", "riwayat_nilai",
        "kelompok_wilayah", "kelompok_wilayah_anggota", "riwayat_kelompok", "analisis", "analisis_unit",
    ];

    public static async Task<string> SnapshotAsync(PostgisDatabase db)
    {
        var parts = new List<string>(Tables.Length);
        foreach (var table in Tables)
        {
            var row = await db.ScalarAsync<string>(
                $"SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM {table} t");
            parts.Add($"{table}={row}");
        }
        return string.Join("\n", parts);
    }
}
