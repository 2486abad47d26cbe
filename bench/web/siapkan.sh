#!/usr/bin/env bash
# Prepares a database for the map page benchmark: Kota Metro (the demo) and all of Jawa Tengah
# (province 33: 35 kab/kota, 576 kecamatan, 8,563 desa from ../shared/data/boundaries) with
# SYNTHETIC published coverage L01-L29 for 2022-08. Usage: GEO_DATABASE_URL=... bench/web/siapkan.sh
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
BOUNDARIES="${BOUNDARIES:-$ROOT/../shared/data/boundaries}"
: "${GEO_DATABASE_URL:?set GEO_DATABASE_URL to a database of your own}"
GEO="dotnet $ROOT/src/Geo.Cli/bin/Debug/net10.0/geo.dll"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

$GEO db migrate
$GEO demo metro
# One feature per line: the province's features are the lines whose kode starts with 33.
for t in provinsi kabkota kecamatan desa; do
  zcat "$BOUNDARIES/indonesia-$t.geojsonl.gz" | grep -E '"kode" : "33(\.|")' > "$TMP/jateng-$t.geojsonl"
  $GEO import wilayah "$TMP/jateng-$t.geojsonl" --tingkat "$t"
done
$GEO demo sintetis --wilayah 33 --periode 2022-08 --seed 33 --terbitkan
