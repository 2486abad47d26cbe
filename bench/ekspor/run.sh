#!/usr/bin/env bash
# Benchmark (not a test): the national desa layer (83,402 desa, load it first: `./geo import wilayah
# ../shared/data/boundaries/indonesia-desa.geojsonl.gz --tingkat desa`, see bench/README.md) with one
# indicator, exported to GeoPackage by `geo ekspor wilayah` and, in the same run, by
# `ogr2ogr -f GPKG` from the same PostGIS with the same SELECT (same rows, same columns; both build
# an R-tree index). Wall time and peak RSS of each client process from /usr/bin/time -v; median of RUNS.
#   GEO_DATABASE_URL=postgresql://geo@127.0.0.1:55432/DB bench/ekspor/run.sh [RUNS]   (default: ./geo db url, 3 runs)
# Needs gdal-bin (ogr2ogr, ogrinfo) and /usr/bin/time (package `time`). Results go to bench/out/ekspor/.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUNS="${1:-3}"
INDIKATOR="${INDIKATOR:-PREV_STUNTING}"
PERIODE="${PERIODE:-2022-08}"
OUT="$ROOT/bench/out/ekspor"
mkdir -p "$OUT"
command -v ogr2ogr >/dev/null || { echo "ogr2ogr tidak ada: apt-get install gdal-bin" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time tidak ada: apt-get install time" >&2; exit 1; }

URL="${GEO_DATABASE_URL:-$("$ROOT/geo" db url)}"
REST="${URL#postgresql://}"; USERPART="${REST%%@*}"; REST="${REST#*@}"
HOSTPORT="${REST%%/*}"; DB="${REST#*/}"
PGHOST="${HOSTPORT%:*}"; PGPORT="${HOSTPORT#*:}"
DESA="$(psql -X -At -h "$PGHOST" -p "$PGPORT" -U "$USERPART" -d "$DB" -c "SELECT count(*) FROM wilayah WHERE tingkat = 4")"
[ "$DESA" -ge 80000 ] || { echo "hanya $DESA desa di $DB: muat dulu batas nasional (lihat bench/README.md)" >&2; exit 1; }
POLARITAS="$(psql -X -At -h "$PGHOST" -p "$PGPORT" -U "$USERPART" -d "$DB" -c "SELECT polaritas FROM indikator WHERE kode = '$INDIKATOR'")"
TARGET="coalesce(t0.nilai, t1.nilai, t2.nilai, t3.nilai, t4.nilai)"
if [ "$POLARITAS" = "naik" ]; then SELISIH="greatest(0, $TARGET - n0.nilai)"; else SELISIH="greatest(0, n0.nilai - $TARGET)"; fi
TAHUN="${PERIODE:0:4}"
# The SELECT geo ekspor runs for one indicator, nationally, in the public view (src/Geo.Data/Ekspor/EksporQueries.cs;
# its targets from TargetBerlakuSql, here as derived tables rather than one CTE so that ogr2ogr reads a plain SELECT).
TT="(SELECT wilayah, nilai FROM target_terbit('$INDIKATOR', $TAHUN))"
SQL="SELECT w.kode, w.nama, w.induk, '$INDIKATOR'::text AS indikator, '$PERIODE'::text AS periode,
  n0.nilai, n0.pembilang, n0.penyebut, $TARGET AS target, $SELISIH AS selisih, n0.sumber,
  coalesce(n0.sintetis, false) AS sintetis, w.geom
FROM wilayah w
LEFT JOIN nilai_terbit n0 ON n0.wilayah = w.kode AND n0.indikator = '$INDIKATOR' AND n0.periode = '$PERIODE'
LEFT JOIN $TT t0 ON t0.wilayah = w.kode
LEFT JOIN $TT t1 ON t1.wilayah = left(w.kode, 8)
LEFT JOIN $TT t2 ON t2.wilayah = left(w.kode, 5)
LEFT JOIN $TT t3 ON t3.wilayah = left(w.kode, 2)
LEFT JOIN $TT t4 ON t4.wilayah = ''
WHERE w.tingkat = 4 AND w.kode LIKE '%' AND w.kode LIKE '%'"

dotnet build "$ROOT/src/Geo.Cli" -c Release -nologo -v quiet -clp:ErrorsOnly >&2
CLI=(dotnet "$ROOT/src/Geo.Cli/bin/Release/net10.0/geo.dll")

# "seconds peak_kib" from a /usr/bin/time -v log
measure() {
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = (n == 3) ? t[1]*3600 + t[2]*60 + t[3] : t[1]*60 + t[2] }
              /Maximum resident set size/ { r = $2 }
              END { printf "%.2f %d\n", s, r }' "$1"
}

uptime | tee "$OUT/uptime.txt"
: > "$OUT/results.tsv"
for i in $(seq 1 "$RUNS"); do
  rm -f "$OUT/geo.gpkg" "$OUT/ogr.gpkg"
  GEO_DATABASE_URL="$URL" /usr/bin/time -v "${CLI[@]}" ekspor wilayah --indikator "$INDIKATOR" --periode "$PERIODE" \
    --keluaran "$OUT/geo.gpkg" > "$OUT/geo-$i.txt" 2> "$OUT/geo-$i.time"
  read -r geo_s geo_kib < <(measure "$OUT/geo-$i.time")
  /usr/bin/time -v ogr2ogr -f GPKG "$OUT/ogr.gpkg" "PG:host=$PGHOST port=$PGPORT user=$USERPART dbname=$DB" \
    -sql "$SQL" -nln desa > "$OUT/ogr-$i.txt" 2> "$OUT/ogr-$i.time"
  read -r ogr_s ogr_kib < <(measure "$OUT/ogr-$i.time")
  printf '%s\t%s\t%s\t%s\t%s\n' "$i" "$geo_s" "$geo_kib" "$ogr_s" "$ogr_kib" | tee -a "$OUT/results.tsv"
done

geo_count="$(ogrinfo -ro -so "$OUT/geo.gpkg" "desa_nasional_$(echo "$INDIKATOR" | tr 'A-Z' 'a-z')_${PERIODE//-/_}" | awk '/Feature Count/ { print $3 }')"
ogr_count="$(ogrinfo -ro -so "$OUT/ogr.gpkg" desa | awk '/Feature Count/ { print $3 }')"
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
geo_med="$(cut -f2 "$OUT/results.tsv" | median)"; ogr_med="$(cut -f4 "$OUT/results.tsv" | median)"
geo_rss="$(cut -f3 "$OUT/results.tsv" | sort -n | tail -1)"; ogr_rss="$(cut -f5 "$OUT/results.tsv" | sort -n | tail -1)"
printf '\nruns=%s rows geo=%s ogr2ogr=%s  geo median %ss (peak RSS %s MiB)  ogr2ogr median %ss (peak RSS %s MiB)  ratio %s\n' \
  "$RUNS" "$geo_count" "$ogr_count" "$geo_med" "$((geo_rss / 1024))" "$ogr_med" "$((ogr_rss / 1024))" \
  "$(awk -v a="$geo_med" -v b="$ogr_med" 'BEGIN { printf "%.2f", a / b }')" | tee "$OUT/summary.txt"
