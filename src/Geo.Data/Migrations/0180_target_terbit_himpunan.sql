-- The published targets of one indicator and year as a set, with the national target as wilayah
-- '': what a query over many wilayah reads once and joins at each level (TargetBerlakuSql), where
-- target_berlaku per row scanned target and indikator once per row. Published: set one by one (no
-- batch) or brought by a batch that is published (migration 0063).
CREATE FUNCTION target_terbit(p_indikator text, p_tahun int)
RETURNS TABLE (wilayah text, nilai double precision)
LANGUAGE sql STABLE AS $$
    SELECT t.wilayah, t.nilai FROM target t
    WHERE t.indikator = p_indikator AND t.tahun = p_tahun
      AND (t.batch IS NULL OR EXISTS (SELECT 1 FROM impor_batch b WHERE b.id = t.batch AND b.status = 'terbit'))
    UNION ALL
    SELECT '', i.target_nasional FROM indikator i
    WHERE i.kode = p_indikator AND i.target_nasional IS NOT NULL
$$;

-- The target that applies to one wilayah: its own, else the nearest ancestor's, else national;
-- the same rule on top of the same set, so the two can't drift apart. Still inlined into callers.
CREATE OR REPLACE FUNCTION target_berlaku(p_indikator text, p_wilayah text, p_tahun int)
RETURNS TABLE (nilai double precision, asal text)
LANGUAGE sql STABLE AS $$
    SELECT t.nilai, CASE WHEN t.wilayah = '' THEN 'nasional' ELSE t.wilayah END
    FROM target_terbit(p_indikator, p_tahun) t
    WHERE t.wilayah IN (p_wilayah, left(p_wilayah, 8), left(p_wilayah, 5), left(p_wilayah, 2), '')
    ORDER BY length(t.wilayah) DESC
    LIMIT 1
$$;
