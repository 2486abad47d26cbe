// Names on the map from our own data, without a basemap or a glyph server: kecamatan and desa
// names at their label points (/api/wilayah/{kode}/titik-label), drawn by MapLibre from Noto Sans
// files built into the page (`font-faces`; see web/README.md for why).
import type { GeoJSONSource, Map as MlMap } from "maplibre-gl";
import { api, type TitikLabel } from "./api.ts";

// Set by build.mjs: the hashed WOFF2 file of each weight, beside the bundle.
declare const GEO_FONTS: Record<string, string>;

export const HurufBiasa = "Noto Sans Regular";
export const HurufTebal = "Noto Sans Bold";

type Koleksi = TitikLabel;
const kosong: Koleksi = { type: "FeatureCollection", features: [] };

/** Where desa names start to show: a kab/kota fills the screen about here, and a desa is wide enough for its name. */
export const ZoomLabelDesa = 11.5;
export const ZoomLabelDesaDiKecamatan = 13.5;

/**
 * Adds the font faces, the label source and its two layers to the style just loaded (again after
 * every style change), above everything else so names stay readable over the fill.
 */
export function pasangLabel(map: MlMap, data: Koleksi | null): void {
  map.setFontFaces(Object.fromEntries(Object.entries(GEO_FONTS).map(([nama, url]) => [nama, [{ url: new URL(url, import.meta.url).href }]])));
  if (!map.getSource("label")) map.addSource("label", { type: "geojson", data: data ?? kosong });
  const halo = { "text-halo-color": "rgba(255,255,255,0.9)", "text-halo-width": 1.4, "text-halo-blur": 0.3 };
  if (!map.getLayer("label-desa")) {
    map.addLayer({
      // Just below the label point: the point itself keeps the unit's colour (what a reader, and the pixel tests, look at).
      id: "label-desa", type: "symbol", source: "label", minzoom: ZoomLabelDesa, filter: ["==", ["get", "tingkat"], "desa"],
      layout: { "text-field": ["get", "nama"], "text-font": [HurufBiasa], "text-size": ["interpolate", ["linear"], ["zoom"], 11.5, 10.5, 15, 14],
        "text-max-width": 7, "text-padding": 2, "text-anchor": "top", "text-offset": [0, 0.4] },
      paint: { "text-color": "#1f2937", ...halo },
    });
  }
  if (!map.getLayer("label-kecamatan")) {
    // Above the desa names, so MapLibre places the kecamatan first when two collide.
    map.addLayer({
      id: "label-kecamatan", type: "symbol", source: "label", minzoom: 7, filter: ["==", ["get", "tingkat"], "kecamatan"],
      layout: { "text-field": ["upcase", ["get", "nama"]], "text-font": [HurufTebal], "text-size": ["interpolate", ["linear"], ["zoom"], 7, 10, 12, 13, 15, 16],
        "text-letter-spacing": 0.06, "text-max-width": 8, "text-padding": 4 },
      paint: { "text-color": "#111827", ...halo },
    });
  }
}

/**
 * The level of label points an area starts with. A province's desa names show only when zoomed
 * into a kab/kota: at the province's zoom their points would cost the first load and MapLibre's
 * worker for names nobody sees, so its kecamatan come first and its desa on demand.
 */
export function tingkatLabelAwal(wilayah: string): "kecamatan" | undefined {
  return wilayah.length === 2 ? "kecamatan" : undefined;
}

/** The label points of an area, fetched once per area (a province's desa when the map nears their zoom). */
export class Label {
  private wilayah: string | null = null;
  private awal: Koleksi | null = null;
  private desa: Koleksi | null = null;
  private desaDiminta = false;

  constructor(private readonly map: MlMap) {
    map.on("moveend", () => void this.lengkapi());
  }

  /**
   * Call after every style load: the layers go on top of the new style, with the points held.
   * Over kecamatan units desa names wait for a closer zoom: the unit names come first there.
   */
  pasang(tingkat: string): void {
    pasangLabel(this.map, this.gabungan());
    this.map.setLayerZoomRange("label-desa", tingkat === "kecamatan" ? ZoomLabelDesaDiKecamatan : ZoomLabelDesa, 24);
  }

  async muat(wilayah: string): Promise<void> {
    if (wilayah === this.wilayah) return;
    this.wilayah = wilayah;
    this.desa = null;
    this.desaDiminta = tingkatLabelAwal(wilayah) === undefined;
    try {
      const data = await api.titikLabel(wilayah, tingkatLabelAwal(wilayah));
      if (this.wilayah !== wilayah) return;
      this.awal = data;
    } catch {
      this.awal = null; // no names is better than no map
    }
    this.tulis();
    void this.lengkapi();
  }

  /** A province's desa points, once the map is close to the zoom where their names show. */
  private async lengkapi(): Promise<void> {
    const wilayah = this.wilayah;
    if (!wilayah || this.desaDiminta || this.map.getZoom() < ZoomLabelDesa - 1) return;
    this.desaDiminta = true;
    try {
      const desa = await api.titikLabel(wilayah, "desa");
      if (this.wilayah !== wilayah) return;
      this.desa = desa;
      this.tulis();
    } catch {
      this.desaDiminta = false; // asked again at the next move
    }
  }

  private gabungan(): Koleksi | null {
    if (!this.desa) return this.awal;
    return { type: "FeatureCollection", features: [...(this.awal?.features ?? []), ...this.desa.features] };
  }

  private tulis(): void {
    (this.map.getSource("label") as GeoJSONSource | undefined)?.setData(this.gabungan() ?? kosong);
  }
}
