import { test } from "node:test";
import assert from "node:assert/strict";
import { keDesa, petaAnggota, type Kelompok } from "../src/puskesmas.ts";

const kelompok: Kelompok[] = [
  { kode: "7", nama: "Puskesmas Metro", jenis: "puskesmas", induk: "18.72", anggota: ["18.72.01.1001", "18.72.01.1002"] },
  { kode: "9", nama: "Puskesmas Yosomulyo", jenis: "puskesmas", induk: "18.72", anggota: ["18.72.01.1003"] },
  { kode: "11", nama: "Puskesmas Tanpa Nilai", jenis: "puskesmas", induk: "18.72", anggota: ["18.72.02.1001"] },
];

test("every desa takes the class of its puskesmas; a puskesmas without a class leaves its desa unclassed", () => {
  const w = { kelas: [{ label: "a", warna: "#fff", jumlah: 1 }, { label: "b", warna: "#000", jumlah: 1 }], kelasUnit: new Map([["7", 1], ["9", 0]]) };
  const d = keDesa(w, kelompok);
  assert.deepEqual([...d.kelasUnit], [["18.72.01.1001", 1], ["18.72.01.1002", 1], ["18.72.01.1003", 0]]);
  assert.equal(d.kelas, w.kelas);
});

test("a desa finds its puskesmas", () => {
  const m = petaAnggota(kelompok);
  assert.equal(m.get("18.72.01.1002")?.nama, "Puskesmas Metro");
  assert.equal(m.get("18.72.05.1001"), undefined);
});
