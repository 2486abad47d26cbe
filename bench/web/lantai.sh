#!/usr/bin/env bash
# The floor under the map page: MapLibre alone drawing a background (bench/web/lantai), bundled as
# the page is (esbuild, minified), served by a static server on loopback, timed by WebBench as the
# page is (fresh context per round, navigation to drawn, until the pixels are drawn).
# Usage: bench/web/lantai.sh [ROUNDS]   (PORT defaults to 8213; needs web/node_modules: npm ci in web/)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PORT="${PORT:-8213}"
ROUNDS="${1:-5}"
OUT="$(mktemp -d)"
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$OUT"' EXIT
[ -d "$ROOT/web/node_modules" ] || (cd "$ROOT/web" && npm ci)
# esbuild resolves maplibre-gl from web/node_modules: the entry is bundled from there.
cp "$HERE/lantai/entry.js" "$ROOT/web/.lantai-entry.js"
(cd "$ROOT/web" && npx esbuild .lantai-entry.js --bundle --minify --format=esm --log-level=warning --outfile="$OUT/lantai.js"); rm -f "$ROOT/web/.lantai-entry.js"
cp "$HERE/lantai/index.html" "$OUT/" && cp "$ROOT/web/node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs" "$OUT/"
dotnet build "$HERE/WebBench/WebBench.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly >&2
(cd "$OUT" && exec python3 -m http.server "$PORT" --bind 127.0.0.1) > /dev/null 2>&1 &
SERVER=$!
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/index.html"; do sleep 0.2; done
dotnet "$HERE/WebBench/bin/Release/net10.0/WebBench.dll" "http://127.0.0.1:$PORT" lantai "$ROUNDS"
