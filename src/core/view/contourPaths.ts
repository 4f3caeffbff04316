import { contours, geoPath, geoTransform } from 'd3';
import type { SurfaceGrid } from './sampleGrid';

/** One filled contour band: everything with f ≥ `value`, as an SVG path in drawing coordinates. */
export interface ContourBand {
  value: number;
  /** Position of the level among all levels, 0…1 (what a colour scale reads). */
  t: number;
  d: string;
}

/**
 * d3-contour's isobands of a sampled surface as SVG path strings in a width × height drawing
 * (y up). Grid sample (i, j) lands exactly on the drawing point of its (x, y); d3's outer ring
 * sits half a cell outside, which the panel clips. Pure data: React renders the strings.
 */
export function contourPaths(
  grid: SurfaceGrid,
  levels: readonly number[],
  width: number,
  height: number,
): ContourBand[] {
  if (levels.length === 0) return [];
  const { nx, ny } = grid;
  // d3-contour treats NaN as a hole; fill holes with +∞-like max so bands stay closed.
  const values = Array.from(grid.values, (v) => (Number.isNaN(v) ? grid.max : v));
  const sx = width / (nx - 1),
    sy = height / (ny - 1);
  const project = geoTransform({
    point(px, py) {
      this.stream.point((px - 0.5) * sx, height - (py - 0.5) * sy);
    },
  });
  const path = geoPath(project);
  const polys = contours()
    .size([nx, ny])
    .thresholds(levels as number[])(values);
  const n = Math.max(1, levels.length - 1);
  return polys
    .map((p, i) => ({ value: p.value, t: i / n, d: path(p) ?? '' }))
    .filter((b) => b.d !== '');
}
