import { test } from "node:test";
import assert from "node:assert/strict";
import { KelasPeluang, KelasTitikPanas, kunciPeluang, namaPola, pewarnaanPerubahan, pewarnaanTitikPanas, rentangPeriode, type HasilWaktu, type UnitWaktu } from "../src/waktu.ts";

test("the periods of a temporal request run from 'dari' (or the first) to the map's period", () => {
  const semua = ["2020-08", "2021-08", "2022-02", "2022-08"];
  assert.deepEqual(rentangPeriode(semua, null, "2022-02"), ["2020-08", "2021-08", "2022-02"]);
  assert.deepEqual(rentangPeriode(semua, "2021-08", "2022-08"), ["2021-08", "2022-02", "2022-08"]);
  // a start at or after the map's period is ignored
  assert.deepEqual(rentangPeriode(semua, "2022-08", "2021-08"), ["2020-08", "2021-08"]);
  assert.deepEqual(rentangPeriode(semua, null, "2019-08"), []);
});

test("exceedance classes: each bound belongs to the class it opens", () => {
  assert.equal(kunciPeluang(0.95), "4");
  assert.equal(kunciPeluang(0.9499), "3");
  assert.equal(kunciPeluang(0.5), "2");
  assert.equal(kunciPeluang(0.19), "0");
  assert.equal(kunciPeluang(null), null);
  assert.equal(new Set(KelasPeluang.map((k) => k.warna)).size, KelasPeluang.length);
});

const unit = (kode: string, arah: string | null, pola: string | null): UnitWaktu => ({
  kode, nama: kode, nilai: [],
  perubahan: { nilai_awal: 1, nilai_akhir: 2, selisih: 1, z: null, p: null, arah, catatan: null },
  tren: null, titik_panas: pola ? { pola, z: [], titik: [], tren_s: 0, tren_p: 1 } : null,
});
const hasil = (u: UnitWaktu[]) => ({ unit: u }) as unknown as HasilWaktu;

test("change and emerging hot spots are counted per API category; the rest is the hatched row", () => {
  const h = hasil([unit("a", "membaik", "titik_panas_menetap"), unit("b", "memburuk", "titik_dingin_baru"), unit("c", "membaik", null), unit("d", null, "tanpa_pola")]);
  const c = pewarnaanPerubahan(h);
  assert.deepEqual(c.kelas.map((k) => [k.kunci, k.jumlah]), [["membaik", 2], ["tetap", 0], ["memburuk", 1]]);
  assert.equal(c.tanpaData, 1);
  const e = pewarnaanTitikPanas(h);
  assert.equal(e.kelas[e.kelasUnit.get("a")!]!.kunci, "titik_panas_menetap");
  assert.equal(e.kelas[e.kelasUnit.get("b")!]!.label, "Titik dingin baru");
  assert.equal(e.tanpaData, 1);
  // ArcGIS's 8 + 8 patterns and "tanpa pola", each its own colour
  assert.equal(KelasTitikPanas.length, 17);
  assert.equal(new Set(KelasTitikPanas.map((k) => k.warna)).size, 17);
  assert.equal(namaPola("titik_panas_historis"), "Titik panas historis");
});
