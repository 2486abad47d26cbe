import type { UnitNilaiItem, UnitNilaiResponse } from "./api.ts";
import { formatAngka } from "./classify.ts";

const NamaKelompok: Record<string, string> = {
  prevalensi: "Prevalensi",
  layanan: "Layanan esensial (intervensi)",
  sasaran: "Sasaran",
  layanan_kecamatan: "Layanan tingkat kecamatan",
  data_dukung: "Data dukung",
  pengguna: "Indikator buatan pengguna",
};

const h = <K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] => {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
};

export function nilaiTeks(v: number | null, satuan: string): string {
  if (v === null) return "–";
  return satuan === "persen" ? `${formatAngka(v)}%` : formatAngka(v, 0);
}

/** The panel of one unit: every indicator of the period against its target. */
export function renderPanel(root: HTMLElement, data: UnitNilaiResponse, indikatorAktif: string, onClose: () => void): void {
  root.replaceChildren();
  const head = h("header");
  const close = h("button", "tutup", "×");
  close.type = "button";
  close.title = "Tutup panel";
  close.setAttribute("aria-label", "Tutup panel");
  close.addEventListener("click", onClose);
  const jenis = data.tingkat === "desa" ? (data.kode.slice(-4, -3) === "1" ? "Kelurahan" : "Desa") : data.tingkat === "kecamatan" ? "Kecamatan" : data.tingkat;
  head.append(h("div", "kode", `${jenis} · ${data.kode}`), h("h2", undefined, data.nama), close);
  root.append(head);
  if (data.sintetis) root.append(h("p", "sintetis-label", "Data sintetis: sebagian nilai di panel ini bangkitan komputer untuk demo, bukan data nyata."));

  const layanan = data.nilai.filter((n) => n.kelompok === "layanan" && n.memenuhiTarget !== null);
  const memenuhi = layanan.filter((n) => n.memenuhiTarget).length;
  root.append(h("p", "ringkas", layanan.length > 0
    ? `Periode ${data.periode} · ${memenuhi} dari ${layanan.length} layanan memenuhi target`
    : `Periode ${data.periode}`));

  if (data.nilai.length === 0) {
    root.append(h("p", "kosong", "Belum ada nilai terbit untuk wilayah ini pada periode ini."));
    return;
  }
  const groups = new Map<string, UnitNilaiItem[]>();
  for (const n of data.nilai) groups.set(n.kelompok, [...(groups.get(n.kelompok) ?? []), n]);
  for (const [kelompok, items] of groups) {
    const details = h("details");
    details.open = kelompok !== "sasaran";
    details.append(h("summary", undefined, `${NamaKelompok[kelompok] ?? kelompok} (${items.length})`));
    const table = h("table");
    const thead = h("thead");
    const tr = h("tr");
    tr.append(h("th", undefined, "Indikator"), h("th", "angka", "Nilai"), h("th", "angka", "Target"), h("th", undefined, ""));
    thead.append(tr);
    table.append(thead);
    const tbody = h("tbody");
    for (const n of items) {
      const row = h("tr");
      row.dataset.indikator = n.indikator;
      if (n.indikator === indikatorAktif) row.classList.add("aktif");
      const name = h("td", "nama");
      name.title = n.nama;
      name.append(h("span", "kode-ind", n.indikator), document.createTextNode(" " + n.nama));
      if (n.sintetis) name.append(h("span", "tag-sintetis", "sintetis"));
      const status = h("td", "status");
      if (n.memenuhiTarget === true) status.append(h("span", "chip ok", "Memenuhi"));
      else if (n.memenuhiTarget === false) status.append(h("span", "chip belum", "Belum"));
      row.append(name, h("td", "angka nilai", nilaiTeks(n.nilai, n.satuan)),
        h("td", "angka", n.target ? nilaiTeks(n.target.nilai, n.satuan) : "–"), status);
      tbody.append(row);
    }
    table.append(tbody);
    details.append(table);
    root.append(details);
  }
  const sumber = [...new Set(data.nilai.flatMap((n) => n.sumber))].sort();
  root.append(h("p", "sumber", `Sumber: ${sumber.join(", ") || "–"}. Target: yang berlaku untuk wilayah ini (daerah, atau nasional).`));
}
