// Trends over periods as small SVG line charts: a sparkline per indicator row of the panel and a
// larger chart for the indicator on the map, with its target. Hand-drawn SVG: a line of a few
// points needs no charting library (and the quadrant/Moran charts live in their own module).
import { formatAngka } from "./classify.ts";

export interface Titik {
  periode: string;
  nilai: number | null;
  target: number | null;
  sintetis: boolean;
  sumber: string | null;
}

export interface TargetTahun {
  tahun: number;
  nilai: number;
  asal: string;
}

export interface Deret {
  indikator: string;
  satuan: string;
  polaritas: "naik" | "turun" | null;
  titik: Titik[];
  targetTahunan: TargetTahun[];
}

export interface DeretResponse {
  kode: string;
  nama: string;
  tingkat: string;
  sintetis: boolean;
  peringatan: string | null;
  deret: Deret[];
}

/** A period as a number of years, so 2022-02, 2022-08, 2023 and 2024-S2 sit where they fall in time. */
export function waktu(periode: string): number {
  const m = /^(\d{4})(?:-(\d{2})|-S([12])|-Q([1-4]))?$/.exec(periode);
  if (!m) return NaN;
  const tahun = Number(m[1]);
  if (m[2]) return tahun + (Number(m[2]) - 0.5) / 12;
  if (m[3]) return tahun + (Number(m[3]) - 0.5) / 2;
  if (m[4]) return tahun + (Number(m[4]) - 0.5) / 4;
  return tahun + 0.5;
}

export interface Skala {
  x: (t: number) => number;
  y: (v: number) => number;
  min: number;
  max: number;
}

/** Linear scales over the values (and targets) into a box, with a margin so lines do not touch the edge. */
export function skala(ts: readonly number[], vs: readonly number[], lebar: number, tinggi: number, tepi = 2): Skala {
  const t0 = Math.min(...ts), t1 = Math.max(...ts);
  let min = Math.min(...vs), max = Math.max(...vs);
  if (min === max) { min -= 1; max += 1; }
  const x = (t: number) => (t1 === t0 ? lebar / 2 : tepi + ((t - t0) / (t1 - t0)) * (lebar - 2 * tepi));
  const y = (v: number) => tinggi - tepi - ((v - min) / (max - min)) * (tinggi - 2 * tepi);
  return { x, y, min, max };
}

const NS = "http://www.w3.org/2000/svg";
const svg = <K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] => {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
};

function teks(v: number, satuan: string): string {
  return satuan === "persen" ? `${formatAngka(v)}%` : formatAngka(v, 0);
}

/** The points with a value, in time order. */
function berisi(d: Deret): { t: number; v: number; p: Titik }[] {
  return d.titik.filter((p) => p.nilai !== null && !Number.isNaN(waktu(p.periode)))
    .map((p) => ({ t: waktu(p.periode), v: p.nilai as number, p }))
    .sort((a, b) => a.t - b.t);
}

/** A 64 × 18 sparkline of the values (null when there are fewer than two). */
export function sparkline(d: Deret): SVGSVGElement | null {
  const pts = berisi(d);
  if (pts.length < 2) return null;
  const s = skala(pts.map((p) => p.t), pts.map((p) => p.v), 64, 18);
  const el = svg("svg", { width: 64, height: 18, viewBox: "0 0 64 18", class: "sparkline", role: "img" });
  const naik = pts.at(-1)!.v - pts[0]!.v;
  const baik = d.polaritas === null || naik === 0 ? null : (naik > 0) === (d.polaritas === "naik");
  el.setAttribute("aria-label", `Tren ${pts.map((p) => `${p.p.periode}: ${teks(p.v, d.satuan)}`).join(", ")}`);
  el.append(svg("polyline", { points: pts.map((p) => `${s.x(p.t).toFixed(1)},${s.y(p.v).toFixed(1)}`).join(" "), fill: "none",
    stroke: baik === null ? "#6b7280" : baik ? "#2166ac" : "#b2182b", "stroke-width": 1.5 }));
  const last = pts.at(-1)!;
  el.append(svg("circle", { cx: s.x(last.t).toFixed(1), cy: s.y(last.v).toFixed(1), r: 2, fill: "#1f2937" }));
  return el;
}

/**
 * The chart of one indicator: the values over periods (dots, joined), the target of each
 * period's year, and the regional targets for the years ahead as an open, dashed path.
 */
export function grafikTren(d: Deret, nama: string): HTMLElement {
  const box = document.createElement("section");
  box.className = "tren-utama";
  box.dataset.indikator = d.indikator;
  const h3 = document.createElement("h3");
  h3.textContent = `Tren · ${nama}`;
  box.append(h3);
  const pts = berisi(d);
  const akhir = pts.at(-1)?.t ?? -Infinity;
  const targets = [
    ...pts.filter((p) => p.p.target !== null).map((p) => ({ t: p.t, v: p.p.target as number, label: `target ${Math.floor(p.t)}` })),
    ...d.targetTahunan.filter((y) => y.tahun + 0.5 > akhir).map((y) => ({ t: y.tahun + 0.5, v: y.nilai, label: `target ${y.tahun}` })),
  ];
  if (pts.length === 0) {
    box.append(Object.assign(document.createElement("p"), { className: "kosong", textContent: "Belum ada nilai terbit untuk indikator ini." }));
    return box;
  }
  const W = 380, H = 130, kiri = 44, bawah = 22, atas = 10, kanan = 14;
  const ts = [...pts.map((p) => p.t), ...targets.map((t) => t.t)];
  const vs = [...pts.map((p) => p.v), ...targets.map((t) => t.v)];
  const s0 = skala(ts, vs, W - kiri - kanan, H - atas - bawah, 8);
  const x = (t: number) => kiri + s0.x(t);
  const y = (v: number) => atas + s0.y(v);
  const el = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "grafik-tren", role: "img" });
  el.setAttribute("aria-label", `Tren ${nama}: ${pts.map((p) => `${p.p.periode} ${teks(p.v, d.satuan)}`).join(", ")}`);
  // Axes: min and max of the scale on the left, the periods below.
  for (const v of [s0.min, s0.max]) {
    el.append(svg("line", { x1: kiri, x2: W - kanan, y1: y(v), y2: y(v), stroke: "#e5e7eb" }));
    const l = svg("text", { x: kiri - 4, y: y(v) + 4, "text-anchor": "end", class: "sumbu" });
    l.textContent = teks(v, d.satuan);
    el.append(l);
  }
  const labels = new Map<number, string>();
  for (const p of pts) labels.set(p.t, p.p.periode);
  for (const t of targets) if (!labels.has(t.t)) labels.set(t.t, String(Math.floor(t.t)));
  for (const [t, label] of labels) {
    const l = svg("text", { x: x(t), y: H - 6, "text-anchor": "middle", class: "sumbu" });
    l.textContent = label;
    el.append(l);
  }
  if (targets.length > 0) {
    const sorted = [...targets].sort((a, b) => a.t - b.t);
    el.append(svg("polyline", { points: sorted.map((t) => `${x(t.t).toFixed(1)},${y(t.v).toFixed(1)}`).join(" "), fill: "none", stroke: "#0f766e",
      "stroke-width": 1.5, "stroke-dasharray": "4 3", class: "garis-target" }));
    for (const t of sorted) {
      const c = svg("circle", { cx: x(t.t).toFixed(1), cy: y(t.v).toFixed(1), r: 3, fill: "#fff", stroke: "#0f766e", "stroke-width": 1.5, class: "titik-target" });
      c.dataset.tahun = String(Math.floor(t.t));
      c.dataset.nilai = String(t.v);
      const title = svg("title", {});
      title.textContent = `${t.label}: ${teks(t.v, d.satuan)}`;
      c.append(title);
      el.append(c);
    }
  }
  el.append(svg("polyline", { points: pts.map((p) => `${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`).join(" "), fill: "none", stroke: "#1f2937", "stroke-width": 2 }));
  for (const p of pts) {
    const c = svg("circle", { cx: x(p.t).toFixed(1), cy: y(p.v).toFixed(1), r: 3.5, fill: p.p.sintetis ? "#fff" : "#1f2937", stroke: "#1f2937", "stroke-width": 1.5, class: "titik-nilai" });
    c.dataset.periode = p.p.periode;
    c.dataset.nilai = String(p.v);
    const title = svg("title", {});
    title.textContent = `${p.p.periode}: ${teks(p.v, d.satuan)}${p.p.sintetis ? " (sintetis)" : ""}`;
    c.append(title);
    el.append(c);
  }
  box.append(el);
  const ket = document.createElement("p");
  ket.className = "ket-tren";
  const nilai = pts.map((p) => `${p.p.periode}: ${teks(p.v, d.satuan)}${p.p.sintetis ? " (sintetis)" : ""}`).join(" · ");
  const depan = d.targetTahunan.filter((t) => t.tahun + 0.5 > akhir).map((t) => `${t.tahun}: ${teks(t.nilai, d.satuan)}`).join(" · ");
  const sumber = [...new Set(pts.map((p) => p.p.sumber).filter((x): x is string => !!x))].join(", ");
  ket.textContent = `Nilai ${nilai}.` + (depan ? ` Target daerah ${depan}.` : "") + (sumber ? ` Sumber: ${sumber}.` : "")
    + (pts.length === 1 ? " Baru satu periode terbit; garis tren tampil setelah ada periode lain." : "")
    + ` Garis hitam: nilai${pts.some((p) => p.p.sintetis) ? " (titik kosong: sintetis)" : ""}${targets.length > 0 ? "; garis putus hijau: target" : ""}.`;
  box.append(ket);
  return box;
}
