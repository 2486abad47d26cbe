// The floor under the map page: MapLibre alone, a background and nothing else (no data, no
// request), in the page's map frame. What this takes from navigation to drawn is what the
// browser and the machine cost before any of Geo's work.
import { Map, setWorkerUrl } from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";

setWorkerUrl(new URL("./maplibre-gl-worker.mjs", import.meta.url).href);
const map = new Map({
  container: "peta",
  style: { version: 8, sources: {}, layers: [{ id: "latar", type: "background", paint: { "background-color": "#f7f8fa" } }] },
  center: [105.3, -5.1],
  zoom: 12,
  canvasContextAttributes: { preserveDrawingBuffer: true },
});
window.geoPeta = { map };
map.once("idle", () => { document.body.dataset.status = "siap"; });
