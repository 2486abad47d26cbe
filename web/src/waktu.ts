// Analysis over time and under uncertainty on the map page (issue 15): the period slider, the
// layers "Peluang melewati ambang", "Perubahan", "Titik panas yang muncul" and the bivariate LISA,
// and the desa panel's change, trend and exceedance. The colourings are pure functions of what
// /api/analisis/ringkas and /api/analisis/waktu return; the rest is wiring that main.ts calls.
import type { Map as MlMap } from "maplibre-gl";
import { get, h, tembolok, type Indikator } from "./api.ts";
import { NamaBobot, pewarnaanDari, type BarisAnalisis, type HasilAnalisis, type Kategori, type LapisanWaktu, type ParameterAnalisis, type Pewarnaan } from "./analisis.ts";
import { formatAngka } from "./classify.ts";
import { TanpaData } from "./palettes.ts";
import { ArahPerubahan, BatasPeluang, PeluangTinggi, PolaTitikPanas } from "./palet-waktu.ts";

// --- /api/analisis/waktu ------------------------------------------------------------------------

export interface Perubahan {
  nilai_awal: number | null;
  nilai_akhir: number | null;
  selisih: number | null;
  z: number | null;
  p: number | null;
  arah: string | null;
  catatan: string | null;
}

export interface Tren {
  n: number;
  s: number;
  tau: number | null;
  z: number;
  p: number;
  sen_per_tahun: number | null;
  arah: string | null;
}

export interface UnitWaktu {
  kode: string;
  nama: string;
  nilai: (number | null)[];
  perubahan: Perubahan;
  tren: Tren | null;
  titik_panas: { pola: string; z: (number | null)[]; titik: number[]; tren_s: number; tren_p: number } | null;
}

export interface HasilWaktu {
  analisis: number | null;
  wilayah: string;
  indikator: string;
  nama_indikator: string;
  polaritas: string | null;
  periode: string[];
  parameter: { alpha: number; jendela: number; permutasi: number; bobot: string; fdr: boolean };
  metode: Record<string, string>;
  sintetis: boolean;
  jumlah_per_arah: Record<string, number>;
  jumlah_per_pola: Record<string, number>;
  unit: UnitWaktu[];
  tanpa_deret_lengkap: string[];
  titik_panas_tidak_tersedia: string | null;
}

/** The periods of a temporal request: from `dari` (or the first) to the map's period, in time order. */
export function rentangPeriode(semua: readonly string[], dari: string | null, sampai: string): string[] {
  const akhir = semua.indexOf(sampai);
  if (akhir < 0) return [];
  const awal = dari !== null && semua.indexOf(dari) >= 0 && semua.indexOf(dari) < akhir ? semua.indexOf(dari) : 0;
  return semua.slice(awal, akhir + 1);
}

function urlWaktu(wilayah: string, indikator: string, tingkat: string, periode: readonly string[], p: ParameterAnalisis): string {
  const q = new URLSearchParams({ wilayah, indikator, tingkat, periode: periode.join(","), bobot: p.bobot, permutasi: String(p.permutasi), fdr: String(p.fdr) });
  return `/api/analisis/waktu?${q.toString()}`;
}

/** One request per URL while the page is open (a failed one is asked again next time). */
const muatWaktu = tembolok((url) => get<HasilWaktu>(url));

// --- Categories ---------------------------------------------------------------------------------

// Keys, labels and colours come from palet-waktu.ts, which the map image and the export styles share;
// the page adds what each class means.

// Exceedance probability (PuRd): the most likely above the threshold first, with its lower bound.
const ArtiPeluang = ["Kemungkinan besar di bawah ambang.", "Lebih mungkin di bawah ambang.", "Lebih mungkin di atas daripada di bawah ambang.",
  "Kemungkinan besar di atas ambang.", "Hampir pasti di atas ambang."];
export const KelasPeluang: readonly (Kategori & { bawah: number })[] = PeluangTinggi
  .map((k, i) => ({ ...k, bawah: i === 0 ? 0 : BatasPeluang[i - 1]!, penjelasan: ArtiPeluang[i]! }))
  .reverse();
const PeluangTanpa: Kategori = { kunci: "", label: "Tanpa pembilang/penyebut", warna: TanpaData,
  penjelasan: "Peluang memerlukan jumlah anak diukur dan jumlah stunting." };

const ArtiPerubahan: Record<string, string> = {
  membaik: "Berubah ke arah baik secara bermakna (p < alpha).",
  tetap: "Perubahan tidak dapat dibedakan dari kebetulan.",
  memburuk: "Berubah ke arah buruk secara bermakna (p < alpha).",
};
const KelasPerubahan: readonly Kategori[] = [...ArahPerubahan].reverse().map((k) => ({ ...k, penjelasan: ArtiPerubahan[k.kunci]! }));
const PerubahanTanpa: Kategori = { kunci: "", label: "Tidak dapat diuji", warna: TanpaData,
  penjelasan: "Tanpa nilai atau tanpa pembilang/penyebut di salah satu periode, atau indikator tanpa polaritas." };

// Emerging hot spots: ArcGIS Pro's eight patterns, hot and cold, as ArcGIS defines them.
const ArtiPola: Record<string, string> = {
  baru: "Titik panas signifikan hanya di periode terakhir.",
  berturut: "Titik panas beruntun di periode terakhir, tidak pernah sebelumnya.",
  menguat: "Titik panas di ≥90% periode, termasuk terakhir, makin kuat.",
  menetap: "Titik panas di ≥90% periode tanpa tren kekuatan.",
  melemah: "Titik panas di ≥90% periode, termasuk terakhir, makin lemah.",
  sporadis: "Titik panas di periode terakhir, timbul-tenggelam sebelumnya, tidak pernah titik dingin.",
  berosilasi: "Titik panas di periode terakhir, pernah titik dingin.",
  historis: "Pernah titik panas di ≥90% periode, kini tidak lagi.",
};
function artiPola(kunci: string): string {
  if (kunci === "tanpa_pola") return "Tidak termasuk pola titik panas atau dingin mana pun.";
  const arti = ArtiPola[kunci.replace(/^titik_(panas|dingin)_/, "")] ?? "";
  return kunci.startsWith("titik_dingin_")
    ? arti.replaceAll("titik panas", "titik dingin").replace("Titik panas", "Titik dingin").replace("pernah titik dingin", "pernah titik panas")
    : arti;
}
export const KelasTitikPanas: readonly Kategori[] = PolaTitikPanas.map((k) => ({ ...k, penjelasan: artiPola(k.kunci) }));
const TitikPanasTanpa: Kategori = { kunci: "", label: "Tanpa deret lengkap", warna: TanpaData,
  penjelasan: "Tidak bernilai di semua periode; tidak ikut dihitung." };

// Bivariate LISA (prevalence × neighbours' coverage): the problem quadrant HL in red.
const KelasBivariat: readonly Kategori[] = [
  { kunci: "HL", label: "Prevalensi tinggi, cakupan sekitar rendah", warna: "#d7191c",
    penjelasan: "Stunting tinggi dikelilingi desa bercakupan layanan rendah: sasaran utama." },
  { kunci: "HH", label: "Prevalensi tinggi, cakupan sekitar tinggi", warna: "#fdae61", penjelasan: "Stunting tinggi walau cakupan sekitarnya tinggi." },
  { kunci: "LL", label: "Prevalensi rendah, cakupan sekitar rendah", warna: "#abd9e9", penjelasan: "Stunting rendah, cakupan sekitarnya tertinggal." },
  { kunci: "LH", label: "Prevalensi rendah, cakupan sekitar tinggi", warna: "#2c7bb6", penjelasan: "Stunting rendah dan cakupan sekitarnya tinggi." },
  { kunci: "tidak_signifikan", label: "Tidak signifikan", warna: "#e8e4da", penjelasan: "Tidak berbeda bermakna dari pola acak." },
  { kunci: "tanpa_tetangga", label: "Tanpa tetangga", warna: "#969696", penjelasan: "Tidak bersebelahan dengan desa lain yang dianalisis." },
];
const BivariatTanpa: Kategori = { kunci: "", label: "Tanpa data", warna: TanpaData, penjelasan: "Tanpa prevalensi atau cakupan." };

export function kunciPeluang(p: number | null | undefined): string | null {
  if (p === null || p === undefined) return null;
  return KelasPeluang.find((k) => p >= k.bawah)!.kunci;
}

/** The colouring of a layer over time, and the units marked "tidak pasti" (the exceedance layer only). */
export type PewarnaanWaktu = Pewarnaan & { tidakPasti: string[] };

function pewarnaanPeluang(run: HasilAnalisis): PewarnaanWaktu {
  const p = pewarnaanDari(KelasPeluang, PeluangTanpa, run.unit.map((u) => [u.kode, kunciPeluang(u.peluang_tinggi)]));
  return { ...p, tidakPasti: run.unit.filter((u) => u.tidak_pasti).map((u) => u.kode) };
}

function pewarnaanBivariat(run: HasilAnalisis): PewarnaanWaktu {
  return { ...pewarnaanDari(KelasBivariat, BivariatTanpa, run.unit.map((u) => [u.kode, u.bv_lisa ?? null])), tidakPasti: [] };
}

export function pewarnaanPerubahan(w: HasilWaktu): PewarnaanWaktu {
  return { ...pewarnaanDari(KelasPerubahan, PerubahanTanpa, w.unit.map((u) => [u.kode, u.perubahan.arah])), tidakPasti: [] };
}

export function pewarnaanTitikPanas(w: HasilWaktu): PewarnaanWaktu {
  return { ...pewarnaanDari(KelasTitikPanas, TitikPanasTanpa, w.unit.map((u) => [u.kode, u.titik_panas?.pola ?? null])), tidakPasti: [] };
}

export function namaPola(pola: string | null | undefined): string {
  return KelasTitikPanas.find((k) => k.kunci === pola)?.label ?? "–";
}

// --- The page's context -------------------------------------------------------------------------

export interface KonteksWaktu {
  wilayah: string;
  tingkat: string;
  indikator: Indikator;
  periode: string;
  dari: string | null;
  analisis: ParameterAnalisis;
  katalog: readonly Indikator[];
}

let daftarPeriode: string[] = [];

/** The coverage indicator the bivariate layer compares with: the indicator shown when it is a service, else the first service one. */
export function cakupanBivariat(k: Pick<KonteksWaktu, "indikator" | "katalog">): Indikator | null {
  if (k.indikator.kelompok === "layanan") return k.indikator;
  return k.katalog.find((i) => i.kelompok === "layanan") ?? null;
}

/** The run an analysis layer over time reads beside the ordinary one, or a reason it cannot. */
export async function muatLapisanWaktu(lapisan: LapisanWaktu, run: HasilAnalisis, k: KonteksWaktu): Promise<{ pewarnaan: PewarnaanWaktu; catatan: string; sintetis: boolean }> {
  const p = k.analisis;
  const dasar = `Bobot ${NamaBobot[p.bobot]} · ${p.permutasi} permutasi · FDR ${p.fdr ? "aktif" : "tidak"}`;
  if (lapisan === "peluang") {
    if (!run.unit.some((u) => u.peluang_tinggi !== null && u.peluang_tinggi !== undefined)) {
      throw new Error("peluang memerlukan pembilang dan penyebut (jumlah kasus dan jumlah diukur); indikator ini hanya memuat persen.");
    }
    const w = pewarnaanPeluang(run);
    const prior = (run.parameter as { prior?: string } | undefined)?.prior === "lokal" ? "lokal" : "global";
    return { pewarnaan: w, sintetis: run.sintetis,
      catatan: `P(prevalensi > ambang ${formatAngka(run.ringkasan.ambang_prevalensi)}% | data): posterior beta-binomial dengan prior Empirical Bayes ${prior}, interval kredibel 95% · `
        + `${w.tidakPasti.length} unit bergaris putus-putus: tidak pasti (kelas tinggi/rendah bisa berbalik karena data sedikit)` };
  }
  if (lapisan === "bivariat") {
    const c = cakupanBivariat(k);
    if (!run.unit.some((u) => u.bv_lisa)) throw new Error("LISA bivariat tidak tersedia untuk indikator cakupan ini.");
    return { pewarnaan: pewarnaanBivariat(run), sintetis: run.sintetis,
      catatan: `Moran lokal bivariat: prevalensi (${run.indikator}) terhadap lag spasial cakupan ${c ? `${c.kode} · ${c.nama}` : ""} (pilih indikator layanan lain untuk membandingkan dengannya) · ${dasar} · alpha 0,05` };
  }
  const periode = rentangPeriode(daftarPeriode, k.dari, k.periode);
  if (periode.length < 2) {
    throw new Error(`analisis waktu memerlukan paling sedikit dua periode sampai ${k.periode}; geser periode peta ke periode yang lebih akhir.`);
  }
  const w = await muatWaktu(urlWaktu(k.wilayah, k.indikator.kode, k.tingkat, periode, p));
  if (lapisan === "perubahan") {
    return { pewarnaan: pewarnaanPerubahan(w), sintetis: w.sintetis,
      catatan: `${w.nama_indikator}, ${periode[0]} → ${periode.at(-1)}: uji z dua proporsi (varians gabungan, seperti prop.test R) pada pembilang/penyebut, `
        + `alpha ${formatAngka(w.parameter.alpha, 2)}, arah menurut polaritas (${w.polaritas === "turun" ? "turun baik" : w.polaritas === "naik" ? "naik baik" : "tanpa polaritas"})` };
  }
  if (w.titik_panas_tidak_tersedia) throw new Error(w.titik_panas_tidak_tersedia);
  return { pewarnaan: pewarnaanTitikPanas(w), sintetis: w.sintetis,
    catatan: `${w.nama_indikator}, ${periode.length} periode ${periode[0]} → ${periode.at(-1)}: Gi* ruang-waktu (tetangga ${NamaBobot[p.bobot]} dan diri sendiri, `
      + `jendela ${w.parameter.jendela} periode sebelumnya), ${p.permutasi} permutasi, alpha ${formatAngka(w.parameter.alpha, 2)}, `
      + `Mann-Kendall atas deret z; pola menurut definisi ArcGIS Pro` };
}

// --- Marking uncertain units ----------------------------------------------------------------------

/** Draws a dashed outline around the "tidak pasti" units (none: hidden). */
export function tandaiTidakPasti(map: MlMap, tingkat: string, kode: readonly string[]): void {
  const filter: ["in", ["get", "kode"], ["literal", string[]]] = ["in", ["get", "kode"], ["literal", [...kode]]];
  if (!map.getLayer("tidak-pasti")) {
    if (!map.getSource("unit")) return;
    map.addLayer({ id: "tidak-pasti", type: "line", source: "unit", "source-layer": tingkat === "puskesmas" ? "desa" : tingkat, filter,
      paint: { "line-color": "#1a1a1a", "line-width": 2, "line-dasharray": [2, 1.5] } }, map.getLayer("sorot") ? "sorot" : undefined);
  } else {
    map.setFilter("tidak-pasti", filter);
  }
}

// --- Period slider ----------------------------------------------------------------------------------

/**
 * A slider over the indicator's periods beside the period picker: moving it picks the period there
 * (the picker's change handler reloads the map and keeps the URL). "Bandingkan dari" picks the first
 * period of the change and trend layers.
 */
export function pasangSlider(pilihPeriode: HTMLSelectElement, pilihDari: (dari: string | null) => void): { isi: (periode: readonly string[], aktif: string | null, dari: string | null) => void } {
  const wadah = document.createElement("div");
  wadah.className = "geser-periode";
  const label = document.createElement("label");
  label.textContent = "Geser periode ";
  const slider = Object.assign(document.createElement("input"), { type: "range", id: "geser-periode", min: "0", step: "1" });
  const keterangan = Object.assign(document.createElement("output"), { id: "geser-periode-nilai" });
  label.append(slider, keterangan);
  const dariLabel = document.createElement("label");
  dariLabel.textContent = "Bandingkan dari ";
  const dari = Object.assign(document.createElement("select"), { id: "pilih-dari" });
  dariLabel.append(dari);
  const ticks = Object.assign(document.createElement("datalist"), { id: "daftar-periode-geser" });
  slider.setAttribute("list", ticks.id);
  wadah.append(label, ticks, dariLabel);
  (pilihPeriode.closest(".baris") ?? pilihPeriode).after(wadah);

  slider.addEventListener("input", () => { keterangan.textContent = daftarPeriode[Number(slider.value)] ?? ""; });
  slider.addEventListener("change", () => {
    const p = daftarPeriode[Number(slider.value)];
    if (!p || p === pilihPeriode.value) return;
    pilihPeriode.value = p;
    pilihPeriode.dispatchEvent(new Event("change"));
  });
  dari.addEventListener("change", () => pilihDari(dari.value || null));

  return {
    isi(periode, aktif, dariAktif) {
      daftarPeriode = [...periode];
      const i = aktif ? daftarPeriode.indexOf(aktif) : -1;
      slider.max = String(Math.max(0, daftarPeriode.length - 1));
      slider.value = String(Math.max(0, i));
      slider.disabled = daftarPeriode.length < 2;
      keterangan.textContent = aktif ?? "–";
      ticks.replaceChildren(...daftarPeriode.map((_, j) => new Option("", String(j))));
      dari.replaceChildren(new Option("periode pertama", ""), ...daftarPeriode.filter((_, j) => j < i).map((p) => new Option(p, p)));
      dari.value = dariAktif && daftarPeriode.indexOf(dariAktif) < i ? dariAktif : "";
      wadah.hidden = daftarPeriode.length < 2;
    },
  };
}

// --- The desa panel ---------------------------------------------------------------------------------


const angka = (v: number | null | undefined, digits = 2) => (v === null || v === undefined ? "–" : formatAngka(v, digits));
/** A p value to three decimals; below that, "< 0,001" rather than a bare 0. */
const nilaiP = (p: number | null | undefined) => (p !== null && p !== undefined && p < 0.001 ? "< 0,001" : angka(p, 3));

/**
 * The desa's change between the chosen periods, its Mann-Kendall trend with Sen's slope, its
 * emerging hot spot pattern, and the probability that its prevalence is above the threshold with
 * its interval (from the ordinary run's row), each with its method.
 */
export async function lengkapiPanelWaktu(root: HTMLElement, kode: string, k: KonteksWaktu, r: { baris: BarisAnalisis | null; run: HasilAnalisis } | null): Promise<void> {
  const bagian = h("section", "panel-waktu");
  bagian.append(h("h3", undefined, "Perubahan dan ketidakpastian"));
  root.querySelector(".panel-waktu")?.remove();
  // Beside the analysis of the desa when the map shows one, else at the end.
  const analisis = root.querySelector(".analisis");
  if (analisis) analisis.after(bagian); else root.append(bagian);
  const dl = h("dl");
  bagian.append(dl);
  const baris1 = (judul: string, isi: string, kunci: string, metode: string) => {
    const dt = h("dt", undefined, judul);
    const dd = h("dd", undefined, isi);
    dd.dataset.waktu = kunci;
    dd.title = metode;
    dl.append(dt, dd);
  };

  const periode = rentangPeriode(daftarPeriode, k.dari, k.periode);
  const w = periode.length >= 2 ? await muatWaktu(urlWaktu(k.wilayah, k.indikator.kode, k.tingkat, periode, k.analisis)).catch((e: Error) => e) : null;
  if (w === null) {
    baris1("Perubahan", "hanya satu periode sampai periode ini", "perubahan", "");
  } else if (w instanceof Error) {
    baris1("Perubahan", `tidak dapat dihitung: ${w.message}`, "perubahan", "");
  } else {
    const u = w.unit.find((x) => x.kode === kode);
    const satuan = k.indikator.satuan === "persen" ? "%" : "";
    if (u) {
      const c = u.perubahan;
      baris1(`Perubahan ${periode[0]} → ${periode.at(-1)}`,
        `${angka(c.nilai_awal, 1)}${satuan} → ${angka(c.nilai_akhir, 1)}${satuan} (${c.selisih !== null && c.selisih > 0 ? "+" : ""}${angka(c.selisih, 1)}${satuan ? " poin" : ""}), `
          + `p ${nilaiP(c.p)}: ${c.arah ?? c.catatan ?? "–"}`, "perubahan", w.metode["perubahan"] ?? "");
      const t = u.tren;
      baris1(`Tren Mann-Kendall (${periode.length} periode)`, t
        ? `tau ${angka(t.tau)}, p ${nilaiP(t.p)}, kemiringan Sen ${angka(t.sen_per_tahun)} per tahun: ${t.arah ?? "–"}`
        : `perlu paling sedikit 3 periode bernilai`, "tren", w.metode["tren"] ?? "");
      baris1("Titik panas yang muncul", u.titik_panas ? namaPola(u.titik_panas.pola) : (w.titik_panas_tidak_tersedia ?? "tanpa deret lengkap"),
        "titik-panas", w.metode["titik_panas"] ?? "");
    }
    if (w.sintetis) bagian.append(h("p", "sintetis", "Data sintetis"));
  }

  const b = r?.baris;
  if (b && b.peluang_tinggi !== null && b.peluang_tinggi !== undefined) {
    baris1(`Peluang di atas ambang ${angka(r.run.ringkasan.ambang_prevalensi, 1)}% (${r.run.indikator}, ${r.run.periode})`,
      `${angka(b.peluang_tinggi, 2)} · interval kredibel 95%: ${angka(b.ki_bawah, 1)} – ${angka(b.ki_atas, 1)}%${b.tidak_pasti ? " · tidak pasti" : ""}`,
      "peluang", "Posterior beta-binomial dengan prior Empirical Bayes; tidak pasti: kelas tinggi/rendah bisa berbalik karena data sedikit");
  } else if (r) {
    baris1("Peluang di atas ambang", "tanpa pembilang/penyebut", "peluang", "");
  }
}
