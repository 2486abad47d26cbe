import { test } from "node:test";
import assert from "node:assert/strict";
import { saringWarna, tampilTanpaData, WarnaRedup } from "../src/saring.ts";

const w = { kelas: [{ label: "a", warna: "#111111", jumlah: 2 }, { label: "b", warna: "#222222", jumlah: 1 }], kelasUnit: new Map([["x", 0], ["y", 1]]) };

test("the chosen class keeps its colour and the others fade; units keep their class", () => {
  const s = saringWarna(w, 1);
  assert.deepEqual(s.kelas.map((k) => k.warna), [WarnaRedup, "#222222"]);
  assert.equal(s.kelasUnit, w.kelasUnit);
  assert.deepEqual(w.kelas.map((k) => k.warna), ["#111111", "#222222"], "the classification itself is not changed");
});

test("no filter shows everything; 'no data' fades every class but keeps the hatch", () => {
  assert.equal(saringWarna(w, null), w);
  assert.ok(saringWarna(w, "tanpa").kelas.every((k) => k.warna === WarnaRedup));
  assert.ok(tampilTanpaData(null) && tampilTanpaData("tanpa") && !tampilTanpaData(0));
});
