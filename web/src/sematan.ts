// The <iframe> snippet of the current view for the publication portal (/embed), with a copy button.
import { tulisUrl, type Keadaan } from "./state.ts";

const attr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** The embed's URL for a view: the page's own state minus the open panel. */
export function urlSematan(origin: string, k: Keadaan): string {
  return `${origin}/embed${tulisUrl({ ...k, desa: null })}`;
}

/** The snippet a portal pastes: a fixed-size, borderless, lazily loaded frame with a title for screen readers. */
export function kodeSematan(origin: string, k: Keadaan, judul: string, lebar = 800, tinggi = 600): string {
  return `<iframe src="${attr(urlSematan(origin, k))}" title="${attr(judul)}" width="${lebar}" height="${tinggi}" style="border:0" loading="lazy"></iframe>`;
}

export interface KotakSematan { perbarui(): void }

/** Fills the "Sematkan peta" box: the snippet of the view the page shows now, and a copy button. */
export function pasangSematan(root: HTMLDetailsElement, keadaan: () => Keadaan, judul: () => string): KotakSematan {
  const kode = document.createElement("textarea");
  kode.id = "kode-sematan";
  kode.readOnly = true;
  kode.rows = 4;
  kode.addEventListener("focus", () => kode.select());
  const salin = document.createElement("button");
  salin.type = "button";
  salin.id = "salin-sematan";
  salin.textContent = "Salin kode";
  const catatan = document.createElement("p");
  catatan.className = "kecil";
  catatan.textContent = "Tempel di halaman portal. Sematan hanya menampilkan data terbit. Situs yang boleh menyematkan diatur di server (Geo:Embed:FrameAncestors).";
  const perbarui = () => { kode.value = kodeSematan(location.origin, keadaan(), judul()); };
  salin.addEventListener("click", async () => {
    perbarui();
    try {
      await navigator.clipboard.writeText(kode.value);
      salin.textContent = "Kode disalin";
    } catch {
      kode.focus();
      salin.textContent = "Salin dengan Ctrl+C";
    }
    setTimeout(() => { salin.textContent = "Salin kode"; }, 2000);
  });
  root.addEventListener("toggle", () => { if (root.open) perbarui(); });
  root.append(kode, salin, catatan);
  return { perbarui: () => { if (root.open) perbarui(); } };
}
