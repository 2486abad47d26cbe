-- Stored runs of the situation analysis, so that tiles, exports and the map serve results
-- without recomputing. A run is identified by area, unit level, outcome indicator, period and its
-- parameters; versi_input fingerprints the values and weights it read, so an unchanged input
-- returns the stored run and a changed one replaces it.
CREATE TABLE analisis (
    id             bigserial PRIMARY KEY,
    wilayah        text NOT NULL REFERENCES wilayah (kode),
    tingkat        smallint NOT NULL CHECK (tingkat IN (3, 4)),
    indikator      text NOT NULL REFERENCES indikator ON UPDATE CASCADE,
    periode        text NOT NULL,
    parameter      jsonb NOT NULL,
    parameter_hash text NOT NULL,
    versi_input    text NOT NULL,
    -- global Moran's I, thresholds, islands, units without value, smoothing notes
    ringkasan      jsonb NOT NULL,
    -- interventions ranked for the area and for each kecamatan
    intervensi     jsonb NOT NULL,
    -- any value read came from a synthetic source
    sintetis       boolean NOT NULL,
    dihitung       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (wilayah, tingkat, indikator, periode, parameter_hash)
);

CREATE TABLE analisis_unit (
    analisis  bigint NOT NULL REFERENCES analisis ON DELETE CASCADE,
    kode      text NOT NULL REFERENCES wilayah (kode),
    nilai     double precision,
    eb_global double precision,
    eb_lokal  double precision,
    local_i   double precision,
    local_z   double precision,
    local_p   double precision,
    lisa      text NOT NULL,
    gi_z      double precision,
    gi_p      double precision,
    gi_bin    smallint CHECK (gi_bin BETWEEN -3 AND 3),
    kelas     text NOT NULL,
    alasan    text NOT NULL,
    PRIMARY KEY (analisis, kode)
);
CREATE INDEX analisis_unit_kode_idx ON analisis_unit (kode);

INSERT INTO data_versi (nama) VALUES ('analisis') ON CONFLICT DO NOTHING;

CREATE TRIGGER analisis_unit_versi_insert AFTER INSERT ON analisis_unit
    REFERENCING NEW TABLE AS transisi_baru FOR EACH STATEMENT EXECUTE FUNCTION data_versi_naik('analisis');
CREATE TRIGGER analisis_unit_versi_update AFTER UPDATE ON analisis_unit
    REFERENCING OLD TABLE AS transisi_lama FOR EACH STATEMENT EXECUTE FUNCTION data_versi_naik('analisis');
CREATE TRIGGER analisis_unit_versi_delete AFTER DELETE ON analisis_unit
    REFERENCING OLD TABLE AS transisi_lama FOR EACH STATEMENT EXECUTE FUNCTION data_versi_naik('analisis');
