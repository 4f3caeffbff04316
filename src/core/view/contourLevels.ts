import type { SurfaceGrid } from './sampleGrid';

/**
 * How contour levels are spaced (heightField's transforms, for lines):
 * - `linear`: evenly;
 * - `log`: min + geometrically spaced offsets, for surfaces whose values span orders of magnitude
 *   (Rosenbrock), so the floor of a valley gets as many lines as its walls;
 * - `logValue`: geometric in the value itself, for a loss (its natural zero lies below its
 *   minimum). A ResNet-56-NS slice spanning 1.7 … 9·10⁷ under `log` would start at 9·10³ and
 *   leave its whole basin one band. With min ≤ 0 it falls back to `log`.
 */
export type LevelSpacing = 'linear' | 'log' | 'logValue';

/**
 * Contour thresholds for a sampled surface, spaced as `spacing` says.
 * Returns ascending, finite, distinct levels strictly inside (min, max].
 */
export function contourLevels(
  grid: Pick<SurfaceGrid, 'min' | 'max'>,
  count: number,
  spacing: LevelSpacing,
): number[] {
  const { min, max } = grid;
  if (!(Number.isFinite(min) && Number.isFinite(max)) || max <= min || count < 1) return [];
  const span = max - min;
  const levels: number[] = [];
  if (spacing === 'logValue' && min > 0) {
    for (let i = 1; i <= count; i++) levels.push(min * Math.pow(max / min, i / count));
  } else if (spacing !== 'linear') {
    // Offsets from 1e-4·span (the valley floor) to span, evenly spaced in log10.
    const lo = Math.log10(span) - 4,
      hi = Math.log10(span);
    for (let i = 0; i < count; i++)
      levels.push(min + Math.pow(10, lo + ((hi - lo) * i) / Math.max(1, count - 1)));
  } else {
    for (let i = 1; i <= count; i++) levels.push(min + (span * i) / (count + 1));
  }
  return levels.filter((v, i) => Number.isFinite(v) && (i === 0 || v > levels[i - 1]));
}

/**
 * How the landscape's filled contours are levelled: `log` (geometric in the loss over the value
 * range shown, the page's default) or `paper` (upstream `plot_2d_contour`'s fixed linear levels,
 * the look of Li et al.'s figures).
 */
export type LevelStyle = 'log' | 'paper';
export const LEVEL_STYLES: readonly LevelStyle[] = ['log', 'paper'];

/** Upstream `plot_2d_contour`'s defaults: vmin 0.1, vmax 10, vlevel 0.5. */
export const PAPER_LEVELS = { vmin: 0.1, vmax: 10, vlevel: 0.5 } as const;

/**
 * The paper's levels: `np.arange(vmin, vmax, vlevel)` (0.1, 0.6, …, 9.6), then `vmax` itself, so
 * every loss above vmax falls in one top band (drawn in the top colour) whatever the slice.
 * Each level is rounded to the step's decimals, as arange's float drift would print 2.5999….
 */
export function paperLevels(
  spec: { vmin: number; vmax: number; vlevel: number } = PAPER_LEVELS,
): number[] {
  const { vmin, vmax, vlevel } = spec;
  if (!(Number.isFinite(vmin) && Number.isFinite(vmax) && vlevel > 0) || vmax <= vmin) return [];
  const digits = Math.max(
    0,
    -Math.floor(Math.log10(vlevel)) + 1,
    -Math.floor(Math.log10(Math.abs(vmin) || 1)) + 1,
  );
  const out: number[] = [];
  for (let i = 0; ; i++) {
    const v = Number((vmin + i * vlevel).toFixed(digits));
    if (v >= vmax) break;
    out.push(v);
  }
  out.push(vmax);
  return out;
}
