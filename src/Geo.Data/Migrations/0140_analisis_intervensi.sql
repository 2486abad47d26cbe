-- A run's ranked interventions, one row per area (the analysed area and each of its kecamatan),
-- as the JSON /api/analisis/{id}/intervensi/{kode} answers. A province's were one 16 MB jsonb
-- value that PostgreSQL parsed at every store (most of storing a new run) and unpacked whole to
-- answer one kecamatan; as text per area they are stored without parsing and read one at a time.
CREATE TABLE analisis_intervensi (
    analisis bigint NOT NULL REFERENCES analisis (id) ON DELETE CASCADE,
    urutan   int    NOT NULL,
    kode     text   NOT NULL,
    isi      text   NOT NULL,
    PRIMARY KEY (analisis, kode)
);
ALTER TABLE analisis_intervensi ALTER COLUMN isi SET COMPRESSION lz4;

INSERT INTO analisis_intervensi (analisis, urutan, kode, isi)
SELECT a.id, e.urutan::int, e.isi->>'kode', e.isi::text
FROM analisis a, jsonb_array_elements(a.intervensi) WITH ORDINALITY AS e (isi, urutan);

ALTER TABLE analisis DROP COLUMN intervensi;
