CREATE EXTENSION IF NOT EXISTS postgis;

-- Administrative units of every level, keyed by Kepmendagri code. Level, parent, desa/kelurahan
-- kind and the numeric feature id all follow from the code, so they are generated, never stored
-- apart from it. tingkat: 1 provinsi, 2 kab/kota, 3 kecamatan, 4 desa/kelurahan.
CREATE TABLE wilayah (
    kode        text PRIMARY KEY
                CHECK (kode ~ '^[0-9]{2}(\.[0-9]{2}(\.[0-9]{2}(\.[12][0-9]{3})?)?)?$'),
    nama        text NOT NULL,
    tingkat     smallint NOT NULL
                GENERATED ALWAYS AS (length(kode) - length(replace(kode, '.', '')) + 1) STORED,
    induk       text
                GENERATED ALWAYS AS (CASE WHEN length(kode) > 2 THEN regexp_replace(kode, '\.[0-9]+$', '') END) STORED,
    jenis       text
                GENERATED ALWAYS AS (CASE WHEN length(kode) = 13 THEN
                    CASE substr(kode, 10, 1) WHEN '1' THEN 'kelurahan' ELSE 'desa' END END) STORED,
    -- numeric id for MapLibre feature-state: the level, then the code's digits padded to 10
    fid         bigint NOT NULL UNIQUE
                GENERATED ALWAYS AS ((length(kode) - length(replace(kode, '.', '')) + 1)::bigint * 10000000000
                    + rpad(replace(kode, '.', ''), 10, '0')::bigint) STORED,
    geom        geometry(MultiPolygon, 4326) NOT NULL,
    luas_km2    double precision NOT NULL,
    titik_label geometry(Point, 4326) NOT NULL,
    -- true when the geometry was dissolved from children rather than imported
    turunan     boolean NOT NULL DEFAULT false,
    diperbarui  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX wilayah_geom_gix ON wilayah USING gist (geom);
CREATE INDEX wilayah_induk_idx ON wilayah (induk, kode);
CREATE INDEX wilayah_tingkat_idx ON wilayah (tingkat);
-- prefix scans (kode LIKE '18.72.%') for scoping every query to a kab/kota
CREATE INDEX wilayah_kode_prefix_idx ON wilayah (kode text_pattern_ops);
