-- Indicator catalogue, values per wilayah x indicator x period, targets, import batches with
-- history, and custom groupings of desa (puskesmas service areas).

CREATE TABLE indikator (
    kode              text PRIMARY KEY CHECK (kode ~ '^[A-Z][A-Z0-9_]{0,39}$'),
    nama              text NOT NULL,
    -- prevalensi, layanan (L01-L29), sasaran (S), layanan_kecamatan (K), data_dukung (D), pengguna
    kelompok          text NOT NULL,
    -- the target group named by the catalogue (Remaja, Ibu hamil, ...)
    sasaran           text,
    satuan            text NOT NULL CHECK (satuan IN ('persen', 'jumlah')),
    -- naik: higher is better; turun: lower is better; null for plain counts
    polaritas         text CHECK (polaritas IN ('naik', 'turun')),
    definisi_pembilang text,
    definisi_penyebut text,
    -- sasaran codes whose sum is the denominator / roll-up weight, e.g. {S08,S09,S10}
    penyebut_sasaran  text[] NOT NULL DEFAULT '{}',
    target_nasional   double precision,
    urusan            text,
    penanggung_jawab  text,
    catatan           text,
    bawaan            boolean NOT NULL DEFAULT false,
    dibuat            timestamptz NOT NULL DEFAULT now(),
    CHECK (satuan = 'jumlah' OR polaritas IS NOT NULL)
);

CREATE TABLE impor_batch (
    id            bigserial PRIMARY KEY,
    berkas        text NOT NULL,
    -- sha256 of the file's bytes; with the options, what makes a re-import a no-op
    hash          text NOT NULL,
    parameter     text NOT NULL DEFAULT '',
    sumber        text NOT NULL,
    pengguna      text NOT NULL,
    diimpor       timestamptz NOT NULL DEFAULT now(),
    status        text NOT NULL DEFAULT 'draf' CHECK (status IN ('draf', 'terbit')),
    diterbitkan   timestamptz,
    ditarik       timestamptz,
    ditarik_oleh  text,
    jumlah_nilai  integer NOT NULL DEFAULT 0,
    jumlah_target integer NOT NULL DEFAULT 0,
    ringkasan     jsonb NOT NULL DEFAULT '{}'
);
CREATE UNIQUE INDEX impor_batch_aktif_uidx ON impor_batch (hash, parameter) WHERE ditarik IS NULL;

-- One value per wilayah x indicator x period (any level; roll-ups start from desa). Kept as one
-- table so that tile caches can version it with a trigger.
CREATE TABLE nilai (
    indikator    text NOT NULL REFERENCES indikator ON UPDATE CASCADE,
    periode      text NOT NULL CHECK (periode ~ '^[0-9]{4}(-(0[1-9]|1[0-2]|S[12]))?$'),
    wilayah      text NOT NULL REFERENCES wilayah (kode),
    pembilang    double precision CHECK (pembilang >= 0),
    penyebut     double precision CHECK (penyebut >= 0),
    -- percent for persen indicators, the count for jumlah indicators
    nilai        double precision,
    -- the source published only a percentage: no counts, never summed
    hanya_persen boolean NOT NULL DEFAULT false,
    sumber       text NOT NULL,
    sintetis     boolean NOT NULL GENERATED ALWAYS AS (sumber = 'sintetis') STORED,
    batch        bigint NOT NULL REFERENCES impor_batch,
    PRIMARY KEY (indikator, periode, wilayah),
    CHECK (NOT hanya_persen OR (pembilang IS NULL AND penyebut IS NULL AND nilai IS NOT NULL)),
    CHECK (hanya_persen OR pembilang IS NOT NULL),
    CHECK (penyebut IS NULL OR pembilang <= penyebut)
);
CREATE INDEX nilai_batch_idx ON nilai (batch);
CREATE INDEX nilai_wilayah_idx ON nilai (wilayah text_pattern_ops, indikator, periode);

-- Targets per wilayah (any level) and year; the national target lives on indikator.
CREATE TABLE target (
    indikator text NOT NULL REFERENCES indikator ON UPDATE CASCADE,
    wilayah   text NOT NULL REFERENCES wilayah (kode),
    tahun     smallint NOT NULL CHECK (tahun BETWEEN 1990 AND 2100),
    nilai     double precision NOT NULL,
    sumber    text,
    batch     bigint REFERENCES impor_batch,
    PRIMARY KEY (indikator, wilayah, tahun)
);
CREATE INDEX target_batch_idx ON target (batch);

-- What a batch overwrote, so that withdrawing it restores the previous state. jenis 'nilai'
-- keys on periode, jenis 'target' on the year written as periode.
CREATE TABLE riwayat_nilai (
    batch        bigint NOT NULL REFERENCES impor_batch,
    jenis        text NOT NULL CHECK (jenis IN ('nilai', 'target')),
    indikator    text NOT NULL,
    periode      text NOT NULL,
    wilayah      text NOT NULL,
    pembilang    double precision,
    penyebut     double precision,
    nilai        double precision,
    hanya_persen boolean NOT NULL DEFAULT false,
    sumber       text,
    batch_lama   bigint,
    PRIMARY KEY (batch, jenis, indikator, periode, wilayah)
);
CREATE INDEX riwayat_nilai_lama_idx ON riwayat_nilai (batch_lama);

-- Named lists of desa that are not administrative units: puskesmas service areas and the like.
CREATE TABLE kelompok_wilayah (
    id       bigserial PRIMARY KEY,
    jenis    text NOT NULL,
    -- the wilayah the grouping belongs to (usually a kab/kota)
    induk    text NOT NULL REFERENCES wilayah (kode),
    nama     text NOT NULL,
    UNIQUE (jenis, induk, nama)
);

CREATE TABLE kelompok_wilayah_anggota (
    kelompok bigint NOT NULL REFERENCES kelompok_wilayah ON DELETE CASCADE,
    wilayah  text NOT NULL REFERENCES wilayah (kode),
    PRIMARY KEY (kelompok, wilayah)
);
CREATE INDEX kelompok_anggota_wilayah_idx ON kelompok_wilayah_anggota (wilayah);

-- Values of published batches only: what public maps, tiles and embeds may show.
CREATE VIEW nilai_terbit AS
SELECT n.* FROM nilai n JOIN impor_batch b ON b.id = n.batch WHERE b.status = 'terbit';

-- The target that applies to a wilayah in a year: its own, else the nearest ancestor's, else national.
CREATE FUNCTION target_berlaku(p_indikator text, p_wilayah text, p_tahun int)
RETURNS TABLE (nilai double precision, asal text)
LANGUAGE sql STABLE AS $$
    SELECT x.nilai, x.asal FROM (
        SELECT t.nilai, t.wilayah AS asal, length(t.wilayah) AS urut FROM target t
        WHERE t.indikator = p_indikator AND t.tahun = p_tahun
          AND t.wilayah IN (p_wilayah, left(p_wilayah, 8), left(p_wilayah, 5), left(p_wilayah, 2))
        UNION ALL
        SELECT i.target_nasional, 'nasional', 0 FROM indikator i
        WHERE i.kode = p_indikator AND i.target_nasional IS NOT NULL
    ) x
    ORDER BY x.urut DESC
    LIMIT 1
$$;
