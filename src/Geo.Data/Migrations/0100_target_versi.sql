-- Targets and the catalogue join the 'nilai' data version: a static map classified against the
-- target (or titled with an indicator's name) changes when they do, and its ETag is built from
-- the versions. Statement-level, like the triggers of 0031/0032.
CREATE TRIGGER target_versi_insert AFTER INSERT ON target
    REFERENCING NEW TABLE AS transisi_baru FOR EACH STATEMENT EXECUTE FUNCTION data_versi_naik('nilai');
CREATE TRIGGER target_versi_update AFTER UPDATE ON target
    REFERENCING OLD TABLE AS transisi_lama FOR EACH STATEMENT EXECUTE FUNCTION data_versi_naik('nilai');
CREATE TRIGGER target_versi_delete AFTER DELETE ON target
    REFERENCING OLD TABLE AS transisi_lama FOR EACH STATEMENT EXECUTE FUNCTION data_versi_naik('nilai');
CREATE TRIGGER indikator_versi_insert AFTER INSERT ON indikator
    REFERENCING NEW TABLE AS transisi_baru FOR EACH STATEMENT EXECUTE FUNCTION data_versi_naik('nilai');
CREATE TRIGGER indikator_versi_update AFTER UPDATE ON indikator
    REFERENCING OLD TABLE AS transisi_lama FOR EACH STATEMENT EXECUTE FUNCTION data_versi_naik('nilai');
