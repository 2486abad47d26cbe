// Lokus candidates (pure): the desa of a kab/kota ranked from the analysis run the page has
// loaded, by gap class, Gi* bin, value (prevalence) or the number of interventions missing target.
import { KelasKesenjangan, type BarisAnalisis, type HasilAnalisis } from "./analisis.ts";

export type Urutan = "kelas" | "gi" | "nilai" | "kurang";
export const DaftarUrutan: readonly Urutan[] = ["kelas", "gi", "nilai", "kurang"];
export const NamaUrutan: Record<Urutan, string> = {
  kelas: "Kelas kesenjangan",
  gi: "Titik panas Gi*",
  nilai: "Prevalensi (nilai)",
  kurang: "Intervensi di bawah target",
};

export interface Calon {
  kode: string;
  nama: string;
  kelas: string;
  /** 0 for the worst gap class (high prevalence, low coverage) … 4 for data_kurang. */
  peringkatKelas: number;
  giBin: number | null;
  nilai: number | null;
  /** Coverage indicators of the desa missing their target; null when the run judged none. */
  kurangTarget: number | null;
  dinilai: number | null;
  alasan: string;
}

/** How many coverage indicators a desa misses, from the run's counts; null when none was judged. */
export function kurangTarget(b: Pick<BarisAnalisis, "cakupan_dinilai" | "cakupan_memenuhi_target">): { kurang: number; dinilai: number } | null {
  const dinilai = b.cakupan_dinilai ?? 0;
  return dinilai > 0 ? { kurang: dinilai - (b.cakupan_memenuhi_target ?? 0), dinilai } : null;
}

function calon(b: BarisAnalisis, nama?: ReadonlyMap<string, string>): Calon {
  const i = KelasKesenjangan.findIndex((k) => k.kunci === b.kelas);
  const t = kurangTarget(b);
  return {
    kode: b.kode, nama: b.nama || nama?.get(b.kode) || b.kode, kelas: b.kelas, peringkatKelas: i < 0 ? KelasKesenjangan.length : i,
    giBin: b.gi_bin, nilai: b.nilai, kurangTarget: t?.kurang ?? null, dinilai: t?.dinilai ?? null, alasan: b.alasan,
  };
}

// Missing values sort last whichever the key.
const turun = (a: number | null, b: number | null) => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : b - a);

const Pembanding: Record<Urutan, ((a: Calon, b: Calon) => number)[]> = {
  kelas: [(a, b) => a.peringkatKelas - b.peringkatKelas, (a, b) => turun(a.nilai, b.nilai), (a, b) => turun(a.kurangTarget, b.kurangTarget)],
  gi: [(a, b) => turun(a.giBin, b.giBin), (a, b) => turun(a.nilai, b.nilai)],
  nilai: [(a, b) => turun(a.nilai, b.nilai), (a, b) => a.peringkatKelas - b.peringkatKelas],
  kurang: [(a, b) => turun(a.kurangTarget, b.kurangTarget), (a, b) => a.peringkatKelas - b.peringkatKelas, (a, b) => turun(a.nilai, b.nilai)],
};

/** The run's desa within the kab/kota, most in need first by the key; ties by kode, so the order is stable. */
export function peringkatCalon(run: Pick<HasilAnalisis, "unit">, kabkota: string, urutan: Urutan, nama?: ReadonlyMap<string, string>): Calon[] {
  const list = run.unit.filter((u) => u.kode.startsWith(kabkota + ".") && u.kode.length === 13).map((u) => calon(u, nama));
  const keys = Pembanding[urutan];
  return list.sort((a, b) => {
    for (const k of keys) {
      const d = k(a, b);
      if (d !== 0) return d;
    }
    return a.kode < b.kode ? -1 : a.kode > b.kode ? 1 : 0;
  });
}

/** The kab/kota a lokus list of the area belongs to (lists are made per kab/kota); null above it. */
export function kabkotaDari(wilayah: string): string | null {
  return wilayah.length >= 5 ? wilayah.slice(0, 5) : null;
}

/** The year a new list defaults to: the period's year, else this year. */
export function tahunBawaan(periode: string | null, sekarang = new Date()): number {
  return periode ? Number(periode.slice(0, 4)) : sekarang.getFullYear();
}
