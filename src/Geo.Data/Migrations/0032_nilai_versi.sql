-- Values join the data versions: any change to nilai, and publishing or withdrawing a batch
-- (which changes what nilai_terbit, the view maps read, shows), bumps the 'nilai' version.
INSERT INTO data_versi (nama) VALUES ('nilai') ON CONFLICT (nama) DO NOTHING;

CREATE TRIGGER nilai_versi_insert AFTER INSERT ON nilai
    REFERENCING NEW TABLE AS transisi_baru FOR EACH STATEMENT EXECUTE FUNCTION data_versi_naik('nilai');
CREATE TRIGGER nilai_versi_update AFTER UPDATE ON nilai
    REFERENCING OLD TABLE AS transisi_lama FOR EACH STATEMENT EXECUTE FUNCTION data_versi_naik('nilai');
CREATE TRIGGER nilai_versi_delete AFTER DELETE ON nilai
    REFERENCING OLD TABLE AS transisi_lama FOR EACH STATEMENT EXECUTE FUNCTION data_versi_naik('nilai');
CREATE TRIGGER nilai_versi_truncate AFTER TRUNCATE ON nilai
    FOR EACH STATEMENT EXECUTE FUNCTION data_versi_naik_truncate('nilai');

CREATE TRIGGER impor_batch_versi_update AFTER UPDATE ON impor_batch
    REFERENCING OLD TABLE AS transisi_lama FOR EACH STATEMENT EXECUTE FUNCTION data_versi_naik('nilai');
CREATE TRIGGER impor_batch_versi_delete AFTER DELETE ON impor_batch
    REFERENCING OLD TABLE AS transisi_lama FOR EACH STATEMENT EXECUTE FUNCTION data_versi_naik('nilai');
