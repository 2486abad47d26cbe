-- A target that came in an import batch applies once that batch is published: until then it is an
-- unverified number like the batch's values. Targets set one by one (PUT .../target, audited, by an
-- operator or approver of the area) have no batch and apply at once.
CREATE OR REPLACE FUNCTION target_berlaku(p_indikator text, p_wilayah text, p_tahun int)
RETURNS TABLE (nilai double precision, asal text)
LANGUAGE sql STABLE AS $$
    SELECT x.nilai, x.asal FROM (
        SELECT t.nilai, t.wilayah AS asal, length(t.wilayah) AS urut FROM target t
        WHERE t.indikator = p_indikator AND t.tahun = p_tahun
          AND t.wilayah IN (p_wilayah, left(p_wilayah, 8), left(p_wilayah, 5), left(p_wilayah, 2))
          AND (t.batch IS NULL OR EXISTS (SELECT 1 FROM impor_batch b WHERE b.id = t.batch AND b.status = 'terbit'))
        UNION ALL
        SELECT i.target_nasional, 'nasional', 0 FROM indikator i
        WHERE i.kode = p_indikator AND i.target_nasional IS NOT NULL
    ) x
    ORDER BY x.urut DESC
    LIMIT 1
$$;
