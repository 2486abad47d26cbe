-- Replaces the tile geometry of 0030 (kept as it was merged, since databases have run it):
-- simplification before projection, which keeps national imports cheap (0030's
-- ST_SimplifyPreserveTopology in metres cost about as much as the rest of the upsert), rings
-- forced clockwise for the tile fast path, and no z11 band (the vertices of these boundaries are
-- further apart than a z11 tile unit). Dropping the columns drops their indexes; both are
-- recreated here. On a fresh database the table is still empty, so this costs nothing.
ALTER TABLE wilayah
    DROP COLUMN IF EXISTS geom_3857_z11,
    DROP COLUMN IF EXISTS geom_3857_z9,
    DROP COLUMN IF EXISTS geom_3857_z7,
    DROP COLUMN IF EXISTS geom_3857_z5,
    DROP COLUMN IF EXISTS geom_3857;

-- Tile geometry: wilayah in Web Mercator, in full and pre-simplified for the low zoom bands, so
-- that a tile query only scales, snaps and (for features crossing the tile edge) clips. Generated
-- columns keep them in step with geom on every insert and update, whoever writes (importer,
-- derived parents, later edits), with no import code aware of them.
--
-- Each band's tolerance is one tile unit (4096 per tile) at the band's highest zoom, in degrees of
-- longitude: 360 / 2^z / 4096 = 0.00275 at z5, 0.000687 at z7, 0.000172 at z9. On the national desa
-- set that keeps 9%, 27% and 72% of the vertices; from z10 the full geometry serves (its vertices
-- are further apart than a tile unit). Simplifying before projecting keeps imports cheap
-- (ST_Simplify, then ST_Transform on the fewer points). Simplification is per polygon (PostGIS
-- 3.3 has no coverage simplification), so neighbours' shared edges may differ by up to one tile
-- unit at the zooms each band serves: under a screen pixel.
--
-- Rings are stored clockwise: the tile transform flips y, which makes them the counter-clockwise
-- (in PostGIS's y-up sense) exterior rings that ST_AsMVTGeom also emits.
ALTER TABLE wilayah
    ADD COLUMN geom_3857 geometry(MultiPolygon, 3857)
        GENERATED ALWAYS AS (ST_ForcePolygonCW(ST_Transform(geom, 3857))) STORED,
    ADD COLUMN geom_3857_z5 geometry(Geometry, 3857)
        GENERATED ALWAYS AS (ST_ForcePolygonCW(ST_Transform(ST_Simplify(geom, 0.00275, true), 3857))) STORED,
    ADD COLUMN geom_3857_z7 geometry(Geometry, 3857)
        GENERATED ALWAYS AS (ST_ForcePolygonCW(ST_Transform(ST_Simplify(geom, 0.000687, true), 3857))) STORED,
    ADD COLUMN geom_3857_z9 geometry(Geometry, 3857)
        GENERATED ALWAYS AS (ST_ForcePolygonCW(ST_Transform(ST_Simplify(geom, 0.000172, true), 3857))) STORED;

-- One index per level: a tile query asks for one level, and a partial index holds only its rows.
CREATE INDEX wilayah_3857_provinsi_gix ON wilayah USING gist (geom_3857) WHERE tingkat = 1;
CREATE INDEX wilayah_3857_kabkota_gix ON wilayah USING gist (geom_3857) WHERE tingkat = 2;
CREATE INDEX wilayah_3857_kecamatan_gix ON wilayah USING gist (geom_3857) WHERE tingkat = 3;
CREATE INDEX wilayah_3857_desa_gix ON wilayah USING gist (geom_3857) WHERE tingkat = 4;
