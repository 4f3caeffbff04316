import { formatValue } from './sliderScale';
import { textWidth } from './textWidth';

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

/**
 * The widest label the bar for these levels (and `max`, its top) can show, in px at `font` px:
 * every level may be a tick, each written by formatValue. A vertical bar needs this much room
 * beside it (contourFrame), or its long labels (9.4e+17) are cut at the figure's edge.
 */
export function colourBarLabelWidth(
  levels: readonly number[],
  max: number | undefined,
  font: number,
): number {
  let widest = 0;
  for (const v of max === undefined ? levels : [...levels, max])
    if (Number.isFinite(v)) widest = Math.max(widest, textWidth(formatValue(v), font));
  return widest;
}

/**
 * Where a horizontal bar's label is centred: at its tick, moved in just enough that the whole
 * label stays over the bar [x, x + length]. The top label need not sit at the end (when the top
 * level is the maximum itself, its tick is one step short of it), so anchoring only the end
 * ticks' labels let a long one run past the figure's edge.
 */
export function barLabelCentre(
  at: number,
  text: string,
  x: number,
  length: number,
  font: number,
): number {
  const half = Math.min(textWidth(text, font), length) / 2;
  return Math.min(Math.max(x + length * at, x + half), x + length - half);
}
