#!/usr/bin/env bash
# Peak server memory for one upload at the default Geo:Impor limits: for each case the largest (or
# most hostile) file a limit allows, posted to a server that runs with its shipped settings. The
# peak resident set (VmHWM) is reset before each upload (clear_refs 5), so each row is that upload's
# own peak, against the idle figure taken just before it. Loopback only; files go to a scratch
# folder and are deleted. About 5 minutes and 3 GB of disk.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="$ROOT/bench/out/upload-memory"
PORT="${PORT:-8093}"
SIZE_MB="${SIZE_MB:-1000}"   # under the 1024 MB default upload limit
mkdir -p "$OUT"
WORK="$(mktemp -d /var/tmp/geo-upload-bench.XXXXXX)"
SERVER_PID=""
cleanup() { if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi; rm -rf "$WORK"; }
trap cleanup EXIT

DB="$("$ROOT/geo" db url)"
"$ROOT/geo" db migrate >&2
if ! psql "$DB" -tAc "SELECT 1 FROM wilayah WHERE kode = '18.72.01.1001'" | grep -q 1; then "$ROOT/geo" demo metro >&2; fi
API="$ROOT/src/Geo.Api/bin/Release/net10.0"

# The files, made here so the bench needs nothing checked in.
python3 - "$WORK" "$SIZE_MB" <<'PY'
import gzip, io, os, sys, zipfile
work, size_mb = sys.argv[1], int(sys.argv[2])
mib = 1024 * 1024
def write(name, chunk, total):
    with open(os.path.join(work, name), 'wb') as f:
        for _ in range(total // len(chunk)): f.write(chunk)
zeros = b'\0' * mib
write('nol.csv', zeros, size_mb * mib)                                   # binary garbage as a table
row = b'18.72.01.1001,PREV_STUNTING,2022-08,10,100\n'
with open(os.path.join(work, 'panjang.csv'), 'wb') as f:                 # a valid long table, as many rows as fit
    f.write(b'kode,indikator,periode,pembilang,penyebut\n')
    block = row * (mib // len(row))
    for _ in range(size_mb): f.write(block)
with open(os.path.join(work, 'satu-sel.csv'), 'wb') as f:                # one endless line
    f.write(b'kode,indikator,periode,pembilang,penyebut\n18.72.01.1001,')
    for _ in range(size_mb): f.write(b'9' * mib)
with open(os.path.join(work, 'fitur-raksasa.geojson'), 'wb') as f:       # one endless feature
    f.write(b'{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"kode":"18.72.01.1001","nama":"Metro"},"geometry":{"type":"Polygon","coordinates":[[')
    pt = b'[105.3,-5.1],' * (mib // 13)
    for _ in range(size_mb): f.write(pt)
    f.write(b'[105.3,-5.1]]]}}]}')
with zipfile.ZipFile(os.path.join(work, 'bom.zip'), 'w', zipfile.ZIP_DEFLATED) as z:   # 10 GiB of zeros in ~10 MB
    with z.open('bom.shp', 'w', force_zip64=True) as e:
        for _ in range(10 * 1024): e.write(zeros)
with gzip.open(os.path.join(work, 'bom.geojsonl.gz'), 'wb') as g:        # the same as gzip
    for _ in range(10 * 1024): g.write(zeros)
PY

rss_kb() { awk "/^$1:/ {print \$2}" "/proc/$SERVER_PID/status"; }

(cd "$API" && GEO_DATABASE_URL="$DB" exec dotnet Geo.Api.dll --urls "http://127.0.0.1:$PORT") >"$OUT/api.log" 2>&1 &
SERVER_PID=$!
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/health"; do sleep 0.2; done

# Imports are for a national operator: an account of the bench's own, signed in, with an API token.
BENCH_USER="bench-unggah-$$"
BENCH_PASSWORD="Bench-$(date +%s)-Sandi"
echo "$BENCH_PASSWORD" | "$ROOT/geo" akun tambah "$BENCH_USER" --wilayah nasional --peran operator --sandi-dari-stdin >/dev/null
JAR="$WORK/cookies"
curl -sf -c "$JAR" -H 'Content-Type: application/json' -d "{\"nama\":\"$BENCH_USER\",\"sandi\":\"$BENCH_PASSWORD\"}" \
  "http://127.0.0.1:$PORT/api/akun/masuk" >/dev/null
CSRF=$(curl -sf -b "$JAR" -c "$JAR" "http://127.0.0.1:$PORT/api/akun/antiforgery" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
TOKEN=$(curl -sf -b "$JAR" -H "X-CSRF-TOKEN: $CSRF" -H 'Content-Type: application/json' -d '{"nama":"bench","hariBerlaku":1}' \
  "http://127.0.0.1:$PORT/api/akun/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')

{
  uptime
  printf '%-22s %-30s %6s %10s %10s %10s %8s\n' case endpoint status 'file MB' 'idle MiB' 'peak MiB' 'seconds'
} | tee "$OUT/results.txt"
upload() {
  local file="$1" url="$2" idle peak start status secs
  sleep 2
  idle=$(rss_kb VmRSS)
  echo 5 > "/proc/$SERVER_PID/clear_refs"
  start=$(date +%s%N)
  status=$(curl -s -o "$OUT/$file.json" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -F "berkas=@$WORK/$file" "http://127.0.0.1:$PORT$url")
  secs=$(awk "BEGIN {printf \"%.1f\", ($(date +%s%N) - $start) / 1e9}")
  peak=$(rss_kb VmHWM)
  printf '%-22s %-30s %6s %10d %10d %10d %8s\n' "$file" "$url" "$status" $(( $(stat -c %s "$WORK/$file") / 1048576 )) \
    $(( idle / 1024 )) $(( peak / 1024 )) "$secs" | tee -a "$OUT/results.txt"
}
upload nol.csv "/api/impor/indikator?periode=2030"
upload panjang.csv "/api/impor/indikator?periode=2030"
upload satu-sel.csv "/api/impor/indikator?periode=2030"
upload fitur-raksasa.geojson "/api/impor/wilayah"
upload bom.zip "/api/impor/wilayah"
upload bom.geojsonl.gz "/api/impor/wilayah"
