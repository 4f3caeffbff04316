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
 * Bands of `loss` (meshgrid order over xs × ys; NaN = not computed, +∞ = diverged) over the
 * slice's own value range, or over `scale` when maps side by side share one (sharedScale).
 */
export function landscapeContour(
  xs: Float64Array,
  ys: Float64Array,
  loss: Float64Array,
  scale?: ValueRange,
): LandscapeContourData {
  // Missing points take a computed neighbour's value (no wall at the edge), then get hatched.
  const values = fillForContour(xs.length, ys.length, loss);
  const grid = gridToSample({ xs, ys, values });
  const levels = bandThresholds(scale ?? grid, LANDSCAPE_LEVELS, 'logValue');
  const holes = notComputedRects(xs, ys, loss);
  return { grid, bands: contourPaths(grid, levels, LANDSCAPE_PLOT, LANDSCAPE_PLOT), holes };
}

/** The axis ticks of the map: both ends and the middle. */
export const edgeTicks = (a: number, b: number): number[] => [a, (a + b) / 2, b];

/** A tick's label: three significant digits, and an exact 0 for rounding noise. */
export const tickLabel = (v: number): string =>
  Math.abs(v) < 1e-12 ? '0' : Number(v.toPrecision(3)).toString();
