-- The public values become a table of their own. The view nilai_terbit (nilai joined to published
-- batches) lost a published value as soon as a newer draft replaced it in nilai: a draft blanked
-- the public map. Now nilai is the working view (the latest value of any live batch) and
-- nilai_terbit holds the latest PUBLISHED value of each indicator, period and wilayah, written
-- when a batch is published; riwayat_terbit keeps what each publication replaced, so that
-- withdrawing a published batch restores the public value before it exactly.
DROP VIEW nilai_terbit;

CREATE TABLE nilai_terbit (
    indikator    text NOT NULL REFERENCES indikator ON UPDATE CASCADE,
    periode      text NOT NULL,
    wilayah      text NOT NULL REFERENCES wilayah (kode),
    pembilang    double precision,
    penyebut     double precision,
    nilai        double precision,
    hanya_persen boolean NOT NULL DEFAULT false,
    sumber       text NOT NULL,
    sintetis     boolean NOT NULL GENERATED ALWAYS AS (sumber = 'sintetis') STORED,
    batch        bigint NOT NULL REFERENCES impor_batch,
    PRIMARY KEY (indikator, periode, wilayah),
    CONSTRAINT nilai_terbit_hingga CHECK (hingga(pembilang) AND hingga(penyebut) AND hingga(nilai))
);
CREATE INDEX nilai_terbit_batch_idx ON nilai_terbit (batch);
CREATE INDEX nilai_terbit_wilayah_idx ON nilai_terbit (wilayah text_pattern_ops, indikator, periode);

CREATE TABLE riwayat_terbit (
    batch        bigint NOT NULL REFERENCES impor_batch,
    indikator    text NOT NULL,
    periode      text NOT NULL,
    wilayah      text NOT NULL,
    pembilang    double precision,
    penyebut     double precision,
    nilai        double precision,
    hanya_persen boolean NOT NULL,
    sumber       text NOT NULL,
    batch_lama   bigint NOT NULL,
    PRIMARY KEY (batch, indikator, periode, wilayah),
    CONSTRAINT riwayat_terbit_hingga CHECK (hingga(pembilang) AND hingga(penyebut) AND hingga(nilai))
);
CREATE INDEX riwayat_terbit_lama_idx ON riwayat_terbit (batch_lama);

-- The values a live batch holds now: those still current in nilai, and those a later live batch
-- replaced there (its history names this batch as the one it replaced).
CREATE FUNCTION nilai_milik_batch(p_batch bigint)
RETURNS TABLE (indikator text, periode text, wilayah text, pembilang double precision, penyebut double precision,
               nilai double precision, hanya_persen boolean, sumber text)
LANGUAGE sql STABLE AS $$
    SELECT n.indikator, n.periode, n.wilayah, n.pembilang, n.penyebut, n.nilai, n.hanya_persen, n.sumber
    FROM nilai n WHERE n.batch = p_batch
    UNION ALL
    SELECT r.indikator, r.periode, r.wilayah, r.pembilang, r.penyebut, r.nilai, r.hanya_persen, r.sumber
    FROM riwayat_nilai r JOIN impor_batch l ON l.id = r.batch
    WHERE r.batch_lama = p_batch AND r.jenis = 'nilai' AND l.status NOT IN ('ditolak', 'ditarik')
$$;

-- What the maps showed before stays on them.
INSERT INTO nilai_terbit (indikator, periode, wilayah, pembilang, penyebut, nilai, hanya_persen, sumber, batch)
SELECT n.indikator, n.periode, n.wilayah, n.pembilang, n.penyebut, n.nilai, n.hanya_persen, n.sumber, n.batch
FROM nilai n JOIN impor_batch b ON b.id = n.batch WHERE b.status = 'terbit';

-- Tiles and features read nilai_terbit: its changes bump the 'nilai' version as nilai's do.
CREATE TRIGGER nilai_terbit_versi_insert AFTER INSERT ON nilai_terbit
    REFERENCING NEW TABLE AS transisi_baru FOR EACH STATEMENT EXECUTE FUNCTION data_versi_naik('nilai');
CREATE TRIGGER nilai_terbit_versi_update AFTER UPDATE ON nilai_terbit
    REFERENCING OLD TABLE AS transisi_lama FOR EACH STATEMENT EXECUTE FUNCTION data_versi_naik('nilai');
CREATE TRIGGER nilai_terbit_versi_delete AFTER DELETE ON nilai_terbit
    REFERENCING OLD TABLE AS transisi_lama FOR EACH STATEMENT EXECUTE FUNCTION data_versi_naik('nilai');
CREATE TRIGGER nilai_terbit_versi_truncate AFTER TRUNCATE ON nilai_terbit
    FOR EACH STATEMENT EXECUTE FUNCTION data_versi_naik_truncate('nilai');

-- Runs computed from the working view are private to their area (AnalysisStore and the tile
-- queries never hand them to a caller without a role there); public runs read nilai_terbit only.
ALTER TABLE analisis ADD COLUMN tampilan text NOT NULL DEFAULT 'terbit' CHECK (tampilan IN ('terbit', 'draf'));
