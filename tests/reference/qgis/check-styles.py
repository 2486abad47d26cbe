#!/usr/bin/python3
"""Loads every MapLibre style given through QGIS's own converter (QgsMapBoxGlStyleConverter, the
code behind QGIS's "Load Style > MapBox GL JSON" for vector tile layers), headless, and fails when
QGIS warns (an expression it skips: "Skipping unsupported expression"), errs, drops a layer, or
converts a filter or a fill colour to something else than the style says.

Debian's python3-qgis (QGIS 3.22 on bookworm): apt-get install python3-qgis; ./geo test installs it.
Usage: QT_QPA_PLATFORM=offscreen /usr/bin/python3 tests/reference/qgis/check-styles.py styles/*.json
Prints one line per style; exit status 1 on any problem.
"""
import json
import sys

from qgis.core import (Qgis, QgsApplication, QgsMapBoxGlStyleConversionContext,
                       QgsMapBoxGlStyleConverter)

app = QgsApplication([], False)
app.initQgis()
problems = []
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        style = json.load(f)
    converter = QgsMapBoxGlStyleConverter()
    result = converter.convert(style, QgsMapBoxGlStyleConversionContext())
    if result != QgsMapBoxGlStyleConverter.Success:
        problems.append(f"{path}: conversion failed: {converter.errorMessage()}")
        continue
    for warning in converter.warnings():
        problems.append(f"{path}: QGIS warns: {warning}")
    converted = {s.styleName(): s for s in converter.renderer().styles()}
    for layer in style["layers"]:
        if layer["type"] == "background":
            continue
        name = layer["id"]
        if name not in converted:
            problems.append(f"{path}: layer '{name}' is missing after conversion")
            continue
        converted_style = converted[name]
        if "filter" in layer and not converted_style.filterExpression():
            problems.append(f"{path}: layer '{name}': the filter was dropped")
        if converted_style.layerName() != layer.get("source-layer"):
            problems.append(f"{path}: layer '{name}': source-layer {converted_style.layerName()!r}, style says {layer.get('source-layer')!r}")
        color = layer.get("paint", {}).get("fill-color")
        if layer["type"] == "fill" and isinstance(color, str):
            symbol = converted_style.symbol()
            got = symbol.color().name() if symbol else None
            if got != color.lower():
                problems.append(f"{path}: layer '{name}': fill {got}, style says {color}")
    print(f"{path}: {len(converted)} QGIS styles, {len(converter.warnings())} warnings (QGIS {Qgis.version()})")

for p in problems:
    print(p)
sys.exit(1 if problems else 0)
