-- Tile geometry: wilayah in Web Mercator, in full and pre-simplified for each band of zooms, so
-- that a tile query only clips and quantises. Generated columns keep them in step with geom on
-- every insert and update, whoever writes (importer, derived parents, later edits).
--
-- Each band's tolerance is about one tile unit (4096 per tile) at the band's highest zoom:
-- 40075016.69 m / 2^z / 4096 = 306 m at z5, 76 m at z7, 19 m at z9, 4.8 m at z11. Simplification
-- is per polygon (PostGIS 3.3 has no coverage simplification), so neighbours' shared edges may
-- differ by up to that tolerance: under a pixel at the zooms each band serves.
ALTER TABLE wilayah
    ADD COLUMN geom_3857 geometry(MultiPolygon, 3857)
        GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED,
    ADD COLUMN geom_3857_z5 geometry(Geometry, 3857)
        GENERATED ALWAYS AS (ST_SimplifyPreserveTopology(ST_Transform(geom, 3857), 306)) STORED,
    ADD COLUMN geom_3857_z7 geometry(Geometry, 3857)
        GENERATED ALWAYS AS (ST_SimplifyPreserveTopology(ST_Transform(geom, 3857), 76)) STORED,
    ADD COLUMN geom_3857_z9 geometry(Geometry, 3857)
        GENERATED ALWAYS AS (ST_SimplifyPreserveTopology(ST_Transform(geom, 3857), 19)) STORED,
    ADD COLUMN geom_3857_z11 geometry(Geometry, 3857)
        GENERATED ALWAYS AS (ST_SimplifyPreserveTopology(ST_Transform(geom, 3857), 4.8)) STORED;

-- One index per level: a tile query asks for one level, and a partial index holds only its rows.
CREATE INDEX wilayah_3857_provinsi_gix ON wilayah USING gist (geom_3857) WHERE tingkat = 1;
CREATE INDEX wilayah_3857_kabkota_gix ON wilayah USING gist (geom_3857) WHERE tingkat = 2;
CREATE INDEX wilayah_3857_kecamatan_gix ON wilayah USING gist (geom_3857) WHERE tingkat = 3;
CREATE INDEX wilayah_3857_desa_gix ON wilayah USING gist (geom_3857) WHERE tingkat = 4;
