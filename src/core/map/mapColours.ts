/**
 * A map's cells as colours, the same for the page's canvas and the CLI's PNG.
 *
 * 'status' is the paper's two-colour scale (Sohl-Dickstein 2024): blue where training converged,
 * red where it diverged, the intensity by speed — a run that converged or blew up early is
 * deep, a late one pale — and a neutral sand for runs that did neither within the steps.
 * 'loss' colours log₁₀ of the final loss (viridis, over the grid's own range), 'steps' the step
 * at which the tolerance was reached (viridis, early dark); both draw diverged cells in the
 * status red and undecided ones in grey, so no mode hides a blow-up. Blue against red-orange
 * stays distinct for the common colour-vision deficiencies, and the intensity is a second cue.
 */
import { interpolateViridis } from 'd3-scale-chromatic';
import { statusOf } from './mapOutcome';
import type { MapGrid } from './mapResult';

export type MapColourMode = 'status' | 'loss' | 'steps';
export const MAP_COLOUR_MODES: readonly MapColourMode[] = ['status', 'loss', 'steps'];

type Rgb = readonly [number, number, number];

const mix = (a: Rgb, b: Rgb, t: number): Rgb => [
  a[0] + (b[0] - a[0]) * t,
  a[1] + (b[1] - a[1]) * t,
  a[2] + (b[2] - a[2]) * t,
];

/** Deep and pale ends of each status colour. */
export const STATUS_RGB = {
  converged: { early: [8, 48, 107] as Rgb, late: [158, 202, 225] as Rgb },
  diverged: { early: [165, 15, 21] as Rgb, late: [252, 174, 145] as Rgb },
  bounded: [222, 210, 180] as Rgb,
  undecided: [150, 150, 150] as Rgb,
};

function hexToRgb(hex: string): Rgb {
  // d3's interpolators return "rgb(r, g, b)" or "#rrggbb".
  const m = /rgb\((\d+), ?(\d+), ?(\d+)\)/.exec(hex);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  const v = parseInt(hex.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

/** The range of log₁₀(final loss) over cells that did not diverge (for the 'loss' legend). */
export function lossRange(g: MapGrid): { lo: number; hi: number } | null {
  let lo = Infinity,
    hi = -Infinity;
  for (let c = 0; c < g.finalLoss.length; c++) {
    const v = g.finalLoss[c];
    if (g.divergedAt[c] >= 0 || !(v > 0)) continue;
    const l = Math.log10(v);
    lo = Math.min(lo, l);
    hi = Math.max(hi, l);
  }
  return lo <= hi ? { lo, hi: hi > lo ? hi : lo + 1 } : null;
}

/** The colour of cell c. `steps` is the runs' step count (for intensities). */
export function cellRgb(
  g: MapGrid,
  c: number,
  mode: MapColourMode,
  steps: number,
  range: { lo: number; hi: number } | null,
): Rgb {
  const o = { reachedAt: g.reachedAt[c], divergedAt: g.divergedAt[c] };
  const status = statusOf(o);
  const frac = (k: number) => Math.min(1, Math.max(0, k / Math.max(1, steps)));
  if (status === 'diverged') {
    const d = STATUS_RGB.diverged;
    return mix(d.early, d.late, Math.sqrt(frac(o.divergedAt)));
  }
  if (mode === 'status') {
    if (status === 'bounded') return STATUS_RGB.bounded;
    const v = STATUS_RGB.converged;
    return mix(v.early, v.late, Math.sqrt(frac(o.reachedAt)));
  }
  if (mode === 'steps') {
    if (status !== 'converged') return STATUS_RGB.undecided;
    return hexToRgb(interpolateViridis(frac(o.reachedAt)));
  }
  const v = g.finalLoss[c];
  if (!range || !(v > 0)) return v === 0 ? hexToRgb(interpolateViridis(0)) : STATUS_RGB.undecided;
  const t = (Math.log10(v) - range.lo) / (range.hi - range.lo);
  return hexToRgb(interpolateViridis(Math.min(1, Math.max(0, t))));
}

/**
 * RGBA pixels of the whole grid, one per cell, in image order: the top row is the largest y
 * (row j = ny − 1), so the picture reads like the axes.
 */
export function mapPixels(
  g: MapGrid,
  nx: number,
  ny: number,
  mode: MapColourMode,
  steps: number,
): Uint8ClampedArray {
  const px = new Uint8ClampedArray(nx * ny * 4);
  const range = mode === 'loss' ? lossRange(g) : null;
  for (let j = 0; j < ny; j++)
    for (let i = 0; i < nx; i++) {
      const rgb = cellRgb(g, j * nx + i, mode, steps, range);
      const p = ((ny - 1 - j) * nx + i) * 4;
      px[p] = rgb[0];
      px[p + 1] = rgb[1];
      px[p + 2] = rgb[2];
      px[p + 3] = 255;
    }
  return px;
}

/** The legend of a mode: swatches with their meaning (CSS colours). */
export function mapLegend(
  mode: MapColourMode,
  range: { lo: number; hi: number } | null,
): { label: string; colour: string }[] {
  const css = (c: Rgb) => `rgb(${c.map(Math.round).join(', ')})`;
  const diverged = [
    { label: 'diverged early', colour: css(STATUS_RGB.diverged.early) },
    { label: 'diverged late', colour: css(STATUS_RGB.diverged.late) },
  ];
  if (mode === 'status')
    return [
      { label: 'converged early', colour: css(STATUS_RGB.converged.early) },
      { label: 'converged late', colour: css(STATUS_RGB.converged.late) },
      { label: 'neither (still training)', colour: css(STATUS_RGB.bounded) },
      ...diverged,
    ];
  if (mode === 'steps')
    return [
      { label: 'reached the tolerance at step 0', colour: interpolateViridis(0) },
      { label: 'at the last step', colour: interpolateViridis(1) },
      { label: 'never reached it', colour: css(STATUS_RGB.undecided) },
      ...diverged,
    ];
  const fmt = (l: number) => `1e${l.toFixed(1)}`;
  return [
    {
      label: range ? `final loss ${fmt(range.lo)}` : 'lowest final loss',
      colour: interpolateViridis(0),
    },
    {
      label: range ? `final loss ${fmt(range.hi)}` : 'highest final loss',
      colour: interpolateViridis(1),
    },
    ...diverged,
  ];
}
