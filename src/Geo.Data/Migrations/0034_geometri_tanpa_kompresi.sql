-- Geometry is stored out of line without compression. PostgreSQL tries pglz on every value over
-- 2 kB, and coordinates in doubles almost never compress by the 25% it asks for, so the attempt
-- is wasted: on the national desa set it cost 3.3 s of an 5.6 s insert of these five columns
-- (2026-11-30). Uncompressed out-of-line values can also be read in slices, which PostGIS uses to
-- read only a geometry's bounding box. Rows already stored keep their form until rewritten.
ALTER TABLE wilayah
    ALTER COLUMN geom SET STORAGE EXTERNAL,
    ALTER COLUMN geom_3857 SET STORAGE EXTERNAL,
    ALTER COLUMN geom_3857_z5 SET STORAGE EXTERNAL,
    ALTER COLUMN geom_3857_z7 SET STORAGE EXTERNAL,
    ALTER COLUMN geom_3857_z9 SET STORAGE EXTERNAL;
