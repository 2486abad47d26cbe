#!/usr/bin/env bash
# Indicator benchmark (see bench/README.md, section "Indikator"): national desa x 30 indicators
# import, and a province roll-up to every level. Loads the national desa boundaries first if the
# database lacks them (several minutes, not measured). Output in bench/out/indikator/.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="$ROOT/bench/out/indikator"
DESA="${DESA:-$ROOT/../shared/data/boundaries/indonesia-desa.geojsonl.gz}"
mkdir -p "$OUT"
DB="$("$ROOT/geo" db url)"
dotnet build "$HERE/IndikatorBench/IndikatorBench.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly >&2
dotnet "$HERE/IndikatorBench/bin/Release/net10.0/IndikatorBench.dll" "$DB" "$DESA" "$OUT" "${PROVINSI:-33}" | tee "$OUT/hasil-$(date -u +%Y%m%dT%H%M%SZ).txt"
