import { h, type UnitNilaiItem, type UnitNilaiResponse } from "./api.ts";
import { kategoriUnit, NamaLapisan, type BarisAnalisis, type LapisanAnalisis, type LapisanWaktu } from "./analisis.ts";
import { formatAngka } from "./classify.ts";

/** What the panel shows of the analysis run when an analysis layer is on. */
export interface PanelAnalisis {
  lapisan: LapisanAnalisis | LapisanWaktu;
  indikator: string;
  satuan: string;
  /** Why the run has no EB rates, when it has none. */
  ebTidak?: string | null;
  /** The unit's row in the run; null when the run left it out. */
  baris: BarisAnalisis | null;
}

const NamaKelompok: Record<string, string> = {
  prevalensi: "Prevalensi",
  layanan: "Layanan esensial (intervensi)",
  sasaran: "Sasaran",
  layanan_kecamatan: "Layanan tingkat kecamatan",
  data_dukung: "Data dukung",
  pengguna: "Indikator buatan pengguna",
};


export function nilaiTeks(v: number | null, satuan: string): string {
  if (v === null) return "–";
  return satuan === "persen" ? `${formatAngka(v)}%` : formatAngka(v, 0);
}

/** The panel of one unit: every indicator of the period against its target. */
export function renderPanel(root: HTMLElement, data: UnitNilaiResponse, indikatorAktif: string, onClose: () => void, analisis?: PanelAnalisis): void {
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
  if (analisis) root.append(bagianAnalisis(analisis));

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

function angka(v: number | null, digits = 2): string {
  return v === null ? "–" : formatAngka(v, digits);
}

/** The unit in the analysis run: its gap class and the reasons in words, LISA, Gi*, EB. */
function bagianAnalisis(a: PanelAnalisis): HTMLElement {
  const box = h("section", "analisis");
  box.append(h("h3", undefined, `Analisis situasi · ${a.indikator}`));
  const b = a.baris;
  if (!b) {
    box.append(h("p", "kosong", "Unit ini tidak ada dalam hasil analisis."));
    return box;
  }
  const baris = (lapisan: LapisanAnalisis, isi: string, warna: string | null, rinci?: string) => {
    const row = h("div", "baris-analisis");
    row.dataset.lapisan = lapisan;
    if (lapisan === a.lapisan) row.classList.add("aktif");
    // warna: a colour, null for the hatch of "no data", "" for no swatch at all.
    const sw = h("span", warna === "" ? "swatch kosong" : warna ? "swatch" : "swatch arsir");
    if (warna) sw.style.background = warna;
    row.append(h("span", "nama-lapisan", NamaLapisan[lapisan]), sw, h("span", "isi", isi));
    if (rinci) row.append(h("span", "rinci", rinci));
    return row;
  };
  const kelas = kategoriUnit("kelas", b);
  const lisa = kategoriUnit("lisa", b);
  const gi = kategoriUnit("gi", b);
  const tanpaWarna = (k: { kunci: string }) => k.kunci === "data_kurang" || k.kunci === "tanpa_data" || k.kunci === "";
  box.append(baris("kelas", kelas.label, tanpaWarna(kelas) ? null : kelas.warna));
  if (b.alasan) box.append(h("p", "alasan", b.alasan));
  box.append(
    baris("lisa", lisa.label, tanpaWarna(lisa) ? null : lisa.warna, b.local_p === null ? undefined : `p semu ${angka(b.local_p, 3)}`),
    baris("gi", gi.label, tanpaWarna(gi) ? null : gi.warna, b.gi_z === null ? undefined : `z ${angka(b.gi_z)}`),
    b.eb_lokal === null && b.eb_global === null
      ? baris("eb", "Tidak tersedia", "", a.ebTidak ?? "perlu pembilang dan penyebut")
      : baris("eb", `${nilaiTeks(b.eb_lokal, a.satuan)} (lokal)`, "", `global ${nilaiTeks(b.eb_global, a.satuan)} · mentah ${nilaiTeks(b.nilai, a.satuan)}`),
  );
  return box;
}
