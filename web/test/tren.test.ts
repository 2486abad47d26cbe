import { test } from "node:test";
import assert from "node:assert/strict";
import { skala, waktu } from "../src/tren.ts";

test("periods sit where they fall in the year", () => {
  assert.ok(Math.abs(waktu("2022-08") - (2022 + 7.5 / 12)) < 1e-9);
  assert.ok(waktu("2022-02") < waktu("2022-S2") && waktu("2022-S2") < waktu("2022-Q4") && waktu("2022-Q4") < waktu("2023"));
  assert.equal(waktu("2023"), 2023.5);
  assert.ok(Number.isNaN(waktu("Agustus 2022")));
});

test("the scale puts the lowest value at the bottom and the first period at the left, inside the margin", () => {
  const s = skala([2022, 2023, 2024], [6, 14, 8], 100, 50, 5);
  assert.equal(s.x(2022), 5);
  assert.equal(s.x(2024), 95);
  assert.equal(s.y(6), 45);
  assert.equal(s.y(14), 5);
});

test("one value or one period still gives a finite scale", () => {
  const s = skala([2022], [8.17], 64, 18);
  assert.equal(s.x(2022), 32);
  assert.ok(Number.isFinite(s.y(8.17)) && s.y(8.17) > 0 && s.y(8.17) < 18);
});
