import type { ViewScales } from './viewScales';

/** A trajectory as drawing coordinates: the start, then the point after each step. */
export interface TrajectoryPoints {
  /** Flat [x₀, y₀, x₁, y₁, …] in drawing units; entry k is the point after k steps (0 = start). */
  xy: Float64Array;
  /** Cumulative polyline length up to point k (0 at the start), for revealing a prefix with a dash. */
  length: Float64Array;
}

/** Drawing coordinates far outside the view are clamped so SVG never gets 1e300s. */
const CLAMP = 1e5;
const clamp = (v: number) => (v > CLAMP ? CLAMP : v < -CLAMP ? -CLAMP : v);

/** Projects a run (start + params after each step) through the view scales. */
export function trajectoryPoints(start: readonly [number, number], params: Float64Array, steps: number, s: ViewScales): TrajectoryPoints {
  const n = steps + 1;
  const xy = new Float64Array(2 * n), length = new Float64Array(n);
  xy[0] = clamp(s.x(start[0])); xy[1] = clamp(s.y(start[1]));
  for (let k = 1; k < n; k++) {
    const px = clamp(s.x(params[2 * k - 2])), py = clamp(s.y(params[2 * k - 1]));
    xy[2 * k] = px; xy[2 * k + 1] = py;
    length[k] = length[k - 1] + Math.hypot(px - xy[2 * k - 2], py - xy[2 * k - 1]);
  }
  return { xy, length };
}

/** The polyline as an SVG path string ("M x y L x y …"), 1 decimal place. */
export function polylinePath(xy: Float64Array): string {
  if (xy.length < 2) return '';
  const parts: string[] = [`M${xy[0].toFixed(1)} ${xy[1].toFixed(1)}`];
  for (let i = 2; i < xy.length; i += 2) parts.push(`L${xy[i].toFixed(1)} ${xy[i + 1].toFixed(1)}`);
  return parts.join('');
}
