-- Analysis at the speed of the map (issue 12).
--
-- Per unit, what the linked charts draw: coverage indicators judged and meeting target (the gap
-- quadrant's x is their share) and the Moran scatter (standardised value and its row-standardised lag).
ALTER TABLE analisis_unit
    ADD COLUMN cakupan_dinilai  smallint NOT NULL DEFAULT 0,
    ADD COLUMN cakupan_memenuhi smallint NOT NULL DEFAULT 0,
    ADD COLUMN moran_z          double precision,
    ADD COLUMN moran_lag        double precision,
    -- only finite numbers, as every floating-point column (migration 0050)
    ADD CONSTRAINT analisis_unit_moran_hingga CHECK (hingga(moran_z) AND hingga(moran_lag));

-- versi_data: the data versions (wilayah, nilai, katalog) read before the run's input was loaded.
-- While they are unchanged the input is too, so a request finds its stored run without reading the
-- input again (the fingerprint in versi_input still decides when they have moved).
-- halaman: the summary the map page loads first, gzip-compressed JSON, written once with the run.
ALTER TABLE analisis
    ADD COLUMN versi_data text,
    ADD COLUMN halaman    bytea;

-- Targets and the catalogue (polarity, sasaran) are input of an analysis too, and had no version.
INSERT INTO data_versi (nama) VALUES ('katalog') ON CONFLICT (nama) DO NOTHING;

CREATE TRIGGER target_versi_insert AFTER INSERT ON target
    REFERENCING NEW TABLE AS transisi_baru FOR EACH STATEMENT EXECUTE FUNCTION data_versi_naik('katalog');
CREATE TRIGGER target_versi_update AFTER UPDATE ON target
    REFERENCING OLD TABLE AS transisi_lama FOR EACH STATEMENT EXECUTE FUNCTION data_versi_naik('katalog');
CREATE TRIGGER target_versi_delete AFTER DELETE ON target
    REFERENCING OLD TABLE AS transisi_lama FOR EACH STATEMENT EXECUTE FUNCTION data_versi_naik('katalog');
CREATE TRIGGER target_versi_truncate AFTER TRUNCATE ON target
    FOR EACH STATEMENT EXECUTE FUNCTION data_versi_naik_truncate('katalog');

CREATE TRIGGER indikator_versi_insert AFTER INSERT ON indikator
    REFERENCING NEW TABLE AS transisi_baru FOR EACH STATEMENT EXECUTE FUNCTION data_versi_naik('katalog');
CREATE TRIGGER indikator_versi_update AFTER UPDATE ON indikator
    REFERENCING OLD TABLE AS transisi_lama FOR EACH STATEMENT EXECUTE FUNCTION data_versi_naik('katalog');
CREATE TRIGGER indikator_versi_delete AFTER DELETE ON indikator
    REFERENCING OLD TABLE AS transisi_lama FOR EACH STATEMENT EXECUTE FUNCTION data_versi_naik('katalog');

-- A province's ranked interventions are about 16 MB of JSON; pglz spends its time on them at every
-- store and read (as it did on geometry, migration 0034), lz4 a fraction of it.
ALTER TABLE analisis ALTER COLUMN intervensi SET COMPRESSION lz4;

-- Runs stored before have no chart fields; they are a cache, so they go and are computed again
-- when next asked for. Runs an account kept stay as they are (their charts lack the new fields).
DELETE FROM analisis WHERE disimpan_oleh IS NULL;
