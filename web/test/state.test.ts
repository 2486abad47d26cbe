import { test } from "node:test";
import assert from "node:assert/strict";
import { Bawaan, bacaUrl, metodeBawaan, tulisUrl } from "../src/state.ts";

test("an empty URL gives Kota Metro, stunting prevalence, the latest period, desa level", () => {
  assert.deepEqual(bacaUrl(""), Bawaan);
  assert.equal(metodeBawaan(Bawaan.indikator), "who");
});

test("the state survives a round trip through the URL", () => {
  const k = { wilayah: "18.72.03", indikator: "L14", periode: "2022-08", tingkat: "kecamatan" as const, klasifikasi: "jenks" as const, lapisan: "nilai" as const, analisis: { bobot: "queen" as const, permutasi: 999, ambang: "median" as const, fdr: false }, desa: "18.72.03.1002", dari: "2021-08" };
  assert.deepEqual(bacaUrl(tulisUrl(k)), k);
});

test("malformed values fall back to the defaults", () => {
  const k = bacaUrl("?wilayah=<script>&indikator=x;y&periode=kemarin&tingkat=provinsi&klasifikasi=acak");
  assert.equal(k.wilayah, "18.72");
  assert.equal(k.indikator, "PREV_STUNTING");
  assert.equal(k.periode, null);
  assert.equal(k.tingkat, "desa");
  assert.equal(k.klasifikasi, null);
});

test("the analysis layer and its parameters survive the URL; defaults are left out", () => {
  const k = { ...Bawaan, lapisan: "lisa" as const, analisis: { bobot: "knn:6" as const, permutasi: 499, ambang: "target" as const, fdr: true } };
  const url = tulisUrl(k);
  assert.match(url, /lapisan=lisa/);
  assert.match(url, /bobot=knn%3A6/);
  assert.deepEqual(bacaUrl(url), k);
  assert.doesNotMatch(tulisUrl(Bawaan), /bobot|permutasi|ambang|fdr/);
  assert.equal(bacaUrl("?lapisan=acak&bobot=jarak&permutasi=5").lapisan, "nilai");
  assert.equal(bacaUrl("?permutasi=5").analisis.permutasi, 999);
});
