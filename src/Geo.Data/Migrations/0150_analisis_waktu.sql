-- An analysis over time stored like an ordinary run (issue 15), so tiles and OGC collections serve it:
-- its units are the last period's ordinary run (class, LISA, Gi*, posterior, bivariate) plus, per
-- unit, the change from the first to the last period, the Mann-Kendall trend with Sen's slope and
-- the emerging hot spot pattern. waktu holds the whole temporal result as /api/analisis/waktu
-- answers it; NULL on an ordinary run, whose periode is one period (a temporal run's lists them).
ALTER TABLE analisis ADD COLUMN waktu jsonb;
ALTER TABLE analisis ALTER COLUMN waktu SET COMPRESSION lz4;

ALTER TABLE analisis_unit
    ADD COLUMN perubahan_selisih double precision,
    ADD COLUMN perubahan_p       double precision,
    ADD COLUMN perubahan_arah    text,
    ADD COLUMN tren_tau          double precision,
    ADD COLUMN tren_p            double precision,
    ADD COLUMN tren_sen          double precision,
    ADD COLUMN tren_arah         text,
    ADD COLUMN pola_titik_panas  text,
    -- only finite numbers, as every floating-point column (migration 0050)
    ADD CONSTRAINT analisis_unit_waktu_hingga CHECK (
        hingga(perubahan_selisih) AND hingga(perubahan_p) AND hingga(tren_tau) AND hingga(tren_p) AND hingga(tren_sen));

-- The page's summary gained the posterior and bivariate columns (peluang_tinggi, tidak_pasti,
-- bv_lisa): summaries stored before are rebuilt from their rows when next asked for.
UPDATE analisis SET halaman = NULL;
