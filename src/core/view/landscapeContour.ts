/**
 * The landscape page's contour map as data: the filled bands, the hatched cells with no loss
 * and the grid they came from, in a square drawing of `LANDSCAPE_PLOT` units. The page's panel
 * and its SVG/PNG export draw this one geometry, so an export is what the page shows.
 */
import type { ContourBand } from './contourPaths';
import { contourPaths } from './contourPaths';
import { gridToSample } from './gridSurface';
import { fillForContour, notComputedRects, type DataRect } from './notComputed';
import type { SurfaceGrid } from './sampleGrid';
import { bandThresholds, type ValueRange } from './sharedScale';
import { paperLevels, type LevelStyle } from './contourLevels';

/** Drawing units per side of the plot (the frame scales them to CSS pixels). */
export const LANDSCAPE_PLOT = 480;
/** Filled bands: levels geometric in the loss, so the basin floor gets as many lines as the walls. */
export const LANDSCAPE_LEVELS = 28;

export interface LandscapeContourData {
  grid: SurfaceGrid;
  bands: ContourBand[];
  holes: DataRect[];
}

/**
 * The band thresholds of a map over `range`, as `style` says: `log`, LANDSCAPE_LEVELS levels
 * geometric in the loss from the range's minimum; `paper`, upstream's fixed 0.1 … 10 (whatever
 * the range, so every map drawn so has the same bands), under a floor band from 0 (a loss is
 * never negative) that fills whatever lies below 0.1.
 */
export function landscapeThresholds(range: ValueRange, style: LevelStyle = 'log'): number[] {
  if (style === 'log') return bandThresholds(range, LANDSCAPE_LEVELS, 'logValue');
  const floor = Number.isFinite(range.min) ? Math.min(0, range.min) : 0;
  return [floor, ...paperLevels()];
}

/**
 * Each threshold with its palette position, as contourPaths gives its bands (`t` = index / (n − 1)):
 * the whole scale, for one colour bar beside maps that each show only some of its bands.
 */
export function thresholdSteps(thresholds: readonly number[]): { value: number; t: number }[] {
  const n = Math.max(1, thresholds.length - 1);
  return thresholds.map((value, i) => ({ value, t: i / n }));
}

/**
 * Bands of `loss` (meshgrid order over xs × ys; NaN = not computed, +∞ = diverged) over the
 * slice's own value range, or over `scale` when maps side by side share one (sharedScale),
 * levelled as `style` says.
 */
export function landscapeContour(
  xs: Float64Array,
  ys: Float64Array,
  loss: Float64Array,
  scale?: ValueRange,
  style: LevelStyle = 'log',
): LandscapeContourData & { thresholds: number[] } {
  // Missing points take a computed neighbour's value (no wall at the edge), then get hatched.
  const values = fillForContour(xs.length, ys.length, loss);
  const grid = gridToSample({ xs, ys, values });
  const levels = landscapeThresholds(scale ?? grid, style);
  const holes = notComputedRects(xs, ys, loss);
  return {
    grid,
    bands: contourPaths(grid, levels, LANDSCAPE_PLOT, LANDSCAPE_PLOT),
    holes,
    thresholds: levels,
  };
}

/** The axis ticks of the map: both ends and the middle. */
export const edgeTicks = (a: number, b: number): number[] => [a, (a + b) / 2, b];

/** A tick's label: three significant digits, and an exact 0 for rounding noise. */
export const tickLabel = (v: number): string =>
  Math.abs(v) < 1e-12 ? '0' : Number(v.toPrecision(3)).toString();
