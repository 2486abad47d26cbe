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
