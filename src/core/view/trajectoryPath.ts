import { compiledScale } from './compiledScale';
import { keptPoints } from './polyline';
import type { ViewScales } from './viewScales';

/** A trajectory in drawing coordinates: the start, then the point after each step. */
export interface TrajectoryPoints {
  /** Flat [x₀, y₀, x₁, y₁, …] in drawing units; entry k is the point after k steps (0 = start). */
  xy: Float64Array;
  /** Indices of the points worth drawing (see polyline.keptPoints). */
  kept: Uint32Array;
}

/** Drawing coordinates far outside the view are clamped so a canvas never gets 1e300s. */
const CLAMP = 1e4;
const clamp = (v: number) => (v > CLAMP ? CLAMP : v < -CLAMP ? -CLAMP : v);

/** Projects a run (start + params after each step) through the view scales. */
export function trajectoryPoints(
  start: readonly [number, number],
  params: Float64Array,
  steps: number,
  s: ViewScales,
  tolerance = 0.25,
): TrajectoryPoints {
  const n = steps + 1;
  const xy = new Float64Array(2 * n);
  const sx = compiledScale(s.x),
    sy = compiledScale(s.y);
  xy[0] = clamp(sx(start[0]));
  xy[1] = clamp(sy(start[1]));
  for (let k = 1; k < n; k++) {
    xy[2 * k] = clamp(sx(params[2 * k - 2]));
    xy[2 * k + 1] = clamp(sy(params[2 * k - 1]));
  }
  return { xy, kept: keptPoints(xy, tolerance) };
}
