#!/usr/bin/env bash
# Several instances over a primary and a standby (issue 16): a primary and a streaming standby
# (initdb + pg_basebackup -R under a temporary folder, loopback ports), the national desa
# boundaries, and Release API instances. Measures cached and uncached tile throughput with one
# instance on the primary, one instance reading the standby, and two instances reading the standby
# (two wrk at once), then the lag the map sees after a national indicator import: from the commit
# that publishes it on the primary until the standby has replayed it, until /api/nilai of the
# standby-reading instance shows it, and until that instance's tile ETag changes.
# SKIP_THROUGHPUT=1 measures the lag only. No Docker; as root, PostgreSQL runs as the postgres user (as ./geo does). About 10-15 minutes.
# Results go to bench/out/replika/.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="$ROOT/bench/out/replika"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
PRIMARY_PORT="${PRIMARY_PORT:-55480}"
STANDBY_PORT="${STANDBY_PORT:-55481}"
API1="${API1:-8217}"
API2="${API2:-8218}"
DURATION="${DURATION:-10s}"
CONNECTIONS="${CONNECTIONS:-32}"
LAG_RUNS="${LAG_RUNS:-5}"
DESA="${DESA:-$ROOT/../shared/data/boundaries/indonesia-desa.geojsonl.gz}"
PROVINSI="${PROVINSI:-33}"   # the tiles and the /api/nilai area: Jawa Tengah
mkdir -p "$OUT"
: > "$OUT/results.txt"
say() { echo "$*" | tee -a "$OUT/results.txt"; }
load() { say "load average: $(cut -d' ' -f1-3 /proc/loadavg) ($*)"; }

is_root() { [ "$(id -u)" = 0 ]; }
as_pg() { if is_root; then runuser -u postgres -- "$@"; else "$@"; fi; }

for port in "$PRIMARY_PORT" "$STANDBY_PORT" "$API1" "$API2"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "port $port is taken" >&2; exit 1; fi
done

WORK="$(mktemp -d /var/tmp/geo-replika-bench.XXXXXX)"
chmod 755 "$WORK"
if is_root; then chown postgres:postgres "$WORK"; fi
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  for d in standby primary; do
    [ -f "$WORK/$d/PG_VERSION" ] && as_pg "$PG_BIN/pg_ctl" -D "$WORK/$d" -m immediate -w stop >/dev/null 2>&1 || true
  done
  if [ -z "${KEEP:-}" ]; then rm -rf "$WORK"; fi
}
trap cleanup EXIT

pg_start() { # dir port
  as_pg "$PG_BIN/pg_ctl" -D "$WORK/$1" -l "$WORK/$1.log" -w -t 120 \
    -o "-p $2 -k $WORK -c listen_addresses=127.0.0.1" start >/dev/null || { cat "$WORK/$1.log" >&2; return 1; }
}
psql_at() { # port sql
  as_pg "$PG_BIN/psql" -X -qAt -h 127.0.0.1 -p "$1" -U geo -d geo -c "$2"
}
now_ms() { date +%s%3N; }

PRIMARY_URL="postgresql://geo@127.0.0.1:$PRIMARY_PORT/geo"
STANDBY_URL="postgresql://geo@127.0.0.1:$STANDBY_PORT/geo"

echo "building (Release)" >&2
dotnet build "$ROOT/src/Geo.Api/Geo.Api.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly >&2
dotnet build "$ROOT/src/Geo.Cli/Geo.Cli.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly >&2
API_DIR="$ROOT/src/Geo.Api/bin/Release/net10.0"
GEO=(dotnet "$ROOT/src/Geo.Cli/bin/Release/net10.0/geo.dll")

# --- the primary: PostgreSQL's defaults for durability (synchronous_commit on: a commit is flushed,
# hence streamable, when it returns), commit timestamps on to time the lag from the commit itself.
as_pg "$PG_BIN/initdb" -D "$WORK/primary" -U geo --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
cat <<CONF | as_pg tee -a "$WORK/primary/postgresql.conf" >/dev/null
shared_buffers = 256MB
work_mem = 64MB
maintenance_work_mem = 512MB
max_wal_size = 4GB
jit = off
track_commit_timestamp = on
CONF
pg_start primary "$PRIMARY_PORT"
as_pg "$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$PRIMARY_PORT" -U geo -d postgres -c "CREATE DATABASE geo"
GEO_DATABASE_URL="$PRIMARY_URL" "${GEO[@]}" db migrate >&2
echo "importing the national desa boundaries (not measured)" >&2
start=$(now_ms)
GEO_DATABASE_URL="$PRIMARY_URL" "${GEO[@]}" import wilayah "$DESA" --tingkat desa >"$WORK/import-wilayah.log" 2>&1
say "desa boundaries: $(psql_at "$PRIMARY_PORT" "SELECT count(*) FROM wilayah WHERE tingkat = 4") desa, loaded in $(( ($(now_ms) - start) / 1000 )) s"

# One indicator for every desa of the country under one period, published: a national import.
national_csv() { # periode file
  psql_at "$PRIMARY_PORT" "SELECT kode FROM wilayah WHERE tingkat = 4 ORDER BY kode" \
    | awk -v p="$1" 'BEGIN { print "kode,indikator,periode,pembilang,penyebut"; srand(16) } { printf "%s,PREV_STUNTING,%s,%d,100\n", $0, p, int(rand() * 40) }' > "$2"
}
national_import() { # periode
  national_csv "$1" "$WORK/nilai-$1.csv"
  GEO_DATABASE_URL="$PRIMARY_URL" "${GEO[@]}" import indikator "$WORK/nilai-$1.csv" --sumber sintetis --terbitkan >"$WORK/import-$1.log" 2>&1
}
start=$(now_ms)
national_import 2024-08
say "national import of one indicator ($(($(wc -l < "$WORK/nilai-2024-08.csv") - 1)) desa) with publication: $(( $(now_ms) - start )) ms wall, CLI start-up included"

# --- the standby: a base backup with -R, then hot standby replaying the primary's WAL.
as_pg "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U geo -D "$WORK/standby" -R -X stream -c fast
pg_start standby "$STANDBY_PORT"
say "standby: in recovery = $(psql_at "$STANDBY_PORT" "SELECT pg_is_in_recovery()")"

# Desa tiles z10-14 under the label points of 200 desa of the province (a fixed choice), with the
# published values: what the map asks for.
psql_at "$PRIMARY_PORT" "
  SELECT DISTINCT format('/tiles/desa/%s/%s/%s.mvt?indikator=PREV_STUNTING&periode=2024-08', z,
    floor((ST_X(p) + 20037508.342789244) / (40075016.68557849 / 2 ^ z))::int,
    floor((20037508.342789244 - ST_Y(p)) / (40075016.68557849 / 2 ^ z))::int)
  FROM (SELECT ST_Transform(titik_label, 3857) AS p FROM wilayah WHERE tingkat = 4 AND kode LIKE '$PROVINSI.%'
        ORDER BY md5(kode) LIMIT 200) d, generate_series(10, 14) z" > "$OUT/paths.txt"
say "tiles: $(wc -l < "$OUT/paths.txt") desa tiles z10-14 of province $PROVINSI"

start_api() { # port cacheMB standby(0/1)
  local env=(GEO_DATABASE_URL="$PRIMARY_URL" Geo__Peta__CacheMegabytes="$2" Geo__RateLimit__PermintaanPerMenit=0 Geo__MigrateOnStartup=false)
  if [ "$3" = 1 ]; then env+=(GEO_STANDBY_DATABASE_URL="$STANDBY_URL"); fi
  (cd "$API_DIR" && exec env "${env[@]}" dotnet Geo.Api.dll --urls "http://127.0.0.1:$1") >"$OUT/api-$1.log" 2>&1 &
  PIDS+=($!)
  local tries=0
  until curl -sf -o /dev/null "http://127.0.0.1:$1/health"; do
    sleep 0.2; tries=$((tries + 1))
    if [ "$tries" -gt 600 ]; then echo "API on $1 did not start" >&2; exit 1; fi
  done
}
stop_apis() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  PIDS=()
}
warm() { while read -r p; do curl -sf -o /dev/null -H 'Accept-Encoding: gzip' "http://127.0.0.1:$1$p"; done < "$OUT/paths.txt"; }
run_wrk() { # label port connections
  URLS="$OUT/paths.txt" wrk -t1 -c"$3" -d"$DURATION" --latency -s "$ROOT/bench/tiles/rotate.lua" "http://127.0.0.1:$2" > "$OUT/wrk-$1.txt"
}
summary() { # label file...
  local label="$1"; shift
  local rps p50 p99
  rps=$(awk '/^Requests\/sec/ { s += $2 } END { printf "%.0f", s }' "$@")
  p50=$(awk '$1 == "50%" { print $2 }' "$@" | paste -sd/)
  p99=$(awk '$1 == "99%" { print $2 }' "$@" | paste -sd/)
  errors=$(cat "$@" | awk '/Non-2xx|Socket errors/' | paste -sd' ')
  say "| $label | $rps | $p50 | $p99 | ${errors:-none} |"
}

for cache in 256 0; do
  if [ -n "${SKIP_THROUGHPUT:-}" ]; then break; fi
  if [ "$cache" = 0 ]; then kind=uncached; else kind=cached; fi
  say ""
  say "== tiles, $kind (Geo:Peta:CacheMegabytes=$cache), wrk ${DURATION} x $CONNECTIONS connections in all"
  load "before"
  say "| setup | req/s | p50 | p99 | errors |"

  start_api "$API1" "$cache" 0
  [ "$cache" = 0 ] || warm "$API1"
  run_wrk "$kind-primary" "$API1" "$CONNECTIONS"
  summary "one instance, primary only" "$OUT/wrk-$kind-primary.txt"
  stop_apis

  start_api "$API1" "$cache" 1
  [ "$cache" = 0 ] || warm "$API1"
  run_wrk "$kind-standby" "$API1" "$CONNECTIONS"
  summary "one instance reading the standby" "$OUT/wrk-$kind-standby.txt"

  start_api "$API2" "$cache" 1
  [ "$cache" = 0 ] || warm "$API2"
  run_wrk "$kind-two-1" "$API1" $((CONNECTIONS / 2)) &
  w1=$!
  run_wrk "$kind-two-2" "$API2" $((CONNECTIONS / 2))
  wait "$w1"
  summary "two instances reading the standby (sum; p50/p99 each)" "$OUT/wrk-$kind-two-1.txt" "$OUT/wrk-$kind-two-2.txt"
  stop_apis
  load "after"
done

# --- lag seen by the map: one instance reading the standby, cache on, versions polled every 500 ms.
say ""
say "== lag after a national import + publication (ms from the publishing commit on the primary)"
start_api "$API1" 256 1
KEC="$(psql_at "$PRIMARY_PORT" "SELECT kode FROM wilayah WHERE tingkat = 3 AND kode LIKE '$PROVINSI.%' ORDER BY kode LIMIT 1")"
TILE8="$(psql_at "$PRIMARY_PORT" "
  SELECT format('/tiles/desa/8/%s/%s.mvt', floor((ST_X(p) + 20037508.342789244) / (40075016.68557849 / 256))::int,
    floor((20037508.342789244 - ST_Y(p)) / (40075016.68557849 / 256))::int)
  FROM (SELECT ST_Transform(titik_label, 3857) AS p FROM wilayah WHERE kode = '$KEC') k")"
say "| run | import wall (ms) | standby replayed the publication | /api/nilai shows the values | tile shows the values | tile ETag changes (from the import's own commit) |"
# Status with each, so that a failed request is never taken for a change.
etag() { curl -s -o /dev/null -D - "$1" | awk 'NR == 1 { printf "%s ", $2 } tolower($1) == "etag:" { print $2 }' | tr -d '\r'; }
size() { curl -s -o /dev/null -w '%{http_code} %{size_download}' "$1"; }
shown() { curl -sf "$1" | jq '[.nilai[] | select(.nilai != null)] | length' 2>/dev/null || echo 0; }
for run in $(seq 1 "$LAG_RUNS"); do
  periode="2025-$(printf '%02d' "$run")"
  nilai="http://127.0.0.1:$API1/api/nilai?induk=$KEC&indikator=PREV_STUNTING&periode=$periode"
  tile="http://127.0.0.1:$API1$TILE8?indikator=PREV_STUNTING&periode=$periode"
  before_etag="$(etag "$tile")"
  before_size="$(size "$tile")"
  [ "$(shown "$nilai")" = 0 ] || { echo "values of $periode shown before the import" >&2; exit 1; }
  rm -f "$WORK/seen-"*
  # Pollers, 10 ms apart plus a curl or psql process each (a few ms on a quiet machine, more on a
  # busy one). The map is anonymous: it sees published values only, so the values appear with the
  # publication; the tile's ETag follows data_versi, which the import's own commit already bumps.
  ( until [ "$(psql_at "$STANDBY_PORT" "SELECT count(*) > 0 FROM impor_batch WHERE status = 'terbit' AND berkas = 'nilai-$periode.csv'")" = t ]; do sleep 0.01; done; now_ms > "$WORK/seen-standby" ) &
  p1=$!
  ( until [ "$(shown "$nilai")" != 0 ]; do sleep 0.01; done; now_ms > "$WORK/seen-nilai" ) &
  p2=$!
  ( until s="$(size "$tile")" && [ "${s%% *}" = 200 ] && [ "$s" != "$before_size" ]; do sleep 0.01; done; now_ms > "$WORK/seen-tile" ) &
  p3=$!
  ( until e="$(etag "$tile")" && [ "${e%% *}" = 200 ] && [ "$e" != "$before_etag" ]; do sleep 0.01; done; now_ms > "$WORK/seen-etag" ) &
  p4=$!
  start=$(now_ms)
  national_import "$periode"
  wall=$(( $(now_ms) - start ))
  published="$(psql_at "$PRIMARY_PORT" "SELECT (extract(epoch FROM max(pg_xact_commit_timestamp(xmin))) * 1000)::bigint FROM impor_batch WHERE status = 'terbit' AND berkas = 'nilai-$periode.csv'")"
  imported="$(psql_at "$PRIMARY_PORT" "SELECT (extract(epoch FROM min(pg_xact_commit_timestamp(xmin))) * 1000)::bigint FROM nilai WHERE periode = '$periode'")"
  for p in $p1 $p2 $p3 $p4; do
    tries=0
    while kill -0 "$p" 2>/dev/null && [ "$tries" -lt 600 ]; do sleep 0.1; tries=$((tries + 1)); done
    kill "$p" 2>/dev/null || true
  done
  lag() { if [ -f "$WORK/seen-$1" ]; then echo $(( $(cat "$WORK/seen-$1") - $2 )); else echo "not in 60 s"; fi; }
  say "| $periode | $wall | $(lag standby "$published") | $(lag nilai "$published") | $(lag tile "$published") | $(lag etag "$imported") |"
done
load "after the lag runs"
stop_apis
