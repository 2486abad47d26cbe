// The analysis layers (pure): what /api/analisis returns, its parameters, and the classes the map
// colours by kode (gap classes, LISA clusters, Gi* bins). EB-smoothed rates go through classify.ts.
import type { Kelas, Klasifikasi } from "./classify.ts";

export type LapisanAnalisis = "kelas" | "lisa" | "gi" | "eb";
/** The layers over time and under uncertainty (waktu.ts colours them). */
export type LapisanWaktu = "peluang" | "perubahan" | "titikpanas" | "bivariat";
export type Lapisan = "nilai" | LapisanAnalisis | LapisanWaktu;
export const DaftarLapisan: readonly Lapisan[] = ["nilai", "kelas", "lisa", "gi", "eb", "peluang", "perubahan", "titikpanas", "bivariat"];

export function adalahLapisanWaktu(l: Lapisan): l is LapisanWaktu {
  return l === "peluang" || l === "perubahan" || l === "titikpanas" || l === "bivariat";
}

export const NamaLapisan: Record<Lapisan, string> = {
  nilai: "Nilai",
  kelas: "Kelas kesenjangan",
  lisa: "Klaster LISA",
  gi: "Titik panas Gi*",
  eb: "Nilai dihaluskan (EB)",
  peluang: "Peluang melewati ambang",
  perubahan: "Perubahan",
  titikpanas: "Titik panas yang muncul",
  bivariat: "Prevalensi tinggi dikelilingi cakupan rendah",
};

export const PenjelasanLapisan: Record<Lapisan, string> = {
  nilai: "Nilai indikator yang terbit, per kelas.",
  kelas: "Prevalensi tinggi/rendah terhadap ambang, dan cakupan layanan baik/rendah terhadap target (pedoman nasional).",
  lisa: "Moran lokal: desa yang nilainya mirip (HH, LL) atau berbeda (HL, LH) dari tetangganya secara bermakna.",
  gi: "Getis-Ord Gi*: kelompok desa bernilai tinggi (titik panas) atau rendah (titik dingin), menurut tingkat keyakinan.",
  eb: "Empirical Bayes lokal: angka desa berpenduduk kecil ditarik ke rata-rata tetangganya, agar tidak melonjak karena kebetulan.",
  peluang: "Peluang (posterior Empirical Bayes) bahwa prevalensi desa sungguh di atas ambang, dengan interval kredibel 95%; desa bergaris putus-putus tidak pasti: kelasnya bisa berbalik karena data sedikit.",
  perubahan: "Perubahan dari periode awal ke periode peta, diuji dengan uji dua proporsi pada pembilang/penyebut: membaik atau memburuk bila bermakna, tetap bila tidak.",
  titikpanas: "Emerging Hot Spot (seperti ArcGIS Pro): Gi* ruang-waktu per periode, tren Mann-Kendall, lalu pola: baru, berturut-turut, menguat, menetap, melemah, sporadis, berosilasi, historis.",
  bivariat: "Moran lokal bivariat (seperti GeoDa): prevalensi desa terhadap cakupan layanan di desa-desa tetangganya.",
};

export type Bobot = "queen" | "rook" | "knn:6";
export type Ambang = "median" | "rata" | "target";

export interface ParameterAnalisis {
  bobot: Bobot;
  permutasi: number;
  ambang: Ambang;
  fdr: boolean;
}

export const ParameterBawaan: ParameterAnalisis = { bobot: "queen", permutasi: 999, ambang: "median", fdr: false };
export const DaftarBobot: readonly Bobot[] = ["queen", "rook", "knn:6"];
export const DaftarAmbang: readonly Ambang[] = ["median", "rata", "target"];
export const DaftarPermutasi: readonly number[] = [99, 499, 999, 9999];

export interface BarisAnalisis {
  kode: string;
  nama: string;
  nilai: number | null;
  eb_global: number | null;
  eb_lokal: number | null;
  local_i: number | null;
  local_z: number | null;
  local_p: number | null;
  lisa: string;
  gi_z: number | null;
  gi_p: number | null;
  gi_bin: number | null;
  kelas: string;
  alasan: string;
  /** Coverage indicators judged in the unit, and how many meet their target (the gap quadrant's x). */
  cakupan_dinilai?: number;
  cakupan_memenuhi_target?: number;
  peluang_tinggi?: number | null;
  ki_bawah?: number | null;
  ki_atas?: number | null;
  tidak_pasti?: boolean;
  bv_lisa?: string | null;
}

export interface HasilAnalisis {
  id: number;
  wilayah: string;
  tingkat: string;
  indikator: string;
  periode: string;
  ringkasan: {
    ambang_prevalensi: number;
    target_prevalensi: number | null;
    jumlah_unit: number;
    jumlah_per_kelas: Record<string, number>;
    tanpa_tetangga: string[];
    tanpa_nilai: string[];
    penghalusan_tidak_tersedia: string | null;
    moran: { i: number; p: number; p_semu: number | null } | null;
  };
  sintetis: boolean;
  peringatan: string | null;
  unit: BarisAnalisis[];
  /** The summary's per-unit columns (what the linked charts draw); absent in a full run. */
  kolom_unit?: KolomUnit;
  parameter?: { porsiMinimumMemenuhiTarget?: number; deret?: string };
}

/** Per-unit columns of /api/analisis/ringkas, one array per field in kode order. */
export interface KolomUnit {
  kode: string[];
  kelas: string[];
  nilai: (number | null)[];
  eb_lokal: (number | null)[];
  lisa: string[];
  gi_bin: (number | null)[];
  cakupan_dinilai: number[];
  cakupan_memenuhi_target: number[];
  moran_z: (number | null)[];
  moran_lag: (number | null)[];
  /** Posterior probability of being above the threshold, and whether the class could flip (absent in summaries stored before). */
  peluang_tinggi?: (number | null)[];
  tidak_pasti?: boolean[];
  /** Bivariate local Moran cluster; null without a coverage indicator (bivariat=). */
  bv_lisa?: (string | null)[];
}

/** What /api/analisis/ringkas returns: the run without its rows, and the columns instead. */
export type RingkasAnalisis = Omit<HasilAnalisis, "unit"> & { kolom_unit: KolomUnit };

/**
 * The summary as the page's run: rows rebuilt from the columns with what the layers colour by.
 * Names and reasons are not in the summary (they are most of a full run's 26 MB for a province);
 * the panel asks /api/analisis/{id}/unit/{kode} for the one desa it shows.
 */
export function dariRingkas(r: RingkasAnalisis): HasilAnalisis {
  const k = r.kolom_unit;
  const unit: BarisAnalisis[] = k.kode.map((kode, i) => ({
    kode, nama: "", nilai: k.nilai[i] ?? null, eb_global: null, eb_lokal: k.eb_lokal[i] ?? null, local_i: null, local_z: null, local_p: null,
    lisa: k.lisa[i]!, gi_z: null, gi_p: null, gi_bin: k.gi_bin[i] ?? null, kelas: k.kelas[i]!, alasan: "",
    cakupan_dinilai: k.cakupan_dinilai[i] ?? 0, cakupan_memenuhi_target: k.cakupan_memenuhi_target[i] ?? 0,
    peluang_tinggi: k.peluang_tinggi?.[i] ?? null, tidak_pasti: k.tidak_pasti?.[i] ?? false, bv_lisa: k.bv_lisa?.[i] ?? null,
  }));
  return { ...r, unit };
}

/** The query string of /api/analisis/ringkas (the summary the page loads first) for the view and the panel's parameters. */
export function urlAnalisis(wilayah: string, indikator: string, periode: string, tingkat: string, p: ParameterAnalisis, bivariat?: string): string {
  const q = new URLSearchParams({ wilayah, periode, indikator, tingkat, bobot: p.bobot, permutasi: String(p.permutasi), ambang: p.ambang, fdr: String(p.fdr) });
  if (bivariat) q.set("bivariat", bivariat);
  return `/api/analisis/ringkas?${q.toString()}`;
}

/** One category of an analysis layer: the API's key, an Indonesian label, a line of explanation, a colour. */
export interface Kategori {
  kunci: string;
  label: string;
  penjelasan: string;
  warna: string;
}

// Gap classes: a 2 × 2 of prevalence (red high / blue low) and coverage (dark low / light good), so
// the two "lokasi yang menjadi masalah" are the red ones and the worse of each pair is the darker.
export const KelasKesenjangan: readonly Kategori[] = [
  { kunci: "tinggi_cakupan_rendah", label: "Prevalensi tinggi, cakupan rendah", warna: "#b2182b",
    penjelasan: "Lokasi masalah: stunting tinggi dan sebagian besar layanan di bawah target." },
  { kunci: "tinggi_cakupan_baik", label: "Prevalensi tinggi, cakupan baik", warna: "#f4a582",
    penjelasan: "Lokasi masalah: stunting tinggi walau layanan memenuhi target; cari sebab di luar cakupan." },
  { kunci: "rendah_cakupan_rendah", label: "Prevalensi rendah, cakupan rendah", warna: "#4393c3",
    penjelasan: "Stunting rendah, tetapi layanan tertinggal: jaga agar tidak naik." },
  { kunci: "rendah_cakupan_baik", label: "Prevalensi rendah, cakupan baik", warna: "#d1e5f0",
    penjelasan: "Stunting rendah dan layanan memenuhi target." },
];
export const DataKurang: Kategori = { kunci: "data_kurang", label: "Data kurang", warna: "#d9d9d9",
  penjelasan: "Prevalensi atau cukup banyak indikator layanan belum ada, sehingga kelas tidak dapat ditentukan." };

export const KelasLisa: readonly Kategori[] = [
  { kunci: "HH", label: "Tinggi–tinggi (HH)", warna: "#d7191c", penjelasan: "Nilai tinggi dikelilingi tetangga bernilai tinggi (klaster)." },
  { kunci: "LL", label: "Rendah–rendah (LL)", warna: "#2c7bb6", penjelasan: "Nilai rendah dikelilingi tetangga bernilai rendah (klaster)." },
  { kunci: "HL", label: "Tinggi–rendah (HL)", warna: "#fdae61", penjelasan: "Nilai tinggi di antara tetangga bernilai rendah (pencilan)." },
  { kunci: "LH", label: "Rendah–tinggi (LH)", warna: "#abd9e9", penjelasan: "Nilai rendah di antara tetangga bernilai tinggi (pencilan)." },
  { kunci: "tidak_signifikan", label: "Tidak signifikan", warna: "#e8e4da", penjelasan: "Tidak berbeda bermakna dari pola acak." },
  { kunci: "tanpa_tetangga", label: "Tanpa tetangga", warna: "#969696", penjelasan: "Tidak bersebelahan dengan desa lain yang dianalisis (pulau)." },
];
export const LisaTanpaData: Kategori = { kunci: "tanpa_data", label: "Tanpa data", warna: "#d9d9d9", penjelasan: "Tidak ada nilai; tidak ikut dihitung." };

// Gi* bins, ColorBrewer RdBu (7 classes, colour-blind safe): red hot, blue cold.
export const KelasGi: readonly Kategori[] = [
  { kunci: "3", label: "Titik panas, 99%", warna: "#b2182b", penjelasan: "Kelompok nilai tinggi, keyakinan 99%." },
  { kunci: "2", label: "Titik panas, 95%", warna: "#ef8a62", penjelasan: "Kelompok nilai tinggi, keyakinan 95%." },
  { kunci: "1", label: "Titik panas, 90%", warna: "#fddbc7", penjelasan: "Kelompok nilai tinggi, keyakinan 90%." },
  { kunci: "0", label: "Tidak signifikan", warna: "#e8e4da", penjelasan: "Tidak ada pengelompokan bermakna." },
  { kunci: "-1", label: "Titik dingin, 90%", warna: "#d1e5f0", penjelasan: "Kelompok nilai rendah, keyakinan 90%." },
  { kunci: "-2", label: "Titik dingin, 95%", warna: "#67a9cf", penjelasan: "Kelompok nilai rendah, keyakinan 95%." },
  { kunci: "-3", label: "Titik dingin, 99%", warna: "#2166ac", penjelasan: "Kelompok nilai rendah, keyakinan 99%." },
];
export const GiTanpaData: Kategori = { kunci: "", label: "Tanpa data", warna: "#d9d9d9", penjelasan: "Tidak ada nilai; tidak ikut dihitung." };

/** A categorical colouring as the map and legend use it (the shape of a classification). */
export interface Pewarnaan extends Omit<Klasifikasi, "metode" | "kelas"> {
  kelas: (Kelas & { kunci: string; penjelasan: string })[];
  /** The hatched row: its label and explanation. */
  tanpa: Kategori;
}

function kunciDari(lapisan: "kelas" | "lisa" | "gi", b: BarisAnalisis): string {
  if (lapisan === "kelas") return b.kelas;
  if (lapisan === "lisa") return b.lisa;
  return b.gi_bin === null ? "" : String(b.gi_bin);
}

/** A colouring from each unit's key (null: the hatched row), counted. */
export function pewarnaanDari(kategori: readonly Kategori[], tanpa: Kategori, kunci: Iterable<[string, string | null]>): Pewarnaan {
  const indeks = new Map(kategori.map((k, i) => [k.kunci, i]));
  const kelas = kategori.map((k) => ({ label: k.label, warna: k.warna, jumlah: 0, kunci: k.kunci, penjelasan: k.penjelasan }));
  const kelasUnit = new Map<string, number>();
  let tanpaData = 0;
  for (const [kode, k] of kunci) {
    const i = k === null ? undefined : indeks.get(k);
    if (i === undefined) { tanpaData++; continue; }
    kelas[i]!.jumlah++;
    kelasUnit.set(kode, i);
  }
  return { kelas, kelasUnit, tanpaData, tanpa };
}

/** The colouring of a categorical analysis layer: every unit of the run by its category, counted. */
export function pewarnaanAnalisis(lapisan: "kelas" | "lisa" | "gi", hasil: HasilAnalisis): Pewarnaan {
  const kategori = lapisan === "kelas" ? KelasKesenjangan : lapisan === "lisa" ? KelasLisa : KelasGi;
  const tanpa = lapisan === "kelas" ? DataKurang : lapisan === "lisa" ? LisaTanpaData : GiTanpaData;
  return pewarnaanDari(kategori, tanpa, hasil.unit.map((b) => [b.kode, kunciDari(lapisan, b)]));
}

/** The category of one unit in a layer, for the tooltip and the panel. */
export function kategoriUnit(lapisan: "kelas" | "lisa" | "gi", b: BarisAnalisis): Kategori {
  const kategori = lapisan === "kelas" ? KelasKesenjangan : lapisan === "lisa" ? KelasLisa : KelasGi;
  const tanpa = lapisan === "kelas" ? DataKurang : lapisan === "lisa" ? LisaTanpaData : GiTanpaData;
  return kategori.find((k) => k.kunci === kunciDari(lapisan, b)) ?? tanpa;
}

export const NamaBobot: Record<Bobot, string> = {
  queen: "Queen (bersinggungan sisi atau titik)",
  rook: "Rook (bersinggungan sisi)",
  "knn:6": "6 tetangga terdekat",
};
export const NamaAmbang: Record<Ambang, string> = {
  median: "Median wilayah",
  rata: "Rata-rata wilayah",
  target: "Target prevalensi",
};
