-- Kepmendagri 2025 numbers the desa adat of Kabupaten Jayapura 91.03.xx.3xxx: a third desa kind
-- beside kelurahan (1xxx) and desa (2xxx). jenis already calls anything but 1xxx 'desa'.
ALTER TABLE wilayah DROP CONSTRAINT wilayah_kode_check;
ALTER TABLE wilayah ADD CONSTRAINT wilayah_kode_check
    CHECK (kode ~ '^[0-9]{2}(\.[0-9]{2}(\.[0-9]{2}(\.[123][0-9]{3})?)?)?$');
