#!/usr/bin/env bash
# Benchmark (not a test): import the 83,402 real desa of ../shared/data/boundaries/indonesia-desa.geojsonl.gz
# end to end with our CLI (validate, COPY, repair, upsert, derive kecamatan/kabkota/provinsi) into a
# scratch database, and in the same run load the same file with `ogr2ogr -f PostgreSQL` into a
# scratch table. Wall time and peak RSS from /usr/bin/time -v; median of RUNS (default 3).
#   GEO_PG_PORT=55433 bench/wilayah-import/run.sh [RUNS]
# Needs gdal-bin (ogr2ogr) and /usr/bin/time (package `time`). Results go to bench/out/.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUNS="${1:-3}"
FILE="$(cd "$ROOT/../shared/data/boundaries" && pwd)/indonesia-desa.geojsonl.gz"
OUT="$ROOT/bench/out/wilayah-import"
mkdir -p "$OUT"
command -v ogr2ogr >/dev/null || { echo "ogr2ogr tidak ada: apt-get install gdal-bin" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time tidak ada: apt-get install time" >&2; exit 1; }

SERVER_URL="$("$ROOT/geo" db url)"            # starts the local cluster; postgresql://geo@127.0.0.1:PORT/geo
BASE="${SERVER_URL%/*}"
HOST_PORT="${BASE#postgresql://geo@}"
PGHOST="${HOST_PORT%:*}"; PGPORT="${HOST_PORT#*:}"
psql_admin() { psql -X -q -v ON_ERROR_STOP=1 -h "$PGHOST" -p "$PGPORT" -U geo -d postgres "$@"; }

GEO_BUILD_CONFIGURATION=Release dotnet build "$ROOT/src/Geo.Cli" -c Release -nologo -v quiet -clp:ErrorsOnly >&2
CLI=(dotnet "$ROOT/src/Geo.Cli/bin/Release/net10.0/geo.dll")

# "seconds peak_kib" from a /usr/bin/time -v log
measure() {
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = (n == 3) ? t[1]*3600 + t[2]*60 + t[3] : t[1]*60 + t[2] }
              /Maximum resident set size/ { r = $2 }
              END { printf "%.1f %d\n", s, r }' "$1"
}

: > "$OUT/results.tsv"
for i in $(seq 1 "$RUNS"); do
  psql_admin -c "DROP DATABASE IF EXISTS bench_geo" -c "CREATE DATABASE bench_geo"
  GEO_DATABASE_URL="$BASE/bench_geo" "${CLI[@]}" db migrate >/dev/null 2>&1
  GEO_DATABASE_URL="$BASE/bench_geo" /usr/bin/time -v "${CLI[@]}" import wilayah "$FILE" \
    > "$OUT/geo-$i.txt" 2> "$OUT/geo-$i.time"
  read -r geo_s geo_kib < <(measure "$OUT/geo-$i.time")

  psql_admin -c "DROP DATABASE IF EXISTS bench_ogr" -c "CREATE DATABASE bench_ogr"
  psql -X -q -h "$PGHOST" -p "$PGPORT" -U geo -d bench_ogr -c "CREATE EXTENSION postgis"
  /usr/bin/time -v ogr2ogr -f PostgreSQL "PG:host=$PGHOST port=$PGPORT user=geo dbname=bench_ogr" \
    "/vsigzip/$FILE" -nln desa -lco GEOMETRY_NAME=geom -nlt PROMOTE_TO_MULTI \
    > "$OUT/ogr-$i.txt" 2> "$OUT/ogr-$i.time"
  read -r ogr_s ogr_kib < <(measure "$OUT/ogr-$i.time")

  printf '%s\t%s\t%s\t%s\t%s\n' "$i" "$geo_s" "$geo_kib" "$ogr_s" "$ogr_kib" | tee -a "$OUT/results.tsv"
done
psql_admin -c "DROP DATABASE IF EXISTS bench_geo" -c "DROP DATABASE IF EXISTS bench_ogr"

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
geo_med="$(cut -f2 "$OUT/results.tsv" | median)"; ogr_med="$(cut -f4 "$OUT/results.tsv" | median)"
geo_rss="$(cut -f3 "$OUT/results.tsv" | sort -n | tail -1)"; ogr_rss="$(cut -f5 "$OUT/results.tsv" | sort -n | tail -1)"
printf '\nruns=%s  geo median %ss (peak RSS %s MiB)  ogr2ogr median %ss (peak RSS %s MiB)  ratio %s\n' \
  "$RUNS" "$geo_med" "$((geo_rss / 1024))" "$ogr_med" "$((ogr_rss / 1024))" \
  "$(awk -v a="$geo_med" -v b="$ogr_med" 'BEGIN { printf "%.2f", a / b }')"
grep -h "fitur dibaca\|diturunkan" "$OUT/geo-1.txt" | cut -c1-100 || true
