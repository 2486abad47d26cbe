// Builds the map page into dist/: index.html (no-cache) and hashed assets under dist/assets/
// (served immutable). `node build.mjs --tests` bundles the unit tests into dist-test/ instead.
import { build } from "esbuild";
import subsetFont from "subset-font";
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(fileURLToPath(import.meta.url));
const dist = join(root, "dist");
const assets = join(dist, "assets");

if (process.argv.includes("--tests")) {
  const out = join(root, "dist-test");
  rmSync(out, { recursive: true, force: true });
  const tests = readdirSync(join(root, "test")).filter((f) => f.endsWith(".test.ts")).map((f) => join(root, "test", f));
  await build({ entryPoints: tests, bundle: true, platform: "node", format: "esm", target: "node20", outdir: out, outExtension: { ".js": ".mjs" }, logLevel: "warning" });
  process.exit(0);
}

rmSync(dist, { recursive: true, force: true });
mkdirSync(assets, { recursive: true });

// MapLibre 6 runs its worker from a separate module; copied under a content hash like the rest.
// GEO_PETA_TANPA_MINIFY=1 (a build to profile, never to ship): our code unminified and MapLibre's dev
// build, so a profile names functions (bench/web/run.sh with `jejak`).
const tanpaMinify = Boolean(process.env.GEO_PETA_TANPA_MINIFY);
const workerSource = join(root, `node_modules/maplibre-gl/dist/maplibre-gl-worker${tanpaMinify ? "-dev" : ""}.mjs`);
const workerHash = createHash("sha256").update(readFileSync(workerSource)).digest("hex").slice(0, 8).toUpperCase();
const workerName = `maplibre-gl-worker-${workerHash}.mjs`;
copyFileSync(workerSource, join(assets, workerName));

// Map labels are drawn from our own font, never a glyph server: Noto Sans (OFL, the font the
// publications embed) cut to Latin and Latin-1 with harfbuzz (subset-font, WebAssembly, offline)
// and served as hashed WOFF2 files that MapLibre's `font-faces` hands to the browser.
const fontFolder = join(root, "../src/Geo.Publication/Fonts");
const labelChars = String.fromCharCode(...Array.from({ length: 0x7f - 0x20 }, (_, i) => 0x20 + i), ...Array.from({ length: 0x100 - 0xa0 }, (_, i) => 0xa0 + i)) + "–—‘’“”•…";
const fonts = {};
for (const weight of ["Regular", "Bold"]) {
  const woff2 = await subsetFont(readFileSync(join(fontFolder, `NotoSans-${weight}.ttf`)), labelChars, { targetFormat: "woff2" });
  const name = `NotoSans-${weight}-${createHash("sha256").update(woff2).digest("hex").slice(0, 8).toUpperCase()}.woff2`;
  writeFileSync(join(assets, name), woff2);
  fonts[`Noto Sans ${weight}`] = `./${name}`;
}
copyFileSync(join(fontFolder, "OFL.txt"), join(assets, "NotoSans-OFL.txt"));

// Two pages, the map (main) and the embed, sharing MapLibre and our modules through split chunks:
// whichever opens second finds them in the cache.
const pages = { main: "index.html", embed: "embed.html" };
const common = {
  entryPoints: Object.keys(pages).map((p) => join(root, `src/${p}.ts`)),
  bundle: true,
  format: "esm",
  splitting: true,
  target: "es2022",
  minify: !tanpaMinify,
  plugins: tanpaMinify ? [{ name: "maplibre-dev", setup: (b) => b.onResolve({ filter: /^maplibre-gl$/ }, () => ({ path: join(root, "node_modules/maplibre-gl/dist/maplibre-gl-dev.mjs") })) }] : [],
  define: { GEO_WORKER: JSON.stringify(`./${workerName}`), GEO_FONTS: JSON.stringify(fonts) },
  legalComments: "eof",
  logLevel: "warning",
};
const result = await build({ ...common, outdir: assets, entryNames: "[name]-[hash]", chunkNames: "[name]-[hash]", assetNames: "[name]-[hash]", metafile: true });
const base = (p) => p.split("/").pop();
const shipped = [];
for (const [entry, page] of Object.entries(pages)) {
  const [out, meta] = Object.entries(result.metafile.outputs).find(([, o]) => o.entryPoint?.endsWith(`src/${entry}.ts`));
  // The chunks it imports are preloaded, so the browser fetches them with the entry, not after it.
  const preload = meta.imports.filter((i) => i.kind === "import-statement").map((i) => `  <link rel="modulepreload" href="assets/${base(i.path)}">\n`).join("")
    // The label fonts too (crossorigin: MapLibre loads them with the FontFace API, a CORS fetch):
    // otherwise they are asked for only once the first tile's names are laid out.
    + (page === "index.html" ? Object.values(fonts).map((f) => `  <link rel="preload" href="assets/${f.slice(2)}" as="font" type="font/woff2" crossorigin>\n`).join("") : "");
  const html = readFileSync(join(root, page), "utf8").replace("__JS__", `assets/${base(out)}`).replace("__CSS__", `assets/${base(meta.cssBundle)}`)
    .replace("__PRELOAD__", preload);
  writeFileSync(join(dist, page), html);
  shipped.push([page, [base(out), base(meta.cssBundle), ...meta.imports.filter((i) => i.kind === "import-statement").map((i) => base(i.path))]]);
}

// Every asset also compressed at the best levels, once here rather than at the fastest level per
// request: the server sends these (.br, else .gz) to browsers that accept them.
for (const f of readdirSync(assets)) {
  const data = readFileSync(join(assets, f));
  writeFileSync(join(assets, f + ".br"), brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }));
  writeFileSync(join(assets, f + ".gz"), gzipSync(data, { level: 9 }));
}

// Sizes as shipped (gzip), per page, and ours alone: the same bundles with MapLibre left out.
const gz = (file) => gzipSync(readFileSync(join(assets, file)), { level: 9 }).length;
const ours = await build({ ...common, write: false, external: ["maplibre-gl"], outdir: "/tmp/geo-peta-ukur" });
const oursGz = ours.outputFiles.reduce((n, f) => n + gzipSync(f.contents, { level: 9 }).length, 0);
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
const br = (file) => readFileSync(join(assets, file + ".br")).length;
for (const [page, files] of shipped) console.log(`peta: ${page}: ${[...files, workerName].map((f) => `${f} ${kb(gz(f))} (br ${kb(br(f))})`).join(", ")} (gzip)`);
console.log(`peta: huruf label ${Object.values(fonts).map((f) => `${f.slice(2)} ${kb(readFileSync(join(assets, f.slice(2))).length)}`).join(", ")}`);
console.log(`peta: kode kami + pustaka lain tanpa MapLibre, kedua halaman: ${kb(oursGz)} (gzip; batas 150 kB)`);
