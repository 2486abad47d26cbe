// The Geo API as the page reads it (public, published values only).
import { dariRingkas, type BarisAnalisis, type HasilAnalisis, type RingkasAnalisis } from "./analisis.ts";

export interface Indikator {
  kode: string;
  nama: string;
  kelompok: string;
  satuan: string;
  polaritas: "naik" | "turun" | null;
  targetNasional: number | null;
}

export interface Wilayah {
  kode: string;
  nama: string;
  tingkat: string;
}

export interface Target {
  nilai: number;
  asal: string;
}

export interface NilaiItem {
  kode: string;
  nama: string;
  nilai: number | null;
  pembilang: number | null;
  penyebut: number | null;
  sintetis: boolean;
  sumber?: string | null | string[];
  target: Target | null;
}

export interface NilaiResponse {
  indikator: { kode: string; nama: string; satuan: string; polaritas: string | null };
  periode: string;
  tingkat: string;
  sintetis: boolean;
  sumber: string[];
  peringatan: string | null;
  nilai: NilaiItem[];
}

export interface UnitNilaiItem {
  indikator: string;
  nama: string;
  kelompok: string;
  satuan: string;
  polaritas: string | null;
  nilai: number | null;
  pembilang: number | null;
  penyebut: number | null;
  sumber: string[];
  sintetis: boolean;
  target: Target | null;
  memenuhiTarget: boolean | null;
}

export interface UnitNilaiResponse {
  kode: string;
  nama: string;
  tingkat: string;
  periode: string;
  sintetis: boolean;
  peringatan: string | null;
  nilai: UnitNilaiItem[];
}

export interface Konfigurasi {
  basemap: string | null;
  basemapAtribusi: string | null;
}

export class ApiError extends Error {}

let kredensial: RequestCredentials = "same-origin";

/** The embed reads as an anonymous caller even when the browser holds a session cookie: published data only. */
export function tanpaKredensial(): void { kredensial = "omit"; }

export async function get<T>(path: string): Promise<T> {
  const response = await fetch(path, { credentials: kredensial, headers: { Accept: "application/json" } });
  if (!response.ok) {
    let detail = `${response.status} ${response.statusText}`;
    try {
      const problem = (await response.json()) as { title?: string; detail?: string };
      detail = problem.detail ?? problem.title ?? detail;
    } catch { /* not problem JSON */ }
    throw new ApiError(detail);
  }
  return (await response.json()) as T;
}

const q = encodeURIComponent;

export const api = {
  konfigurasi: () => get<Konfigurasi>("/api/peta/konfigurasi"),
  indikator: () => get<Indikator[]>("/api/indikator"),
  wilayahAnak: (induk: string | null) => get<Wilayah[]>(induk ? `/api/wilayah?induk=${q(induk)}` : "/api/wilayah"),
  wilayah: (kode: string) => get<{ bbox?: number[]; geometry: { coordinates: unknown }; properties: { kode: string; nama: string; tingkat: string } }>(`/api/wilayah/${q(kode)}`),
  periode: (indikator: string, wilayah: string) => get<string[]>(`/api/indikator/${q(indikator)}/periode?wilayah=${q(wilayah)}`),
  nilai: (induk: string, indikator: string, periode: string, tingkat: string) =>
    get<NilaiResponse>(`/api/nilai?induk=${q(induk)}&indikator=${q(indikator)}&periode=${q(periode)}&tingkat=${q(tingkat)}&terbit=true`),
  /** A run's summary (/api/analisis/ringkas); `url` from urlAnalisis. */
  analisis: async (url: string): Promise<HasilAnalisis> => dariRingkas(await get<RingkasAnalisis>(url)),
  /** One unit of a run, with its reasons in words (the summary has no reasons). */
  unitAnalisis: (id: number, kode: string) => get<BarisAnalisis>(`/api/analisis/${id}/unit/${encodeURIComponent(kode)}`),
  nilaiUnit: (kode: string, periode: string) => get<UnitNilaiResponse>(`/api/wilayah/${q(kode)}/nilai?periode=${q(periode)}`),
};

/** The [west, south, east, north] of any GeoJSON coordinate nesting. */
export function bboxOf(coordinates: unknown): [number, number, number, number] | null {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  const walk = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === "number" && typeof c[1] === "number") {
      w = Math.min(w, c[0]); e = Math.max(e, c[0]); s = Math.min(s, c[1]); n = Math.max(n, c[1]);
      return;
    }
    for (const x of c) walk(x);
  };
  walk(coordinates);
  return w <= e ? [w, s, e, n] : null;
}
