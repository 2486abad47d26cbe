import { test } from "node:test";
import assert from "node:assert/strict";
import { KelasGi, KelasKesenjangan, KelasLisa, ParameterBawaan, pewarnaanAnalisis, urlAnalisis, type BarisAnalisis, type HasilAnalisis } from "../src/analisis.ts";

const baris = (kode: string, kelas: string, lisa: string, gi_bin: number | null): BarisAnalisis => ({
  kode, nama: kode, nilai: 10, eb_global: 10, eb_lokal: 10, local_i: 0, local_z: 0, local_p: 0.5, lisa, gi_z: 0, gi_p: 0.5, gi_bin, kelas, alasan: "",
});
const hasil = (unit: BarisAnalisis[]): HasilAnalisis => ({
  id: 1, wilayah: "18.72", tingkat: "desa", indikator: "PREV_STUNTING", periode: "2022-08",
  ringkasan: { ambang_prevalensi: 10, target_prevalensi: null, jumlah_unit: unit.length, jumlah_per_kelas: {}, tanpa_tetangga: [], tanpa_nilai: [], penghalusan_tidak_tersedia: null, moran: null },
  sintetis: false, peringatan: null, unit,
});

test("gap classes are counted per class, data_kurang as the hatched row", () => {
  const h = hasil([baris("a", "tinggi_cakupan_rendah", "HH", 3), baris("b", "tinggi_cakupan_rendah", "tidak_signifikan", 0),
    baris("c", "rendah_cakupan_baik", "LL", -2), baris("d", "data_kurang", "tanpa_data", null)]);
  const p = pewarnaanAnalisis("kelas", h);
  assert.deepEqual(p.kelas.map((k) => k.jumlah), [2, 0, 0, 1]);
  assert.equal(p.tanpaData, 1);
  assert.equal(p.kelasUnit.get("c"), 3);
  assert.equal(p.kelasUnit.has("d"), false);
  const lisa = pewarnaanAnalisis("lisa", h);
  assert.equal(lisa.kelas[0]!.jumlah, 1);
  assert.equal(lisa.tanpaData, 1);
  const gi = pewarnaanAnalisis("gi", h);
  assert.equal(gi.kelas[gi.kelasUnit.get("c")!]!.label, "Titik dingin, 95%");
  assert.equal(gi.tanpaData, 1);
});

test("every category has its own colour", () => {
  for (const ks of [KelasKesenjangan, KelasLisa, KelasGi]) assert.equal(new Set(ks.map((k) => k.warna)).size, ks.length);
});

test("the request carries the panel's parameters", () => {
  const u = new URL(urlAnalisis("18.72", "PREV_STUNTING", "2022-08", "desa", { ...ParameterBawaan, bobot: "knn:6", fdr: true }), "http://x");
  assert.equal(u.searchParams.get("bobot"), "knn:6");
  assert.equal(u.searchParams.get("fdr"), "true");
  assert.equal(u.searchParams.get("permutasi"), "999");
});

test("the summary's columns become the rows the layers colour by, and the charts' points", async () => {
  const { dariRingkas } = await import("../src/analisis.ts");
  const { titikGrafik } = await import("../src/grafik.ts");
  const ringkas = {
    id: 7, wilayah: "18.72", tingkat: "desa", indikator: "PREV_STUNTING", periode: "2022-08", sintetis: false, peringatan: null,
    ringkasan: { ambang_prevalensi: 6, target_prevalensi: null, jumlah_unit: 3, jumlah_per_kelas: {}, tanpa_tetangga: ["c"], tanpa_nilai: [],
      penghalusan_tidak_tersedia: null, moran: { i: 0.3, p: 0.01, p_semu: 0.01 } },
    kolom_unit: {
      kode: ["a", "b", "c"], kelas: ["tinggi_cakupan_rendah", "rendah_cakupan_baik", "data_kurang"], nilai: [9, 3, null], eb_lokal: [8.5, 3.1, null],
      lisa: ["HH", "tidak_signifikan", "tanpa_data"], gi_bin: [2, 0, null], cakupan_dinilai: [4, 5, 0], cakupan_memenuhi_target: [1, 5, 0],
      moran_z: [1.2, -0.4, null], moran_lag: [0.5, -0.1, null],
    },
  };
  const h = dariRingkas(ringkas);
  assert.deepEqual(h.unit.map((u) => [u.kode, u.kelas, u.lisa, u.gi_bin, u.nilai]), [["a", "tinggi_cakupan_rendah", "HH", 2, 9], ["b", "rendah_cakupan_baik", "tidak_signifikan", 0, 3], ["c", "data_kurang", "tanpa_data", null, null]]);
  assert.equal(pewarnaanAnalisis("kelas", h).kelas[0]!.jumlah, 1);
  const { kuadran, moran } = titikGrafik(h);
  assert.deepEqual(kuadran.map((t) => [t.kode, t.x, t.y]), [["a", 25, 9], ["b", 100, 3]]);
  assert.deepEqual(moran.map((t) => [t.kode, t.x, t.y]), [["a", 1.2, 0.5], ["b", -0.4, -0.1]]);
});
