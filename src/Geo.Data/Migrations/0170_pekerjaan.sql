-- Long work (national imports, province analyses) as rows any API instance can run: a request
-- queues a job and answers 202 at once; a worker in some instance claims it (FOR UPDATE SKIP
-- LOCKED, then a session advisory lock on the job held while it runs) and renews its lease
-- (sewa_hingga) while it works. When an instance dies its lease runs out and its lock goes with
-- its connection, and another instance reruns the job (each job is one transaction, so a rerun
-- starts from a clean database) or, after too many attempts, marks it failed with the reason.
CREATE TABLE pekerjaan (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    jenis         text NOT NULL CHECK (jenis IN ('impor_wilayah', 'impor_indikator', 'analisis')),
    -- The request's options as given (and the upload's name and size), replayed by whichever instance runs it.
    parameter     jsonb NOT NULL,
    -- The area the job touches; NULL for the whole country. Who may see the job follows from it.
    wilayah       text CHECK (wilayah ~ '^[0-9]{2}(\.[0-9]{2}(\.[0-9]{2}(\.[12][0-9]{3})?)?)?$'),
    status        text NOT NULL DEFAULT 'antri' CHECK (status IN ('antri', 'berjalan', 'selesai', 'gagal', 'dibatalkan')),
    tahap         text NOT NULL DEFAULT 'menunggu instans yang menjalankannya',
    selesai       bigint CHECK (selesai >= 0),
    jumlah        bigint CHECK (jumlah >= 0),
    satuan        text,
    -- Who started it (account name) and with which rights: the job runs as that caller on any instance.
    oleh          text NOT NULL,
    pemanggil     jsonb NOT NULL,
    instans       text,
    sewa_hingga   timestamptz,
    percobaan     integer NOT NULL DEFAULT 0 CHECK (percobaan >= 0),
    batal_diminta boolean NOT NULL DEFAULT false,
    hasil         jsonb,
    galat         jsonb,
    dibuat        timestamptz NOT NULL DEFAULT now(),
    mulai         timestamptz,
    diperbarui    timestamptz NOT NULL DEFAULT now(),
    berakhir      timestamptz,
    CHECK ((status IN ('selesai', 'gagal', 'dibatalkan')) = (berakhir IS NOT NULL))
);
-- The queue a worker scans: only unfinished jobs, in order.
CREATE INDEX pekerjaan_antrian_idx ON pekerjaan (id) WHERE status IN ('antri', 'berjalan');
CREATE INDEX pekerjaan_wilayah_idx ON pekerjaan (wilayah text_pattern_ops, id);

-- An upload waiting for its job, in 1 MiB pieces, so that the instance that runs the job need not
-- be the one that received the file. Deleted when the job ends. Stored as sent: uploads are often
-- zipped already, and compressing them again only costs CPU.
CREATE TABLE pekerjaan_berkas (
    pekerjaan bigint NOT NULL REFERENCES pekerjaan (id) ON DELETE CASCADE,
    nomor     integer NOT NULL CHECK (nomor >= 0),
    isi       bytea NOT NULL,
    PRIMARY KEY (pekerjaan, nomor)
);
ALTER TABLE pekerjaan_berkas ALTER COLUMN isi SET STORAGE EXTERNAL;
