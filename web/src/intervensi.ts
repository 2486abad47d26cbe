// "Intervensi yang menjadi masalah": the analysis run's ranking of the coverage indicators for the
// area and each kecamatan, each with the desa that pull it down. Clicking an indicator colours the
// map by it (against its target); clicking a desa opens its panel.
import { api, get, h, tembolok } from "./api.ts";
import { urlAnalisis, type BarisAnalisis, type HasilAnalisis, type ParameterAnalisis } from "./analisis.ts";
import { formatAngka } from "./classify.ts";

export interface PenarikKeBawah {
  kode: string;
  nama: string;
  nilai: number;
  kekurangan: number;
  kontribusi: number;
}

export interface ItemIntervensi {
  peringkat: number;
  indikator: string;
  nama: string;
  nilai: number | null;
  target: number | null;
  selisih: number | null;
  capaian: number | null;
  ketertinggalan_z: number | null;
  bermasalah: boolean;
  unit_dengan_data: number;
  unit_memenuhi_target: number;
  penarik_ke_bawah: PenarikKeBawah[];
}

export interface IntervensiWilayah {
  kode: string;
  nama: string;
  intervensi: ItemIntervensi[];
}

/** The part of a run this module reads (the summary keeps `ringkasan` and `intervensi`). */
export type RunIntervensi = Pick<HasilAnalisis, "id" | "sintetis" | "ringkasan"> & { intervensi: IntervensiWilayah[]; unit?: BarisAnalisis[] };

export interface Tampilan {
  wilayah: string;
  periode: string | null;
  tingkat: string;
  analisis: ParameterAnalisis;
  /** The indicator on the map, marked in the list. */
  indikator?: string;
}

/**
 * The run the ranking and the desa panel's gap class come from: stunting prevalence (the gap
 * classes are about it) at desa level, with the page's parameters. The one place that names the
 * request, so moving to the slim summary changes only this.
 */
export function urlRunKelas(t: Tampilan): string | null {
  if (!t.periode) return null;
  return urlAnalisis(t.wilayah, "PREV_STUNTING", t.periode, "desa", t.analisis);
}

/** One area's whole ranking in a run (/api/analisis/{id}/intervensi/{kode}), fetched once. */
const intervensiDi = tembolok((key) => get<IntervensiWilayah>(`/api/analisis/${key}`), 64);
function muatIntervensi(id: number, kode: string): Promise<IntervensiWilayah> {
  return intervensiDi(`${id}/intervensi/${encodeURIComponent(kode)}`);
}

/** One fetch per run, shared by the map's analysis layers, the ranking and the panel; a failed fetch is forgotten. */
export const muatHasil: (url: string) => Promise<HasilAnalisis> = tembolok((url) => api.analisis(url), 4);

/** The run as the ranking and the panel read it. */
export function muatRun(url: string): Promise<RunIntervensi> {
  return muatHasil(url).then((r) => r as unknown as RunIntervensi);
}


function persen(v: number | null): string {
  return v === null ? "–" : `${formatAngka(v)}%`;
}

/** A line that says in words where an intervention stands. */
export function uraian(i: ItemIntervensi): string {
  const bagian: string[] = [];
  bagian.push(i.target === null ? `nilai ${persen(i.nilai)}, tanpa target` : `nilai ${persen(i.nilai)}, target ${persen(i.target)}`);
  if (i.capaian !== null) bagian.push(`capaian ${formatAngka(i.capaian * 100, 0)}% dari target`);
  if (i.target !== null) bagian.push(`${i.unit_memenuhi_target} dari ${i.unit_dengan_data} desa memenuhi target`);
  return bagian.join(" · ");
}

export interface Aksi {
  /** Colour the map by this indicator. */
  indikator(kode: string): void;
  /** Open the panel of this desa. */
  desa(kode: string): void;
}

/**
 * The sidebar box. Folded by default and loaded when opened: for a province the run is large
 * until the API's slim summary lands, and the public map must not wait for it.
 */
export class KotakIntervensi {
  private tampilan: Tampilan | null = null;
  private pilihan: string | null = null;
  private nomor = 0;

  constructor(private readonly root: HTMLDetailsElement, private readonly aksi: Aksi) {
    root.addEventListener("toggle", () => { if (root.open) void this.muat(); });
  }

  /** The view changed: reload if open, else on the next opening. */
  perbarui(t: Tampilan): void {
    const ganti = this.tampilan?.wilayah !== t.wilayah;
    this.tampilan = { ...t, analisis: { ...t.analisis } };
    if (ganti) this.pilihan = null;
    if (this.root.open) void this.muat();
  }

  private isi(): HTMLElement {
    let box = this.root.querySelector<HTMLElement>(".isi-intervensi");
    if (!box) { box = h("div", "isi-intervensi"); this.root.append(box); }
    return box;
  }

  async muat(): Promise<void> {
    const nomor = ++this.nomor;
    const box = this.isi();
    const url = this.tampilan ? urlRunKelas(this.tampilan) : null;
    if (!url) { box.replaceChildren(h("p", "kosong", "Pilih periode yang punya nilai terbit.")); return; }
    this.root.dataset.status = "memuat";
    box.replaceChildren(h("p", "kosong", "Memuat peringkat intervensi…"));
    try {
      const run = await muatRun(url);
      if (nomor !== this.nomor) return;
      this.render(run);
      this.root.dataset.status = "siap";
    } catch (e) {
      if (nomor !== this.nomor) return;
      box.replaceChildren(h("p", "galat", `Peringkat intervensi tidak dapat dimuat: ${(e as Error).message}`));
      this.root.dataset.status = "galat";
    }
  }

  private render(run: RunIntervensi): void {
    const box = this.isi();
    box.replaceChildren();
    const daftar = run.intervensi;
    if (daftar.length === 0 || daftar.every((w) => w.intervensi.length === 0)) {
      box.append(h("p", "kosong", "Belum ada indikator layanan dengan nilai terbit untuk wilayah ini."));
      return;
    }
    const pilih = h("select");
    pilih.id = "pilih-intervensi-wilayah";
    pilih.setAttribute("aria-label", "Wilayah peringkat intervensi");
    daftar.forEach((w, i) => pilih.append(new Option(i === 0 ? `${w.nama} (seluruh wilayah)` : `Kec. ${w.nama}`, w.kode)));
    if (this.pilihan && daftar.some((w) => w.kode === this.pilihan)) pilih.value = this.pilihan;
    const label = h("label", undefined, "Wilayah ");
    label.append(pilih);
    box.append(label);
    if (run.sintetis) box.append(h("p", "sintetis-label", "Data sintetis: sebagian cakupan layanan bangkitan komputer untuk demo."));
    const list = h("ol", "daftar-intervensi");
    box.append(list, h("p", "catatan", "Urut dari capaian terendah terhadap target. Klik indikator untuk mewarnai peta menurut target; klik desa untuk membuka panelnya."));
    const tampil = async () => {
      this.pilihan = pilih.value;
      const w = daftar.find((x) => x.kode === pilih.value) ?? daftar[0]!;
      list.replaceChildren(...w.intervensi.map((i) => this.baris(i)));
      // The summary keeps only each kecamatan's worst few; its whole ranking comes on demand.
      if (w === daftar[0]) return;
      this.root.dataset.status = "memuat";
      const penuh = await muatIntervensi(run.id, w.kode).catch(() => null);
      if (penuh && this.pilihan === w.kode) list.replaceChildren(...penuh.intervensi.map((i) => this.baris(i)));
      if (this.pilihan === w.kode) this.root.dataset.status = "siap";
    };
    pilih.addEventListener("change", () => void tampil());
    void tampil();
  }

  private baris(i: ItemIntervensi): HTMLLIElement {
    const li = h("li");
    li.dataset.indikator = i.indikator;
    if (i.bermasalah) li.classList.add("bermasalah");
    if (i.indikator === this.tampilan?.indikator) li.classList.add("aktif");
    const tombol = h("button", "indikator");
    tombol.type = "button";
    tombol.title = "Warnai peta menurut indikator ini terhadap target";
    tombol.append(h("span", "peringkat", `${i.peringkat}`), h("span", "kode-ind", i.indikator), document.createTextNode(` ${i.nama}`));
    if (i.bermasalah) tombol.append(h("span", "chip belum", "bermasalah"));
    tombol.addEventListener("click", () => this.aksi.indikator(i.indikator));
    li.append(tombol, h("div", "uraian", uraian(i)));
    if (i.penarik_ke_bawah.length > 0) {
      const desa = h("div", "penarik");
      desa.append(document.createTextNode("Penarik ke bawah: "));
      i.penarik_ke_bawah.forEach((d, j) => {
        if (j > 0) desa.append(document.createTextNode(", "));
        const a = h("button", "desa", `${d.nama} (${persen(d.nilai)})`);
        a.type = "button";
        a.dataset.kode = d.kode;
        a.title = `Kurang ${formatAngka(d.kekurangan)} poin dari target; buka panel desa`;
        a.addEventListener("click", () => this.aksi.desa(d.kode));
        desa.append(a);
      });
      li.append(desa);
    }
    return li;
  }
}
