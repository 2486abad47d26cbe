import type { ExpressionSpecification, FilterSpecification, Map as MlMap, StyleSpecification } from "maplibre-gl";
import type { Klasifikasi } from "./classify.ts";
import { TanpaData } from "./palettes.ts";
import type { Tingkat } from "./state.ts";

/** Grey for units outside the chosen area, which stay visible for context. */
export const WarnaLuar = "#eceff2";
export const WarnaLatar = "#f7f8fa";

export function tileJsonUrl(layer: string, indikator?: string, periode?: string): string {
  const base = `${location.origin}/tiles/${layer}.json`;
  return indikator && periode ? `${base}?indikator=${encodeURIComponent(indikator)}&periode=${encodeURIComponent(periode)}` : base;
}

/** Features outside the area: the grey context. */
export function luarWilayah(wilayah: string): FilterSpecification {
  return ["!", dalamWilayah(wilayah)] as FilterSpecification;
}

/** Features whose kode lies inside the area (the area itself included). */
export function dalamWilayah(wilayah: string): ExpressionSpecification {
  return ["any", ["==", ["get", "kode"], wilayah],
    ["==", ["slice", ["get", "kode"], 0, wilayah.length + 1], wilayah + "."]] as ExpressionSpecification;
}

/**
 * How the units are painted: by feature state, set per unit by kode (`Pewarna`). MapLibre lays
 * out every tile of a source again (in its worker, polygons tessellated anew) whenever a filter,
 * a layout property or a data-driven paint property of one of its layers changes
 * (Style._updateLayer); a feature state only rewrites the colour of the features it names.
 * So the filters and these expressions are fixed for an area, and an indicator change, a new
 * classification and the class filter set states only. Hover and the picked desa stay filters
 * on their own layers (a reload per desa, as before): as feature state their two line layers
 * would have every line vertex rewritten on each indicator change, which doubled its time for
 * Jawa Tengah.
 */
const Keadaan = {
  warna: ["to-color", ["coalesce", ["feature-state", "warna"], TanpaData]],
  arsir: ["case", ["boolean", ["feature-state", "arsir"], false], 1, 0],
} as unknown as Record<string, ExpressionSpecification>;

/**
 * The units' edges: the fills' own outline (one GL line pass over the fill's vertices; a line
 * layer would tessellate every edge again), white, from zoom 9. At a province's zoom 8 a desa is
 * a few pixels wide and a white edge around each would leave little of its colour.
 */
export const Garis = {
  "fill-antialias": ["step", ["zoom"], false, 9, true] as ExpressionSpecification,
  "fill-outline-color": "#ffffff",
};

/** What a unit shows: its class colour (null: the no-data grey) and whether it is hatched. */
export interface CatUnit {
  warna: string | null;
  arsir: boolean;
}

/**
 * The state of every unit of the view from a colouring: classed units take their class colour;
 * the other units of the area (`semua`) are no-data, hatched unless the class filter hides them.
 */
export function catUnit(k: Pick<Klasifikasi, "kelas" | "kelasUnit">, semua: Iterable<string>, arsir: boolean): Map<string, CatUnit> {
  const cat = new Map<string, CatUnit>();
  for (const kode of semua) cat.set(kode, { warna: null, arsir });
  for (const [kode, i] of k.kelasUnit) cat.set(kode, { warna: k.kelas[i]!.warna, arsir: false });
  return cat;
}

/** Paints the units of the `unit` source by feature state, setting only what changed since the last call. */
export class Pewarna {
  private kini = new Map<string, CatUnit>();
  private lapisan = "";

  constructor(private readonly map: MlMap, private readonly sumber = "unit") {}

  /** After a new style: its source starts without state. */
  lupakan(): void {
    this.kini = new Map();
  }

  warnai(lapisan: string, cat: Map<string, CatUnit>): void {
    if (!this.map.getSource(this.sumber)) return;
    if (lapisan !== this.lapisan) { this.lupakan(); this.lapisan = lapisan; }
    const set = (id: string, state: CatUnit) => this.map.setFeatureState({ source: this.sumber, sourceLayer: lapisan, id }, { ...state });
    for (const kode of this.kini.keys()) if (!cat.has(kode)) set(kode, { warna: null, arsir: false });
    for (const [kode, c] of cat) {
      const lama = this.kini.get(kode);
      if (!lama || lama.warna !== c.warna || lama.arsir !== c.arsir) set(kode, c);
    }
    this.kini = cat;
  }
}

/**
 * The base style of an area: our own boundary tiles, no internet basemap unless one is
 * configured. The tiles carry no indicator: colours come by kode from /api/nilai as feature
 * state, so changing the indicator or the classification repaints without fetching a tile again
 * or laying one out again.
 */
export function gayaAwal(tingkat: Tingkat, basemap: string | null, wilayah: string): StyleSpecification {
  const style: StyleSpecification = {
    version: 8,
    sources: {
      unit: { type: "vector", url: tileJsonUrl(tingkat), promoteId: "kode" },
    },
    layers: [{ id: "latar", type: "background", paint: { "background-color": WarnaLatar } }],
  };
  if (basemap) {
    style.sources["dasar"] = { type: "raster", tiles: [basemap], tileSize: 256 };
    style.layers.push({ id: "dasar", type: "raster", source: "dasar", paint: { "raster-opacity": 0.6 } });
  }
  style.layers.push(
    { id: "luar", type: "fill", source: "unit", "source-layer": tingkat, filter: luarWilayah(wilayah), paint: { "fill-color": WarnaLuar, "fill-opacity": basemap ? 0.5 : 1, ...Garis } },
    { id: "isi", type: "fill", source: "unit", "source-layer": tingkat, filter: dalamWilayah(wilayah), paint: { "fill-color": Keadaan["warna"]!, "fill-opacity": 0.88, ...Garis } },
    { id: "arsir", type: "fill", source: "unit", "source-layer": tingkat, filter: dalamWilayah(wilayah), paint: { "fill-pattern": "arsir", "fill-opacity": Keadaan["arsir"]!, "fill-antialias": false } },
    { id: "sorot", type: "line", source: "unit", "source-layer": tingkat, filter: ["==", ["get", "kode"], ""],
      paint: { "line-color": "#1f2937", "line-width": 1.5, "line-opacity": 0.7 } },
    { id: "pilih", type: "line", source: "unit", "source-layer": tingkat, filter: ["==", ["get", "kode"], ""],
      paint: { "line-color": "#111827", "line-width": 3 } },
  );
  return style;
}

/**
 * The hatch for units without data: thin grey diagonals on a light grey ground, computed pixel by
 * pixel (reading back a canvas costs up to 0.2 s in a software-rendered browser).
 */
export function polaArsir(size = 8): ImageData {
  const hex = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
  const [dasar, garis] = [hex(TanpaData), hex("#8c8c8c")];
  const data = new Uint8ClampedArray(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Diagonals x + y = size/2, size, 3size/2 through the pixel centres: they tile seamlessly.
      const c = (x + y + 1) % (size / 2) === 0 ? garis! : dasar!;
      data.set([c[0]!, c[1]!, c[2]!, 255], (y * size + x) * 4);
    }
  }
  return new ImageData(data, size, size);
}
