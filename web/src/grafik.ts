// Linked views (issue 12): the gap quadrant chart and the Moran scatter plot of the analysis run,
// drawn on canvas from the summary's per-unit columns. Brushing points (drag a rectangle) highlights
// those desa on the map through a filter layer; clicking a desa on the map rings its point.
import type { Map as PetaMaplibre } from "maplibre-gl";
import { KelasKesenjangan, DataKurang, KelasLisa, LisaTanpaData, type HasilAnalisis } from "./analisis.ts";
import { Garis } from "./mapstyle.ts";

/** The fill that marks brushed desa on the map: a yellow no palette uses, so it reads at a glance (and in a pixel test). */
export const WarnaSikat = "#ffd400";
const LapisanSikat = "sikat";

interface Titik { kode: string; x: number; y: number; warna: string }

interface OpsiSebaran {
  judul: string;
  labelX: string;
  labelY: string;
  /** Reference lines: vertical at x, horizontal at y. */
  garisX?: number;
  garisY?: number;
  /** A line through the origin with this slope (Moran's I). */
  kemiringan?: number;
  keteranganGaris?: string;
  formatX: (v: number) => string;
  /** A fixed x range (the quadrant's 0-100 % with a margin for the points); otherwise the data's. */
  domainX?: [number, number];
  /** The x values labelled under the axis; otherwise the ends of the range. */
  labelUjungX?: [number, number];
}

const Lebar = 280;
const Tinggi = 230;
const Tepi = { kiri: 40, kanan: 10, atas: 8, bawah: 34 };

/** A scatter plot on a canvas with a rectangle brush. */
class Sebaran {
  readonly elemen: HTMLElement;
  private readonly kanvas: HTMLCanvasElement;
  private readonly keterangan: HTMLElement;
  private titik: Titik[] = [];
  private domX: [number, number] = [0, 1];
  private domY: [number, number] = [0, 1];
  private tersikat = new Set<string>();
  private terpilih: string | null = null;
  private seret: { x0: number; y0: number; x1: number; y1: number } | null = null;

  constructor(private opsi: OpsiSebaran, private readonly onSikat: (kode: Set<string> | null) => void) {
    this.elemen = document.createElement("figure");
    this.elemen.className = "grafik";
    const judul = document.createElement("figcaption");
    judul.textContent = opsi.judul;
    this.kanvas = document.createElement("canvas");
    const rasio = window.devicePixelRatio || 1;
    this.kanvas.width = Lebar * rasio;
    this.kanvas.height = Tinggi * rasio;
    this.kanvas.setAttribute("role", "img");
    this.kanvas.setAttribute("aria-label", `${opsi.judul}: seret untuk menyorot desa di peta`);
    this.keterangan = document.createElement("p");
    this.keterangan.className = "penjelasan";
    this.elemen.append(judul, this.kanvas, this.keterangan);
    this.kanvas.addEventListener("pointerdown", (e) => this.mulai(e));
    this.kanvas.addEventListener("pointermove", (e) => this.gerak(e));
    this.kanvas.addEventListener("pointerup", (e) => this.selesai(e));
  }

  setel(titik: Titik[], opsi: Partial<OpsiSebaran>) {
    this.opsi = { ...this.opsi, ...opsi };
    this.titik = titik;
    const xs = titik.map((t) => t.x).concat(this.opsi.garisX ?? []);
    const ys = titik.map((t) => t.y).concat(this.opsi.garisY ?? []);
    this.domX = this.opsi.domainX ?? rentang(xs);
    this.domY = rentang(ys);
    this.tersikat.clear();
    this.keterangan.textContent = this.opsi.keteranganGaris ?? "";
    this.gambar();
  }

  sorot(kode: Set<string>) { this.tersikat = kode; this.gambar(); }
  pilih(kode: string | null) { this.terpilih = kode; this.gambar(); }

  private px(x: number) { return Tepi.kiri + ((x - this.domX[0]) / (this.domX[1] - this.domX[0])) * (Lebar - Tepi.kiri - Tepi.kanan); }
  private py(y: number) { return Tinggi - Tepi.bawah - ((y - this.domY[0]) / (this.domY[1] - this.domY[0])) * (Tinggi - Tepi.atas - Tepi.bawah); }

  private posisi(e: PointerEvent) {
    // In drawing units, should CSS scale the canvas to a narrower sidebar.
    const r = this.kanvas.getBoundingClientRect();
    return { x: ((e.clientX - r.left) * Lebar) / r.width, y: ((e.clientY - r.top) * Tinggi) / r.height };
  }

  private mulai(e: PointerEvent) {
    const p = this.posisi(e);
    this.seret = { x0: p.x, y0: p.y, x1: p.x, y1: p.y };
    this.kanvas.setPointerCapture(e.pointerId);
  }

  private gerak(e: PointerEvent) {
    if (!this.seret) return;
    const p = this.posisi(e);
    this.seret.x1 = p.x;
    this.seret.y1 = p.y;
    this.gambar();
  }

  private selesai(e: PointerEvent) {
    if (!this.seret) return;
    const s = this.seret;
    this.seret = null;
    this.kanvas.releasePointerCapture(e.pointerId);
    // A click without a drag clears the brush.
    if (Math.abs(s.x1 - s.x0) < 3 && Math.abs(s.y1 - s.y0) < 3) {
      this.tersikat = new Set();
      this.gambar();
      this.onSikat(null);
      return;
    }
    const [xa, xb] = [Math.min(s.x0, s.x1), Math.max(s.x0, s.x1)];
    const [ya, yb] = [Math.min(s.y0, s.y1), Math.max(s.y0, s.y1)];
    const kode = new Set(this.titik.filter((t) => {
      const x = this.px(t.x), y = this.py(t.y);
      return x >= xa && x <= xb && y >= ya && y <= yb;
    }).map((t) => t.kode));
    this.tersikat = kode;
    this.gambar();
    this.onSikat(kode);
  }

  private gambar() {
    const ctx = this.kanvas.getContext("2d")!;
    const rasio = this.kanvas.width / Lebar;
    ctx.setTransform(rasio, 0, 0, rasio, 0, 0);
    ctx.clearRect(0, 0, Lebar, Tinggi);
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, Lebar, Tinggi);
    const [x0, x1] = [Tepi.kiri, Lebar - Tepi.kanan];
    const [y0, y1] = [Tepi.atas, Tinggi - Tepi.bawah];

    // Axes with their end values, and the labels.
    ctx.strokeStyle = "#9ca3af";
    ctx.lineWidth = 1;
    ctx.strokeRect(x0, y0, x1 - x0, y1 - y0);
    ctx.fillStyle = "#374151";
    ctx.font = "10px system-ui, sans-serif";
    const [ua, ub] = this.opsi.labelUjungX ?? this.domX;
    ctx.textAlign = "left";
    ctx.fillText(this.opsi.formatX(ua), this.px(ua), y1 + 12);
    ctx.textAlign = "right";
    ctx.fillText(this.opsi.formatX(ub), this.px(ub), y1 + 12);
    ctx.fillText(angka(this.domY[1]), x0 - 3, y0 + 8);
    ctx.fillText(angka(this.domY[0]), x0 - 3, y1);
    ctx.textAlign = "center";
    ctx.fillText(this.opsi.labelX, (x0 + x1) / 2, Tinggi - 6);
    ctx.save();
    ctx.translate(10, (y0 + y1) / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.fillText(this.opsi.labelY, 0, 0);
    ctx.restore();

    ctx.save();
    ctx.beginPath();
    ctx.rect(x0, y0, x1 - x0, y1 - y0);
    ctx.clip();
    ctx.strokeStyle = "#6b7280";
    ctx.setLineDash([4, 3]);
    if (this.opsi.garisX !== undefined) { ctx.beginPath(); ctx.moveTo(this.px(this.opsi.garisX), y0); ctx.lineTo(this.px(this.opsi.garisX), y1); ctx.stroke(); }
    if (this.opsi.garisY !== undefined) { ctx.beginPath(); ctx.moveTo(x0, this.py(this.opsi.garisY)); ctx.lineTo(x1, this.py(this.opsi.garisY)); ctx.stroke(); }
    ctx.setLineDash([]);
    if (this.opsi.kemiringan !== undefined) {
      const k = this.opsi.kemiringan;
      ctx.strokeStyle = "#111827";
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      ctx.moveTo(this.px(this.domX[0]), this.py(k * this.domX[0]));
      ctx.lineTo(this.px(this.domX[1]), this.py(k * this.domX[1]));
      ctx.stroke();
    }

    // Points: dimmed when a brush holds others, brushed ones drawn last and outlined.
    const adaSikat = this.tersikat.size > 0;
    const r = this.titik.length > 2000 ? 1.6 : 3;
    ctx.strokeStyle = "#6b7280";
    ctx.lineWidth = 0.5;
    for (const t of this.titik) {
      if (adaSikat && this.tersikat.has(t.kode)) continue;
      ctx.globalAlpha = adaSikat ? 0.25 : 0.85;
      ctx.fillStyle = t.warna;
      ctx.beginPath();
      ctx.arc(this.px(t.x), this.py(t.y), r, 0, 2 * Math.PI);
      ctx.fill();
      if (this.titik.length <= 2000) ctx.stroke();
    }
    ctx.globalAlpha = 1;
    if (adaSikat) {
      ctx.strokeStyle = "#111827";
      ctx.lineWidth = 0.8;
      for (const t of this.titik) {
        if (!this.tersikat.has(t.kode)) continue;
        ctx.fillStyle = t.warna;
        ctx.beginPath();
        ctx.arc(this.px(t.x), this.py(t.y), r + 1, 0, 2 * Math.PI);
        ctx.fill();
        ctx.stroke();
      }
    }
    const pilih = this.terpilih ? this.titik.find((t) => t.kode === this.terpilih) : undefined;
    if (pilih) {
      ctx.strokeStyle = "#111827";
      ctx.lineWidth = 2.5;
      ctx.beginPath();
      ctx.arc(this.px(pilih.x), this.py(pilih.y), 7, 0, 2 * Math.PI);
      ctx.stroke();
    }
    if (this.seret) {
      const s = this.seret;
      ctx.fillStyle = "rgba(255, 212, 0, 0.2)";
      ctx.strokeStyle = "#b45309";
      ctx.lineWidth = 1;
      ctx.fillRect(Math.min(s.x0, s.x1), Math.min(s.y0, s.y1), Math.abs(s.x1 - s.x0), Math.abs(s.y1 - s.y0));
      ctx.strokeRect(Math.min(s.x0, s.x1), Math.min(s.y0, s.y1), Math.abs(s.x1 - s.x0), Math.abs(s.y1 - s.y0));
    }
    ctx.restore();
  }
}

function rentang(v: number[]): [number, number] {
  if (v.length === 0) return [0, 1];
  let lo = Infinity, hi = -Infinity;
  for (const x of v) { if (x < lo) lo = x; if (x > hi) hi = x; }
  if (lo === hi) { lo -= 1; hi += 1; }
  const pad = (hi - lo) * 0.04;
  return [lo - pad, hi + pad];
}

function angka(v: number, digit = 1): string {
  return v.toLocaleString("id-ID", { maximumFractionDigits: digit });
}

/** The points of both charts from a run's summary columns. */
export function titikGrafik(hasil: HasilAnalisis): { kuadran: Titik[]; moran: Titik[] } {
  const k = hasil.kolom_unit;
  if (!k) return { kuadran: [], moran: [] };
  const warnaKelas = new Map(KelasKesenjangan.map((c) => [c.kunci, c.warna]));
  const warnaLisa = new Map(KelasLisa.map((c) => [c.kunci, c.warna]));
  const kuadran: Titik[] = [];
  const moran: Titik[] = [];
  for (let i = 0; i < k.kode.length; i++) {
    const kode = k.kode[i]!;
    const nilai = k.nilai[i];
    const dinilai = k.cakupan_dinilai[i]!;
    if (nilai !== null && nilai !== undefined && dinilai > 0) {
      kuadran.push({ kode, x: (100 * k.cakupan_memenuhi_target[i]!) / dinilai, y: nilai, warna: warnaKelas.get(k.kelas[i]!) ?? DataKurang.warna });
    }
    const z = k.moran_z[i], lag = k.moran_lag[i];
    if (z !== null && z !== undefined && lag !== null && lag !== undefined) {
      moran.push({ kode, x: z, y: lag, warna: warnaLisa.get(k.lisa[i]!) ?? LisaTanpaData.warna });
    }
  }
  return { kuadran, moran };
}

/**
 * Both charts in one box, tied to the map: a brush on either highlights its desa on the map (a
 * fill layer filtered by kode, added beside the style's own layers and again after a style
 * change) and in the other chart; the desa clicked on the map is ringed in both.
 */
export class GrafikTertaut {
  readonly elemen: HTMLElement;
  private readonly kuadran: Sebaran;
  private readonly moran: Sebaran;
  private tersikat: string[] = [];
  private runId: number | null = null;

  constructor(private readonly map: PetaMaplibre, private tingkat: () => string) {
    this.elemen = document.createElement("section");
    this.elemen.id = "grafik-tertaut";
    this.elemen.hidden = true;
    const judul = document.createElement("h2");
    judul.textContent = "Grafik tertaut";
    const petunjuk = document.createElement("p");
    petunjuk.className = "penjelasan";
    petunjuk.textContent = "Seret kotak pada grafik untuk menyorot desanya di peta; klik sekali pada grafik untuk menghapus sorotan.";
    const sikat = (kode: Set<string> | null) => this.sikat(kode);
    this.kuadran = new Sebaran({ judul: "Kuadran kesenjangan", labelX: "Indikator cakupan memenuhi target (%)", labelY: "Prevalensi (%)",
      formatX: (v) => `${angka(v, 0)}%`, domainX: [-3, 103], labelUjungX: [0, 100] }, sikat);
    this.moran = new Sebaran({ judul: "Diagram sebar Moran", labelX: "Nilai baku (z)", labelY: "Rata-rata tetangga (W·z)",
      garisX: 0, garisY: 0, formatX: (v) => angka(v) }, sikat);
    this.elemen.append(judul, petunjuk, this.kuadran.elemen, this.moran.elemen);
    this.kuadran.elemen.dataset.grafik = "kuadran";
    this.moran.elemen.dataset.grafik = "moran";
    map.on("styledata", () => this.pasangLapisan());
  }

  /** Draws the run's points, or hides the box when there is no run. */
  perbarui(hasil: HasilAnalisis | null) {
    const id = hasil?.kolom_unit ? hasil.id : null;
    if (id === this.runId) return;
    this.runId = id;
    this.sikat(null);
    if (!hasil?.kolom_unit) { this.elemen.hidden = true; return; }
    const { kuadran, moran } = titikGrafik(hasil);
    const porsi = 100 * (hasil.parameter?.porsiMinimumMemenuhiTarget ?? 0.5);
    const ambang = hasil.ringkasan.ambang_prevalensi;
    this.kuadran.setel(kuadran, { garisX: porsi, garisY: ambang,
      keteranganGaris: `Garis putus: ambang prevalensi ${angka(ambang)}% dan porsi ${angka(porsi, 0)}% indikator memenuhi target. Warna: kelas kesenjangan.` });
    const i = hasil.ringkasan.moran?.i;
    this.moran.setel(moran, { ...(i !== undefined ? { kemiringan: i } : {}),
      keteranganGaris: i !== undefined ? `Garis: kemiringan = Moran's I ${angka(i, 3)}. Warna: klaster LISA.` : "Moran's I tidak tersedia." });
    this.elemen.hidden = false;
  }

  /** Rings the desa clicked on the map in both charts. */
  pilihDesa(kode: string | null) {
    this.kuadran.pilih(kode);
    this.moran.pilih(kode);
  }

  /** The desa highlighted now (for tests and for whoever wants to act on them). */
  get desaTersikat(): readonly string[] { return this.tersikat; }

  private sikat(kode: Set<string> | null) {
    this.tersikat = kode ? [...kode] : [];
    const himpunan = new Set(this.tersikat);
    this.kuadran.sorot(himpunan);
    this.moran.sorot(himpunan);
    this.pasangLapisan();
    if (this.map.getLayer(LapisanSikat)) this.map.setFilter(LapisanSikat, ["in", ["get", "kode"], ["literal", this.tersikat]]);
    this.elemen.dataset.tersikat = String(this.tersikat.length);
  }

  private pasangLapisan() {
    if (!this.map.getSource("unit") || this.map.getLayer(LapisanSikat)) return;
    this.map.addLayer({ id: LapisanSikat, type: "fill", source: "unit", "source-layer": this.tingkat(),
      filter: ["in", ["get", "kode"], ["literal", this.tersikat]], paint: { "fill-color": WarnaSikat, "fill-opacity": 0.9, ...Garis } },
      this.map.getLayer("sorot") ? "sorot" : undefined);
  }
}
