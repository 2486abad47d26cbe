-- Only finite numbers are stored, whatever path writes them: a NaN or Infinity that slipped past a
-- reader once answered every later read of its area with a 500. NULL (no value) still passes; NaN
-- fails too, since PostgreSQL orders NaN above Infinity.
CREATE FUNCTION hingga(x double precision) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN x > '-Infinity' AND x < 'Infinity';

ALTER TABLE nilai ADD CONSTRAINT nilai_hingga CHECK (hingga(pembilang) AND hingga(penyebut) AND hingga(nilai));
ALTER TABLE riwayat_nilai ADD CONSTRAINT riwayat_nilai_hingga CHECK (hingga(pembilang) AND hingga(penyebut) AND hingga(nilai));
ALTER TABLE target ADD CONSTRAINT target_hingga CHECK (hingga(nilai));
ALTER TABLE indikator ADD CONSTRAINT indikator_hingga CHECK (hingga(target_nasional));
ALTER TABLE wilayah ADD CONSTRAINT wilayah_hingga CHECK (hingga(luas_km2));
ALTER TABLE analisis_unit ADD CONSTRAINT analisis_unit_hingga CHECK (
    hingga(nilai) AND hingga(eb_global) AND hingga(eb_lokal) AND hingga(local_i) AND hingga(local_z) AND hingga(local_p)
    AND hingga(gi_z) AND hingga(gi_p));
