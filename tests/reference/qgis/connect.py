#!/usr/bin/python3
"""Connects to a live Geo server as a QGIS 3.22 user does from the README (Debian's python3-qgis,
headless) and fails when a step does not give what the README promises:
  - OGC API Features: the analysis run `analisis-RUN` (feature count, typed numbers), and the
    desa level with an indicator's values through the landing page URL with ?indikator=&periode=;
  - XYZ vector tiles (the data source strings of the README) drawn with styles/geo-stunting-who.json
    and styles/geo-analisis-kelas.json: the rendered map shows the styles' class colours.

Usage: QT_QPA_PLATFORM=offscreen /usr/bin/python3 connect.py BASE_URL RUN_ID FEATURES STYLES_DIR
"""
import json
import sys
from urllib.parse import quote

from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsCoordinateTransform,
                       QgsMapBoxGlStyleConversionContext, QgsMapBoxGlStyleConverter, QgsMapRendererSequentialJob,
                       QgsMapSettings, QgsProject, QgsRectangle, QgsVectorLayer, QgsVectorTileLayer)
from qgis.PyQt.QtCore import QSize, QVariant

base, run, expected, styles = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
app = QgsApplication([], False)
app.initQgis()
problems = []


def check_oapif(uri, count, numbers):
    layer = QgsVectorLayer(uri, "oapif", "OAPIF")
    if not layer.isValid():
        problems.append(f"OAPIF {uri}: not valid")
        return
    got = layer.featureCount()
    if got != count:
        problems.append(f"OAPIF {uri}: {got} features, expected {count}")
    fields = {f.name(): f.type() for f in layer.fields()}
    for name, kind in numbers.items():
        if fields.get(name) not in kind:
            problems.append(f"OAPIF {uri}: field {name} is {fields.get(name)}, expected one of {kind}")
    print(f"OAPIF {uri}: {got} features, fields {sorted(fields)}")


real = (QVariant.Double,)
integer = (QVariant.Int, QVariant.LongLong)
check_oapif(f"url={base}/ogc typename=analisis-{run}", expected, {"nilai": real, "gi_bin": integer, "local_i": real})
check_oapif(f"url={base}/ogc?indikator=PREV_STUNTING&periode=2022-08 typename=desa", expected, {"nilai": real, "luas_km2": real})


def render(tiles_url, zmin, style_file):
    source = f"type=xyz&url={quote(tiles_url, safe=':/')}&zmin={zmin}&zmax=14"
    layer = QgsVectorTileLayer(source, "petak")
    if not layer.isValid():
        problems.append(f"XYZ {source}: not valid")
        return set()
    with open(style_file, encoding="utf-8") as f:
        style = json.load(f)
    converter = QgsMapBoxGlStyleConverter()
    converter.convert(style, QgsMapBoxGlStyleConversionContext())
    layer.setRenderer(converter.renderer())
    settings = QgsMapSettings()
    settings.setLayers([layer])
    mercator = QgsCoordinateReferenceSystem("EPSG:3857")
    settings.setDestinationCrs(mercator)
    to_mercator = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), mercator, QgsProject.instance())
    settings.setExtent(to_mercator.transformBoundingBox(QgsRectangle(105.25, -5.17, 105.36, -5.05)))
    settings.setOutputSize(QSize(400, 400))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    seen = {"#%06x" % (image.pixel(x, y) & 0xFFFFFF) for x in range(0, 400, 4) for y in range(0, 400, 4)}
    classes = {l["paint"]["fill-color"] for l in style["layers"] if l["type"] == "fill"}
    # Class fills are drawn at 85% opacity over the background: compare the blend QGIS paints.
    drawn = set()
    for colour in classes:
        r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
        blend = [round(0.85 * c + 0.15 * bg) for c, bg in zip((r, g, b), (0xee, 0xf3, 0xf7))]
        if any(all(abs(int(s[1 + 2 * i:3 + 2 * i], 16) - blend[i]) <= 3 for i in range(3)) for s in seen):
            drawn.add(colour)
    print(f"XYZ {source}: {len(drawn)} of {len(classes)} class colours drawn")
    if not drawn:
        problems.append(f"XYZ {source} with {style_file}: no class colour in the rendered map")
    return drawn


render(f"{base}/tiles/desa/{{z}}/{{x}}/{{y}}.mvt?indikator=PREV_STUNTING&periode=2022-08", 8, f"{styles}/geo-stunting-who.json")
render(f"{base}/tiles/analisis/{run}/{{z}}/{{x}}/{{y}}.mvt", 0, f"{styles}/geo-analisis-kelas.json")

for p in problems:
    print(p)
sys.exit(1 if problems else 0)
