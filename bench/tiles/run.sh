#!/usr/bin/env bash
# Tile benchmark on the national desa set (load it first, see README.md). Loopback only, bounded:
# about 4 minutes plus the Node peer's start-up. Results go to bench/out/tiles/.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="$ROOT/bench/out/tiles"
PORT=8091
PEER_PORT=8092
PER_ZOOM="${PER_ZOOM:-30}"
ROUNDS="${ROUNDS:-3}"
DURATION="${DURATION:-15s}"
DESA="${DESA:-$ROOT/../shared/data/boundaries/indonesia-desa.geojsonl.gz}"
mkdir -p "$OUT"
uptime | tee "$OUT/results.txt"

DB="$("$ROOT/geo" db url)"
# Builds and applies pending migrations now, so that start-up times below exclude them.
"$ROOT/geo" db migrate >&2
dotnet build "$HERE/TileBench/TileBench.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly >&2
BENCH="dotnet $HERE/TileBench/bin/Release/net10.0/TileBench.dll"
API="$ROOT/src/Geo.Api/bin/Release/net10.0"
(cd "$HERE/node-peer" && npm ci --no-audit --no-fund --loglevel=error >&2)

SERVER_PID=""
stop_server() { if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""; fi; }
trap stop_server EXIT

# Milliseconds from spawn until $1 answers 200 (the process is started by the caller just before).
first_tile_ms() {
  local url="$1" start="$2" tries=0
  until curl -sf -o /dev/null "$url"; do
    sleep 0.05
    tries=$((tries + 1))
    if [ "$tries" -gt 4000 ]; then echo "no tile from $url after 200 s" >&2; exit 1; fi
  done
  echo $(( ($(date +%s%N) - start) / 1000000 ))
}

# Not in a subshell: SERVER_PID must reach stop_server. The start-up time goes to $STARTUP_MS.
start_api() {
  local cache_mb="$1" start
  if curl -s -o /dev/null "http://127.0.0.1:$PORT/health"; then echo "port $PORT is taken" >&2; exit 1; fi
  start=$(date +%s%N)
  # The anonymous rate limit would throttle the load generator itself.
  (cd "$API" && GEO_DATABASE_URL="$DB" Geo__Peta__CacheMegabytes="$cache_mb" Geo__RateLimit__PermintaanPerMenit=0 \
    exec dotnet Geo.Api.dll --urls "http://127.0.0.1:$PORT") >"$OUT/api.log" 2>&1 &
  SERVER_PID=$!
  STARTUP_MS=$(first_tile_ms "http://127.0.0.1:$PORT/tiles/desa/10/$FIRST.mvt" "$start")
}

$BENCH sample "$DB" 6 14 "$PER_ZOOM" "$OUT/tiles.txt"
FIRST="$(grep '^desa/10/' "$OUT/tiles.txt" | head -1 | cut -d/ -f3-)"
sed 's|^|/tiles/|; s|$|.mvt|' "$OUT/tiles.txt" > "$OUT/paths.txt"
# The Node peer serves desa only: the side-by-side runs use the desa tiles (z8-14).
grep '^/tiles/desa/' "$OUT/paths.txt" > "$OUT/paths-desa.txt"

echo "== uncached: SQL vs HTTP per zoom" | tee -a "$OUT/results.txt"
start_api 0
$BENCH latency "$DB" "http://127.0.0.1:$PORT" "$OUT/tiles.txt" "$ROUNDS" | tee -a "$OUT/results.txt"
stop_server

echo "== Geo, cache on" | tee -a "$OUT/results.txt"
start_api 256
echo "time to first tile: $STARTUP_MS ms" | tee -a "$OUT/results.txt"
while read -r p; do curl -sf -o /dev/null "http://127.0.0.1:$PORT$p"; done < "$OUT/paths-desa.txt"
URLS="$OUT/paths-desa.txt" wrk -t2 -c32 -d"$DURATION" --latency -s "$HERE/rotate.lua" "http://127.0.0.1:$PORT" | tee -a "$OUT/results.txt"
stop_server

echo "== Node peer (geojson-vt + vt-pbf), warm" | tee -a "$OUT/results.txt"
start=$(date +%s%N)
node --max-old-space-size=8192 "$HERE/node-peer/server.js" "$DESA" "$PEER_PORT" >"$OUT/peer.log" 2>&1 &
SERVER_PID=$!
echo "time to first tile: $(first_tile_ms "http://127.0.0.1:$PEER_PORT/tiles/desa/10/$FIRST.mvt" "$start") ms" | tee -a "$OUT/results.txt"
while read -r p; do curl -sf -o /dev/null "http://127.0.0.1:$PEER_PORT$p"; done < "$OUT/paths-desa.txt"
URLS="$OUT/paths-desa.txt" wrk -t2 -c32 -d"$DURATION" --latency -s "$HERE/rotate.lua" "http://127.0.0.1:$PEER_PORT" | tee -a "$OUT/results.txt"
echo "peer RSS: $(ps -o rss= -p "$SERVER_PID") KB" | tee -a "$OUT/results.txt"
stop_server
