import type { Pewarnaan } from "./analisis.ts";
import { NamaMetode, type Klasifikasi } from "./classify.ts";
import { TanpaData } from "./palettes.ts";
import { h } from "./api.ts";

export interface InfoLegenda {
  judul: string;
  subjudul: string;
  polaritas: "naik" | "turun" | null;
  tingkat: string;
}


export function arahPolaritas(p: "naik" | "turun" | null): string {
  if (p === "turun") return "Makin tinggi makin buruk";
  if (p === "naik") return "Makin rendah makin buruk";
  return "";
}

/** The legend in the sidebar: one row per class with its count, and the units without data. */
export function renderLegenda(root: HTMLElement, k: Klasifikasi, info: InfoLegenda): void {
  root.replaceChildren();
  root.append(h("h2", undefined, info.judul), h("p", "subjudul", info.subjudul));
  const list = h("ul", "kelas");
  const satuan = info.tingkat === "kecamatan" ? "kec." : info.tingkat === "puskesmas" ? "pkm" : "desa";
  const rows = k.kelas.map((c) => ({ label: c.label, warna: c.warna, jumlah: c.jumlah, arsir: false }));
  rows.push({ label: k.metode === "target" ? "Tanpa data atau target" : "Tanpa data", warna: TanpaData, jumlah: k.tanpaData, arsir: true });
  for (const r of rows) {
    const li = h("li");
    li.dataset.kelas = r.label;
    const swatch = h("span", r.arsir ? "swatch arsir" : "swatch");
    if (!r.arsir) swatch.style.background = r.warna;
    li.append(swatch, h("span", "label", r.label), h("span", "jumlah", `${r.jumlah} ${satuan}`));
    list.append(li);
  }
  root.append(list);
  const note = [NamaMetode[k.metode], arahPolaritas(info.polaritas)].filter(Boolean).join(" · ");
  root.append(h("p", "catatan", note));
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
  root.append(h("h2", undefined, info.judul), h("p", "subjudul", info.subjudul));
  const list = h("ul", "kelas analisis");
  const satuan = info.tingkat === "kecamatan" ? "kec." : info.tingkat === "puskesmas" ? "pkm" : "desa";
  const rows = p.kelas.map((c) => ({ kunci: c.kunci, label: c.label, warna: c.warna, jumlah: c.jumlah, penjelasan: c.penjelasan, arsir: false }));
  rows.push({ ...p.tanpa, jumlah: p.tanpaData, arsir: true });
  for (const r of rows) {
    const li = h("li");
    li.dataset.kelas = r.label;
    li.dataset.kunci = r.kunci;
    const swatch = h("span", r.arsir ? "swatch arsir" : "swatch");
    if (!r.arsir) swatch.style.background = r.warna;
    li.append(swatch, h("span", "label", r.label), h("span", "jumlah", `${r.jumlah} ${satuan}`), h("span", "penjelasan", r.penjelasan));
    list.append(li);
  }
  root.append(list);
  root.append(h("p", "catatan", info.catatan));
}
