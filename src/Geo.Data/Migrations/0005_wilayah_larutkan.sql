-- The shape of a parent dissolved from its children as they stand in wilayah, with its area and
-- label point. A function, and parallel safe, so that the importer can run it from a parallel
-- scan: each parent is dissolved, measured and labelled by one worker, and a national desa file's
-- 7,285 kecamatan are spread over every core. Holes under 1e-6 square degrees (about 1.2 ha) are
-- gaps between children, not enclaves (see wilayah_tutup_celah); a filled gap can hold a speck of
-- the same parent, so an invalid result is repaired rather than stored. OFFSET 0 keeps the planner
-- from copying the shape's expression into each of the three outputs (and computing it thrice).
--
-- The dissolve is GEOS's buffer of distance 0 over the collected children, not ST_Union. The
-- buffer nodes every child's rings in one graph and keeps what lies inside any of them, which for
-- valid polygons is their union; ST_Union merges pairs in a cascade, and the desa's
-- near-coincident edges are re-noded at every step. On the national desa set, 2026-11-30: 17.8 s
-- for all three levels against 30.4 s, every result valid, and no parent's area differing from
-- ST_Union's by more than 4e-9 of itself. Children are valid (the importer repairs them, and
-- parents are repaired here), which is what makes buffer(0) a union.
CREATE FUNCTION wilayah_larutkan(induk_kode text, OUT geom geometry, OUT luas_km2 double precision, OUT titik_label geometry)
LANGUAGE sql STABLE PARALLEL SAFE COST 100000
AS $$
    SELECT shape, ST_Area(shape::geography) / 1e6, ST_PointOnSurface(shape)
    FROM (
        SELECT CASE WHEN ST_IsValid(g) THEN g ELSE ST_Multi(ST_CollectionExtract(ST_MakeValid(g, 'method=structure'), 3)) END AS shape
        FROM (
            SELECT wilayah_tutup_celah(ST_CollectionExtract(ST_Buffer(ST_Collect(w.geom), 0), 3), 1e-6) AS g
            FROM wilayah w
            WHERE w.induk = induk_kode
        ) AS dissolved
        OFFSET 0
    ) AS repaired
$$;
