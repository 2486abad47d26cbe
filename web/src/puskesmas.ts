// The puskesmas level: roll-ups to puskesmas service areas (groupings that came with an imported
// table's "Puskesmas" column), drawn on the desa boundaries: each desa takes the colour of its
// puskesmas. Offered only where the area has such groupings.
import { get, jalur, tembolok } from "./api.ts";
import type { Warna } from "./saring.ts";

export interface Kelompok {
  kode: string;
  nama: string;
  jenis: string;
  induk: string;
  anggota: string[];
}

/** The puskesmas groupings defined at or under an area (the ones its roll-ups use). */
export const muatKelompok = tembolok((wilayah) => get<Kelompok[]>(jalur.kelompok(wilayah)), 16);

/** Desa kode → the puskesmas grouping it belongs to. */
export function petaAnggota(kelompok: readonly Kelompok[]): Map<string, Kelompok> {
  const m = new Map<string, Kelompok>();
  for (const k of kelompok) for (const d of k.anggota) m.set(d, k);
  return m;
}

/** A colouring of puskesmas (by grouping kode) as a colouring of their desa, for the desa tiles. */
export function keDesa<T extends Warna>(w: T, kelompok: readonly Kelompok[]): T {
  const kelasUnit = new Map<string, number>();
  for (const k of kelompok) {
    const i = w.kelasUnit.get(k.kode);
    if (i === undefined) continue;
    for (const d of k.anggota) kelasUnit.set(d, i);
  }
  return { ...w, kelasUnit };
}

export const PesanTanpaPuskesmas =
  "Tingkat puskesmas tersedia bila data wilayah ini diimpor dengan kolom Puskesmas (wilayah kerja per desa); belum ada untuk wilayah ini.";
