-- The shape of a parent dissolved from its children as they stand in wilayah. A function, and
-- parallel safe, so that the importer can run it from a parallel scan: each parent is dissolved
-- by one worker, and a national desa file's 7,285 kecamatan are spread over every core. Holes
-- under 1e-6 square degrees (about 1.2 ha) are gaps between children, not enclaves (see
-- wilayah_tutup_celah); a filled gap can hold a speck of the same parent, so an invalid result is
-- repaired rather than stored.
CREATE FUNCTION wilayah_larutkan(induk_kode text)
RETURNS geometry
LANGUAGE sql STABLE PARALLEL SAFE COST 100000
AS $$
    SELECT CASE WHEN ST_IsValid(g) THEN g ELSE ST_Multi(ST_CollectionExtract(ST_MakeValid(g, 'method=structure'), 3)) END
    FROM (
        SELECT wilayah_tutup_celah(ST_CollectionExtract(ST_Union(geom), 3), 1e-6) AS g
        FROM wilayah
        WHERE induk = induk_kode
    ) AS dissolved
$$;
