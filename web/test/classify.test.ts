import { test } from "node:test";
import assert from "node:assert/strict";
import { batas, kelasOf, klasifikasi, type Unit } from "../src/classify.ts";
import { ramp, Target, YlOrRd } from "../src/palettes.ts";

const units = (values: (number | null)[], target: number | null = null): Unit[] =>
  values.map((nilai, i) => ({ kode: `18.72.01.${1001 + i}`, nilai, target }));

test("WHO classes put stunting prevalence in the five bands, bounds inclusive below", () => {
  const k = klasifikasi(units([0, 2.49, 2.5, 9.99, 10, 19.9, 20, 29.99, 30, 55, null]), { metode: "who", polaritas: "turun", satuan: "persen" });
  assert.deepEqual(k.kelas.map((c) => c.jumlah), [2, 2, 2, 2, 2]);
  assert.equal(k.tanpaData, 1);
  assert.deepEqual(k.kelas.map((c) => c.warna), [...YlOrRd[5]!]);
  assert.match(k.kelas[4]!.label, /≥ 30/);
  assert.equal(k.kelasUnit.get("18.72.01.1003"), 1); // 2.5 is in 2.5–< 10
});

test("polarity: for coverage (naik) the lowest class gets the darkest red", () => {
  const prevalence = ramp(5, "turun");
  const coverage = ramp(5, "naik");
  assert.equal(prevalence[4], "#bd0026");
  assert.equal(coverage[0], "#bd0026");
  assert.deepEqual(coverage, [...prevalence].reverse());
});

test("quantiles split the units into classes of (nearly) equal size", () => {
  const values = Array.from({ length: 20 }, (_, i) => i + 1);
  const k = klasifikasi(units(values), { metode: "kuantil", polaritas: "turun", jumlahKelas: 4 });
  assert.deepEqual(k.kelas.map((c) => c.jumlah), [5, 5, 5, 5]);
});

test("Jenks (ckmeans) finds the natural gaps", () => {
  const values = [1, 1.2, 1.4, 10, 10.5, 11, 30, 31, 32.5];
  assert.deepEqual(batas(values, { metode: "jenks", polaritas: "turun", jumlahKelas: 3 }), [10, 30]);
});

test("equal interval divides the range evenly", () => {
  assert.deepEqual(batas([0, 5, 100], { metode: "interval", polaritas: null, jumlahKelas: 4 }), [25, 50, 75]);
});

test("a single distinct value gives one class, never an empty one", () => {
  const k = klasifikasi(units([7, 7, 7]), { metode: "kuantil", polaritas: "turun" });
  assert.equal(k.kelas.length, 1);
  assert.equal(k.kelas[0]!.jumlah, 3);
});

test("against the target respects polarity and counts units without a target as no data", () => {
  const naik = klasifikasi([...units([95, 80, 90], 90), { kode: "x", nilai: 50, target: null }], { metode: "target", polaritas: "naik" });
  assert.deepEqual(naik.kelas.map((c) => c.jumlah), [1, 2]);
  assert.equal(naik.tanpaData, 1);
  assert.equal(naik.kelas[1]!.warna, Target.memenuhi);
  const turun = klasifikasi(units([10, 14, 20], 14), { metode: "target", polaritas: "turun" });
  assert.deepEqual(turun.kelas.map((c) => c.jumlah), [1, 2]);
});

test("kelasOf follows MapLibre's step rule", () => {
  assert.equal(kelasOf(-1, [0, 10]), 0);
  assert.equal(kelasOf(0, [0, 10]), 1);
  assert.equal(kelasOf(10, [0, 10]), 2);
});
