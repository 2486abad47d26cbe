import type { Map as MlMap } from "maplibre-gl";
import type { Klasifikasi } from "./classify.ts";
import { TanpaData } from "./palettes.ts";

export interface IsiGambar {
  judul: string;
  subjudul: string;
  sumber: string;
  sintetis: boolean;
  klasifikasi: Klasifikasi;
  namaMetode: string;
}

/**
 * The current view as one PNG: title, the map as drawn, the legend with counts, the source and
 * the date. The map keeps its drawing buffer, so the canvas can be read at any time.
 */
export function gambarPeta(map: MlMap, isi: IsiGambar): HTMLCanvasElement {
  const src = map.getCanvas();
  const s = src.width / src.clientWidth || 1;
  const top = 64 * s;
  const bottom = 40 * s;
  const out = document.createElement("canvas");
  const side = 270 * s; // the legend sits in its own column, never over a desa
  out.width = src.width + side;
  out.height = src.height + top + bottom;
  const ctx = out.getContext("2d")!;
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, out.width, out.height);
  const font = (px: number, weight = 400) => `${weight} ${px * s}px system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif`;

  ctx.fillStyle = "#111827";
  ctx.font = font(20, 700);
  ctx.textBaseline = "top";
  ctx.fillText(isi.judul, 16 * s, 12 * s, out.width - 32 * s);
  ctx.fillStyle = "#4b5563";
  ctx.font = font(14);
  ctx.fillText(isi.subjudul, 16 * s, 38 * s, out.width - 32 * s);
  ctx.drawImage(src, 0, top);

  // Legend, bottom left over the map.
  const rows = [
    ...isi.klasifikasi.kelas.map((c) => ({ label: c.label, warna: c.warna, jumlah: c.jumlah, arsir: false })),
    { label: "Tanpa data", warna: TanpaData, jumlah: isi.klasifikasi.tanpaData, arsir: true },
  ];
  const lh = 20 * s;
  const lw = 250 * s;
  const lhTotal = (rows.length + 1) * lh + 16 * s;
  const lx = src.width + 10 * s;
  const ly = top + 8 * s;
  ctx.fillStyle = "rgba(255,255,255,0.92)";
  ctx.strokeStyle = "#d1d5db";
  ctx.lineWidth = 1 * s;
  ctx.fillRect(lx, ly, lw, lhTotal);
  ctx.strokeRect(lx, ly, lw, lhTotal);
  ctx.fillStyle = "#111827";
  ctx.font = font(12, 600);
  ctx.fillText(isi.namaMetode, lx + 10 * s, ly + 8 * s, lw - 20 * s);
  rows.forEach((r, i) => {
    const y = ly + 8 * s + (i + 1) * lh;
    ctx.fillStyle = r.warna;
    ctx.fillRect(lx + 10 * s, y, 18 * s, 13 * s);
    if (r.arsir) {
      ctx.strokeStyle = "#8c8c8c";
      ctx.beginPath();
      for (let d = 0; d < 31; d += 6) {
        ctx.moveTo(lx + 10 * s + Math.max(0, d - 13) * s, y + Math.min(13, d) * s);
        ctx.lineTo(lx + 10 * s + Math.min(18, d) * s, y + Math.max(0, d - 18) * s);
      }
      ctx.stroke();
    }
    ctx.strokeStyle = "#9ca3af";
    ctx.strokeRect(lx + 10 * s, y, 18 * s, 13 * s);
    ctx.fillStyle = "#1f2937";
    ctx.font = font(12);
    ctx.fillText(r.label, lx + 36 * s, y, 160 * s);
    ctx.textAlign = "right";
    ctx.fillText(String(r.jumlah), lx + lw - 10 * s, y);
    ctx.textAlign = "left";
  });

  const tanggal = new Date().toLocaleDateString("id-ID", { day: "numeric", month: "long", year: "numeric" });
  ctx.fillStyle = "#4b5563";
  ctx.font = font(12);
  ctx.fillText(`Sumber: ${isi.sumber} · Batas: Kepmendagri · Dibuat ${tanggal} dengan Geo`, 16 * s, top + src.height + 13 * s, out.width - 200 * s);
  if (isi.sintetis) {
    ctx.fillStyle = "#b91c1c";
    ctx.font = font(13, 700);
    ctx.textAlign = "right";
    ctx.fillText("DATA SINTETIS", out.width - 16 * s, top + src.height + 12 * s);
    ctx.textAlign = "left";
  }
  return out;
}
