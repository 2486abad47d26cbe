using System.Collections.Concurrent;

namespace Geo.Data.Peta;

/// <summary>What a tile carries besides kode and nama.</summary>
public enum TileValues
{
    None,
    /// <summary>Published values of one indicator and period (<see cref="NilaiLayer"/>).</summary>
    Nilai,
    /// <summary>The units of one stored analysis run (<see cref="AnalysisLayer"/>).</summary>
    Analisis,
}

/// <summary>
/// The SQL of a vector tile, assembled only from whitelisted pieces (layer level, zoom band
/// column, value join); every value from a request is a bound parameter: $1 z, $2 x, $3 y, then
/// the values' parameters ($4 indicator and $5 period, or $4 analysis run), then the scope root
/// code when scoped.
/// </summary>
public static class TileSql
{
    public const int Extent = 4096;
    public const int Buffer = 64;

    private static readonly ConcurrentDictionary<(string Layer, string Column, bool Scoped, TileValues Values), string> Cache = new();

    /// <summary>
    /// The pre-simplified geometry column for a zoom. Each band's tolerance is one tile unit at its
    /// own zoom (migration 0033), so it also serves the next zoom at two units: a quarter of a
    /// 512-pixel tile's pixel, under half a pixel until the zoom after, with a third of the vertices
    /// the finer band would send (bench/README.md, map page).
    /// </summary>
    public static string GeometryColumn(int z) => z switch
    {
        <= 6 => "geom_3857_z5",
        <= 8 => "geom_3857_z7",
        <= 10 => "geom_3857_z9",
        _ => "geom_3857",
    };

    /// <summary>One row: the wilayah, nilai and analisis data versions and the tile, read in the same snapshot (and for a run, whether it exists).</summary>
    public static string For(PetaLayer layer, int z, bool scoped, TileValues values = TileValues.None) =>
        Cache.GetOrAdd((layer.Name, GeometryColumn(z), scoped, values), key => Build(layer, key.Column, key.Scoped, key.Values));

    /// <remarks>
    /// Most features of a tile lie wholly inside it (with its buffer). Those need no clipping, and
    /// are only scaled to tile units and snapped to the integer grid (ST_Affine, ST_SnapToGrid),
    /// which costs a fifth of ST_AsMVTGeom: that function also re-validates every polygon with GEOS.
    /// Features crossing the buffered edge go through ST_AsMVTGeom, clipped and validated. A small
    /// feature snapped to the grid may touch itself; MapLibre and QGIS draw such rings as intended.
    /// Features that collapse to no area are dropped, as ST_AsMVTGeom drops them; OFFSET 0 keeps
    /// the planner from computing each tile geometry twice (once for that filter).
    /// </remarks>
    private static string Build(PetaLayer layer, string column, bool scoped, TileValues values)
    {
        var (columns, join, parameters, mvtName) = values switch
        {
            TileValues.Nilai => ($", {NilaiLayer.Columns}", NilaiLayer.Join(4), 2, layer.Name),
            TileValues.Analisis => ($", {AnalysisLayer.Columns}", AnalysisLayer.Join(4), 1, AnalysisLayer.MvtName),
            _ => ("", "", 0, layer.Name),
        };
        // An analysis run is described once (TileQueries keeps it); whether it still exists is asked here, in the tile's own query.
        var exists = values == TileValues.Analisis ? ",\n                   EXISTS (SELECT 1 FROM analisis WHERE id = $4)" : "";
        var scopeParameter = 4 + parameters;
        var scope = scoped ? $"AND (w.kode = ${scopeParameter} OR w.kode LIKE ${scopeParameter} || '.%')" : "";
        return $"""
            WITH e AS (
                SELECT env, ST_TileEnvelope($1, $2, $3, margin => {(double)Buffer / Extent}) AS buffered,
                       {Extent} / (ST_XMax(env) - ST_XMin(env)) AS scale, ST_XMin(env) AS x0, ST_YMax(env) AS y0
                FROM ST_TileEnvelope($1, $2, $3) AS env
            )
            SELECT (SELECT versi FROM data_versi WHERE nama = 'wilayah'),
                   coalesce((SELECT versi FROM data_versi WHERE nama = 'nilai'), 0),
                   coalesce((SELECT versi FROM data_versi WHERE nama = 'analisis'), 0),
                   (SELECT coalesce(ST_AsMVT(t, '{mvtName}', {Extent}, 'geom', 'fid'), ''::bytea)
                    FROM (
                        SELECT w.fid, w.kode, w.nama{columns},
                               CASE WHEN w.geom_3857 @ e.buffered
                                    THEN ST_RemoveRepeatedPoints(ST_SnapToGrid(
                                         ST_Affine(w.{column}, e.scale, 0, 0, -e.scale, -e.x0 * e.scale, e.y0 * e.scale), 1))
                                    ELSE ST_AsMVTGeom(w.{column}, e.env, {Extent}, {Buffer}, true)
                               END AS geom
                        FROM wilayah w CROSS JOIN e
                        {join}
                        WHERE w.tingkat = {(int)layer.Tingkat}
                          AND w.geom_3857 && e.buffered
                          {scope}
                        OFFSET 0
                    ) t
                    WHERE ST_Area(t.geom) > 0){exists}
            """;
    }
}
