-- Geometry is compressed with lz4 instead of pglz. PostgreSQL tries to compress every row over
-- 2 kB, and pglz gives up on coordinates in doubles, which rarely shrink by the 25% it asks for,
-- only after spending the time: on the national desa set that was 3.3 s of a 5.6 s insert of these
-- five columns, against 0.3 s with lz4 (2026-11-30). The storage mode stays as it was (rows are
-- kept in line while they fit a page), so tile queries read what they read before. Rows already
-- stored keep their form until rewritten.
ALTER TABLE wilayah
    ALTER COLUMN geom SET COMPRESSION lz4,
    ALTER COLUMN geom_3857 SET COMPRESSION lz4,
    ALTER COLUMN geom_3857_z5 SET COMPRESSION lz4,
    ALTER COLUMN geom_3857_z7 SET COMPRESSION lz4,
    ALTER COLUMN geom_3857_z9 SET COMPRESSION lz4;
