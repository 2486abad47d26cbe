-- Groupings (puskesmas areas) come in with indicator files, so withdrawing a batch must take back
-- the member lists it wrote, as it takes back its values: each grouping names the batch behind its
-- current member list, and riwayat_kelompok keeps the list a batch replaced.
ALTER TABLE kelompok_wilayah ADD COLUMN batch bigint REFERENCES impor_batch;

CREATE TABLE riwayat_kelompok (
    batch      bigint NOT NULL REFERENCES impor_batch,
    kelompok   bigint NOT NULL REFERENCES kelompok_wilayah ON DELETE CASCADE,
    -- the grouping did not exist before this batch: withdrawing removes it
    baru       boolean NOT NULL,
    anggota    text[] NOT NULL,
    batch_lama bigint,
    PRIMARY KEY (batch, kelompok)
);
CREATE INDEX riwayat_kelompok_lama_idx ON riwayat_kelompok (batch_lama);
