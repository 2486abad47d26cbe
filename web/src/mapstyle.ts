import type { ExpressionSpecification, FilterSpecification, StyleSpecification } from "maplibre-gl";
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

/** Features whose kode lies inside the area (the area itself included). */
export function dalamWilayah(wilayah: string): ExpressionSpecification {
  return ["any", ["==", ["get", "kode"], wilayah],
    ["==", ["slice", ["get", "kode"], 0, wilayah.length + 1], wilayah + "."]] as ExpressionSpecification;
}

/**
 * The fill colour of every unit, by kode, from the classification of the values the API gave
 * (roll-ups for kecamatan are not in the tiles, and the target class needs each unit's target).
 */
export function warnaIsi(k: Pick<Klasifikasi, "kelas" | "kelasUnit">): ExpressionSpecification {
  if (k.kelasUnit.size === 0) return ["literal", TanpaData] as unknown as ExpressionSpecification;
  const pairs: string[] = [];
  for (const [kode, i] of k.kelasUnit) pairs.push(kode, k.kelas[i]!.warna);
  return ["match", ["get", "kode"], ...pairs, TanpaData] as unknown as ExpressionSpecification;
}

/** Units of the area without a class (no value, or no target for the target view): hatched. */
export function filterTanpaData(k: Pick<Klasifikasi, "kelasUnit">, wilayah: string): FilterSpecification {
  return ["all", dalamWilayah(wilayah), ["!", ["in", ["get", "kode"], ["literal", [...k.kelasUnit.keys()]]]]] as FilterSpecification;
}

/**
 * The base style: our own boundary tiles, no internet basemap unless one is configured. The
 * tiles carry no indicator: colours come by kode from /api/nilai, so changing the indicator or
 * the classification repaints without fetching a tile again.
 */
export function gayaAwal(tingkat: Tingkat, basemap: string | null): StyleSpecification {
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
    { id: "luar", type: "fill", source: "unit", "source-layer": tingkat, paint: { "fill-color": WarnaLuar, "fill-opacity": basemap ? 0.5 : 1 } },
    { id: "isi", type: "fill", source: "unit", "source-layer": tingkat, filter: ["==", ["get", "kode"], ""], paint: { "fill-color": TanpaData, "fill-opacity": 0.88 } },
    { id: "arsir", type: "fill", source: "unit", "source-layer": tingkat, filter: ["==", ["get", "kode"], ""], paint: { "fill-pattern": "arsir" } },
    // No kecamatan outline over desa: the kecamatan boundaries are generalised and do not follow the desa edges.
    { id: "garis-unit", type: "line", source: "unit", "source-layer": tingkat,
      paint: { "line-color": "#ffffff", "line-width": ["interpolate", ["linear"], ["zoom"], 8, 0.6, 14, 1.6] } },
    { id: "sorot", type: "line", source: "unit", "source-layer": tingkat, filter: ["==", ["get", "kode"], ""],
      paint: { "line-color": "#1f2937", "line-width": 1.5, "line-opacity": 0.7 } },
    { id: "pilih", type: "line", source: "unit", "source-layer": tingkat, filter: ["==", ["get", "kode"], ""],
      paint: { "line-color": "#111827", "line-width": 3 } },
  );
  return style;
}

/** The hatch for units without data: thin grey diagonals on a light grey ground. */
export function polaArsir(size = 8): ImageData {
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = size;
  const ctx = canvas.getContext("2d")!;
  ctx.fillStyle = TanpaData;
  ctx.fillRect(0, 0, size, size);
  ctx.strokeStyle = "#8c8c8c";
  ctx.lineWidth = 1.2;
  ctx.beginPath();
  ctx.moveTo(0, size); ctx.lineTo(size, 0);
  ctx.moveTo(-size / 2, size / 2); ctx.lineTo(size / 2, -size / 2);
  ctx.moveTo(size / 2, size * 1.5); ctx.lineTo(size * 1.5, size / 2);
  ctx.stroke();
  return ctx.getImageData(0, 0, size, size);
}
