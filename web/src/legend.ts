import type { Pewarnaan } from "./analisis.ts";
import { NamaMetode, type Klasifikasi } from "./classify.ts";
import { TanpaData } from "./palettes.ts";

export interface InfoLegenda {
  judul: string;
  subjudul: string;
  polaritas: "naik" | "turun" | null;
  tingkat: string;
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] => {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
};

export function arahPolaritas(p: "naik" | "turun" | null): string {
  if (p === "turun") return "Makin tinggi makin buruk";
  if (p === "naik") return "Makin rendah makin buruk";
  return "";
}

/** The legend in the sidebar: one row per class with its count, and the units without data. */
export function renderLegenda(root: HTMLElement, k: Klasifikasi, info: InfoLegenda): void {
  root.replaceChildren();
  root.append(el("h2", undefined, info.judul), el("p", "subjudul", info.subjudul));
  const list = el("ul", "kelas");
  const satuan = info.tingkat === "kecamatan" ? "kec." : info.tingkat === "puskesmas" ? "pkm" : "desa";
  const rows = k.kelas.map((c) => ({ label: c.label, warna: c.warna, jumlah: c.jumlah, arsir: false }));
  rows.push({ label: k.metode === "target" ? "Tanpa data atau target" : "Tanpa data", warna: TanpaData, jumlah: k.tanpaData, arsir: true });
  for (const r of rows) {
    const li = el("li");
    li.dataset.kelas = r.label;
    const swatch = el("span", r.arsir ? "swatch arsir" : "swatch");
    if (!r.arsir) swatch.style.background = r.warna;
    li.append(swatch, el("span", "label", r.label), el("span", "jumlah", `${r.jumlah} ${satuan}`));
    list.append(li);
  }
  root.append(list);
  const note = [NamaMetode[k.metode], arahPolaritas(info.polaritas)].filter(Boolean).join(" · ");
  root.append(el("p", "catatan", note));
}

export interface InfoLegendaAnalisis {
  judul: string;
  subjudul: string;
  tingkat: string;
  catatan: string;
}

/** The legend of an analysis layer: each category with its count and a line saying what it means. */
export function renderLegendaAnalisis(root: HTMLElement, p: Pewarnaan, info: InfoLegendaAnalisis): void {
  root.replaceChildren();
  root.append(el("h2", undefined, info.judul), el("p", "subjudul", info.subjudul));
  const list = el("ul", "kelas analisis");
  const satuan = info.tingkat === "kecamatan" ? "kec." : info.tingkat === "puskesmas" ? "pkm" : "desa";
  const rows = p.kelas.map((c) => ({ kunci: c.kunci, label: c.label, warna: c.warna, jumlah: c.jumlah, penjelasan: c.penjelasan, arsir: false }));
  rows.push({ ...p.tanpa, jumlah: p.tanpaData, arsir: true });
  for (const r of rows) {
    const li = el("li");
    li.dataset.kelas = r.label;
    li.dataset.kunci = r.kunci;
    const swatch = el("span", r.arsir ? "swatch arsir" : "swatch");
    if (!r.arsir) swatch.style.background = r.warna;
    li.append(swatch, el("span", "label", r.label), el("span", "jumlah", `${r.jumlah} ${satuan}`), el("span", "penjelasan", r.penjelasan));
    list.append(li);
  }
  root.append(list);
  root.append(el("p", "catatan", info.catatan));
}
