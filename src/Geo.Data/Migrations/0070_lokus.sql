-- Lokus lists: a named choice of desa for the stunting convergence actions of one kab/kota and
-- year, each desa with its justification. A list is a draft until its analysts finalise it
-- (one way); its history is the audit log (buat_lokus, ubah_lokus, finalkan_lokus, hapus_lokus).
-- The desa are not foreign keys to wilayah: a boundary re-import must not be blocked by a list;
-- the store checks each code against wilayah when the list is written.
CREATE TABLE lokus (
    id          bigserial PRIMARY KEY,
    nama        text NOT NULL CHECK (length(btrim(nama)) BETWEEN 1 AND 200),
    wilayah     text NOT NULL CHECK (wilayah ~ '^[0-9]{2}\.[0-9]{2}$'),
    tahun       smallint NOT NULL CHECK (tahun BETWEEN 1990 AND 2100),
    status      text NOT NULL DEFAULT 'draf' CHECK (status IN ('draf', 'final')),
    dibuat      timestamptz NOT NULL DEFAULT now(),
    dibuat_oleh text NOT NULL,
    diubah      timestamptz NOT NULL DEFAULT now(),
    diubah_oleh text NOT NULL
);
CREATE INDEX lokus_wilayah_idx ON lokus (wilayah text_pattern_ops, tahun);

CREATE TABLE lokus_desa (
    lokus   bigint NOT NULL REFERENCES lokus (id) ON DELETE CASCADE,
    desa    text NOT NULL CHECK (desa ~ '^[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.[12][0-9]{3}$'),
    alasan  text NOT NULL DEFAULT '' CHECK (length(alasan) <= 1000),
    urutan  integer NOT NULL CHECK (urutan >= 1),
    PRIMARY KEY (lokus, desa),
    UNIQUE (lokus, urutan)
);
