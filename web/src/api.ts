// The Geo API as the page reads it (public, published values only).
import type { FeatureCollection, Point } from "geojson";
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

/** The body of an API answer, or its problem detail as an ApiError; 204 is undefined. */
export async function baca<T>(response: Response): Promise<T> {
  if (!response.ok) {
    let detail = `${response.status} ${response.statusText}`;
    try {
      const problem = (await response.json()) as { title?: string; detail?: string };
      detail = problem.detail ?? problem.title ?? detail;
    } catch { /* not problem JSON */ }
    throw new ApiError(detail);
  }
  return response.status === 204 ? (undefined as T) : (await response.json()) as T;
}

/** Requests started before the page asked for them (`mintaDulu`), each handed out once and only while fresh. */
const dulu = new Map<string, { p: Promise<unknown>; t: number }>();

function ambil<T>(path: string): Promise<T> {
  return fetch(path, { credentials: kredensial, headers: { Accept: "application/json" } }).then((r) => baca<T>(r));
}

export function get<T>(path: string): Promise<T> {
  const awal = dulu.get(path);
  if (awal) {
    dulu.delete(path);
    if (performance.now() - awal.t < 30_000) return awal.p as Promise<T>;
  }
  return ambil<T>(path);
}

/**
 * Starts GETs now that the page will make later (the first load asks for them before MapLibre
 * has set up its WebGL context): the page's own later `get` of the same path takes the answer.
 */
export function mintaDulu(paths: readonly string[]): void {
  for (const path of paths) {
    if (dulu.has(path)) continue;
    const p = ambil<unknown>(path);
    p.catch(() => undefined); // a failure is reported to whoever takes it
    dulu.set(path, { p, t: performance.now() });
  }
}

/**
 * One promise per key, shared by every caller; a failure is forgotten so the next call retries,
 * and beyond `batas` keys the oldest goes.
 */
export function tembolok<T>(muat: (key: string) => Promise<T>, batas = 8): (key: string) => Promise<T> {
  const simpan = new Map<string, Promise<T>>();
  return (key) => {
    let p = simpan.get(key);
    if (!p) {
      p = muat(key);
      p.catch(() => simpan.delete(key));
      simpan.set(key, p);
      if (simpan.size > batas) simpan.delete(simpan.keys().next().value!);
    }
    return p;
  };
}

/** An element with a class and text: the page builds its panels with it. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

const q = encodeURIComponent;

/** Area lists and label points change only with an import: fetched once per page. */
const wilayahAnak = tembolok((induk) => get<Wilayah[]>(induk ? `/api/wilayah?induk=${q(induk)}` : "/api/wilayah"), 16);
export type TitikLabel = FeatureCollection<Point, { kode: string; nama: string; tingkat: string }>;
const titikLabel = tembolok((jalan) => get<TitikLabel>(jalan), 4);

/** The paths the first load of a view asks for, so `mintaDulu` can start them together. */
export const jalur = {
  konfigurasi: "/api/peta/konfigurasi",
  indikator: "/api/indikator",
  wilayahAnak: (induk: string | null) => (induk ? `/api/wilayah?induk=${q(induk)}` : "/api/wilayah"),
  wilayah: (kode: string) => `/api/wilayah/${q(kode)}`,
  titikLabel: (kode: string, tingkat?: "kecamatan" | "desa") => `/api/wilayah/${q(kode)}/titik-label${tingkat ? `?tingkat=${tingkat}` : ""}`,
  periode: (indikator: string, wilayah: string) => `/api/indikator/${q(indikator)}/periode?wilayah=${q(wilayah)}`,
  nilai: (induk: string, indikator: string, periode: string, tingkat: string) =>
    `/api/nilai?induk=${q(induk)}&indikator=${q(indikator)}&periode=${q(periode)}&tingkat=${q(tingkat)}&terbit=true`,
  kelompok: (wilayah: string) => `/api/kelompok?induk=${q(wilayah)}&jenis=puskesmas`,
};

export const api = {
  konfigurasi: () => get<Konfigurasi>(jalur.konfigurasi),
  indikator: () => get<Indikator[]>(jalur.indikator),
  wilayahAnak: (induk: string | null) => wilayahAnak(induk ?? ""),
  wilayah: (kode: string) => get<{ bbox?: number[]; geometry: { coordinates: unknown }; properties: { kode: string; nama: string; tingkat: string } }>(jalur.wilayah(kode)),
  titikLabel: (kode: string, tingkat?: "kecamatan" | "desa") => titikLabel(jalur.titikLabel(kode, tingkat)),
  periode: (indikator: string, wilayah: string) => get<string[]>(jalur.periode(indikator, wilayah)),
  nilai: (induk: string, indikator: string, periode: string, tingkat: string) => get<NilaiResponse>(jalur.nilai(induk, indikator, periode, tingkat)),
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
