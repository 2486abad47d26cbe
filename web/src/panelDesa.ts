// What the desa panel adds to the values of one period: the trend of every indicator over the
// periods (a sparkline per row, a chart for the indicator on the map with its targets), and the
// gap class with its reasons in words even when no analysis layer is on.
import { api, get, h, tembolok } from "./api.ts";
import { kategoriUnit } from "./analisis.ts";
import { muatRun, urlRunKelas, type Tampilan } from "./intervensi.ts";
import { grafikTren, sparkline, type DeretResponse } from "./tren.ts";

export interface OpsiPanel {
  kode: string;
  /** The indicator on the map, and its name. */
  indikator: string;
  namaIndikator: string;
  tampilan: Tampilan;
  /** The panel already shows the analysis section (an analysis layer is on). */
  adaAnalisis: boolean;
}

const q = encodeURIComponent;


// Series change only when values are published; the panel re-renders on every repaint, so keep a few.
const muatDeret = tembolok((url) => get<DeretResponse>(url), 30);

/** Adds trend and gap class to the panel just rendered for `opsi.kode`; stale answers are dropped. */
export async function lengkapiPanel(root: HTMLElement, opsi: OpsiPanel): Promise<void> {
  const desa = opsi.kode.length === 13;
  root.dataset.kode = opsi.kode;
  root.dataset.tren = "memuat";
  const deretUrl = desa ? `/api/wilayah/${q(opsi.kode)}/deret` : `/api/wilayah/${q(opsi.kode)}/deret?indikator=${q(opsi.indikator)}`;
  const runUrl = desa && !opsi.adaAnalisis ? urlRunKelas(opsi.tampilan) : null;
  const [deret, run] = await Promise.all([
    muatDeret(deretUrl).catch(() => null),
    runUrl ? muatRun(runUrl).catch(() => null) : Promise.resolve(null),
  ]);
  if (root.dataset.kode !== opsi.kode || root.hidden) return;
  const ringkas = root.querySelector(".ringkas");

  if (run && !root.querySelector("section.kelas-desa")) {
    const dariRun = run.unit?.find((u) => u.kode === opsi.kode);
    // The summary carries the class only; the reasons come with the desa's full row.
    const baris = dariRun && !dariRun.alasan ? await api.unitAnalisis(run.id, opsi.kode).catch(() => dariRun) : dariRun;
    if (baris && root.dataset.kode === opsi.kode && !root.querySelector("section.kelas-desa")) {
      const k = kategoriUnit("kelas", baris);
      const box = h("section", "kelas-desa");
      box.dataset.kelas = baris.kelas;
      box.append(h("h3", undefined, "Kelas kesenjangan"));
      const row = h("div", "baris-kelas");
      const sw = h("span", baris.kelas === "data_kurang" ? "swatch arsir" : "swatch");
      if (baris.kelas !== "data_kurang") sw.style.background = k.warna;
      row.append(sw, h("strong", undefined, k.label));
      box.append(row, h("p", "alasan", baris.alasan), h("p", "penjelasan", k.penjelasan));
      if (run.sintetis) box.append(h("p", "tag-sintetis-kelas", "Dihitung dengan cakupan layanan sintetis."));
      (ringkas ?? root.firstElementChild)?.after(box);
    }
  }

  if (deret) {
    const perIndikator = new Map(deret.deret.map((d) => [d.indikator, d]));
    // A trend column in every table of a desa's panel (above desa only the indicator on the map has a series).
    for (const table of desa ? root.querySelectorAll("table") : []) {
      const head = table.querySelector("thead tr");
      if (head && !head.querySelector(".tren")) head.lastElementChild?.before(h("th", "tren", "Tren"));
      for (const tr of table.querySelectorAll<HTMLTableRowElement>("tbody tr[data-indikator]")) {
        if (tr.querySelector("td.tren")) continue;
        const td = h("td", "tren");
        const d = perIndikator.get(tr.dataset.indikator!);
        const s = d ? sparkline(d) : null;
        if (s) td.append(s);
        tr.lastElementChild?.before(td);
      }
    }
    const aktif = perIndikator.get(opsi.indikator);
    root.querySelector("section.tren-utama")?.remove();
    if (aktif) {
      const chart = grafikTren(aktif, opsi.namaIndikator);
      (root.querySelector("section.kelas-desa") ?? root.querySelector("section.analisis") ?? ringkas ?? root.firstElementChild)?.after(chart);
    }
  }
  root.dataset.tren = deret ? "siap" : "galat";
}
