/**
 * Polylines in drawing units, as flat [x₀, y₀, x₁, y₁, …] arrays, and which of their points are
 * worth drawing. Stroking is the cost of a redraw without a GPU (~4 ms per 1,000-point line of
 * width 3 in Chromium's software raster), and optimizer paths are mostly smooth curves or piles
 * of converged steps on one pixel, so the kept points are those Douglas–Peucker needs to stay
 * within `tolerance` drawing units of every dropped point (0.25 ≈ a quarter pixel of the 600-unit
 * race: invisible under a 3-unit line). The first and last point are always kept.
 *
 * Douglas–Peucker is quadratic on decaying zigzags (each split peels off one point), so it runs
 * on chunks of `CHUNK` points whose ends are kept: linear time, a few extra points.
 */
export function keptPoints(xy: Float64Array, tolerance = 0.25): Uint32Array {
  const n = xy.length >> 1;
  if (n <= 2) return Uint32Array.from({ length: n }, (_, i) => i);
  const keep = new Uint8Array(n);
  keep[n - 1] = 1;
  const t2 = tolerance * tolerance;
  const stack: number[] = [];
  for (let c = 0; c < n - 1; c += CHUNK) {
    keep[c] = 1;
    stack.push(c, Math.min(c + CHUNK, n - 1));
    simplifySpans(xy, stack, keep, t2);
  }
  let m = 0;
  for (let k = 0; k < n; k++) m += keep[k];
  const kept = new Uint32Array(m);
  for (let k = 0, j = 0; k < n; k++) if (keep[k]) kept[j++] = k;
  return kept;
}

const CHUNK = 64;

/** Iterative Douglas–Peucker: split each span on `stack` at its farthest point until all are within tolerance. */
function simplifySpans(xy: Float64Array, stack: number[], keep: Uint8Array, t2: number): void {
  while (stack.length) {
    const b = stack.pop()!,
      a = stack.pop()!;
    if (b - a < 2) continue;
    const ax = xy[2 * a],
      ay = xy[2 * a + 1];
    const dx = xy[2 * b] - ax,
      dy = xy[2 * b + 1] - ay;
    const len2 = dx * dx + dy * dy;
    let far = -1,
      farD = t2;
    for (let k = a + 1; k < b; k++) {
      const px = xy[2 * k] - ax,
        py = xy[2 * k + 1] - ay;
      // Distance to the segment a–b (to a itself when a and b coincide, e.g. a loop back to the start).
      let d2: number;
      if (len2 === 0) d2 = px * px + py * py;
      else {
        const u = Math.max(0, Math.min(1, (px * dx + py * dy) / len2));
        const ex = px - u * dx,
          ey = py - u * dy;
        d2 = ex * ex + ey * ey;
      }
      if (d2 > farD) {
        farD = d2;
        far = k;
      }
    }
    if (far < 0) continue;
    keep[far] = 1;
    stack.push(a, far, far, b);
  }
}

/**
 * How many of `kept` (ascending point indices) lie strictly before point `upto`: the prefix of
 * a polyline shown at step `upto` is those points, then point `upto` itself.
 */
export function keptBefore(kept: Uint32Array, upto: number): number {
  let lo = 0,
    hi = kept.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (kept[mid] < upto) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A coordinate with one decimal for an SVG path; Math.round is ~10× cheaper than toFixed. */
export const svgNum = (v: number): number => Math.round(v * 10) / 10;

/** The kept points of a polyline as an SVG path string ("M x y L x y …"), 1 decimal place. */
export function polylinePath(xy: Float64Array, kept: Uint32Array = keptPoints(xy)): string {
  let path = '';
  for (let i = 0; i < kept.length; i++) {
    const k = kept[i];
    path += `${i ? 'L' : 'M'}${svgNum(xy[2 * k])} ${svgNum(xy[2 * k + 1])}`;
  }
  return path;
}

/**
 * A short fingerprint of drawn polylines at 0.1 drawing-unit precision (FNV-1a over the rounded
 * coordinates): equal pictures of the same trajectories have equal fingerprints, so a copied
 * link or a slider move can be checked on the drawn state, not only on pixels.
 */
export function trajectoryFingerprint(lines: readonly Float64Array[]): string {
  let h = 0x811c9dc5;
  for (const xy of lines) {
    h = Math.imul(h ^ xy.length, 0x01000193);
    for (let i = 0; i < xy.length; i++) h = Math.imul(h ^ (Math.round(xy[i] * 10) | 0), 0x01000193);
  }
  return `${lines.length}:${(h >>> 0).toString(16)}`;
}
