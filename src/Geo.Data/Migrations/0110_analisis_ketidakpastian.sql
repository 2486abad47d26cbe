-- Per unit of a stored analysis: the posterior of its rate under the EB prior (probability of being
-- on the bad side of the threshold, the credible interval, and whether the counts leave its class
-- uncertain), and the bivariate local Moran of the outcome against a coverage indicator's lag.
-- Runs stored before keep NULL here; their parameters hash differently, so they are recomputed.
ALTER TABLE analisis_unit
    ADD COLUMN peluang_tinggi double precision CHECK (peluang_tinggi BETWEEN 0 AND 1),
    ADD COLUMN ki_bawah       double precision,
    ADD COLUMN ki_atas        double precision,
    ADD COLUMN tidak_pasti    boolean NOT NULL DEFAULT false,
    ADD COLUMN bv_i           double precision,
    ADD COLUMN bv_p           double precision,
    ADD COLUMN bv_lisa        text;
ALTER TABLE analisis_unit ADD CONSTRAINT analisis_unit_posterior_hingga CHECK (
    hingga(peluang_tinggi) AND hingga(ki_bawah) AND hingga(ki_atas) AND hingga(bv_i) AND hingga(bv_p));
