-- A version per source table, bumped by any statement that changes rows of it, so that tiles,
-- features and caches can tell when what they were built from has changed without any import
-- code knowing about them. Servers LISTEN on channel 'data_versi' (payload: 'nama:versi'); the
-- notification is delivered at commit, when the new rows become visible.
CREATE TABLE data_versi (
    nama   text PRIMARY KEY,
    versi  bigint NOT NULL DEFAULT 1,
    diubah timestamptz NOT NULL DEFAULT now()
);

INSERT INTO data_versi (nama) VALUES ('wilayah');

-- Statement-level with transition tables: a statement that changes no row (re-importing an
-- unchanged file upserts nothing) leaves the version alone.
CREATE FUNCTION data_versi_naik() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    baru bigint;
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM 1 FROM transisi_baru LIMIT 1;
    ELSE
        PERFORM 1 FROM transisi_lama LIMIT 1;
    END IF;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    INSERT INTO data_versi AS d (nama) VALUES (TG_ARGV[0])
    ON CONFLICT (nama) DO UPDATE SET versi = d.versi + 1, diubah = now()
    RETURNING d.versi INTO baru;
    PERFORM pg_notify('data_versi', TG_ARGV[0] || ':' || baru);
    RETURN NULL;
END
$$;

-- Truncate has no transition table; it always changes what a tile shows (unless empty already).
CREATE FUNCTION data_versi_naik_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    baru bigint;
BEGIN
    INSERT INTO data_versi AS d (nama) VALUES (TG_ARGV[0])
    ON CONFLICT (nama) DO UPDATE SET versi = d.versi + 1, diubah = now()
    RETURNING d.versi INTO baru;
    PERFORM pg_notify('data_versi', TG_ARGV[0] || ':' || baru);
    RETURN NULL;
END
$$;

CREATE TRIGGER wilayah_versi_insert AFTER INSERT ON wilayah
    REFERENCING NEW TABLE AS transisi_baru FOR EACH STATEMENT EXECUTE FUNCTION data_versi_naik('wilayah');
CREATE TRIGGER wilayah_versi_update AFTER UPDATE ON wilayah
    REFERENCING OLD TABLE AS transisi_lama FOR EACH STATEMENT EXECUTE FUNCTION data_versi_naik('wilayah');
CREATE TRIGGER wilayah_versi_delete AFTER DELETE ON wilayah
    REFERENCING OLD TABLE AS transisi_lama FOR EACH STATEMENT EXECUTE FUNCTION data_versi_naik('wilayah');
CREATE TRIGGER wilayah_versi_truncate AFTER TRUNCATE ON wilayah
    FOR EACH STATEMENT EXECUTE FUNCTION data_versi_naik_truncate('wilayah');
