import { ckmeans, quantileSorted } from "simple-statistics";
import { ramp, Target, type Polaritas } from "./palettes.ts";

/** How values are put into classes. */
export type Metode = "who" | "kuantil" | "jenks" | "interval" | "target";

export const NamaMetode: Record<Metode, string> = {
  who: "Kelas prevalensi WHO",
  kuantil: "Kuantil (jumlah desa sama)",
  jenks: "Jeda alami (Jenks)",
  interval: "Interval sama",
  target: "Terhadap target",
};

/** One unit as the classification sees it: its value (null: no data) and the target in force. */
export interface Unit {
  kode: string;
  nilai: number | null;
  target: number | null;
}

export interface Kelas {
  label: string;
  warna: string;
  jumlah: number;
  /** Lower bound (inclusive) of a range class; undefined for the first class and for target classes. */
  min?: number;
}

export interface Klasifikasi {
  metode: Metode;
  kelas: Kelas[];
  /** Units without a value (or, for target, without a target). */
  tanpaData: number;
  /** Class index of every unit that has one, by kode. */
  kelasUnit: Map<string, number>;
}

/** WHO/UNICEF prevalence thresholds for stunting (de Onis et al. 2019), in percent. */
export const BatasWho = [2.5, 10, 20, 30] as const;
const LabelWho = ["Sangat rendah (< 2,5%)", "Rendah (2,5–< 10%)", "Sedang (10–< 20%)", "Tinggi (20–< 30%)", "Sangat tinggi (≥ 30%)"];

export interface Opsi {
  metode: Metode;
  polaritas: Polaritas;
  /** Number of classes for quantile, Jenks and equal interval (3-7). */
  jumlahKelas?: number;
  satuan?: string;
}

// One formatter per precision: toLocaleString builds a new Intl.NumberFormat on every call.
const pemformat = new Map<number, Intl.NumberFormat>();
export function formatAngka(v: number, digits = 1): string {
  let f = pemformat.get(digits);
  if (!f) pemformat.set(digits, f = new Intl.NumberFormat("id-ID", { minimumFractionDigits: 0, maximumFractionDigits: digits }));
  return f.format(v);
}

/**
 * Classifies units. Range methods give ascending lower bounds; a value belongs to the last class
 * whose bound it reaches (the same rule as MapLibre's "step" expression, so map and legend agree).
 */
export function klasifikasi(units: readonly Unit[], opsi: Opsi): Klasifikasi {
  const kelasUnit = new Map<string, number>();
  if (opsi.metode === "target") {
    const kelas: Kelas[] = [
      { label: "Belum memenuhi target", warna: Target.belum, jumlah: 0 },
      { label: "Memenuhi target", warna: Target.memenuhi, jumlah: 0 },
    ];
    let tanpaData = 0;
    for (const u of units) {
      if (u.nilai === null || u.target === null) { tanpaData++; continue; }
      const memenuhi = opsi.polaritas === "turun" ? u.nilai <= u.target : u.nilai >= u.target;
      const i = memenuhi ? 1 : 0;
      kelas[i]!.jumlah++;
      kelasUnit.set(u.kode, i);
    }
    return { metode: "target", kelas, tanpaData, kelasUnit };
  }

  const values = units.filter((u) => u.nilai !== null).map((u) => u.nilai as number).sort((a, b) => a - b);
  const bounds = batas(values, opsi);
  const colours = ramp(bounds.length + 1, opsi.polaritas);
  const unit = opsi.satuan === "persen" ? "%" : "";
  const kelas: Kelas[] = colours.map((warna, i) => {
    const lo = i === 0 ? undefined : bounds[i - 1];
    const hi = i < bounds.length ? bounds[i] : undefined;
    let label: string;
    if (opsi.metode === "who") label = LabelWho[i]!;
    else if (lo === undefined && hi === undefined) label = values.length ? `Semua ${formatAngka(values[0]!)}${unit}` : "–";
    else if (lo === undefined) label = `< ${formatAngka(hi!)}${unit}`;
    else if (hi === undefined) label = `≥ ${formatAngka(lo)}${unit}`;
    else label = `${formatAngka(lo)}–< ${formatAngka(hi)}${unit}`;
    return lo === undefined ? { label, warna, jumlah: 0 } : { label, warna, jumlah: 0, min: lo };
  });
  let tanpaData = 0;
  for (const u of units) {
    if (u.nilai === null) { tanpaData++; continue; }
    const i = kelasOf(u.nilai, bounds);
    kelas[i]!.jumlah++;
    kelasUnit.set(u.kode, i);
  }
  return { metode: opsi.metode, kelas, tanpaData, kelasUnit };
}

export function kelasOf(v: number, bounds: readonly number[]): number {
  let i = 0;
  while (i < bounds.length && v >= bounds[i]!) i++;
  return i;
}

/** Ascending, distinct class bounds (the lower bound of every class but the first). */
export function batas(sorted: readonly number[], opsi: Opsi): number[] {
  if (opsi.metode === "who") return [...BatasWho];
  const n = Math.min(7, Math.max(3, opsi.jumlahKelas ?? 5));
  if (sorted.length === 0) return [];
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  if (min === max) return [];
  let raw: number[];
  switch (opsi.metode) {
    case "kuantil":
      raw = Array.from({ length: n - 1 }, (_, i) => quantileSorted(sorted as number[], (i + 1) / n));
      break;
    case "jenks": {
      // ckmeans is the optimal 1-D k-means (Wang & Song 2011): Jenks' objective, solved exactly.
      const groups = ckmeans(sorted as number[], Math.min(n, new Set(sorted).size));
      raw = groups.slice(1).map((g) => g[0]!);
      break;
    }
    case "interval":
      raw = Array.from({ length: n - 1 }, (_, i) => min + ((max - min) * (i + 1)) / n);
      break;
    default:
      raw = [];
  }
  // Rounded for a readable legend; a bound equal to the minimum would leave the first class empty.
  const rounded = raw.map((b) => Math.round(b * 10) / 10).filter((b) => b > min);
  return [...new Set(rounded)].sort((a, b) => a - b);
}
