-- Runs computed for a read are a cache, not a record: every GET with a new parameter set stored
-- one, without bound. They are now kept by last use (dipakai, touched on each read) and evicted
-- least recently used first beyond a count, or once unused for a time (Geo:Analisis).
ALTER TABLE analisis ADD COLUMN dipakai timestamptz NOT NULL DEFAULT clock_timestamp();

-- The account that keeps a run (a later issue; no accounts exist yet). Eviction and replacement
-- skip kept runs.
ALTER TABLE analisis ADD COLUMN disimpan_oleh text;

-- One run per parameter set and input: the database, not a check before the insert, decides
-- which of two identical first requests stores it (INSERT ... ON CONFLICT DO NOTHING). The input
-- version is part of the key so that a kept run survives a newer run of the same parameters.
ALTER TABLE analisis DROP CONSTRAINT analisis_wilayah_tingkat_indikator_periode_parameter_hash_key;
ALTER TABLE analisis ADD CONSTRAINT analisis_parameter_input_key
    UNIQUE (wilayah, tingkat, indikator, periode, parameter_hash, versi_input);

CREATE INDEX analisis_dipakai_idx ON analisis (dipakai) WHERE disimpan_oleh IS NULL;
