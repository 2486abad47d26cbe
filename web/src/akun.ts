// Signing in from the page: the session cookie of POST /api/akun/masuk; signing out needs the
// antiforgery token, as every cookie write does. Who is signed in decides nothing here: the
// server decides what each account may see and do.

export interface Saya {
  nama: string;
  wilayah: string;
  peran: string[];
}

export async function saya(): Promise<Saya | null> {
  const r = await fetch("/api/akun/saya", { credentials: "same-origin" });
  return r.ok ? (await r.json()) as Saya : null;
}

async function detail(r: Response): Promise<string> {
  try {
    const body = await r.json() as { detail?: string };
    return body.detail ?? `galat ${r.status}`;
  } catch {
    return `galat ${r.status}`;
  }
}

/** Fills the sign-in box: a form when nobody is signed in, the account and "Keluar" otherwise. */
export async function pasangAkun(kotak: HTMLElement): Promise<void> {
  const akun = await saya();
  kotak.replaceChildren();
  if (akun) {
    const siapa = document.createElement("p");
    siapa.id = "akun-nama";
    siapa.textContent = `Masuk sebagai ${akun.nama} (${akun.peran.join(", ") || "tanpa peran"}; ${akun.wilayah})`;
    const keluar = document.createElement("button");
    keluar.type = "button";
    keluar.id = "akun-keluar";
    keluar.textContent = "Keluar";
    keluar.addEventListener("click", async () => {
      const af = await (await fetch("/api/akun/antiforgery", { credentials: "same-origin" })).json() as { token: string; header: string };
      await fetch("/api/akun/keluar", { method: "POST", credentials: "same-origin", headers: { [af.header]: af.token } });
      await pasangAkun(kotak);
      document.dispatchEvent(new Event("geo:akun"));
    });
    kotak.append(siapa, keluar);
    return;
  }
  const form = document.createElement("form");
  form.id = "akun-masuk";
  form.innerHTML = `
    <label>Nama akun <input name="nama" autocomplete="username" required></label>
    <label>Sandi <input name="sandi" type="password" autocomplete="current-password" required></label>
    <button type="submit">Masuk</button>
    <p class="galat" role="alert" hidden></p>`;
  const galat = form.querySelector<HTMLElement>(".galat")!;
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const r = await fetch("/api/akun/masuk", {
      method: "POST", credentials: "same-origin", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ nama: data.get("nama"), sandi: data.get("sandi") }),
    });
    if (!r.ok) {
      galat.textContent = await detail(r);
      galat.hidden = false;
      return;
    }
    await pasangAkun(kotak);
    // Other boxes (lokus) show what the account may do.
    document.dispatchEvent(new Event("geo:akun"));
  });
  const judul = document.createElement("p");
  judul.className = "kecil";
  judul.textContent = "Peta publik terbuka untuk semua. Masuk untuk data draf wilayah Anda dan daftar lokus.";
  kotak.append(judul, form);
}
