#!/usr/bin/env bash
# Map page benchmark: starts the API (Release) on a loopback port over a database prepared by
# siapkan.sh, builds web/dist if missing, and drives Debian's chromium (no browser download).
# Usage: GEO_DATABASE_URL=postgresql://.../db bench/web/run.sh [ROUNDS]   (PORT defaults to 8203)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PORT="${PORT:-8203}"
ROUNDS="${1:-5}"
# WEB_DIST: another build of the page (e.g. main's, built elsewhere) to compare against this one.
WEB_DIST="${WEB_DIST:-$ROOT/web/dist}"
: "${GEO_DATABASE_URL:?set GEO_DATABASE_URL (prepared with bench/web/siapkan.sh)}"
[ -f "$WEB_DIST/index.html" ] || (cd "$ROOT/web" && npm ci && npm run build)
dotnet build "$ROOT/src/Geo.Api/Geo.Api.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly >&2
dotnet build "$HERE/WebBench/WebBench.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly >&2
uptime
if curl -s -o /dev/null "http://127.0.0.1:$PORT/health"; then echo "port $PORT is taken" >&2; exit 1; fi
(cd "$ROOT/src/Geo.Api/bin/Release/net10.0" && Geo__Web__Folder="$WEB_DIST" Geo__RateLimit__PermintaanPerMenit=0 \
  exec dotnet Geo.Api.dll --urls "http://127.0.0.1:$PORT") > "/tmp/geo-bench-web-api-$PORT.log" 2>&1 &
API=$!
trap 'kill $API 2>/dev/null || true; wait $API 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/health"; do sleep 0.2; done
# One untimed pass warms the server (JIT, tile cache, the database's buffers): the figures are the page's.
dotnet "$HERE/WebBench/bin/Release/net10.0/WebBench.dll" "http://127.0.0.1:$PORT" 1 > /dev/null  # warm-up
dotnet "$HERE/WebBench/bin/Release/net10.0/WebBench.dll" "http://127.0.0.1:$PORT" "$ROUNDS"
uptime
