/**
 * The non-convexity map (core/view/sliceCurvature's per-point r) as what the contour draws over
 * its bands: a cell per measured point, and its colour. Li et al. (2018, Fig. 7) colour convex
 * points blue and strongly non-convex ones yellow; here a point is blue exactly when the share
 * does not count it (r ≤ τ), so the blue area is 1 − nonConvexShare of the measured interior and
 * the map cannot disagree with the number beside it. Non-convex points run from yellow (r just
 * over τ) to red (r = 1) along ColorBrewer's YlOrRd, on √r: the shipped slices' r sit mostly
 * between 0.01 and 0.3, which a linear scale would paint one pale yellow. Blue against
 * yellow–red differs in lightness as well as hue, so it survives every kind of colour blindness.
 * Border and excluded points (NaN) get no cell: the contour shows through.
 */
import { interpolateYlOrRd } from 'd3';
import { CURVATURE_TAU } from './sliceCurvature';
import { cellEdges, type DataRect } from './notComputed';

/** Convex (r ≤ τ): ColorBrewer RdYlBu's blue. */
export const CONVEX_COLOUR = '#4575b4';

export interface CurvatureCell extends DataRect {
  r: number;
  colour: string;
}

/** Where r sits on the non-convex ramp, 0 (just over τ) … 1 (r = 1), on √r. */
export function curvatureRamp(r: number): number {
  const lo = Math.sqrt(CURVATURE_TAU);
  return Math.min(1, Math.max(0, (Math.sqrt(r) - lo) / (1 - lo)));
}

/** The colour of a point's r. */
export function curvatureColour(r: number): string {
  return r > CURVATURE_TAU ? interpolateYlOrRd(0.2 + 0.8 * curvatureRamp(r)) : CONVEX_COLOUR;
}

/** Ticks of the ramp's legend: r values and where they sit along it (0–1). */
export const CURVATURE_TICKS: readonly { r: number; at: number }[] = [
  CURVATURE_TAU,
  0.1,
  0.3,
  1,
].map((r) => ({ r, at: curvatureRamp(r) }));

/** The ramp's colours from τ to 1, `n` stops, for the legend's gradient. */
export const curvatureRampStops = (n = 9): string[] =>
  Array.from({ length: n }, (_, k) => interpolateYlOrRd(0.2 + (0.8 * k) / (n - 1)));

/** One cell per measured point (finite r), in data coordinates (meshgrid flat order in). */
export function curvatureCells(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  ratio: ArrayLike<number>,
): CurvatureCell[] {
  const nx = xs.length,
    ny = ys.length;
  const cells: CurvatureCell[] = [];
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const r = ratio[j * nx + i];
      if (!Number.isFinite(r)) continue;
      const [x0, x1] = cellEdges(xs, i),
        [y0, y1] = cellEdges(ys, j);
      cells.push({ x0, x1, y0, y1, r, colour: curvatureColour(r) });
    }
  }
  return cells;
}
