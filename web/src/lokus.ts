// Lokus picking on the map page: the lists of the kab/kota in view, one list edited at a time
// (desa picked on the map or from candidates ranked by the loaded analysis run, a justification
// each), saved through /api/lokus with the session cookie, drawn as an outline over the map.
// The server decides who may see and write; the page only hides what would be refused anyway.
import type { Map as MlMap, MapLayerMouseEvent } from "maplibre-gl";
import { saya, type Saya } from "./akun.ts";
import { api, baca, get, h } from "./api.ts";
import { KelasKesenjangan, DataKurang, type HasilAnalisis } from "./analisis.ts";
import { formatAngka } from "./classify.ts";
import { DaftarUrutan, NamaUrutan, kabkotaDari, peringkatCalon, tahunBawaan, type Calon, type Urutan } from "./lokusperingkat.ts";
import { tileJsonUrl } from "./mapstyle.ts";

/** What the lokus box needs of the page, read when it needs it. */
export interface KonteksLokus {
  map: MlMap;
  keadaan: () => { wilayah: string; periode: string | null; tingkat: string };
  /** The analysis run the page holds (any layer), or null. */
  analisis: () => HasilAnalisis | null;
  /** Switches the map to the gap classes, which loads a run. */
  mintaAnalisis: () => void;
}

export interface LokusRingkas {
  id: number; nama: string; wilayah: string; tahun: number; status: "draf" | "final";
  dibuat: string; dibuatOleh: string | null; diubah: string; diubahOleh: string | null; jumlahDesa: number;
}
interface LokusDesa { kode: string; nama: string | null; kecamatan: string | null; alasan: string; urutan: number }
interface LokusDetail { lokus: LokusRingkas; desa: LokusDesa[] }
interface Riwayat { waktu: string; pengguna: string; aksi: string; dariStatus: string | null; keStatus: string | null; isi: string | null }

/** The outline: purple, which no palette of the page uses, over a white casing so it shows on any fill. */
export const WarnaLokus = "#6a3d9a";
const Sumber = "lokus-desa";
const Lapisan = ["lokus-alas", "lokus-garis"] as const;
const Kunci = (kabkota: string) => `geo.lokus.${kabkota}`;
const NamaAksi: Record<string, string> = { buat_lokus: "dibuat", ubah_lokus: "diubah", finalkan_lokus: "difinalkan", hapus_lokus: "dihapus" };

const tombol = (teks: string, cls: string, aksi: () => void) => {
  const b = h("button", cls, teks);
  b.type = "button";
  b.addEventListener("click", aksi);
  return b;
};
const waktu = (iso: string) => new Date(iso).toLocaleString("id-ID", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" });

/** A cookie write: it needs the antiforgery token, as every POST/PUT/DELETE with the session cookie does. */
async function tulis<T>(method: string, url: string, body?: unknown): Promise<T> {
  const af = await baca<{ token: string; header: string }>(await fetch("/api/akun/antiforgery", { credentials: "same-origin" }));
  return baca<T>(await fetch(url, {
    method, credentials: "same-origin",
    headers: { "Content-Type": "application/json", Accept: "application/json", [af.header]: af.token },
    body: body === undefined ? undefined : JSON.stringify(body),
  }));
}

export interface KotakLokus {
  /** Call when the area, period, level or the analysis run changed. */
  perbarui(): void;
  /** True while desa are picked on the map: the page then opens no panel on a click. */
  sedangMemilih(): boolean;
}

export function pasangLokus(root: HTMLElement, ctx: KonteksLokus): KotakLokus {
  let akun: Saya | null = null;
  let kabkota: string | null = null;
  // Desa names of the kab/kota for the ranking: the analysis summary carries codes, not names.
  let namaDesa: { kabkota: string; nama: Map<string, string> } | null = null;
  let namaKabkota = "";
  let daftar: LokusRingkas[] = [];
  /** The list being edited: id null until saved. */
  let kerja: { id: number | null; nama: string; tahun: number; status: "draf" | "final"; desa: LokusDesa[]; ringkas: LokusRingkas | null } | null = null;
  let berubah = false;
  let memilih = false;
  let urutan: Urutan = "kelas";
  let semuaCalon = false;
  let pesan: { teks: string; galat: boolean } | null = null;
  let riwayat: Riwayat[] | string | null = null;
  let nomor = 0;

  const bolehTulis = () => !!akun && !!kabkota && akun.peran.includes("analis")
    && (akun.wilayah === "nasional" || kabkota === akun.wilayah || kabkota.startsWith(akun.wilayah + "."));
  const bolehUbah = () => bolehTulis() && (kerja?.status ?? "draf") === "draf";

  // --- Map layer ---------------------------------------------------------------------------------

  function kodeDiPeta(): string[] { return kerja?.desa.map((d) => d.kode) ?? []; }

  function pasangLapisan() {
    const map = ctx.map;
    if (!map.getStyle()) return;
    // At desa level the page's own tiles carry the desa; otherwise the desa tiles come as a second source.
    const desa = ctx.keadaan().tingkat === "desa";
    const source = desa ? "unit" : Sumber;
    if (!desa && !map.getSource(Sumber)) map.addSource(Sumber, { type: "vector", url: tileJsonUrl("desa"), promoteId: "kode" });
    if (!map.getSource(source)) return;
    const filter = ["in", ["get", "kode"], ["literal", kodeDiPeta()]] as never;
    for (const id of Lapisan) if (map.getLayer(id) && map.getLayer(id)!.source !== source) map.removeLayer(id);
    if (!map.getLayer("lokus-alas")) {
      map.addLayer({ id: "lokus-alas", type: "line", source, "source-layer": "desa", filter, paint: { "line-color": "#ffffff", "line-width": 6 } });
      map.addLayer({ id: "lokus-garis", type: "line", source, "source-layer": "desa", filter, paint: { "line-color": WarnaLokus, "line-width": 3 } });
    }
    for (const id of Lapisan) map.setFilter(id, filter);
  }

  ctx.map.on("style.load", pasangLapisan);
  ctx.map.on("click", "isi", (e: MapLayerMouseEvent) => {
    if (!memilih) return;
    const kode = e.features?.[0]?.properties?.["kode"];
    if (typeof kode === "string") void pilihDiPeta(kode);
  });

  async function pilihDiPeta(kode: string) {
    if (!kabkota || kode.length !== 13 || !kode.startsWith(kabkota + ".")) {
      pesan = { teks: "Pilih desa/kelurahan di kabupaten/kota ini, pada tingkat desa.", galat: true };
      gambar();
      return;
    }
    if (kerja?.desa.some((d) => d.kode === kode)) buang(kode);
    else await tambah(kode);
  }

  // --- Data ------------------------------------------------------------------------------------------

  async function muatNamaDesa(kode: string) {
    try {
      const titik = await api.titikLabel(kode);
      namaDesa = { kabkota: kode, nama: new Map(titik.features.filter((f) => f.properties.tingkat === "desa").map((f) => [f.properties.kode, f.properties.nama])) };
      gambar();
    } catch {
      namaDesa = null; // codes stand in for names
    }
  }

  async function muatDaftar() {
    const n = ++nomor;
    kabkota = kabkotaDari(ctx.keadaan().wilayah);
    if (!kabkota) { daftar = []; kerja = null; gambar(); pasangLapisan(); return; }
    if (namaDesa?.kabkota !== kabkota) void muatNamaDesa(kabkota);
    try {
      const [a, lists, kab] = await Promise.all([
        saya().catch(() => null),
        get<LokusRingkas[]>(`/api/lokus?wilayah=${encodeURIComponent(kabkota)}`),
        api.wilayahAnak(kabkota.slice(0, 2)).catch(() => []),
      ]);
      if (n !== nomor) return;
      akun = a;
      daftar = lists.filter((l) => l.wilayah === kabkota);
      namaKabkota = kab.find((w) => w.kode === kabkota)?.nama ?? kabkota;
      // The list chosen last time for this kab/kota, else (for accounts of the area) the one changed last.
      const ingat = Number(localStorage.getItem(Kunci(kabkota)) ?? "");
      const pilihan = daftar.find((l) => l.id === ingat)
        ?? (bolehTulis() ? [...daftar].sort((x, y) => y.diubah.localeCompare(x.diubah))[0] : undefined);
      if (kerja?.id && daftar.some((l) => l.id === kerja!.id)) { /* keep the list being edited */ }
      else if (pilihan) await buka(pilihan.id);
      else kerja = null;
    } catch (e) {
      pesan = { teks: `Daftar lokus tidak dapat dimuat: ${(e as Error).message}`, galat: true };
    }
    gambar();
    pasangLapisan();
  }

  async function buka(id: number) {
    const d = await get<LokusDetail>(`/api/lokus/${id}`);
    kerja = { id: d.lokus.id, nama: d.lokus.nama, tahun: d.lokus.tahun, status: d.lokus.status, desa: d.desa, ringkas: d.lokus };
    berubah = false;
    riwayat = null;
    if (kabkota) localStorage.setItem(Kunci(kabkota), String(id));
    if (akun && akun.peran.length > 0) {
      get<Riwayat[]>(`/api/lokus/${id}/riwayat`).then((r) => { riwayat = r; gambar(); }, (e: Error) => { riwayat = e.message; gambar(); });
    }
  }

  function baru() {
    const tahun = tahunBawaan(ctx.keadaan().periode);
    kerja = { id: null, nama: `Lokus ${namaKabkota} ${tahun}`, tahun, status: "draf", desa: [], ringkas: null };
    berubah = true;
    riwayat = null;
  }

  async function tambah(kode: string) {
    if (!kerja) baru();
    const run = runKabkota();
    const baris = run?.unit.find((u) => u.kode === kode);
    let nama = baris?.nama || namaDesa?.nama.get(kode) || null;
    if (!nama) {
      try { nama = (await api.wilayah(kode)).properties.nama; } catch { nama = null; }
    }
    kerja!.desa.push({ kode, nama, kecamatan: null, alasan: "", urutan: kerja!.desa.length + 1 });
    berubah = true;
    pesan = null;
    gambar();
    pasangLapisan();
  }

  function buang(kode: string) {
    if (!kerja) return;
    kerja.desa = kerja.desa.filter((d) => d.kode !== kode);
    berubah = true;
    gambar();
    pasangLapisan();
  }

  async function simpan() {
    if (!kerja || !kabkota) return;
    const body = { nama: kerja.nama, wilayah: kabkota, tahun: kerja.tahun, desa: kerja.desa.map((d) => ({ kode: d.kode, alasan: d.alasan })) };
    try {
      const d = kerja.id === null
        ? await tulis<LokusDetail>("POST", "/api/lokus", body)
        : await tulis<LokusDetail>("PUT", `/api/lokus/${kerja.id}`, body);
      pesan = { teks: `Tersimpan: ${d.lokus.nama} (${d.desa.length} desa, draf).`, galat: false };
      kerja = null;
      await muatDaftarLalu(d.lokus.id);
    } catch (e) {
      pesan = { teks: `Gagal menyimpan: ${(e as Error).message}`, galat: true };
      gambar();
    }
  }

  async function muatDaftarLalu(id: number) {
    if (kabkota) localStorage.setItem(Kunci(kabkota), String(id));
    await muatDaftar();
  }

  async function finalkan() {
    if (!kerja?.id) return;
    if (berubah) { pesan = { teks: "Simpan perubahan dulu sebelum memfinalkan.", galat: true }; gambar(); return; }
    if (!confirm(`Finalkan "${kerja.nama}"? Daftar final tidak dapat diubah atau dihapus lagi.`)) return;
    try {
      await tulis("POST", `/api/lokus/${kerja.id}/final`);
      pesan = { teks: "Daftar lokus difinalkan.", galat: false };
      const id = kerja.id;
      kerja = null;
      await muatDaftarLalu(id);
    } catch (e) {
      pesan = { teks: `Gagal memfinalkan: ${(e as Error).message}`, galat: true };
      gambar();
    }
  }

  async function hapus() {
    if (!kerja) return;
    if (kerja.id === null) { kerja = null; berubah = false; gambar(); pasangLapisan(); return; }
    if (!confirm(`Hapus draf "${kerja.nama}"?`)) return;
    try {
      await tulis("DELETE", `/api/lokus/${kerja.id}`);
      if (kabkota) localStorage.removeItem(Kunci(kabkota));
      kerja = null;
      pesan = { teks: "Draf dihapus.", galat: false };
      await muatDaftar();
    } catch (e) {
      pesan = { teks: `Gagal menghapus: ${(e as Error).message}`, galat: true };
      gambar();
    }
  }

  /** The run the page holds, when it is of desa within this kab/kota's view. */
  function runKabkota(): HasilAnalisis | null {
    const run = ctx.analisis();
    if (!run || !kabkota || run.tingkat !== "desa") return null;
    const w = run.wilayah;
    return w === kabkota || w.startsWith(kabkota + ".") || kabkota.startsWith(w + ".") ? run : null;
  }

  // --- Drawing ---------------------------------------------------------------------------------------

  function gambar() {
    root.replaceChildren();
    if (pesan) {
      const p = h("p", pesan.galat ? "pesan-lokus galat" : "pesan-lokus", pesan.teks);
      p.setAttribute("role", "status");
      root.append(p);
    }
    if (!kabkota) {
      root.append(h("p", "kecil", "Pilih kabupaten/kota untuk melihat atau menyusun daftar lokus desa."));
      return;
    }
    root.append(h("p", "kecil", `Lokus desa ${namaKabkota}. ` + (bolehTulis()
      ? "Pilih desa di peta atau dari peringkat analisis, beri alasan tiap desa, lalu simpan."
      : akun ? "Akun Anda dapat melihat daftar, tetapi hanya analis wilayah ini yang dapat mengubahnya."
        : "Masuk (Akun) sebagai analis wilayah ini untuk menyusun daftar; daftar final terbuka untuk semua.")));

    const pilih = h("select");
    pilih.id = "lokus-daftar";
    pilih.append(new Option(daftar.length ? "— pilih daftar —" : "Belum ada daftar", ""));
    for (const l of daftar) pilih.append(new Option(`${l.nama} · ${l.tahun} · ${l.status === "final" ? "final" : "draf"} (${l.jumlahDesa} desa)`, String(l.id)));
    if (bolehTulis()) pilih.append(new Option("+ Daftar baru", "baru"));
    pilih.value = kerja?.id ? String(kerja.id) : kerja ? "baru" : "";
    pilih.addEventListener("change", async () => {
      pesan = null;
      if (pilih.value === "baru") baru();
      else if (pilih.value) await buka(Number(pilih.value));
      else { kerja = null; if (kabkota) localStorage.removeItem(Kunci(kabkota)); }
      gambar();
      pasangLapisan();
    });
    const label = h("label", undefined, "Daftar lokus ");
    label.append(pilih);
    root.append(label);
    if (kerja) root.append(editor(kerja));
    if (bolehUbah()) root.append(calon());
  }

  function editor(k: NonNullable<typeof kerja>): HTMLElement {
    const box = h("div", "lokus-kerja");
    const ubah = bolehUbah();
    const nama = h("input");
    nama.id = "lokus-nama";
    nama.value = k.nama;
    nama.maxLength = 200;
    nama.disabled = !ubah;
    nama.addEventListener("input", () => { k.nama = nama.value; tandai(); });
    const tahun = h("input");
    tahun.id = "lokus-tahun";
    tahun.type = "number";
    tahun.min = "1990";
    tahun.max = "2100";
    tahun.value = String(k.tahun);
    tahun.disabled = !ubah;
    tahun.addEventListener("input", () => { k.tahun = Number(tahun.value); tandai(); });
    const ln = h("label", undefined, "Nama ");
    ln.append(nama);
    const lt = h("label", undefined, "Tahun ");
    lt.append(tahun);
    const status = h("span", `status-lokus ${k.status}`, k.status === "final" ? "Final" : k.id === null ? "Draf baru (belum disimpan)" : "Draf");
    status.id = "lokus-status";
    box.append(ln, lt, status);
    const catatanUbah = h("span", "belum-simpan", berubah && k.id !== null ? " · ada perubahan belum disimpan" : "");
    catatanUbah.id = "lokus-berubah";
    status.after(catatanUbah);

    const run = runKabkota();
    const tabel = h("ol", "lokus-desa");
    tabel.id = "lokus-desa";
    for (const d of k.desa) {
      const li = h("li");
      li.dataset.kode = d.kode;
      const baris = run?.unit.find((u) => u.kode === d.kode);
      const kepala = h("div", "kepala");
      kepala.append(h("strong", undefined, d.nama ?? d.kode), h("span", "kode", ` ${d.kode}${d.kecamatan ? ` · Kec. ${d.kecamatan}` : ""}`));
      if (baris) kepala.append(chipKelas(baris.kelas));
      if (ubah) kepala.append(tombol("×", "buang", () => buang(d.kode)));
      const alasan = h("textarea");
      alasan.rows = 2;
      alasan.maxLength = 1000;
      alasan.value = d.alasan;
      alasan.disabled = !ubah;
      alasan.placeholder = baris ? `Alasan memilih desa ini (analisis: ${ringkasAnalisis(baris.kelas, baris.gi_bin, baris.nilai)})` : "Alasan memilih desa ini";
      alasan.addEventListener("input", () => { d.alasan = alasan.value; tandai(); });
      li.append(kepala, alasan);
      tabel.append(li);
    }
    if (k.desa.length === 0) box.append(h("p", "kecil", "Belum ada desa. " + (ubah ? "Tambah dari peringkat di bawah, atau nyalakan \"Pilih di peta\"." : "")));
    box.append(tabel);

    const aksi = h("div", "aksi-lokus");
    if (ubah) {
      const pilihPeta = tombol(memilih ? "Selesai memilih" : "Pilih di peta", memilih ? "aktif" : "", () => {
        memilih = !memilih;
        ctx.map.getCanvas().style.cursor = memilih ? "crosshair" : "";
        gambar();
      });
      pilihPeta.id = "lokus-pilih-peta";
      pilihPeta.title = "Klik desa di peta untuk menambah atau membuangnya dari daftar";
      const simpanB = tombol("Simpan draf", "utama", () => void simpan());
      simpanB.id = "lokus-simpan";
      aksi.append(pilihPeta, simpanB);
      if (k.id !== null) {
        const f = tombol("Finalkan", "", () => void finalkan());
        f.id = "lokus-finalkan";
        f.title = "Satu arah: daftar final tidak dapat diubah lagi";
        aksi.append(f);
      }
      aksi.append(tombol(k.id === null ? "Batal" : "Hapus draf", "bahaya", () => void hapus()));
    }
    box.append(aksi);
    if (memilih) box.append(h("p", "kecil petunjuk", "Mode pilih: klik desa di peta untuk menambah, klik lagi untuk membuang."));

    if (k.id !== null) {
      const unduh = h("p", "unduh-lokus");
      unduh.append("Unduh: ");
      for (const [teks, ext] of [["CSV", "csv"], ["GeoJSON", "geojson"]] as const) {
        const a = h("a", undefined, teks);
        a.href = `/api/lokus/${k.id}.${ext}`;
        a.id = `lokus-unduh-${ext}`;
        a.setAttribute("download", `lokus-${k.id}.${ext}`);
        unduh.append(a, " ");
      }
      box.append(unduh);
      box.append(bagianRiwayat(k));
    }
    return box;
  }

  function tandai() {
    berubah = true;
    const c = root.querySelector("#lokus-berubah");
    if (c && kerja?.id !== null) c.textContent = " · ada perubahan belum disimpan";
  }

  function bagianRiwayat(k: NonNullable<typeof kerja>): HTMLElement {
    const d = h("details", "riwayat-lokus");
    d.id = "lokus-riwayat";
    d.append(h("summary", undefined, "Riwayat"));
    const r = k.ringkas;
    if (r) d.append(h("p", "kecil", `Dibuat ${waktu(r.dibuat)}${r.dibuatOleh ? ` oleh ${r.dibuatOleh}` : ""}; terakhir diubah ${waktu(r.diubah)}${r.diubahOleh ? ` oleh ${r.diubahOleh}` : ""}.`));
    if (Array.isArray(riwayat)) {
      const ul = h("ul");
      for (const e of riwayat) {
        const li = h("li", undefined, `${waktu(e.waktu)} · ${e.pengguna} · ${NamaAksi[e.aksi] ?? e.aksi}${e.keStatus ? ` (${e.keStatus})` : ""}`);
        if (e.isi) li.title = e.isi;
        ul.append(li);
      }
      d.append(ul);
    } else if (typeof riwayat === "string") {
      d.append(h("p", "kecil", `Riwayat lengkap: ${riwayat}`));
    }
    return d;
  }

  function calon(): HTMLElement {
    const box = h("div", "lokus-calon");
    box.append(h("h3", undefined, "Peringkat dari analisis"));
    const run = runKabkota();
    if (!run) {
      box.append(h("p", "kecil", ctx.keadaan().tingkat !== "desa"
        ? "Peringkat desa perlu tingkat desa dan hasil analisis."
        : "Belum ada hasil analisis untuk wilayah ini."));
      if (ctx.keadaan().tingkat === "desa") {
        const b = tombol("Hitung kelas kesenjangan", "", () => ctx.mintaAnalisis());
        b.id = "lokus-hitung";
        box.append(b);
      }
      return box;
    }
    const pilih = h("select");
    pilih.id = "lokus-urutan";
    for (const u of DaftarUrutan) pilih.append(new Option(NamaUrutan[u], u));
    pilih.value = urutan;
    pilih.addEventListener("change", () => { urutan = pilih.value as Urutan; gambar(); });
    const label = h("label", undefined, "Urutkan menurut ");
    label.append(pilih);
    box.append(label);
    const semua = peringkatCalon(run, kabkota!, urutan, namaDesa?.kabkota === kabkota ? namaDesa.nama : undefined);
    const dipilih = new Set(kodeDiPeta());
    const tampil = semuaCalon ? semua : semua.slice(0, 10);
    const t = h("table", "calon");
    t.id = "lokus-calon";
    const kepala = h("tr");
    kepala.append(h("th", undefined, "Desa"), h("th", undefined, "Kelas"), h("th", "angka", "Gi*"), h("th", "angka", "Nilai"), h("th", "angka", "Kurang"), h("th"));
    kepala.lastElementChild!.setAttribute("aria-label", "Tambah");
    (kepala.children[4] as HTMLElement).title = "Intervensi (indikator layanan) di bawah target";
    t.append(kepala);
    for (const c of tampil) t.append(barisCalon(c, dipilih.has(c.kode)));
    box.append(t);
    if (semua.length > 10) box.append(tombol(semuaCalon ? "Tampilkan 10 teratas" : `Tampilkan semua (${semua.length})`, "tautan", () => { semuaCalon = !semuaCalon; gambar(); }));
    box.append(h("p", "kecil", `Dari analisis #${run.id} (${run.indikator}, ${run.periode}). Kurang: jumlah indikator layanan desa itu yang di bawah target.`));
    return box;
  }

  function barisCalon(c: Calon, ada: boolean): HTMLTableRowElement {
    const tr = h("tr");
    tr.dataset.kode = c.kode;
    const tambahB = tombol(ada ? "✓" : "+", "tambah", () => { if (!ada) void tambah(c.kode); });
    tambahB.disabled = ada;
    tambahB.title = ada ? "Sudah di daftar" : "Tambah ke daftar";
    const kelas = h("td");
    kelas.append(chipKelas(c.kelas));
    const nama = h("td", "nama", c.nama);
    nama.title = c.alasan;
    tr.append(nama, kelas, h("td", "angka", c.giBin === null ? "–" : String(c.giBin)), h("td", "angka", c.nilai === null ? "–" : formatAngka(c.nilai)),
      h("td", "angka", c.kurangTarget === null ? "–" : `${c.kurangTarget}/${c.dinilai}`));
    const td = h("td");
    td.append(tambahB);
    tr.append(td);
    return tr;
  }

  function chipKelas(kunci: string): HTMLElement {
    const k = KelasKesenjangan.find((x) => x.kunci === kunci) ?? DataKurang;
    const s = h("span", "chip-kelas");
    s.style.background = k.warna;
    s.title = k.label;
    s.dataset.kelas = k.kunci;
    return s;
  }

  function ringkasAnalisis(kelas: string, gi: number | null, nilai: number | null): string {
    const k = KelasKesenjangan.find((x) => x.kunci === kelas) ?? DataKurang;
    return [k.label.toLowerCase(), gi !== null && gi > 0 ? `titik panas Gi* ${gi}` : null, nilai !== null ? `nilai ${formatAngka(nilai)}` : null].filter(Boolean).join("; ");
  }

  document.addEventListener("geo:akun", () => void muatDaftar());
  let wilayahTerakhir = "";
  return {
    perbarui() {
      const w = kabkotaDari(ctx.keadaan().wilayah) ?? "";
      if (w !== wilayahTerakhir) { wilayahTerakhir = w; void muatDaftar(); return; }
      gambar();
      pasangLapisan();
    },
    sedangMemilih: () => memilih,
  };
}
