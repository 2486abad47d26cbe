import { DaftarAmbang, DaftarBobot, DaftarLapisan, ParameterBawaan, type Ambang, type Bobot, type Lapisan, type ParameterAnalisis } from "./analisis.ts";
import type { Metode } from "./classify.ts";

export type Tingkat = "desa" | "kecamatan" | "puskesmas";
export type { Lapisan };

/** What the page shows; the URL carries it, so a view can be shared and reloaded. */
export interface Keadaan {
  wilayah: string;
  indikator: string;
  /** Null: the latest period with published values. */
  periode: string | null;
  tingkat: Tingkat;
  /** Null: the default for the indicator (WHO classes for stunting prevalence, else quantiles). */
  klasifikasi: Metode | null;
  lapisan: Lapisan;
  /** The analysis layers' parameters (weights, permutations, threshold rule, FDR). */
  analisis: ParameterAnalisis;
  /** The unit whose panel is open. */
  desa: string | null;
  /** The first period of the change and trend layers (null: the indicator's first period); the map's period is the last. */
  dari: string | null;
}

export const Bawaan: Keadaan = {
  wilayah: "18.72",
  indikator: "PREV_STUNTING",
  periode: null,
  tingkat: "desa",
  klasifikasi: null,
  lapisan: "nilai",
  analisis: { ...ParameterBawaan },
  desa: null,
  dari: null,
};

const Metodes: readonly Metode[] = ["who", "kuantil", "jenks", "interval", "target"];
const KodeWilayah = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;
const KodeIndikator = /^[A-Za-z0-9_]{1,40}$/;
const PolaPeriode = /^\d{4}(-(0[1-9]|1[0-2])|-S[12]|-Q[1-4])?$/;

/** Reads the state from a query string; anything malformed falls back to the default. */
export function bacaUrl(search: string): Keadaan {
  const q = new URLSearchParams(search);
  const pick = <T>(name: string, ok: (v: string) => boolean, fallback: T, map: (v: string) => T = (v) => v as T): T => {
    const v = q.get(name);
    return v !== null && ok(v) ? map(v) : fallback;
  };
  return {
    wilayah: pick("wilayah", (v) => KodeWilayah.test(v), Bawaan.wilayah),
    indikator: pick("indikator", (v) => KodeIndikator.test(v), Bawaan.indikator, (v) => v.toUpperCase()),
    periode: pick<string | null>("periode", (v) => PolaPeriode.test(v), null),
    tingkat: pick<Tingkat>("tingkat", (v) => v === "desa" || v === "kecamatan" || v === "puskesmas", Bawaan.tingkat),
    klasifikasi: pick<Metode | null>("klasifikasi", (v) => (Metodes as readonly string[]).includes(v), null),
    lapisan: pick<Lapisan>("lapisan", (v) => (DaftarLapisan as readonly string[]).includes(v), Bawaan.lapisan),
    analisis: {
      bobot: pick<Bobot>("bobot", (v) => (DaftarBobot as readonly string[]).includes(v), ParameterBawaan.bobot),
      permutasi: pick<number>("permutasi", (v) => /^\d{1,5}$/.test(v) && Number(v) >= 99, ParameterBawaan.permutasi, Number),
      ambang: pick<Ambang>("ambang", (v) => (DaftarAmbang as readonly string[]).includes(v), ParameterBawaan.ambang),
      fdr: pick<boolean>("fdr", (v) => v === "1" || v === "0", ParameterBawaan.fdr, (v) => v === "1"),
    },
    desa: pick<string | null>("desa", (v) => KodeWilayah.test(v), null),
    dari: pick<string | null>("dari", (v) => PolaPeriode.test(v), null),
  };
}

/** The query string for a state, in a fixed order; defaults that are implied are left out. */
export function tulisUrl(k: Keadaan): string {
  const q = new URLSearchParams();
  q.set("wilayah", k.wilayah);
  q.set("indikator", k.indikator);
  if (k.periode) q.set("periode", k.periode);
  q.set("tingkat", k.tingkat);
  if (k.klasifikasi) q.set("klasifikasi", k.klasifikasi);
  q.set("lapisan", k.lapisan);
  // The analysis parameters only when they differ from the defaults.
  if (k.analisis.bobot !== ParameterBawaan.bobot) q.set("bobot", k.analisis.bobot);
  if (k.analisis.permutasi !== ParameterBawaan.permutasi) q.set("permutasi", String(k.analisis.permutasi));
  if (k.analisis.ambang !== ParameterBawaan.ambang) q.set("ambang", k.analisis.ambang);
  if (k.analisis.fdr !== ParameterBawaan.fdr) q.set("fdr", k.analisis.fdr ? "1" : "0");
  if (k.desa) q.set("desa", k.desa);
  if (k.dari) q.set("dari", k.dari);
  return "?" + q.toString();
}

/** The classification an indicator gets unless the user picks one. */
export function metodeBawaan(indikator: string): Metode {
  return indikator === "PREV_STUNTING" ? "who" : "kuantil";
}
