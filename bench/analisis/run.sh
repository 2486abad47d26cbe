#!/usr/bin/env bash
# Analysis response times against a running server (issue 12, "analysis at the speed of the map").
# Needs only bash, curl, gzip and sort. Results go to bench/out/analisis/.
#
#   BASE=http://127.0.0.1:8201 RUNS=5 [PID=<server pid>] bench/analisis/run.sh
#
# With PID, the server process's CPU time per request is shown too (user + system, from
# /proc/PID/stat; PostgreSQL's own CPU is not in it): on a busy machine wall time mostly measures
# the other work, CPU time what the request itself costs.
#
# The server must hold Jawa Tengah (province 33: desa boundaries from ../shared/data/boundaries and
# synthetic values, `geo demo sintetis --wilayah 33 --periode 2024 --terbitkan`) and Kota Metro
# (`geo demo metro`); see bench/README.md. Start it with Geo__RateLimit__PermintaanPerMenit=0.
#
# Cases (medians of RUNS):
#   new province run   /api/analisis/ringkas, L14 over 33, 999 permutations, a fresh seed each time
#                      (new parameters, so the run is computed and stored; weights may be cached)
#   new kab/kota run   the same for Kota Metro 18.72, PREV_STUNTING 2022-08
#   stored summary     /api/analisis/ringkas of a stored run, gzip
#   stored full JSON   /api/analisis of the same run, gzip (what the page loaded before)
#   revalidation       /api/analisis/ringkas with If-None-Match: 304
# Servers without /api/analisis/ringkas (before this work) are measured on /api/analisis instead.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="$HERE/../out/analisis"
BASE="${BASE:-http://127.0.0.1:8201}"
RUNS="${RUNS:-5}"
mkdir -p "$OUT"
RESULTS="$OUT/results-$(date -u +%Y%m%dT%H%M%S).txt"
JATENG="wilayah=33&periode=2024&indikator=L14"
METRO="wilayah=18.72&periode=2022-08&indikator=PREV_STUNTING"

if curl -sf -o /dev/null "$BASE/api/analisis/ringkas?$METRO&permutasi=9&seed=1"; then SUMMARY=/api/analisis/ringkas; else SUMMARY=/api/analisis; fi

TICK=$(getconf CLK_TCK)
cpu_ms() { if [ -n "${PID:-}" ]; then awk -v t="$TICK" '{ print ($14 + $15) * 1000 / t }' "/proc/$PID/stat"; else echo 0; fi; }

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# time_total in ms, one line per run, and the Server-Timing of the last run.
measure() {
  local label="$1" url="$2" extra="${3:-}" times=() cpus=() t c0
  : > "$OUT/timings"
  for _ in $(seq "$RUNS"); do
    local u="${url//SEED/$(date +%s%N)}"
    c0=$(cpu_ms)
    t=$(curl -s -o "$OUT/body" -D "$OUT/headers" -H 'Accept-Encoding: gzip' $extra -w '%{http_code} %{time_total} %{size_download}' "$u")
    times+=("$(awk '{ printf "%.1f", $2 * 1000 }' <<<"$t")")
    cpus+=("$(awk -v a="$c0" -v b="$(cpu_ms)" 'BEGIN { printf "%.0f", b - a }')")
    grep -i '^server-timing:' "$OUT/headers" | cut -d' ' -f2- | tr -d '\r' >> "$OUT/timings" || true
    CODE=$(cut -d' ' -f1 <<<"$t")
    SIZE=$(cut -d' ' -f3 <<<"$t")
  done
  local m
  m=$(printf '%s\n' "${times[@]}" | median)
  local timing
  timing=$(grep -i '^server-timing:' "$OUT/headers" | cut -d' ' -f2- | tr -d '\r' || true)
  local cpu=""
  [ -n "${PID:-}" ] && cpu="  server CPU median $(printf '%s\n' "${cpus[@]}" | median) ms"
  printf '%-22s %s: median %8.1f ms  (runs: %s)%s  %s bytes on the wire  %s\n' "$label" "$CODE" "$m" "${times[*]}" "$cpu" "$SIZE" "${timing:+[$timing]}" | tee -a "$RESULTS"
  # Each phase's median over the runs (Server-Timing "name;dur=ms, ..."), when every run computed.
  if [ "$(grep -c masukan "$OUT/timings" || true)" -gt 1 ]; then
    printf '%-22s phase medians:' "" | tee -a "$RESULTS"
    for phase in $(head -1 "$OUT/timings" | tr ',' '\n' | sed 's/;.*//; s/ //g'); do
      printf ' %s %s' "$phase" "$(grep -o "$phase;dur=[0-9.]*" "$OUT/timings" | cut -d= -f2 | median)" | tee -a "$RESULTS"
    done
    echo | tee -a "$RESULTS"
  fi
}

{
  echo "# $(date -u +%FT%TZ) $BASE, summary path $SUMMARY, $RUNS runs; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$RESULTS"

measure "new province run" "$BASE$SUMMARY?$JATENG&seed=SEED"
measure "new kab/kota run" "$BASE$SUMMARY?$METRO&seed=SEED"

STORED="$BASE$SUMMARY?$JATENG&seed=1"
curl -s -o /dev/null -H 'Accept-Encoding: gzip' "$STORED"
measure "stored summary" "$STORED"
ETAG=$(grep -i '^etag:' "$OUT/headers" | cut -d' ' -f2- | tr -d '\r')
if [ "$SUMMARY" = /api/analisis/ringkas ]; then
  gunzip -c "$OUT/body" > "$OUT/ringkas.json" 2>/dev/null || cp "$OUT/body" "$OUT/ringkas.json"
  echo "summary size: $(wc -c < "$OUT/ringkas.json") bytes JSON, $(gzip -6 -c "$OUT/ringkas.json" | wc -c) bytes gzip -6" | tee -a "$RESULTS"
fi
measure "stored full JSON" "$BASE/api/analisis?$JATENG&seed=1"
measure "stored kab/kota" "$BASE$SUMMARY?$METRO&seed=1"
if [ -n "$ETAG" ]; then
  measure "revalidation" "$STORED" "-H If-None-Match:$ETAG"
else
  echo "revalidation: no ETag" | tee -a "$RESULTS"
fi
echo "results: $RESULTS"
