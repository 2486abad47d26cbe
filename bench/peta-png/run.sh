#!/usr/bin/env bash
# Static map images benchmark (bench/README.md, "Peta PNG"): Kota Metro at 1600x1200 and every desa
# of Jawa Tengah at 2400x1800, medians of RUNS (9) after warm-up, and peak memory. Loads what is
# missing first (not measured): the Kota Metro demo, Jawa Tengah's boundaries (province 33 from
# ../shared/data/boundaries) and its synthetic 2024 values (geo demo sintetis --terbitkan).
# GEO_DATABASE_URL picks the database (default: ./geo db url). Output in bench/out/peta-png/.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="$ROOT/bench/out/peta-png"
DATA="${DATA:-$ROOT/../shared/data/boundaries}"
mkdir -p "$OUT"
DB="${GEO_DATABASE_URL:-$("$ROOT/geo" db url)}"
export GEO_DATABASE_URL="$DB"
dotnet build "$ROOT/src/Geo.Cli/Geo.Cli.csproj" -nologo -v quiet -clp:ErrorsOnly >&2
GEO="dotnet $ROOT/src/Geo.Cli/bin/Debug/net10.0/geo.dll"
$GEO db migrate >&2
q() { psql "$DB" -Atc "$1"; }
if [ "$(q "select count(*) from nilai_terbit where wilayah like '18.72.%' and indikator = 'PREV_STUNTING'")" = 0 ]; then $GEO demo metro >&2; fi
if [ "$(q "select count(*) from wilayah where tingkat = 4 and kode like '33.%'")" -lt 8563 ]; then
  for t in provinsi kabkota kecamatan desa; do
    zcat "$DATA/indonesia-$t.geojsonl.gz" | grep '"kode" : "33' > "$OUT/jateng-$t.geojsonl"
    $GEO import wilayah "$OUT/jateng-$t.geojsonl" --tingkat $t >&2
  done
fi
if [ "$(q "select count(*) from nilai_terbit where wilayah like '33.%' and periode = '2024' and indikator = 'L01'")" = 0 ]; then
  $GEO demo sintetis --wilayah 33 --periode 2024 --terbitkan >&2
fi
dotnet build "$HERE/PetaPngBench/PetaPngBench.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly >&2
dotnet "$HERE/PetaPngBench/bin/Release/net10.0/PetaPngBench.dll" "$DB" "$OUT" "${RUNS:-9}" | tee "$OUT/hasil-$(date -u +%Y%m%dT%H%M%SZ).txt"
