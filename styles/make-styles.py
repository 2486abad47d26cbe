#!/usr/bin/env python3
"""Writes the QGIS (.qml) and SLD styles in this folder from the web map's own colours and labels
(web/src/palettes.ts, web/src/classify.ts, web/src/analisis.ts), so the map, the files and the
GeoPackages Geo exports (which embed these .qml/.sld) never disagree. Run after changing those:
    python3 styles/make-styles.py
Rule-based in both, so class edges are exact (WHO: a value of 2.5 is in "2.5-< 10").
"""
import html
import pathlib
import re
import uuid

root = pathlib.Path(__file__).resolve().parent.parent
web = root / "web" / "src"
palettes = (web / "palettes.ts").read_text(encoding="utf-8")
classify = (web / "classify.ts").read_text(encoding="utf-8")
analisis = (web / "analisis.ts").read_text(encoding="utf-8")
waktu = (web / "palet-waktu.ts").read_text(encoding="utf-8")


def block(source, name):
    m = re.search(r"export const " + re.escape(name) + r"\b[^=]*=\s*(\[.*?\]|\{.*?\});", source, re.S)
    if not m:
        raise SystemExit(f"{name} not found")
    return m.group(1)


def kategori(name, source=None):
    return [(k, l, w) for k, l, w in re.findall(r'kunci:\s*"([^"]*)",\s*label:\s*"([^"]*)",\s*warna:\s*"(#[0-9a-f]{6})"', block(source or analisis, name))]


tanpa_data = re.search(r'TanpaData\s*=\s*"(#[0-9a-f]{6})"', palettes).group(1)
ylorrd5 = re.findall(r'"(#[0-9a-f]{6})"', re.search(r"5:\s*\[([^\]]*)\]", block(palettes, "YlOrRd")).group(1))
bounds = [float(x) for x in re.search(r"BatasWho\s*=\s*\[([^\]]*)\]", classify).group(1).split(",")]
labels_who = re.findall(r'"([^"]*)"', re.search(r"LabelWho\s*=\s*\[([^\]]*)\]", classify).group(1))


def num(v):
    return ("%g" % v)


def who(field):
    return ranges(field, [(None, label, colour) for label, colour in zip(labels_who, ylorrd5)], bounds)


def categories(field, items, none, numeric=False):
    rules = []
    for k, label, colour in items:
        value = k if numeric else f"'{k}'"
        rules.append((label, colour, f'"{field}" = {value}', [("PropertyIsEqualTo", k)]))
    label, colour, key = none
    if key is None:
        rules.append((label, colour, f'"{field}" IS NULL', [("PropertyIsNull", None)]))
    else:
        rules.append((label, colour, f"\"{field}\" = '{key}' OR \"{field}\" IS NULL", [("PropertyIsEqualTo", key)]))
    return rules



def single(name):
    m = re.search(r"export const " + name + r'[^=]*=\s*\{\s*kunci:\s*"([^"]*)",\s*label:\s*"([^"]*)",\s*warna:\s*"(#[0-9a-f]{6})"', analisis)
    return m.group(1), m.group(2), m.group(3)


kk, kl, kw = single("DataKurang")
lk, ll, lw = single("LisaTanpaData")
gk, gl, gw = single("GiTanpaData")
batas_peluang = [float(x) for x in block(waktu, "BatasPeluang").strip("[]").split(",")]


def ranges(field, items, bounds, label=lambda text: text):
    """Numeric classes: class i holds bounds[i-1] <= value < bounds[i], as the map's KelasOf."""
    rules = []
    for i, (_, text, colour) in enumerate(items):
        lo = bounds[i - 1] if i > 0 else None
        hi = bounds[i] if i < len(bounds) else None
        q, s = [], []
        if lo is not None:
            q.append(f'"{field}" >= {num(lo)}')
            s.append(("PropertyIsGreaterThanOrEqualTo", lo))
        if hi is not None:
            q.append(f'"{field}" < {num(hi)}')
            s.append(("PropertyIsLessThan", hi))
        rules.append((label(text), colour, " AND ".join(q), s))
    rules.append(("Tanpa data", tanpa_data, f'"{field}" IS NULL', [("PropertyIsNull", None)]))
    return rules


pola = kategori("PolaTitikPanas", waktu)
styles = {
    "peluang-tinggi": ("peluang_tinggi", "Peluang melewati ambang (posterior Empirical Bayes)", ranges("peluang_tinggi", kategori("PeluangTinggi", waktu), batas_peluang, lambda text: text.replace("≥", ">="))),
    "perubahan-arah": ("perubahan_arah", "Arah perubahan periode pertama ke terakhir", categories("perubahan_arah", kategori("ArahPerubahan", waktu), ("Tanpa uji", tanpa_data, None))),
    "titik-panas-muncul": ("pola_titik_panas", "Titik panas yang muncul (Emerging Hot Spot)", categories("pola_titik_panas", pola[:-1], (pola[-1][1], pola[-1][2], pola[-1][0]))),
    "who-stunting": ("nilai", "Kelas prevalensi stunting WHO/UNICEF (de Onis dkk. 2019)", who("nilai")),
    "kelas-kesenjangan": ("kelas", "Kelas kesenjangan (pedoman nasional)", categories("kelas", kategori("KelasKesenjangan"), (kl, kw, kk))),
    "lisa": ("lisa", "Klaster LISA (Moran lokal)", categories("lisa", kategori("KelasLisa"), (ll, lw, lk))),
    "gi-bin": ("gi_bin", "Titik panas/dingin Getis-Ord Gi*", categories("gi_bin", kategori("KelasGi"), (gl, gw, None), numeric=True)),
}

OUTLINE = "#ffffff"


def rgba(hexcolour):
    return ",".join(str(int(hexcolour[i:i + 2], 16)) for i in (1, 3, 5)) + ",255"


def key(name, i):
    return "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"geo-styles/{name}/{i}")) + "}"


def qml(name, title, rules):
    a = html.escape
    out = ["<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>",
           '<qgis version="3.22.0" styleCategories="Symbology">',
           f"  <!-- {a(title)}; dibuat oleh styles/make-styles.py dari web/src, jangan disunting -->",
           '  <renderer-v2 type="RuleRenderer" symbollevels="0" enableorderby="0" forceraster="0">',
           f'    <rules key="{key(name, "root")}">']
    for i, (label, colour, expr, _) in enumerate(rules):
        out.append(f'      <rule key="{key(name, i)}" symbol="{i}" label="{a(label)}" filter="{a(expr)}"/>')
    out += ["    </rules>", "    <symbols>"]
    for i, (label, colour, expr, _) in enumerate(rules):
        out += [f'      <symbol type="fill" name="{i}" alpha="1" clip_to_extent="1" force_rhr="0">',
                '        <layer class="SimpleFill" enabled="1" locked="0" pass="0">',
                f'          <prop k="color" v="{rgba(colour)}"/>',
                '          <prop k="style" v="solid"/>',
                f'          <prop k="outline_color" v="{rgba(OUTLINE)}"/>',
                '          <prop k="outline_style" v="solid"/>',
                '          <prop k="outline_width" v="0.1"/>',
                '          <prop k="outline_width_unit" v="MM"/>',
                '          <prop k="joinstyle" v="bevel"/>',
                '        </layer>',
                '      </symbol>']
    out += ["    </symbols>", "  </renderer-v2>", "  <layerGeometryType>2</layerGeometryType>", "</qgis>", ""]
    return "\n".join(out)


def sld_filter(field, conds):
    parts = []
    for op, value in conds:
        if op == "PropertyIsNull":
            parts.append(f"<ogc:PropertyIsNull><ogc:PropertyName>{field}</ogc:PropertyName></ogc:PropertyIsNull>")
        else:
            v = num(value) if isinstance(value, float) else html.escape(str(value))
            parts.append(f"<ogc:{op}><ogc:PropertyName>{field}</ogc:PropertyName><ogc:Literal>{v}</ogc:Literal></ogc:{op}>")
    return parts[0] if len(parts) == 1 else "<ogc:And>" + "".join(parts) + "</ogc:And>"


def sld(name, field, title, rules):
    a = html.escape
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f"<!-- {a(title)}; dibuat oleh styles/make-styles.py dari web/src, jangan disunting -->",
           '<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"',
           '    xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
           '    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">',
           "  <NamedLayer>", f"    <Name>{name}</Name>", "    <UserStyle>", f"      <Title>{a(title)}</Title>", "      <FeatureTypeStyle>"]
    for label, colour, expr, conds in rules:
        out += ["        <Rule>", f"          <Name>{a(label)}</Name>", f"          <Title>{a(label)}</Title>",
                f'          <ogc:Filter>{sld_filter(field, conds)}</ogc:Filter>',
                "          <PolygonSymbolizer>",
                f'            <Fill><CssParameter name="fill">{colour}</CssParameter></Fill>',
                f'            <Stroke><CssParameter name="stroke">{OUTLINE}</CssParameter><CssParameter name="stroke-width">0.3</CssParameter></Stroke>',
                "          </PolygonSymbolizer>", "        </Rule>"]
    out += ["      </FeatureTypeStyle>", "    </UserStyle>", "  </NamedLayer>", "</StyledLayerDescriptor>", ""]
    return "\n".join(out)


here = pathlib.Path(__file__).resolve().parent
for name, (field, title, rules) in styles.items():
    (here / f"{name}.qml").write_text(qml(name, title, rules), encoding="utf-8")
    (here / f"{name}.sld").write_text(sld(name, field, title, rules), encoding="utf-8")
    print(f"{name}: {len(rules)} kelas")
