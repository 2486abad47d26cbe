#!/usr/bin/env bash
# GET /api/nilai for every desa of Jawa Tengah (the map page's largest request): medians of
# curl's time_total and of the server's own Server-Timing "app" for full answers and for
# revalidations (If-None-Match: 304), and the execution time of the values query by EXPLAIN
# ANALYZE (TIMING OFF: per-node clocks off, so the figure is close to the query's CPU time).
# Needs a running server on a database prepared by bench/web/siapkan.sh.
# Usage: GEO_URL=http://127.0.0.1:8311 GEO_DATABASE_URL=postgresql://... [BENTUK=lateral] bench/nilai/run.sh [runs]
set -euo pipefail
: "${GEO_URL:?set GEO_URL to the server, e.g. http://127.0.0.1:8311}"
RUNS="${1:-15}"
PATH_Q="/api/nilai?induk=33&tingkat=desa&indikator=L20&periode=2022-08"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {if (NR == 0) print "-"; else if (NR % 2) print a[(NR+1)/2]; else printf "%.4f\n", (a[NR/2]+a[NR/2+1])/2}'; }

# One request: "status time_total bytes app_ms" (app_ms from Server-Timing, "-" if absent).
request() {
  local out
  out=$(curl -s -o /dev/null -D "$TMP/h" -H 'Accept-Encoding: gzip' "$@" -w '%{http_code} %{time_total} %{size_download}' "$GEO_URL$PATH_Q")
  local app
  app=$(tr -d '\r' < "$TMP/h" | sed -n 's/^[Ss]erver-[Tt]iming:.*app;dur=\([0-9.]*\).*/\1/p')
  echo "$out ${app:--}"
}

request > /dev/null # warm-up: connections, JIT
for _ in $(seq "$RUNS"); do request; done > "$TMP/full"
etag=$(tr -d '\r' < "$TMP/h" | sed -n 's/^[Ee][Tt]ag: *//p')
echo "full answers ($RUNS, gzip): status $(cut -d' ' -f1 "$TMP/full" | sort -u | paste -sd,)," \
  "bytes $(cut -d' ' -f3 "$TMP/full" | sort -u | paste -sd,)," \
  "time_total median $(cut -d' ' -f2 "$TMP/full" | median) s, app median $(cut -d' ' -f4 "$TMP/full" | grep -v '^-$' | median) ms"
if [ -n "$etag" ]; then
  for _ in $(seq "$RUNS"); do request -H "If-None-Match: $etag"; done > "$TMP/revalidated"
  echo "revalidations ($RUNS, If-None-Match $etag): status $(cut -d' ' -f1 "$TMP/revalidated" | sort -u | paste -sd,)," \
    "time_total median $(cut -d' ' -f2 "$TMP/revalidated" | median) s, app median $(cut -d' ' -f4 "$TMP/revalidated" | grep -v '^-$' | median) ms"
else
  echo "revalidations: the server sends no ETag"
fi

if [ -n "${GEO_DATABASE_URL:-}" ]; then
  # The statement NilaiQueries.ValuesAsync sends (public view, national caller); keep it in step with the code.
  {
    echo "PREPARE q(text, text, int, smallint, text, text) AS"
    # BENTUK=lateral: the per-row target_berlaku of before migration 0180, for comparison.
    if [ "${BENTUK:-}" != lateral ] && psql "$GEO_DATABASE_URL" -Atc "SELECT 1 FROM pg_proc WHERE proname = 'target_terbit'" | grep -q 1; then
      cat <<'SQL'
WITH tt AS (SELECT wilayah, nilai FROM target_terbit($1, $3))
SELECT w.kode, w.nama, n.pembilang, n.penyebut, n.nilai, coalesce(n.hanya_persen, false), n.sumber, coalesce(n.sintetis, false),
       n.batch, b.status, coalesce(tt_0.nilai, tt_1.nilai, tt_2.nilai, tt_3.nilai, tt_4.nilai),
       coalesce(tt_0.wilayah, tt_1.wilayah, tt_2.wilayah, tt_3.wilayah, CASE WHEN tt_4.nilai IS NOT NULL THEN 'nasional' END)
FROM wilayah w
LEFT JOIN nilai_terbit n ON n.wilayah = w.kode AND n.indikator = $1 AND n.periode = $2
LEFT JOIN impor_batch b ON b.id = n.batch
LEFT JOIN tt tt_0 ON tt_0.wilayah = w.kode
LEFT JOIN tt tt_1 ON tt_1.wilayah = left(w.kode, 8)
LEFT JOIN tt tt_2 ON tt_2.wilayah = left(w.kode, 5)
LEFT JOIN tt tt_3 ON tt_3.wilayah = left(w.kode, 2)
LEFT JOIN tt tt_4 ON tt_4.wilayah = ''
WHERE w.tingkat = $4 AND w.kode LIKE $5 AND w.kode LIKE $6
ORDER BY w.kode;
SQL
    else
      cat <<'SQL'
SELECT w.kode, w.nama, n.pembilang, n.penyebut, n.nilai, coalesce(n.hanya_persen, false), n.sumber, coalesce(n.sintetis, false),
       n.batch, b.status, t.nilai, t.asal
FROM wilayah w
LEFT JOIN nilai_terbit n ON n.wilayah = w.kode AND n.indikator = $1 AND n.periode = $2
LEFT JOIN impor_batch b ON b.id = n.batch
LEFT JOIN LATERAL target_berlaku($1, w.kode, $3) t ON true
WHERE w.tingkat = $4 AND w.kode LIKE $5 AND w.kode LIKE $6
ORDER BY w.kode;
SQL
    fi
    # Npgsql sends unnamed statements, planned for their parameters: a custom plan each time.
    echo "SET plan_cache_mode = force_custom_plan;"
    for _ in $(seq "$RUNS"); do echo "EXPLAIN (ANALYZE, TIMING OFF) EXECUTE q('L20', '2022-08', 2022, 4::smallint, '33.%', '%');"; done
  } > "$TMP/explain.sql"
  psql "$GEO_DATABASE_URL" -f "$TMP/explain.sql" > "$TMP/explain.out"
  echo "values query ($RUNS, EXPLAIN ANALYZE TIMING OFF): execution median $(sed -n 's/.*Execution Time: \([0-9.]*\) ms/\1/p' "$TMP/explain.out" | median) ms," \
    "planning median $(sed -n 's/.*Planning Time: \([0-9.]*\) ms/\1/p' "$TMP/explain.out" | median) ms"
fi
