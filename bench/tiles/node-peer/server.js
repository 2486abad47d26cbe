// The peer a team might write instead of PostGIS tiles: read every desa into memory, index it with
// geojson-vt, encode each requested tile with vt-pbf. Same data file, same layer name, extent and
// buffer as Geo's /tiles/desa. Usage: node server.js FILE.geojsonl.gz PORT
'use strict';
const fs = require('fs');
const http = require('http');
const readline = require('readline');
const zlib = require('zlib');
const geojsonvt = require('geojson-vt');
const vtpbf = require('vt-pbf');

const started = process.hrtime.bigint();
const [file, port] = process.argv.slice(2);

// The numeric feature id Geo derives from the code (migration 0001): level, then digits padded to 10.
function fid(kode) {
  const level = kode.split('.').length;
  return level * 1e10 + Number(kode.replace(/\./g, '').padEnd(10, '0'));
}

async function load() {
  const features = [];
  const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(zlib.createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const f = JSON.parse(line.replace(/^\x1e/, ''));
    features.push({ type: 'Feature', id: fid(f.properties.kode), properties: { kode: f.properties.kode, nama: f.properties.nama }, geometry: f.geometry });
  }
  return geojsonvt({ type: 'FeatureCollection', features }, { maxZoom: 14, indexMaxZoom: 5, indexMaxPoints: 100000, extent: 4096, buffer: 64 });
}

load().then(index => {
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  console.log(`indexed in ${ms.toFixed(0)} ms`);
  http.createServer((req, res) => {
    const m = /^\/tiles\/desa\/(\d+)\/(\d+)\/(\d+)\.mvt$/.exec(req.url);
    if (!m) { res.writeHead(404); res.end(); return; }
    const tile = index.getTile(+m[1], +m[2], +m[3]);
    const body = tile ? vtpbf.fromGeojsonVt({ desa: tile }, { version: 2, extent: 4096 }) : Buffer.alloc(0);
    res.writeHead(200, { 'Content-Type': 'application/vnd.mapbox-vector-tile', 'Content-Length': body.length });
    res.end(body);
  }).listen(+port, '127.0.0.1');
});
