// Colour ramps from ColorBrewer 2.0 (colorbrewer2.org), by Cynthia A. Brewer, Geography,
// Pennsylvania State University; Apache License 2.0. Only the ramps we use, copied as published;
// every one is marked colour-blind safe there.

/** YlOrRd (sequential), 3 to 7 classes: light = good, dark red = bad. */
export const YlOrRd: Record<number, readonly string[]> = {
  3: ["#ffeda0", "#feb24c", "#f03b20"],
  4: ["#ffffb2", "#fecc5c", "#fd8d3c", "#e31a1c"],
  5: ["#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"],
  6: ["#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#f03b20", "#bd0026"],
  7: ["#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c", "#b10026"],
};

/** Blues (sequential), for indicators without a polarity (counts of sasaran). */
export const Blues: Record<number, readonly string[]> = {
  3: ["#deebf7", "#9ecae1", "#3182bd"],
  4: ["#eff3ff", "#bdd7e7", "#6baed6", "#2171b5"],
  5: ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"],
  6: ["#eff3ff", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"],
  7: ["#eff3ff", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#084594"],
};

/** The two ends of RdYlBu (diverging, 5 classes): does not meet target / meets target. */
export const Target = { belum: "#d7191c", memenuhi: "#2c7bb6" } as const;

/** Units without data: grey under a hatch, so they never read as a class. */
export const TanpaData = "#d9d9d9";

export type Polaritas = "naik" | "turun" | null;

/**
 * The ramp for n classes ordered from low to high values, so that the bad end is always dark red:
 * for "turun" (prevalence) high values are bad, for "naik" (coverage) low values are.
 */
export function ramp(n: number, polaritas: Polaritas): string[] {
  const k = Math.min(7, Math.max(3, n));
  const base = polaritas === null ? Blues[k] : YlOrRd[k];
  let colours = [...base!];
  if (polaritas === "naik") colours.reverse();
  if (n < 3) colours = polaritas === "naik" ? colours.slice(k - n) : colours.slice(0, n);
  return colours.slice(0, n);
}
