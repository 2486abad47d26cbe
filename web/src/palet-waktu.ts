// Colours of the layers over time and under uncertainty (issue 15): the exceedance probability, the
// change between two periods and the emerging hot spot patterns. The static map image
// (src/Geo.Publication/Peta/LapisanAnalisis.cs) and the export styles (styles/make-styles.py) use
// these same keys, labels and colours; tests/Geo.Publication.Tests/Peta/PaletWebTests compares them.
// Ramps from ColorBrewer 2.0 (colorbrewer2.org), by Cynthia A. Brewer; Apache License 2.0.

/** P(rate > threshold | data): lower bounds of the classes after the first, as fractions. */
export const BatasPeluang: readonly number[] = [0.2, 0.5, 0.8, 0.95];

/** PuRd (sequential, 5): light = unlikely above the threshold, dark = almost surely above it. */
export const PeluangTinggi: readonly { kunci: string; label: string; warna: string }[] = [
  { kunci: "0", label: "< 20%", warna: "#f1eef6" },
  { kunci: "1", label: "20–< 50%", warna: "#d7b5d8" },
  { kunci: "2", label: "50–< 80%", warna: "#df65b0" },
  { kunci: "3", label: "80–< 95%", warna: "#dd1c77" },
  { kunci: "4", label: "≥ 95%", warna: "#980043" },
];

/** The direction of the change first → last period, as /api/analisis/waktu names it (perubahan.arah). */
export const ArahPerubahan: readonly { kunci: string; label: string; warna: string }[] = [
  { kunci: "memburuk", label: "Memburuk (bermakna)", warna: "#d7191c" },
  { kunci: "tetap", label: "Tetap (tidak bermakna)", warna: "#e8e4da" },
  { kunci: "membaik", label: "Membaik (bermakna)", warna: "#2c7bb6" },
];

/** Emerging hot spot patterns, as /api/analisis/waktu names them (titikPanas.pola): Reds 9 and Blues 9 by severity. */
export const PolaTitikPanas: readonly { kunci: string; label: string; warna: string }[] = [
  { kunci: "titik_panas_menguat", label: "Titik panas menguat", warna: "#67000d" },
  { kunci: "titik_panas_menetap", label: "Titik panas menetap", warna: "#a50f15" },
  { kunci: "titik_panas_berturut", label: "Titik panas berturut-turut", warna: "#cb181d" },
  { kunci: "titik_panas_baru", label: "Titik panas baru", warna: "#ef3b2c" },
  { kunci: "titik_panas_berosilasi", label: "Titik panas berosilasi", warna: "#fb6a4a" },
  { kunci: "titik_panas_sporadis", label: "Titik panas sporadis", warna: "#fc9272" },
  { kunci: "titik_panas_melemah", label: "Titik panas melemah", warna: "#fcbba1" },
  { kunci: "titik_panas_historis", label: "Titik panas historis", warna: "#fee0d2" },
  { kunci: "titik_dingin_menguat", label: "Titik dingin menguat", warna: "#08306b" },
  { kunci: "titik_dingin_menetap", label: "Titik dingin menetap", warna: "#08519c" },
  { kunci: "titik_dingin_berturut", label: "Titik dingin berturut-turut", warna: "#2171b5" },
  { kunci: "titik_dingin_baru", label: "Titik dingin baru", warna: "#4292c6" },
  { kunci: "titik_dingin_berosilasi", label: "Titik dingin berosilasi", warna: "#6baed6" },
  { kunci: "titik_dingin_sporadis", label: "Titik dingin sporadis", warna: "#9ecae1" },
  { kunci: "titik_dingin_melemah", label: "Titik dingin melemah", warna: "#c6dbef" },
  { kunci: "titik_dingin_historis", label: "Titik dingin historis", warna: "#deebf7" },
  { kunci: "tanpa_pola", label: "Tanpa pola", warna: "#e8e4da" },
];
