import { compiledScale } from './compiledScale';
import type { ViewScales } from './viewScales';

/** A trajectory in drawing coordinates: the start, then the point after each step. */
export interface TrajectoryPoints {
  /** Flat [x₀, y₀, x₁, y₁, …] in drawing units; entry k is the point after k steps (0 = start). */
  xy: Float64Array;
  /** Length of the drawn (simplified) polyline up to point k, for revealing a prefix with a dash. */
  length: Float64Array;
  /** The points actually drawn: consecutive points closer than `minGap` are merged. */
  path: string;
}

/** Drawing coordinates far outside the view are clamped so SVG never gets 1e300s. */
const CLAMP = 1e4;
const clamp = (v: number) => (v > CLAMP ? CLAMP : v < -CLAMP ? -CLAMP : v);

/** A coordinate with one decimal for an SVG path; Math.round is ~10× cheaper than toFixed in this hot loop. */
export const svgNum = (v: number): number => Math.round(v * 10) / 10;

/**
 * Projects a run (start + params after each step) through the view scales, and simplifies the
 * polyline for drawing: a point closer than `minGap` drawing units to the last kept one is not
 * drawn (converged runs pile hundreds of steps onto one pixel; stroking them is what costs).
 */
export function trajectoryPoints(start: readonly [number, number], params: Float64Array, steps: number, s: ViewScales, minGap = 0.75): TrajectoryPoints {
  const n = steps + 1;
  const xy = new Float64Array(2 * n), length = new Float64Array(n);
  const sx = compiledScale(s.x), sy = compiledScale(s.y);
  xy[0] = clamp(sx(start[0])); xy[1] = clamp(sy(start[1]));
  let path = `M${svgNum(xy[0])} ${svgNum(xy[1])}`;
  let kx = xy[0], ky = xy[1], kept = 0;
  for (let k = 1; k < n; k++) {
    const px = clamp(sx(params[2 * k - 2])), py = clamp(sy(params[2 * k - 1]));
    xy[2 * k] = px; xy[2 * k + 1] = py;
    const dx = px - kx, dy = py - ky, d = Math.sqrt(dx * dx + dy * dy);
    // The prefix up to step k is the kept polyline plus the segment to point k.
    length[k] = kept + d;
    if (d >= minGap || k === n - 1) {
      kept += d; kx = px; ky = py;
      path += `L${svgNum(px)} ${svgNum(py)}`;
    }
  }
  return { xy, length, path };
}

/** The full polyline as an SVG path string ("M x y L x y …"), 1 decimal place. */
export function polylinePath(xy: Float64Array): string {
  if (xy.length < 2) return '';
  let path = `M${svgNum(xy[0])} ${svgNum(xy[1])}`;
  for (let i = 2; i < xy.length; i += 2) path += `L${svgNum(xy[i])} ${svgNum(xy[i + 1])}`;
  return path;
}
