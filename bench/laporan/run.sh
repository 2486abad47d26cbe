#!/usr/bin/env bash
# Report benchmark (see bench/README.md, section "laporan"): the report in one warm process, as the
# API makes it (LaporanBench: each phase), and `geo laporan` end to end (DOCX and PDF), for Kota Metro (22 kelurahan, real prevalence + synthetic coverage) and a synthetic Jawa
# Tengah kab/kota (Kabupaten Temanggung 33.23, 289 desa: `geo demo sintetis` coverage and a
# synthetic prevalence for three years made here). Every report draws its maps (4 to 7) as the API does. The first run of each area computes the analysis (999
# permutations) and is reported apart; the others reuse the stored run, as a second request does.
# Usage: [GEO_DATABASE_URL=postgresql://...] bench/laporan/run.sh [RUNS]   (default 5)
# Without GEO_DATABASE_URL, a scratch database geo_bench_laporan on the ./geo cluster is (re)made.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="$ROOT/bench/out/laporan"
RUNS="${1:-5}"
SHARED="${SHARED:-$ROOT/../shared/data/boundaries}"
mkdir -p "$OUT"

if [ -z "${GEO_DATABASE_URL:-}" ]; then
  SERVER="$("$ROOT/geo" db url)"
  psql "$SERVER" -qc 'DROP DATABASE IF EXISTS geo_bench_laporan WITH (FORCE)' -c 'CREATE DATABASE geo_bench_laporan'
  export GEO_DATABASE_URL="${SERVER%/*}/geo_bench_laporan"
fi
dotnet build "$ROOT/src/Geo.Cli/Geo.Cli.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly >&2
dotnet build "$HERE/LaporanBench/LaporanBench.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly >&2
geo() { dotnet "$ROOT/src/Geo.Cli/bin/Release/net10.0/geo.dll" "$@"; }

geo db migrate >&2
geo demo metro >/dev/null 2>&1
if [ ! -s "$OUT/temanggung-desa.geojsonl" ]; then
  zcat "$SHARED/indonesia-kecamatan.geojsonl.gz" | grep '"kode" : "33\.23\.' > "$OUT/temanggung-kecamatan.geojsonl"
  zcat "$SHARED/indonesia-desa.geojsonl.gz" | grep '"kode" : "33\.23\.' > "$OUT/temanggung-desa.geojsonl"
fi
geo import wilayah "$OUT/temanggung-kecamatan.geojsonl" --tingkat kecamatan >/dev/null 2>&1
geo import wilayah "$OUT/temanggung-desa.geojsonl" --tingkat desa >/dev/null 2>&1
geo demo sintetis --wilayah 33.23 --periode 2024 --seed 3323 --terbitkan >/dev/null
# Synthetic prevalence with a spatial trend (north-west higher), counts per desa, for 2022, 2023 and
# 2024 (a little lower each year), so the report has its part over time (change, trend, emerging hot
# spots) and all seven maps; source "sintetis" flags it.
{
  echo "kode,indikator,periode,pembilang,penyebut"
  for year in 2022 2023 2024; do
    grep -o '"kode" : "[0-9.]*"' "$OUT/temanggung-desa.geojsonl" | cut -d'"' -f4 | sort |
      awk -F. -v year="$year" 'BEGIN { srand(3323 + year) } { n = 60 + int(rand() * 140); p = 0.08 + 0.14 * ($3 % 20) / 20 + rand() * 0.08 + 0.02 * (2024 - year);
        printf "%s,PREV_STUNTING,%s,%d,%d\n", $0, year, int(n * p), n }'
  done
} > "$OUT/temanggung-prevalensi.csv"
geo import indikator "$OUT/temanggung-prevalensi.csv" --sumber sintetis --wilayah 33.23 --terbitkan >/dev/null

measure() { # area periode label
  local area="$1" periode="$2" label="$3" ext start end
  for ext in docx pdf; do
    for i in $(seq 0 "$RUNS"); do
      start=$(date +%s.%N)
      geo laporan --wilayah "$area" --periode "$periode" --keluaran "$OUT/$label.$ext" >/dev/null
      end=$(date +%s.%N)
      echo "$label $ext $([ "$i" = 0 ] && echo pertama || echo ulang) $(echo "$end - $start" | bc)"
    done
  done
}
RESULT="$OUT/hasil-$(date -u +%Y%m%dT%H%M%SZ).txt"
for area in "18.72 2022-08" "33.23 2024"; do
  # shellcheck disable=SC2086
  dotnet "$HERE/LaporanBench/bin/Release/net10.0/LaporanBench.dll" "$GEO_DATABASE_URL" $area "$RUNS" | tee -a "$RESULT.dalam-proses"
  # shellcheck disable=SC2086
  dotnet "$HERE/LaporanBench/bin/Release/net10.0/LaporanBench.dll" "$GEO_DATABASE_URL" $area "$RUNS" hitung | tee -a "$RESULT.dalam-proses"
done
{
  # The first DOCX run computes the analysis; the PDF's first run already finds it stored.
  measure 18.72 2022-08 kota-metro
  measure 33.23 2024 kab-temanggung
} | tee "$RESULT"
echo "--- median (detik)"
cut -d' ' -f1-3 "$RESULT" | sort -u | while read -r label ext kind; do
  grep "^$label $ext $kind " "$RESULT" | cut -d' ' -f4 | sort -n |
    awk -v k="$label $ext $kind" '{ a[NR] = $1 } END { m = NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%-32s %.2f (n=%d, %.2f-%.2f)\n", k, m, NR, a[1], a[NR] }'
done | tee -a "$RESULT"
