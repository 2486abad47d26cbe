import { Map as MlMap, NavigationControl, ScaleControl, setWorkerUrl, type LngLatBoundsLike, type MapLayerMouseEvent, type VectorTileSource } from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
import "./style.css";
import { pasangAkun } from "./akun.ts";
import { pasangLokus, type KotakLokus } from "./lokus.ts";
import { pasangSematan, type KotakSematan } from "./sematan.ts";
import { api, bboxOf, jalur, mintaDulu, type Indikator, type Konfigurasi, type NilaiResponse, type Wilayah } from "./api.ts";
import { formatAngka, klasifikasi, NamaMetode, type Klasifikasi, type Metode } from "./classify.ts";
import { gambarPeta } from "./export.ts";
import { GrafikTertaut } from "./grafik.ts";
import { renderLegenda, renderLegendaAnalisis } from "./legend.ts";
import { adalahLapisanWaktu, DaftarAmbang, DaftarBobot, DaftarLapisan, DaftarPermutasi, NamaAmbang, NamaBobot, NamaLapisan, PenjelasanLapisan,
  pewarnaanAnalisis, urlAnalisis, type HasilAnalisis, type Pewarnaan } from "./analisis.ts";
import * as waktu from "./waktu.ts";
import { catUnit, dalamWilayah, gayaAwal, luarWilayah, Pewarna, polaArsir } from "./mapstyle.ts";
import { nilaiTeks, renderPanel, type PanelAnalisis } from "./panel.ts";
import { KotakIntervensi, muatHasil } from "./intervensi.ts";
import { lengkapiPanel } from "./panelDesa.ts";
import * as pkm from "./puskesmas.ts";
import { Label, tingkatLabelAwal } from "./label.ts";
import { SaringKelas, saringWarna, tampilTanpaData } from "./saring.ts";
import { bacaUrl, metodeBawaan, tulisUrl, type Keadaan, type Lapisan, type Tingkat } from "./state.ts";

// The build copies MapLibre's worker beside this bundle under a hashed name.
declare const GEO_WORKER: string;
setWorkerUrl(new URL(GEO_WORKER, import.meta.url).href);

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const ui = {
  provinsi: $<HTMLSelectElement>("pilih-provinsi"),
  kabkota: $<HTMLSelectElement>("pilih-kabkota"),
  kecamatan: $<HTMLSelectElement>("pilih-kecamatan"),
  indikator: $<HTMLSelectElement>("pilih-indikator"),
  periode: $<HTMLSelectElement>("pilih-periode"),
  klasifikasi: $<HTMLSelectElement>("pilih-klasifikasi"),
  lapisan: $<HTMLSelectElement>("pilih-lapisan"),
  penjelasanLapisan: $("penjelasan-lapisan"),
  parameter: $<HTMLDetailsElement>("parameter-analisis"),
  ringkasParameter: $("ringkas-parameter"),
  bobot: $<HTMLSelectElement>("pilih-bobot"),
  permutasi: $<HTMLSelectElement>("pilih-permutasi"),
  ambang: $<HTMLSelectElement>("pilih-ambang"),
  fdr: $<HTMLInputElement>("pilih-fdr"),
  cari: $<HTMLInputElement>("cari"),
  daftarDesa: $<HTMLDataListElement>("daftar-desa"),
  legenda: $("legenda"),
  panel: $("panel"),
  sintetis: $("lencana-sintetis"),
  pesan: $("pesan"),
  judul: $("judul-peta"),
  tooltip: $("tooltip"),
  sumber: $("sumber"),
  unduh: $<HTMLButtonElement>("unduh"),
  salin: $<HTMLButtonElement>("salin"),
};

let keadaan: Keadaan = bacaUrl(location.search);

// Every request of the first load starts now, side by side, before MapLibre sets up WebGL (slow
// in a software-rendered browser): the steps below find their answers waiting instead of
// asking one after another. The order counts: over HTTP/1.1 the browser opens six connections
// to the server, so the extent (the camera, then the tiles) and the values go first, the label
// points last.
{
  const w = keadaan.wilayah;
  const kab = w.length >= 5 ? w.slice(0, 5) : null;
  mintaDulu([jalur.wilayah(w),
    ...(keadaan.periode ? [jalur.nilai(w, keadaan.indikator, keadaan.periode, keadaan.tingkat)] : []),
    jalur.periode(keadaan.indikator, w), jalur.indikator, jalur.konfigurasi,
    ...(keadaan.periode && keadaan.tingkat !== "desa" ? [jalur.nilai(w, keadaan.indikator, keadaan.periode, "desa")] : []),
    jalur.kelompok(w), jalur.wilayahAnak(null), jalur.wilayahAnak(w.slice(0, 2)), ...(kab ? [jalur.wilayahAnak(kab)] : []),
    jalur.titikLabel(w, tingkatLabelAwal(w))]);
}
let katalog: Indikator[] = [];
let konfigurasi: Konfigurasi = { basemap: null, basemapAtribusi: null };
let klas: Klasifikasi | null = null;
let data: NilaiResponse | null = null;
let namaWilayah = "";
/** Every unit of the view (at puskesmas level: every desa): those without a class are hatched. */
let semuaUnit: string[] = [];
/** The run behind an analysis layer (kept while only the layer changes), and the layer's colouring. */
let hasil: { url: string; data: HasilAnalisis } | null = null;
let pewarnaan: Pewarnaan | null = null;
/** A layer over time (waktu.ts): its method line for the legend, and whether its run read synthetic data. */
let lapisanWaktu: { catatan: string; sintetis: boolean; tidakPasti: string[] } | null = null;
const namaDesa = new Map<string, string>();
const intervensi = new KotakIntervensi($<HTMLDetailsElement>("intervensi"), {
  indikator: (kode) => void pilihIndikator(kode, "target", true),
  desa: (kode) => void keDesa(kode),
});
const saring = new SaringKelas(ui.legenda, () => { const ind = indikatorAktif(); if (ind) terapkan(ind); });
let permintaan = 0;
/** The puskesmas groupings of the area (empty: the puskesmas level is not offered there). */
let kelompok: pkm.Kelompok[] = [];
let anggota = new Map<string, pkm.Kelompok>();

function status(s: "memuat" | "siap" | "galat") {
  document.body.dataset.status = s;
  if (s !== "memuat" && namaTertunda) pasangNama();
}

/**
 * Names come just after the choropleth of a new style: laying them out asks MapLibre's worker and
 * main thread for every glyph of every name (rasterised from our fonts), which held the first
 * drawn map back (bench/README.md, "Names after the choropleth"). `data-nama` says when they are
 * drawn too.
 */
let namaTertunda = false;
function pasangNama() {
  namaTertunda = false;
  document.body.dataset.nama = "memuat";
  label.pasang(keadaan.tingkat);
  map.once("idle", () => { document.body.dataset.nama = "siap"; });
}

function pesan(teks: string | null) {
  ui.pesan.hidden = teks === null;
  ui.pesan.textContent = teks ?? "";
}

function simpanUrl() {
  const url = location.pathname + tulisUrl(keadaan);
  if (url !== location.pathname + location.search) history.replaceState(null, "", url);
}

function isiSelect(select: HTMLSelectElement, items: { value: string; label: string }[], value: string | null, kosong?: string) {
  select.replaceChildren();
  if (kosong !== undefined) select.append(new Option(kosong, ""));
  for (const i of items) select.append(new Option(i.label, i.value));
  select.value = value ?? "";
}

/** The tiles the level is drawn on: puskesmas areas have no boundaries of their own, they are drawn on the desa. */
function tingkatPeta(): "desa" | "kecamatan" {
  return keadaan.tingkat === "kecamatan" ? "kecamatan" : "desa";
}

// The style from the start (a basemap, if configured, comes with a second style): MapLibre fetches
// the TileJSON and starts its worker while the page's own requests are under way.
const map = new MlMap({
  container: "peta",
  style: gayaAwal(tingkatPeta(), null, keadaan.wilayah),
  center: [117, -2.5],
  zoom: 4,
  attributionControl: { compact: true },
  canvasContextAttributes: { preserveDrawingBuffer: true },
  // Names appear at once: a fade redraws the whole map for its duration after every placement
  // change, each frame a full frame of a software-rendered GPU.
  fadeDuration: 0,
});
// Linked views (grafik.ts): the gap quadrant and the Moran scatter, under the legend, tied to the map.
const grafik = new GrafikTertaut(map, () => keadaan.tingkat);
ui.legenda.after(grafik.elemen);

map.addControl(new NavigationControl({ showCompass: false }), "top-right");
map.addControl(new ScaleControl({ unit: "metric" }), "bottom-right");
const label = new Label(map);
const pewarna = new Pewarna(map);
let gayaSiap = tungguGaya();
map.on("styleimagemissing", (e) => {
  if (e.id === "arsir" && !map.hasImage("arsir")) map.addImage("arsir", polaArsir(), { pixelRatio: 1 });
});

function tungguGaya(): Promise<void> {
  return new Promise<void>((resolve) => map.once("style.load", () => resolve())).then(() => {
    namaTertunda = true;
    if (document.body.dataset.status !== "memuat") pasangNama();
  });
}

function muatGaya(): Promise<void> {
  gayaSiap = tungguGaya();
  pewarna.lupakan();
  map.setStyle(gayaAwal(tingkatPeta(), konfigurasi.basemap, keadaan.wilayah), { diff: false });
  return gayaSiap;
}

// --- Area ----------------------------------------------------------------------------------

async function isiWilayah() {
  const kode = keadaan.wilayah;
  const prov = kode.slice(0, 2);
  const kab = kode.length >= 5 ? kode.slice(0, 5) : null;
  const kec = kode.length >= 8 ? kode.slice(0, 8) : null;
  const [provinsi, kabkota, kecamatan] = await Promise.all([
    api.wilayahAnak(null),
    api.wilayahAnak(prov),
    kab ? api.wilayahAnak(kab) : Promise.resolve([] as Wilayah[]),
  ]);
  const opts = (ws: Wilayah[]) => ws.map((w) => ({ value: w.kode, label: w.nama }));
  isiSelect(ui.provinsi, opts(provinsi), prov);
  isiSelect(ui.kabkota, opts(kabkota), kab, "Semua kabupaten/kota");
  isiSelect(ui.kecamatan, opts(kecamatan), kec, kab ? "Semua kecamatan" : "Pilih kabupaten/kota dulu");
  ui.kecamatan.disabled = !kab;
  await isiPuskesmas(kode);
  void label.muat(kode);
  const semua = [...provinsi, ...kabkota, ...kecamatan];
  namaWilayah = semua.find((w) => w.kode === kode)?.nama ?? kode;
  if (kec) namaWilayah = `Kec. ${namaWilayah}, ${kabkota.find((w) => w.kode === kab)?.nama ?? ""}`;
}

/** Offers the puskesmas level only where the area has puskesmas groupings. */
async function isiPuskesmas(kode: string) {
  kelompok = await pkm.muatKelompok(kode).catch(() => []);
  anggota = pkm.petaAnggota(kelompok);
  const radio = document.querySelector<HTMLInputElement>("input[name=tingkat][value=puskesmas]")!;
  radio.disabled = kelompok.length === 0;
  radio.parentElement!.title = kelompok.length === 0 ? pkm.PesanTanpaPuskesmas : `${kelompok.length} wilayah kerja puskesmas`;
  if (keadaan.tingkat === "puskesmas" && kelompok.length === 0) {
    keadaan.tingkat = "desa";
    for (const r of document.querySelectorAll<HTMLInputElement>("input[name=tingkat]")) r.checked = r.value === "desa";
    pesan(pkm.PesanTanpaPuskesmas);
  }
}

async function keWilayah(kode: string) {
  try {
    const f = await api.wilayah(kode);
    // The feature carries no bbox member; its extent is read from the coordinates.
    const b = f.bbox && f.bbox.length >= 4 ? f.bbox : bboxOf(f.geometry.coordinates);
    const kamera = b ? map.cameraForBounds([[b[0]!, b[1]!], [b[2]!, b[3]!]] as LngLatBoundsLike, { padding: 40 }) : undefined;
    if (!kamera) return;
    // A province at desa level fits below the zoom where the desa tiles begin (z8 for Jawa
    // Tengah in a 1280-pixel window: 7.6), where the map would show no unit at all: it opens on
    // the area's middle at that zoom instead, every desa in view drawn.
    map.jumpTo({ ...kamera, zoom: Math.max(kamera.zoom ?? 0, await zoomTerkecil()) });
  } catch { /* the area stays where it is */ }
}

/** The zoom where the unit tiles begin (their TileJSON's minzoom), once MapLibre has read it. */
function zoomTerkecil(): Promise<number> {
  return new Promise((resolve) => {
    const baca = () => {
      const s = map.getSource<VectorTileSource>("unit");
      return s?.loaded() ? s.minzoom : null;
    };
    const z = baca();
    if (z !== null) { resolve(z); return; }
    const tunggu = () => {
      const z = baca();
      if (z === null) return;
      map.off("sourcedata", tunggu);
      resolve(z);
    };
    map.on("sourcedata", tunggu);
    // Without its TileJSON the tiles fail anyway: the area is still fitted.
    setTimeout(() => { map.off("sourcedata", tunggu); resolve(0); }, 10_000);
  });
}

// --- Indicator, period, values --------------------------------------------------------------

function indikatorAktif(): Indikator | undefined {
  return katalog.find((i) => i.kode === keadaan.indikator);
}

function isiIndikator() {
  ui.indikator.replaceChildren();
  const nama: Record<string, string> = { prevalensi: "Prevalensi", layanan: "Layanan esensial", sasaran: "Sasaran", layanan_kecamatan: "Layanan kecamatan", data_dukung: "Data dukung", pengguna: "Buatan pengguna" };
  const groups = new Map<string, HTMLOptGroupElement>();
  for (const i of katalog) {
    let g = groups.get(i.kelompok);
    if (!g) {
      g = document.createElement("optgroup");
      g.label = nama[i.kelompok] ?? i.kelompok;
      groups.set(i.kelompok, g);
      ui.indikator.append(g);
    }
    const o = new Option(`${i.kode} · ${i.nama}`, i.kode);
    o.title = i.nama;
    g.append(o);
  }
  ui.indikator.value = keadaan.indikator;
}

function metode(): Metode {
  return keadaan.klasifikasi ?? metodeBawaan(keadaan.indikator);
}

function isiKlasifikasi(adaTarget: boolean) {
  const m = metode();
  ui.klasifikasi.replaceChildren();
  for (const k of Object.keys(NamaMetode) as Metode[]) {
    const o = new Option(NamaMetode[k], k);
    if (k === "who" && keadaan.indikator !== "PREV_STUNTING") { o.disabled = true; o.title = "Kelas WHO hanya untuk prevalensi stunting"; }
    if (k === "target" && !adaTarget) { o.disabled = true; o.title = "Indikator ini tidak punya target"; }
    ui.klasifikasi.append(o);
  }
  ui.klasifikasi.value = m;
}

/** Reloads periods and values for the state, then repaints; stale answers are dropped. */
async function segarkan(opsi: { periodeUlang?: boolean } = {}) {
  const nomor = ++permintaan;
  status("memuat");
  pesan(null);
  const ind = indikatorAktif();
  if (!ind) { pesan(`Indikator ${keadaan.indikator} tidak ada di katalog.`); status("galat"); return; }
  try {
    // The period held is almost always still offered: its values are asked for beside the list.
    const tebakan = !opsi.periodeUlang && keadaan.periode ? keadaan.periode : null;
    const nilaiTebakan = tebakan ? muatNilai(ind, tebakan) : null;
    nilaiTebakan?.catch(() => undefined);
    const periode = await api.periode(ind.kode, keadaan.wilayah);
    if (nomor !== permintaan) return;
    if (opsi.periodeUlang || !keadaan.periode || !periode.includes(keadaan.periode)) keadaan.periode = periode.at(-1) ?? null;
    isiSelect(ui.periode, [...periode].reverse().map((p) => ({ value: p, label: p })), keadaan.periode);
    slider.isi(periode, keadaan.periode, keadaan.dari);
    ui.periode.disabled = periode.length === 0;
    if (!keadaan.periode) {
      data = null;
      semuaUnit = [];
      pewarnaan = null;
      klas = klasifikasi([], { metode: metode(), polaritas: ind.polaritas, satuan: ind.satuan });
      terapkan(ind);
      pesan(`Belum ada nilai terbit ${ind.nama} untuk ${namaWilayah}. Pilih indikator atau wilayah lain.`);
      await siapSetelahIdle(nomor);
      return;
    }
    const [nilai, desa] = await (keadaan.periode === tebakan && nilaiTebakan ? nilaiTebakan : muatNilai(ind, keadaan.periode));
    if (nomor !== permintaan) return;
    data = nilai;
    semuaUnit = (keadaan.tingkat === "puskesmas" && desa ? desa : nilai).nilai.map((u) => u.kode);
    const units = nilai.nilai;
    const adaTarget = units.some((u) => u.target !== null) && ind.polaritas !== null;
    if (metode() === "target" && !adaTarget) keadaan.klasifikasi = null;
    if (metode() === "who" && ind.kode !== "PREV_STUNTING") keadaan.klasifikasi = null;
    isiKlasifikasi(adaTarget);
    klas = klasifikasi(units.map((u) => ({ kode: u.kode, nilai: u.nilai, target: u.target?.nilai ?? null })),
      { metode: metode(), polaritas: ind.polaritas, satuan: ind.satuan });
    isiCari((desa ?? nilai).nilai);
    let galat: string | null = null;
    pewarnaan = null;
    if (keadaan.lapisan !== "nilai") {
      try {
        await muatAnalisis(ind, keadaan.lapisan, nomor);
      } catch (e) {
        galat = `${NamaLapisan[keadaan.lapisan]} tidak dapat dihitung: ${(e as Error).message} Peta menampilkan nilai indikator.`;
      }
      if (nomor !== permintaan) return;
    }
    terapkan(ind);
    simpanUrl();
    if (galat) pesan(galat);
    await siapSetelahIdle(nomor);
    if (galat && nomor === permintaan) status("galat");
  } catch (e) {
    if (nomor !== permintaan) return;
    pesan(`Gagal memuat data: ${(e as Error).message}`);
    status("galat");
  }
}

/** The values of the view, and at kecamatan or puskesmas level those of its desa too (for the search and the hatch). */
function muatNilai(ind: Indikator, periode: string): Promise<[NilaiResponse, NilaiResponse | null]> {
  return Promise.all([
    api.nilai(keadaan.wilayah, ind.kode, periode, keadaan.tingkat),
    keadaan.tingkat === "desa" ? Promise.resolve(null) : api.nilai(keadaan.wilayah, ind.kode, periode, "desa"),
  ]);
}

/** The indicator an analysis layer is computed on: gap classes, exceedance and the bivariate LISA are about prevalence, so a coverage indicator falls back to stunting. */
function indikatorAnalisis(ind: Indikator, lapisan: Exclude<Lapisan, "nilai">): Indikator {
  if (lapisan !== "lisa" && lapisan !== "gi" && lapisan !== "eb" && ind.kelompok !== "prevalensi") return katalog.find((i) => i.kode === "PREV_STUNTING") ?? ind;
  return ind;
}

/** Fetches the run for the view (unless it is the one held) and colours the layer from it. */
async function muatAnalisis(ind: Indikator, lapisan: Exclude<Lapisan, "nilai">, nomor: number) {
  if (keadaan.tingkat === "puskesmas") throw new Error("lapisan analisis dihitung per desa atau kecamatan; pilih tingkat Desa atau Kecamatan.");
  const sasaran = indikatorAnalisis(ind, lapisan);
  const bivariat = lapisan === "bivariat" ? waktu.cakupanBivariat({ indikator: ind, katalog })?.kode : undefined;
  const url = urlAnalisis(keadaan.wilayah, sasaran.kode, keadaan.periode!, keadaan.tingkat, keadaan.analisis, bivariat);
  if (hasil?.url !== url) {
    const data = await muatHasil(url);
    if (nomor !== permintaan) return;
    hasil = { url, data };
  }
  const run = hasil.data;
  lapisanWaktu = null;
  if (adalahLapisanWaktu(lapisan)) {
    const w = await waktu.muatLapisanWaktu(lapisan, run, konteksWaktu(ind));
    if (nomor !== permintaan) return;
    pewarnaan = w.pewarnaan;
    lapisanWaktu = { catatan: w.catatan, sintetis: w.sintetis, tidakPasti: w.pewarnaan.tidakPasti };
  } else if (lapisan === "eb") {
    const tidak = run.ringkasan.penghalusan_tidak_tersedia;
    if (tidak) throw new Error(tidak);
    const m = metode() === "target" ? "kuantil" : metode();
    const k = klasifikasi(run.unit.map((u) => ({ kode: u.kode, nilai: u.eb_lokal, target: null })), { metode: m, polaritas: sasaran.polaritas, satuan: sasaran.satuan });
    pewarnaan = { kelas: k.kelas.map((c) => ({ ...c, kunci: c.label, penjelasan: "" })), kelasUnit: k.kelasUnit, tanpaData: k.tanpaData,
      tanpa: { kunci: "tanpa_data", label: "Tanpa data", warna: "#d9d9d9", penjelasan: "" } };
  } else {
    pewarnaan = pewarnaanAnalisis(lapisan, run);
  }
}

function siapSetelahIdle(nomor: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => { if (nomor === permintaan) status("siap"); resolve(); };
    if (map.loaded() && map.areTilesLoaded()) { map.once("idle", done); map.triggerRepaint(); } else map.once("idle", done);
  });
}

function judul(ind: Indikator): { judul: string; subjudul: string } {
  const tingkat = keadaan.tingkat === "desa" ? "per desa/kelurahan" : keadaan.tingkat === "puskesmas" ? "per wilayah kerja puskesmas" : "per kecamatan";
  return { judul: ind.nama, subjudul: `${namaWilayah} · ${tingkat} · periode ${keadaan.periode ?? "–"}` };
}

/** The layer on the map: an analysis layer once its run is in, else the values. */
function lapisanTampil(): Lapisan {
  return pewarnaan && hasil ? keadaan.lapisan : "nilai";
}

function konteksWaktu(ind: Indikator): waktu.KonteksWaktu {
  return { wilayah: keadaan.wilayah, tingkat: keadaan.tingkat, indikator: ind, periode: keadaan.periode!, dari: keadaan.dari, analisis: keadaan.analisis, katalog };
}

function catatanAnalisis(run: HasilAnalisis, lapisan: Exclude<Lapisan, "nilai">): string {
  if (adalahLapisanWaktu(lapisan)) return lapisanWaktu?.catatan ?? "";
  const p = keadaan.analisis;
  const r = run.ringkasan;
  const bagian = [`Bobot ${NamaBobot[p.bobot]}`, `${p.permutasi} permutasi`, `FDR ${p.fdr ? "aktif" : "tidak"}`];
  if (lapisan === "kelas") bagian.push(`ambang ${NamaAmbang[p.ambang].toLowerCase()} = ${formatAngka(r.ambang_prevalensi)}%`);
  if (lapisan === "eb") bagian.push("EB lokal (tetangga)");
  if (r.moran && lapisan !== "kelas") bagian.push(`Moran's I global ${formatAngka(r.moran.i, 3)} (p ${formatAngka(r.moran.p, 3)})`);
  if (r.tanpa_tetangga.length > 0) bagian.push(`${r.tanpa_tetangga.length} unit tanpa tetangga`);
  return bagian.join(" · ");
}

/** The title of what the map shows: an analysis layer names the indicator its run is computed on. */
function judulTampil(ind: Indikator): { judul: string; subjudul: string } {
  const j = judul(ind);
  const lapisan = lapisanTampil();
  if (lapisan !== "nilai" && pewarnaan && hasil) {
    const sasaran = lapisan === "perubahan" || lapisan === "titikpanas" ? ind : katalog.find((i) => i.kode === hasil!.data.indikator) ?? ind;
    j.judul = `${NamaLapisan[lapisan]} · ${sasaran.nama}`;
  }
  return j;
}

/** Whether any value the map shows is synthetic: the values, the run or the layer over time. */
function sintetisTampil(): boolean {
  const lapisan = lapisanTampil();
  return (data?.sintetis ?? false) || (lapisan !== "nilai" && ((hasil?.data.sintetis ?? false) || (lapisanWaktu?.sintetis ?? false)));
}

function terapkan(ind: Indikator) {
  if (!klas) return;
  const lapisan = lapisanTampil();
  const warna = lapisan !== "nilai" && pewarnaan ? pewarnaan : klas;
  const j = judulTampil(ind);
  if (lapisan !== "nilai" && pewarnaan && hasil) {
    renderLegendaAnalisis(ui.legenda, pewarnaan, { ...j, tingkat: keadaan.tingkat, catatan: catatanAnalisis(hasil.data, lapisan) });
  } else {
    renderLegenda(ui.legenda, klas, { ...j, polaritas: ind.polaritas, tingkat: keadaan.tingkat });
  }
  // The class filter (saring.ts) reads the rows just rendered, then the map is painted with it.
  const pilihan = saring.tandai();
  const warnaPeta = keadaan.tingkat === "puskesmas" ? pkm.keDesa(warna, kelompok) : warna;
  if (map.getLayer("isi")) {
    // The filters change with the area only (MapLibre skips an equal one); colours go by feature state.
    map.setFilter("luar", luarWilayah(keadaan.wilayah));
    for (const id of ["isi", "arsir"]) map.setFilter(id, dalamWilayah(keadaan.wilayah));
    pewarna.warnai(tingkatPeta(), catUnit(saringWarna(warnaPeta, pilihan), semuaUnit, tampilTanpaData(pilihan)));
  }
  ui.judul.replaceChildren(Object.assign(document.createElement("strong"), { textContent: j.judul }), document.createTextNode(j.subjudul));
  grafik.perbarui(lapisan !== "nilai" && hasil ? hasil.data : null);
  const sintetis = sintetisTampil();
  waktu.tandaiTidakPasti(map, keadaan.tingkat, lapisan === "peluang" ? (lapisanWaktu?.tidakPasti ?? []) : []);
  ui.sintetis.hidden = !sintetis;
  ui.sumber.textContent = data ? `Sumber: ${data.sumber.join(", ") || "–"}` : "";
  ui.unduh.disabled = !data;
  intervensi.perbarui(keadaan);
  lokus?.perbarui();
  sematan?.perbarui();
  if (keadaan.desa) void bukaPanel(keadaan.desa, false);
}

/** The area's desa for the search; the same area again (another indicator) keeps the list. */
let cariUntuk = "";
let cariOpsi: string[] = [];
function isiCari(items: { kode: string; nama: string }[]) {
  const kunci = `${keadaan.wilayah}|${items.length}|${items[0]?.kode ?? ""}|${items.at(-1)?.kode ?? ""}`;
  if (kunci === cariUntuk) return;
  cariUntuk = kunci;
  namaDesa.clear();
  cariOpsi = [];
  const kecamatan = new Map([...ui.kecamatan.options].map((o) => [o.value, o.text]));
  for (const d of items) {
    if (d.kode.length < 13) continue;
    const label = `${d.nama} — Kec. ${kecamatan.get(d.kode.slice(0, 8)) ?? d.kode.slice(0, 8)}`;
    namaDesa.set(label.toLowerCase(), d.kode);
    cariOpsi.push(label);
  }
  ui.daftarDesa.replaceChildren();
  ui.daftarDesa.dataset.isi = "";
}
// The suggestions (8,563 options for a province) are built when the search field is first used,
// not while the map is being drawn.
function isiSaran() {
  if (ui.daftarDesa.dataset.isi === cariUntuk) return;
  ui.daftarDesa.dataset.isi = cariUntuk;
  ui.daftarDesa.replaceChildren(...cariOpsi.map((l) => new Option(l, l)));
}
ui.cari.addEventListener("focus", isiSaran);
ui.cari.addEventListener("input", isiSaran);

// --- Panel ------------------------------------------------------------------------------------

async function bukaPanel(kode: string, simpan = true) {
  if (!keadaan.periode) return;
  keadaan.desa = kode;
  if (simpan) simpanUrl();
  map.setFilter("pilih", ["==", ["get", "kode"], kode]);
  ui.panel.hidden = false;
  ui.panel.classList.add("memuat");
  try {
    grafik.pilihDesa(kode);
    const [unit, analisis] = await Promise.all([api.nilaiUnit(kode, keadaan.periode), panelAnalisis(kode)]);
    if (keadaan.desa !== kode) return;
    renderPanel(ui.panel, unit, keadaan.indikator, tutupPanel, analisis);
    const ind = indikatorAktif();
    if (ind && keadaan.tingkat !== "puskesmas") void waktu.lengkapiPanelWaktu(ui.panel, kode, konteksWaktu(ind),
      hasil && analisis ? { run: hasil.data, baris: analisis.baris } : null);
    void lengkapiPanel(ui.panel, { kode, indikator: keadaan.indikator, namaIndikator: indikatorAktif()?.nama ?? keadaan.indikator,
      tampilan: keadaan, adaAnalisis: analisis !== undefined });
  } catch (e) {
    ui.panel.textContent = `Gagal memuat panel: ${(e as Error).message}`;
  } finally {
    ui.panel.classList.remove("memuat");
  }
}

/** The analysis part of the panel: the desa's full row (with its reasons) comes from /api/analisis/{id}/unit/{kode}. */
async function panelAnalisis(kode: string): Promise<PanelAnalisis | undefined> {
  const lapisan = lapisanTampil();
  if (lapisan === "nilai" || !hasil) return undefined;
  const run = hasil.data;
  const sasaran = katalog.find((i) => i.kode === run.indikator);
  const baris = run.unit.some((u) => u.kode === kode) ? await api.unitAnalisis(run.id, kode).catch(() => null) : null;
  return { lapisan, indikator: sasaran?.nama ?? run.indikator, satuan: sasaran?.satuan ?? "persen", ebTidak: run.ringkasan.penghalusan_tidak_tersedia, baris };
}

function tutupPanel() {
  keadaan.desa = null;
  grafik.pilihDesa(null);
  ui.panel.hidden = true;
  if (map.getLayer("pilih")) map.setFilter("pilih", ["==", ["get", "kode"], ""]);
  simpanUrl();
}

function unitDi(e: MapLayerMouseEvent): string | null {
  const f = e.features?.[0];
  return typeof f?.properties?.["kode"] === "string" ? f.properties["kode"] : null;
}

function pasangInteraksi() {
  for (const layer of ["isi", "arsir"]) {
    map.on("click", layer, (e) => { const k = unitDi(e); if (k && !lokus?.sedangMemilih()) void bukaPanel(k); });
    map.on("mousemove", layer, (e) => {
      const k = unitDi(e);
      if (!k) return;
      map.getCanvas().style.cursor = "pointer";
      map.setFilter("sorot", ["==", ["get", "kode"], k]);
      // At puskesmas level a desa shows its puskesmas' roll-up.
      const unit = keadaan.tingkat === "puskesmas" ? (anggota.get(k)?.kode ?? k) : k;
      const item = data?.nilai.find((n) => n.kode === unit);
      const ind = indikatorAktif();
      ui.tooltip.hidden = false;
      ui.tooltip.style.transform = `translate(${e.point.x + 14}px, ${e.point.y + 14}px)`;
      const lapisan = lapisanTampil();
      // A categorical layer names the unit's category (as its legend row).
      const i = lapisan !== "nilai" && lapisan !== "eb" ? pewarnaan?.kelasUnit.get(k) : undefined;
      const kategori = lapisan === "nilai" || lapisan === "eb" || !pewarnaan ? null : i === undefined ? pewarnaan.tanpa.label : pewarnaan.kelas[i]!.label;
      ui.tooltip.textContent = `${item?.nama ?? k}: ${item && ind ? nilaiTeks(item.nilai, ind.satuan) : "–"}${item?.sintetis ? " (sintetis)" : ""}`
        + (kategori ? ` · ${kategori}` : "");
    });
    map.on("mouseleave", layer, () => {
      map.getCanvas().style.cursor = "";
      map.setFilter("sorot", ["==", ["get", "kode"], ""]);
      ui.tooltip.hidden = true;
    });
  }
}

// --- Controls ---------------------------------------------------------------------------------

async function gantiWilayah(kode: string) {
  keadaan.wilayah = kode;
  keadaan.desa = null;
  ui.panel.hidden = true;
  await isiWilayah();
  await keWilayah(kode);
  await segarkan();
}

ui.provinsi.addEventListener("change", () => void gantiWilayah(ui.provinsi.value));
ui.kabkota.addEventListener("change", () => void gantiWilayah(ui.kabkota.value || ui.provinsi.value));
ui.kecamatan.addEventListener("change", () => void gantiWilayah(ui.kecamatan.value || ui.kabkota.value));
ui.indikator.addEventListener("change", () => void pilihIndikator(ui.indikator.value, null, false));

/** Shows an indicator (from the picker; from an intervention: its values against its target). */
async function pilihIndikator(kode: string, klasifikasi: Metode | null, keNilai: boolean) {
  keadaan.indikator = kode;
  keadaan.klasifikasi = klasifikasi;
  ui.indikator.value = kode;
  if (keNilai) {
    keadaan.lapisan = "nilai";
    ui.lapisan.value = "nilai";
    tampilkanParameter();
  }
  await segarkan();
}

/** Zooms to a desa and opens its panel (search, intervention ranking). */
async function keDesa(kode: string) {
  await keWilayah(kode);
  if (keadaan.tingkat !== "kecamatan") await bukaPanel(kode);
}
ui.periode.addEventListener("change", () => { keadaan.periode = ui.periode.value; void segarkan(); });
const slider = waktu.pasangSlider(ui.periode, (dari) => { keadaan.dari = dari; void segarkan(); });
ui.klasifikasi.addEventListener("change", () => {
  keadaan.klasifikasi = ui.klasifikasi.value as Metode;
  void segarkan();
});
function isiLapisan() {
  isiSelect(ui.lapisan, DaftarLapisan.map((l) => ({ value: l, label: NamaLapisan[l] })), keadaan.lapisan);
  isiSelect(ui.bobot, DaftarBobot.map((b) => ({ value: b, label: NamaBobot[b] })), keadaan.analisis.bobot);
  isiSelect(ui.permutasi, DaftarPermutasi.map((n) => ({ value: String(n), label: String(n) })), String(keadaan.analisis.permutasi));
  if (!DaftarPermutasi.includes(keadaan.analisis.permutasi)) ui.permutasi.append(new Option(String(keadaan.analisis.permutasi), String(keadaan.analisis.permutasi), true, true));
  isiSelect(ui.ambang, DaftarAmbang.map((a) => ({ value: a, label: NamaAmbang[a] })), keadaan.analisis.ambang);
  ui.fdr.checked = keadaan.analisis.fdr;
  tampilkanParameter();
}

function tampilkanParameter() {
  ui.parameter.hidden = keadaan.lapisan === "nilai";
  ui.penjelasanLapisan.textContent = PenjelasanLapisan[keadaan.lapisan];
  const p = keadaan.analisis;
  ui.ringkasParameter.textContent = `(${p.bobot}, ${p.permutasi}, ${p.ambang}, FDR ${p.fdr ? "ya" : "tidak"})`;
  // Classes of values apply to the values and to EB rates, not to the categorical layers.
  const kategoris = keadaan.lapisan === "kelas" || keadaan.lapisan === "lisa" || keadaan.lapisan === "gi" || adalahLapisanWaktu(keadaan.lapisan);
  ui.klasifikasi.disabled = kategoris;
  ui.klasifikasi.title = kategoris ? "Lapisan analisis ini punya kelasnya sendiri" : "";
}

ui.lapisan.addEventListener("change", () => {
  keadaan.lapisan = ui.lapisan.value as Lapisan;
  tampilkanParameter();
  void segarkan();
});
for (const [el, set] of [
  [ui.bobot, () => { keadaan.analisis.bobot = ui.bobot.value as typeof keadaan.analisis.bobot; }],
  [ui.permutasi, () => { keadaan.analisis.permutasi = Number(ui.permutasi.value); }],
  [ui.ambang, () => { keadaan.analisis.ambang = ui.ambang.value as typeof keadaan.analisis.ambang; }],
  [ui.fdr, () => { keadaan.analisis.fdr = ui.fdr.checked; }],
] as const) {
  el.addEventListener("change", () => { set(); tampilkanParameter(); void segarkan(); });
}

for (const radio of document.querySelectorAll<HTMLInputElement>("input[name=tingkat]")) {
  radio.addEventListener("change", async () => {
    keadaan.tingkat = radio.value as Tingkat;
    tutupPanel();
    await muatGaya();
    await segarkan();
  });
}
ui.cari.addEventListener("change", async () => {
  const kode = namaDesa.get(ui.cari.value.trim().toLowerCase());
  if (!kode) return;
  ui.cari.value = "";
  await keDesa(kode);
});
ui.salin.addEventListener("click", async () => {
  try {
    await navigator.clipboard.writeText(location.href);
    ui.salin.textContent = "Tautan disalin";
  } catch {
    ui.salin.textContent = "Salin dari bilah alamat";
  }
  setTimeout(() => { ui.salin.textContent = "Salin tautan"; }, 2000);
});

function pngDataUrl(): string {
  const ind = indikatorAktif();
  if (!ind || !klas) throw new Error("peta belum siap");
  const lapisan = lapisanTampil();
  const analisis = lapisan !== "nilai" && pewarnaan ? pewarnaan : null;
  return gambarPeta(map, {
    ...judulTampil(ind),
    sumber: data?.sumber.join(", ") || "–",
    sintetis: sintetisTampil(),
    // The legend as the map shows it, faded classes included when a class filter is on.
    klasifikasi: saringWarna(analisis ? { ...analisis, metode: klas.metode } : klas, saring.pilihan()),
    namaMetode: analisis ? NamaLapisan[lapisan] : NamaMetode[klas.metode],
  }).toDataURL("image/png");
}

ui.unduh.addEventListener("click", async () => {
  // Names come just after the choropleth: the image waits for them.
  if (document.body.dataset.nama === "memuat") await new Promise((r) => map.once("idle", r));
  const a = document.createElement("a");
  a.href = pngDataUrl();
  a.download = `peta-${keadaan.wilayah}-${keadaan.indikator}-${keadaan.periode ?? ""}.png`;
  a.click();
});

// A handle for the browser tests (and for a curious analyst in the console).
Object.assign(window, {
  geoPeta: {
    map,
    keadaan: () => ({ ...keadaan }),
    klasifikasi: () => klas,
    /** The colouring of the analysis layer on the map (null: the values are shown) and its run. */
    analisis: () => (lapisanTampil() === "nilai" ? null : { pewarnaan, id: hasil?.data.id ?? null }),
    proyeksi: (lng: number, lat: number) => { const p = map.project([lng, lat]); return [p.x, p.y]; },
    png: pngDataUrl,
  },
});

// --- Lokus (web/src/lokus.ts) and the embed snippet (web/src/sematan.ts) --------------------------
let lokus: KotakLokus | null = null;
let sematan: KotakSematan | null = null;
function pasangKotakLokus() {
  sematan = pasangSematan($<HTMLDetailsElement>("sematan"), () => keadaan,
    () => { const i = indikatorAktif(); return i ? `Peta TPPS: ${judul(i).judul}, ${namaWilayah}` : "Peta TPPS"; });
  lokus = pasangLokus($("kotak-lokus"), {
    map,
    keadaan: () => keadaan,
    analisis: () => (hasil && hasil.data.periode === keadaan.periode ? hasil.data : null),
    mintaAnalisis: () => { ui.lapisan.value = "kelas"; ui.lapisan.dispatchEvent(new Event("change")); },
  });
}

async function mulai() {
  status("memuat");
  pasangKotakLokus();
  // Beside the map, not before it: a failure here must not keep the public map from loading.
  void pasangAkun($("kotak-akun")).catch(() => undefined);
  for (const r of document.querySelectorAll<HTMLInputElement>("input[name=tingkat]")) r.checked = r.value === keadaan.tingkat;
  try {
    [konfigurasi, katalog] = await Promise.all([api.konfigurasi().catch(() => konfigurasi), api.indikator()]);
    if (!katalog.some((i) => i.kode === keadaan.indikator)) keadaan.indikator = "PREV_STUNTING";
    isiIndikator();
    isiLapisan();
    // All of these find their answers started at the top of this module.
    await Promise.all([konfigurasi.basemap ? muatGaya() : gayaSiap, isiWilayah(), keWilayah(keadaan.wilayah)]);
    pasangInteraksi();
    await segarkan();
  } catch (e) {
    pesan(`Peta tidak dapat dimuat: ${(e as Error).message}`);
    status("galat");
  }
}

void mulai();
