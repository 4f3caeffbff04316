/**
 * Points of a path kept at most (segments drawn, the tail included): 10 racers then send at most
 * ~41,000 pieces of line to WebGL, where 10 × 10,000 steps were 400,000.
 */
export const MAX_KEPT = 4096;
/**
 * How far a dropped point may lie from the drawn line, in world units (the box is 2 wide): about
 * ⅓ px at the default camera on a 450 px tall canvas, 1.4 px at the closest zoom, under a 3.5 px line.
 */
export const THIN_TOLERANCE = 0.002;

/**
 * Which points of a trajectory the 3D view draws. A race of 10 racers × 10,000 steps is 400,000
 * pieces of line (4 per step), which a software WebGL (SwiftShader, a machine without a GPU)
 * took over 10 s a frame to draw; most of them are converged steps a fraction of a pixel long.
 * The view draws lines between kept points instead: a point is kept when it lies more than
 * `tolerance` (world units, 3D) from the last kept one, so every dropped point is within
 * `tolerance` of the drawn line. A path still longer than `maxKept` points (a racer bouncing
 * across the box thousands of times: a scribble either way) keeps every j-th of them.
 */
export function thinPath(
  points: Float32Array,
  n: number,
  tolerance: number,
  maxKept: number,
  out: Uint32Array,
): number {
  if (n <= 0) return 0;
  const t2 = tolerance * tolerance;
  let m = 0,
    lx = points[0],
    ly = points[1],
    lz = points[2];
  out[m++] = 0;
  for (let i = 1; i < n; i++) {
    const x = points[3 * i],
      y = points[3 * i + 1],
      z = points[3 * i + 2];
    const dx = x - lx,
      dy = y - ly,
      dz = z - lz;
    if (dx * dx + dy * dy + dz * dz <= t2 && i < n - 1) continue;
    out[m++] = i; // the last point is always kept: the whole race ends where it ends
    lx = x;
    ly = y;
    lz = z;
  }
  if (m <= maxKept) return m;
  // Evenly spaced kept points, first and last among them; in place, since j ≥ i.
  for (let i = 0; i < maxKept; i++)
    out[i] = out[Math.round((i * (m - 1)) / Math.max(maxKept - 1, 1))];
  return maxKept;
}
