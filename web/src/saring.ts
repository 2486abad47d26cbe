// The class filter: clicking a legend row shows only the units of that class; the others are
// drawn in the faded grey of the context. Kept by the row's label, so a repaint with the same
// classes keeps it and a new classification (other indicator, method, layer) drops it.
import type { Kelas } from "./classify.ts";
import { WarnaLuar } from "./mapstyle.ts";

/** What the map colours by: a class per unit by kode (a classification or an analysis layer). */
export interface Warna {
  kelas: Kelas[];
  kelasUnit: Map<string, number>;
}

/** The chosen row: a class index, or "tanpa" for the units without data; null shows all. */
export type Pilihan = number | "tanpa" | null;

/**
 * The colouring with the filter applied: the chosen class keeps its colour, every other class
 * is faded. With "tanpa" chosen every class is faded and only the hatch stays.
 */
export function saringWarna<T extends Warna>(w: T, pilihan: Pilihan): T {
  if (pilihan === null) return w;
  return { ...w, kelas: w.kelas.map((k, i) => (i === pilihan ? k : { ...k, warna: WarnaRedup })) };
}

/** Whether the hatched units (no data) are drawn under the filter. */
export function tampilTanpaData(pilihan: Pilihan): boolean {
  return pilihan === null || pilihan === "tanpa";
}

/** The faded colour of units outside the chosen class: the grey of the context around the area. */
export const WarnaRedup = WarnaLuar;

/**
 * The filter behind the legend's rows. `pasang` listens on the legend once; `tandai` marks the
 * rows after every render and forgets a choice whose row is gone.
 */
export class SaringKelas {
  private label: string | null = null;
  private indeks: Pilihan = null;

  constructor(private readonly root: HTMLElement, private readonly onChange: () => void) {
    const pilih = (li: HTMLLIElement) => {
      const label = li.dataset.kelas ?? "";
      this.label = this.label === label ? null : label;
      this.onChange();
    };
    root.addEventListener("click", (e) => {
      const li = (e.target as HTMLElement).closest<HTMLLIElement>("ul.kelas > li");
      if (li) pilih(li);
    });
    root.addEventListener("keydown", (e) => {
      if (e.key !== "Enter" && e.key !== " ") return;
      const li = (e.target as HTMLElement).closest<HTMLLIElement>("ul.kelas > li");
      if (li) { e.preventDefault(); pilih(li); }
    });
  }

  /** The choice against the rows as rendered now (the last row is always "no data"). */
  pilihan(): Pilihan {
    return this.indeks;
  }

  /** Resolves the chosen label against the rows just rendered and marks them; returns the choice. */
  tandai(): Pilihan {
    const rows = [...this.root.querySelectorAll<HTMLLIElement>("ul.kelas > li")];
    const i = this.label === null ? -1 : rows.findIndex((r) => r.dataset.kelas === this.label);
    if (i < 0) this.label = null;
    this.indeks = i < 0 ? null : i === rows.length - 1 ? "tanpa" : i;
    rows.forEach((r, j) => {
      r.tabIndex = 0;
      r.setAttribute("role", "button");
      r.setAttribute("aria-pressed", String(j === i));
      r.title = j === i ? "Klik lagi untuk menampilkan semua kelas" : "Klik untuk menampilkan hanya kelas ini";
      r.classList.toggle("terpilih", j === i);
      r.classList.toggle("redup", i >= 0 && j !== i);
    });
    this.root.querySelector(".catatan-saring")?.remove();
    if (i >= 0) {
      const note = document.createElement("p");
      note.className = "catatan-saring";
      note.textContent = `Hanya "${this.label}" yang ditampilkan. Klik kelas itu lagi untuk menampilkan semua.`;
      this.root.querySelector("ul.kelas")?.after(note);
    }
    return this.indeks;
  }
}
