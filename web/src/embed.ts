// /embed: a read-only map for the publication portal, framed by other sites. The view comes from
// the URL (wilayah, indikator, periode, lapisan, and tingkat/klasifikasi when given); no controls
// but zoom; legend and source always shown. Every request goes without cookies, so the embed shows
// published data only, whoever's browser it runs in.
import { Map as MlMap, NavigationControl, setWorkerUrl, type LngLatBoundsLike } from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
import "./embed.css";
import { api, bboxOf, tanpaKredensial, type Indikator } from "./api.ts";
import { NamaLapisan, pewarnaanAnalisis, urlAnalisis } from "./analisis.ts";
import { klasifikasi } from "./classify.ts";
import { renderLegenda, renderLegendaAnalisis } from "./legend.ts";
import { catUnit, gayaAwal, Pewarna, polaArsir } from "./mapstyle.ts";
import { bacaUrl, metodeBawaan, tulisUrl } from "./state.ts";

declare const GEO_WORKER: string;
setWorkerUrl(new URL(GEO_WORKER, import.meta.url).href);
tanpaKredensial();

const $ = (id: string) => document.getElementById(id)!;
const keadaan = bacaUrl(location.search);
const status = (s: "memuat" | "siap" | "galat") => { document.body.dataset.status = s; };

const map = new MlMap({
  container: "peta",
  style: { version: 8, sources: {}, layers: [] },
  center: [117, -2.5],
  zoom: 4,
  attributionControl: { compact: true },
  canvasContextAttributes: { preserveDrawingBuffer: true },
  // Tiles too go without cookies: the public view, never an account's. MapLibre's type names only
  // same-origin/include, but it hands the value to fetch() as it is.
  transformRequest: (url) => ({ url, credentials: "omit" as "same-origin" }),
});
map.addControl(new NavigationControl({ showCompass: false }), "top-right");
map.on("styleimagemissing", (e) => {
  if (e.id === "arsir" && !map.hasImage("arsir")) map.addImage("arsir", polaArsir(), { pixelRatio: 1 });
});

function galat(teks: string) {
  const p = $("pesan");
  p.hidden = false;
  p.textContent = teks;
  status("galat");
}

async function mulai() {
  status("memuat");
  const [konfigurasi, katalog, wilayah] = await Promise.all([
    api.konfigurasi().catch(() => ({ basemap: null, basemapAtribusi: null })),
    api.indikator(),
    api.wilayah(keadaan.wilayah),
  ]);
  const ind: Indikator | undefined = katalog.find((i) => i.kode === keadaan.indikator);
  if (!ind) return galat(`Indikator ${keadaan.indikator} tidak ada.`);
  const b = wilayah.bbox && wilayah.bbox.length >= 4 ? wilayah.bbox : bboxOf(wilayah.geometry.coordinates);
  if (b) map.fitBounds([[b[0]!, b[1]!], [b[2]!, b[3]!]] as LngLatBoundsLike, { padding: 20, duration: 0 });
  const styled = new Promise<void>((r) => map.once("style.load", () => r()));
  map.setStyle(gayaAwal(keadaan.tingkat, konfigurasi.basemap, keadaan.wilayah), { diff: false });

  const periode = keadaan.periode ?? (await api.periode(ind.kode, keadaan.wilayah)).at(-1) ?? null;
  if (!periode) return galat(`Belum ada nilai terbit ${ind.nama} untuk ${wilayah.properties.nama}.`);
  const nilai = await api.nilai(keadaan.wilayah, ind.kode, periode, keadaan.tingkat);
  const metode = keadaan.klasifikasi ?? metodeBawaan(ind.kode);
  const klas = klasifikasi(nilai.nilai.map((u) => ({ kode: u.kode, nilai: u.nilai, target: u.target?.nilai ?? null })),
    { metode, polaritas: ind.polaritas, satuan: ind.satuan });
  const tingkat = keadaan.tingkat === "desa" ? "per desa/kelurahan" : "per kecamatan";
  const info = { judul: ind.nama, subjudul: `${wilayah.properties.nama} · ${tingkat} · periode ${periode}` };
  let warna: Pick<typeof klas, "kelas" | "kelasUnit"> = klas;
  let sintetis = nilai.sintetis;
  const lapisan = keadaan.lapisan;
  if (lapisan === "kelas" || lapisan === "lisa" || lapisan === "gi") {
    const sasaran = lapisan === "kelas" && ind.kelompok !== "prevalensi" ? "PREV_STUNTING" : ind.kode;
    const run = await api.analisis(urlAnalisis(keadaan.wilayah, sasaran, periode, keadaan.tingkat, keadaan.analisis));
    const p = pewarnaanAnalisis(lapisan, run);
    warna = p;
    sintetis ||= run.sintetis;
    info.judul = `${NamaLapisan[lapisan]} · ${katalog.find((i) => i.kode === sasaran)?.nama ?? sasaran}`;
    renderLegendaAnalisis($("legenda"), p, { ...info, tingkat: keadaan.tingkat, catatan: "" });
  } else if (lapisan === "eb") {
    // EB rates, classed like the values (as on the map page); the run says when it has none.
    const run = await api.analisis(urlAnalisis(keadaan.wilayah, ind.kode, periode, keadaan.tingkat, keadaan.analisis));
    if (run.ringkasan.penghalusan_tidak_tersedia) return galat(`${NamaLapisan.eb}: ${run.ringkasan.penghalusan_tidak_tersedia}`);
    const eb = klasifikasi(run.unit.map((u) => ({ kode: u.kode, nilai: u.eb_lokal, target: null })),
      { metode: metode === "target" ? "kuantil" : metode, polaritas: ind.polaritas, satuan: ind.satuan });
    warna = eb;
    sintetis ||= run.sintetis;
    info.judul = `${NamaLapisan.eb} · ${ind.nama}`;
    renderLegenda($("legenda"), eb, { ...info, polaritas: ind.polaritas, tingkat: keadaan.tingkat });
  } else {
    renderLegenda($("legenda"), klas, { ...info, polaritas: ind.polaritas, tingkat: keadaan.tingkat });
  }
  $("judul").replaceChildren(Object.assign(document.createElement("strong"), { textContent: info.judul }), document.createTextNode(info.subjudul));
  $("sumber").textContent = `Sumber: ${nilai.sumber.join(", ") || "–"} · Batas: Kepmendagri`;
  $("lencana-sintetis").hidden = !sintetis;
  const buka = $("buka") as HTMLAnchorElement;
  buka.href = `/${tulisUrl({ ...keadaan, periode })}`;

  await styled;
  new Pewarna(map).warnai(keadaan.tingkat, catUnit(warna, nilai.nilai.map((u) => u.kode), true));
  map.once("idle", () => status("siap"));
  map.triggerRepaint();
}

Object.assign(window, { geoSematan: { map, proyeksi: (lng: number, lat: number) => { const p = map.project([lng, lat]); return [p.x, p.y]; } } });
mulai().catch((e: Error) => galat(`Peta tidak dapat dimuat: ${e.message}`));
