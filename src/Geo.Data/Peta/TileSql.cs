using System.Collections.Concurrent;

namespace Geo.Data.Peta;

/// <summary>
/// The SQL of a vector tile, assembled only from whitelisted pieces (layer level, zoom band
/// column, feature-table joins); every value from a request is a bound parameter:
/// $1 z, $2 x, $3 y, $4 scope root code (when scoped).
/// </summary>
public static class TileSql
{
    public const int Extent = 4096;
    public const int Buffer = 64;

    private static readonly ConcurrentDictionary<(string Layer, string Column, bool Scoped), string> Cache = new();

    /// <summary>The pre-simplified geometry column for a zoom (see migration 0030 for tolerances).</summary>
    public static string GeometryColumn(int z) => z switch
    {
        <= 5 => "geom_3857_z5",
        <= 7 => "geom_3857_z7",
        <= 9 => "geom_3857_z9",
        <= 11 => "geom_3857_z11",
        _ => "geom_3857",
    };

    /// <summary>One row: the wilayah data version and the tile, read in the same snapshot.</summary>
    public static string For(PetaLayer layer, int z, bool scoped) =>
        Cache.GetOrAdd((layer.Name, GeometryColumn(z), scoped), key => Build(layer, key.Column, key.Scoped));

    private static string Build(PetaLayer layer, string column, bool scoped)
    {
        var scope = scoped ? "AND (w.kode = $4 OR w.kode LIKE $4 || '.%')" : "";
        // The && test uses the level's partial GiST index on the full geometry, widened by the
        // buffer so that features just outside the tile still draw their edge into it.
        return $"""
            SELECT (SELECT versi FROM data_versi WHERE nama = 'wilayah'),
                   (SELECT coalesce(ST_AsMVT(t, '{layer.Name}', {Extent}, 'geom', 'fid'), ''::bytea)
                    FROM (
                        SELECT w.fid, w.kode, w.nama,
                               ST_AsMVTGeom(w.{column}, ST_TileEnvelope($1, $2, $3), {Extent}, {Buffer}, true) AS geom
                        FROM wilayah w
                        WHERE w.tingkat = {(int)layer.Tingkat}
                          AND w.geom_3857 && ST_TileEnvelope($1, $2, $3, margin => {(double)Buffer / Extent})
                          {scope}
                    ) t
                    WHERE t.geom IS NOT NULL)
            """;
    }
}
