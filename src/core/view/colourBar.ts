/**
 * A contour map's colour bar as data: one equal step per band, in the bands' own colours
 * (`t`, the palette position), and the level values at some of the step boundaries as ticks.
 * Equal steps rather than a value axis, because the levels are log-spaced on one page and
 * geometric on the other: the bar reads like the map, band by band.
 */
export interface ColourBarStep {
  /** Start and end along the bar, 0…1 (0 = the lowest level). */
  from: number;
  to: number;
  /** Palette position of the band (palette.bandColor). */
  t: number;
}

export interface ColourBarTick {
  /** Position along the bar, 0…1. */
  at: number;
  value: number;
}

export interface ColourBar {
  steps: ColourBarStep[];
  ticks: ColourBarTick[];
}

/**
 * The bar for bands ≥ each `value` (ascending, as contourPaths returns them): band i fills step i,
 * its lower level labels the boundary below it, and the top of the bar is labelled with `max`
 * when given. At most `maxTicks` labels, evenly spread by index, the lowest and highest always.
 */
export function colourBar(
  bands: readonly { value: number; t: number }[],
  maxTicks: number,
  max?: number,
): ColourBar {
  const levels = bands.filter((b, i) => i === 0 || b.value > bands[i - 1].value);
  const n = levels.length;
  if (n === 0) return { steps: [], ticks: [] };
  const steps = levels.map((b, i) => ({ from: i / n, to: (i + 1) / n, t: b.t }));
  const bounds = levels.map((b, i) => ({ at: i / n, value: b.value }));
  if (max !== undefined && Number.isFinite(max) && max > levels[n - 1].value)
    bounds.push({ at: 1, value: max });
  const k = Math.max(2, Math.floor(maxTicks));
  if (bounds.length <= k) return { steps, ticks: bounds };
  // Every s-th boundary, then the top: labels never closer than s steps (rounded even spreading
  // put some one step apart, and long labels overlapped), the stride as small as k allows.
  const last = bounds.length - 1;
  let s = Math.max(1, Math.floor(last / (k - 1)));
  if (Math.floor(last / s) + 1 > k) s = Math.ceil(last / (k - 1));
  const picked: number[] = [];
  for (let i = 0; i <= last - s; i += s) picked.push(i);
  picked.push(last);
  return { steps, ticks: picked.map((i) => bounds[i]) };
}
