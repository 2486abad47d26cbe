-- The publication gate (issue #11): a batch goes draf → diverifikasi → disetujui → terbit, or is
-- rejected (ditolak, with a reason) or withdrawn (ditarik), each step by the role that owns it
-- (Geo.Core.Akun.GerbangTerbit). A batch belongs to the smallest area holding all its values, so
-- that only accounts of that area may take its steps.
ALTER TABLE impor_batch DROP CONSTRAINT impor_batch_status_check;
UPDATE impor_batch SET status = 'ditarik' WHERE ditarik IS NOT NULL;
ALTER TABLE impor_batch ADD CONSTRAINT impor_batch_status_check
    CHECK (status IN ('draf', 'diverifikasi', 'disetujui', 'terbit', 'ditolak', 'ditarik'));
ALTER TABLE impor_batch ADD CONSTRAINT impor_batch_ditarik_check CHECK ((status = 'ditarik') = (ditarik IS NOT NULL));

-- The import's wilayah option, else the longest common code prefix of its values; null: national.
ALTER TABLE impor_batch ADD COLUMN wilayah text;
-- Why it was rejected.
ALTER TABLE impor_batch ADD COLUMN alasan text;
ALTER TABLE impor_batch ADD CONSTRAINT impor_batch_alasan_check CHECK (status <> 'ditolak' OR alasan IS NOT NULL);

-- A rejected or withdrawn batch no longer holds its file: the same file may come in again.
DROP INDEX impor_batch_aktif_uidx;
CREATE UNIQUE INDEX impor_batch_aktif_uidx ON impor_batch (hash, parameter) WHERE status NOT IN ('ditolak', 'ditarik');

-- The longest common prefix of two Kepmendagri codes, whole segments only; null when none.
-- Over the least and greatest code of a set it is the common prefix of the whole set.
CREATE FUNCTION kode_induk_bersama(a text, b text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT nullif(string_agg(x.sa, '.' ORDER BY x.i), '')
    FROM (
        SELECT s.i, s.sa, bool_and(s.sa = s.sb) OVER (ORDER BY s.i) AS sama
        FROM unnest(string_to_array(a, '.'), string_to_array(b, '.')) WITH ORDINALITY AS s(sa, sb, i)
    ) x
    WHERE x.sama
$$;

UPDATE impor_batch b SET wilayah = coalesce(
    nullif(b.ringkasan -> 'pilihan' ->> 'Wilayah', ''),
    (SELECT kode_induk_bersama(min(n.wilayah), max(n.wilayah)) FROM nilai n WHERE n.batch = b.id));

-- Who did what to which object, when, from which state to which, and why: every gate step,
-- withdrawal, import, and change of an indicator or target, written in the transaction of the
-- change itself. Read only by the admins of the area; never public.
CREATE TABLE audit (
    id          bigserial PRIMARY KEY,
    waktu       timestamptz NOT NULL DEFAULT clock_timestamp(),
    pengguna    text NOT NULL,
    aksi        text NOT NULL,
    objek       text NOT NULL,
    objek_id    text NOT NULL,
    -- the area the object belongs to; null: national
    wilayah     text,
    dari_status text,
    ke_status   text,
    alasan      text
);
CREATE INDEX audit_waktu_idx ON audit (waktu);
CREATE INDEX audit_wilayah_idx ON audit (wilayah text_pattern_ops, waktu);
