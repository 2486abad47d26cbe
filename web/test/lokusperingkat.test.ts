import { test } from "node:test";
import assert from "node:assert/strict";
import type { BarisAnalisis } from "../src/analisis.ts";
import { kabkotaDari, kurangTarget, peringkatCalon, tahunBawaan } from "../src/lokusperingkat.ts";

const baris = (kode: string, kelas: string, gi: number | null, nilai: number | null, memenuhi: number, dinilai: number): BarisAnalisis => ({
  kode, nama: `Desa ${kode}`, nilai, eb_global: null, eb_lokal: null, local_i: null, local_z: null, local_p: null, lisa: "tidak_signifikan",
  gi_z: null, gi_p: null, gi_bin: gi, kelas,
  alasan: "", cakupan_dinilai: dinilai, cakupan_memenuhi_target: memenuhi,
});

const run = { unit: [
  baris("18.72.01.1001", "rendah_cakupan_baik", -2, 5, 8, 8),
  baris("18.72.01.1002", "tinggi_cakupan_rendah", 1, 22, 2, 8),
  baris("18.72.02.1001", "tinggi_cakupan_rendah", 3, 31, 5, 8),
  baris("18.72.02.1002", "data_kurang", null, null, 0, 0),
  baris("18.72.02.1003", "tinggi_cakupan_baik", 2, 40, 7, 8),
  baris("18.71.01.1001", "tinggi_cakupan_rendah", 3, 50, 0, 8),
  baris("18.72.01", "tinggi_cakupan_rendah", 3, 50, 0, 8),
] };
const kode = (k: string) => peringkatCalon(run, "18.72", k as never).map((c) => c.kode);

test("the number of interventions missing target comes from the run's counts", () => {
  assert.deepEqual(kurangTarget({ cakupan_dinilai: 8, cakupan_memenuhi_target: 3 }), { kurang: 5, dinilai: 8 });
  assert.equal(kurangTarget({ cakupan_dinilai: 0, cakupan_memenuhi_target: 0 }), null);
  assert.equal(kurangTarget({}), null);
});

test("candidates are the desa of the kab/kota only, ranked by gap class then prevalence", () => {
  assert.deepEqual(kode("kelas"), ["18.72.02.1001", "18.72.01.1002", "18.72.02.1003", "18.72.01.1001", "18.72.02.1002"]);
});

test("by Gi* bin, prevalence and missing interventions, missing values last", () => {
  assert.deepEqual(kode("gi"), ["18.72.02.1001", "18.72.02.1003", "18.72.01.1002", "18.72.01.1001", "18.72.02.1002"]);
  assert.deepEqual(kode("nilai"), ["18.72.02.1003", "18.72.02.1001", "18.72.01.1002", "18.72.01.1001", "18.72.02.1002"]);
  assert.deepEqual(kode("kurang"), ["18.72.01.1002", "18.72.02.1001", "18.72.02.1003", "18.72.01.1001", "18.72.02.1002"]);
  const c = peringkatCalon(run, "18.72", "kurang")[0]!;
  assert.equal(c.kurangTarget, 6);
  assert.equal(c.dinilai, 8);
});

test("a lokus list belongs to a kab/kota; the year follows the period", () => {
  assert.equal(kabkotaDari("18"), null);
  assert.equal(kabkotaDari("18.72"), "18.72");
  assert.equal(kabkotaDari("18.72.01"), "18.72");
  assert.equal(tahunBawaan("2022-08"), 2022);
  assert.equal(tahunBawaan(null, new Date(2026, 10, 30)), 2026);
});
