#!/usr/bin/env bash
# Made the boundary-import fixtures in this folder once, from the real data in
# ../shared/data/boundaries, with GDAL's ogr2ogr and python3. The tests read the committed files
# and need neither. Run again only to change a fixture: ./tests/data/make-fixtures.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
SRC="$(cd ../../../shared/data/boundaries && pwd)"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT

# Zipped Shapefiles as BIG and Dukcapil deliver them: UTM zone 50S, BIG's column names (KDEPUM,
# WADMKD), the shapefile in a subfolder of the archive. Kab Paser's kecamatan 64.01.01 and 64.01.02
# (16 desa). The names of 64.01.02 get u -> ü and e -> é (NOT real spellings) so that the DBF's
# encoding matters: the same data once in UTF-8 and once in windows-1252, each with its .cpg.
paser_sql="SELECT kode AS KDEPUM,
  CASE WHEN kode LIKE '64.01.02.%' THEN replace(replace(nama, 'u', 'ü'), 'e', 'é') ELSE nama END AS WADMKD,
  geometry FROM kab_paser_desa WHERE kode LIKE '64.01.01.%' OR kode LIKE '64.01.02.%'"
for enc in UTF-8 CP1252; do
  name="kab-paser-utm50s-$(echo "$enc" | tr 'A-Z' 'a-z' | tr -d '-')"
  mkdir -p "$tmp/$name/batas_desa"
  ogr2ogr -f "ESRI Shapefile" -dialect SQLite -sql "$paser_sql" -t_srs EPSG:32750 \
    -lco ENCODING="$enc" -nln desa_paser "$tmp/$name/batas_desa" "$SRC/kab-paser-desa.geojson"
  rm -f "$name.zip"
  (cd "$tmp/$name" && zip -q -X -r "$OLDPWD/$name.zip" batas_desa)
done

# GeoPackage in a projected CRS: Kota Tual (81.72, 30 desa) in UTM zone 53S.
rm -f kota-tual-utm53s.gpkg
ogr2ogr -f GPKG -t_srs EPSG:32753 -nln desa_tual kota-tual-utm53s.gpkg "$SRC/kota-tual-desa.geojson"

# GeoPackage in WGS 84: Kota Metro's 22 kelurahan, columns named as Kemendagri files name them.
rm -f kota-metro-kelurahan.gpkg
ogr2ogr -f GPKG -dialect SQLite -sql "SELECT kode AS kode_wilayah, nama AS nama_wilayah, geometry FROM kota_metro_kelurahan" \
  -nln kelurahan kota-metro-kelurahan.gpkg "$SRC/kota-metro-kelurahan.geojson"

# GeoPackage with two layers, as BIG delivers: Kota Metro's 5 kecamatan and 22 kelurahan.
rm -f kota-metro-dua-lapisan.gpkg
ogr2ogr -f GPKG -nln kecamatan kota-metro-dua-lapisan.gpkg "$SRC/kota-metro-kecamatan.geojson"
ogr2ogr -f GPKG -update -nln kelurahan kota-metro-dua-lapisan.gpkg "$SRC/kota-metro-kelurahan.geojson"

# One GeoJSON with every kind of rejected feature, built from Kota Metro's real kelurahan.
python3 - "$SRC/kota-metro-kelurahan.geojson" > rejections.geojson <<'PY'
import copy, json, sys
src = json.load(open(sys.argv[1]))
f = {x["properties"]["kode"]: x for x in src["features"]}
out = []
def add(kode, nama, geometry, base="18.72.01.1001"):
    g = copy.deepcopy(f[base]["geometry"]) if geometry == "same" else geometry
    props = {"nama": nama} if kode is None else {"kode": kode, "nama": nama}
    out.append({"type": "Feature", "properties": props, "geometry": g})
def swap(geometry):
    g = copy.deepcopy(geometry)
    g["coordinates"] = [[[[y, x] for x, y in ring] for ring in poly] for poly in g["coordinates"]]
    return g
def shift(geometry, dx):
    g = copy.deepcopy(geometry)
    g["coordinates"] = [[[[x + dx, y] for x, y in ring] for ring in poly] for poly in g["coordinates"]]
    return g
add("18.72.01.1001", "Metro", "same")                                           # 1 valid
add(None, "Hadimulyo Timur", "same", "18.72.01.1002")                           # 2 missing code
add("18.72.1.1003", "Imopuro", "same", "18.72.01.1003")                         # 3 malformed code
add("18.72.01", "Metro Pusat", "same", "18.72.01.1004")                         # 4 kecamatan under --tingkat desa
add("18.72.02.1001", "Banjarsari", None)                                        # 5 no geometry
add("18.72.02.1002", "Purwosari", {"type": "Point", "coordinates": [105.3, -5.11]})  # 6 not a polygon
add("18.72.02.1003", "Karangrejo", swap(f["18.72.02.1003"]["geometry"]))        # 7 lat/lon swapped
add("18.72.02.1004", "Purwoasri", shift(f["18.72.02.1004"]["geometry"], 60.0))  # 8 outside Indonesia
add("18.72.01.1001", "Metro", "same", "18.72.01.1001")                          # 9 duplicate code
add("18.72.03.1001", "", "same", "18.72.03.1001")                               # 10 empty name
json.dump({"type": "FeatureCollection", "features": out}, sys.stdout)
PY

# A Shapefile whose coordinates are UTM metres but which has no .prj: the extent check must say so.
mkdir -p "$tmp/noprj"
ogr2ogr -f "ESRI Shapefile" -t_srs EPSG:32753 -lco ENCODING=UTF-8 -nln desa_tual "$tmp/noprj" "$SRC/kota-tual-desa.geojson"
rm "$tmp/noprj/desa_tual.prj"
rm -f kota-tual-tanpa-prj.zip
(cd "$tmp/noprj" && zip -q -X "$OLDPWD/kota-tual-tanpa-prj.zip" desa_tual.*)

ls -l
