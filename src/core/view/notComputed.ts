/**
 * Points of a measured grid that are not computed (NaN: a recompute still running, cancelled, or
 * a file's −1 holes; a diverged point is +∞, a loss too high to count, and is drawn as the top),
 * made into what the views draw instead of a loss:
 * - `notComputedRects`: the cells around the missing points, merged along each row, in data
 *   coordinates, to be covered by a hatched patch;
 * - `capDiverged`: +∞ at the largest finite loss, for the 3D view;
 * - `fillForContour`: the grid with each missing point given its nearest computed neighbour's
 *   value, so contour bands stay closed without the wall that filling with the maximum made at the
 *   edge of the computed part (the hatched patch then covers the filled points).
 *
 * Grids are in meshgrid flat order, values[j·nx + i] at (xs[i], ys[j]); coordinates may run up
 * or down.
 */

export interface DataRect {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

const missing = (v: number) => Number.isNaN(v);

/** The edges of point k's cell along one axis: half-way to its neighbours, the axis's ends at the ends. */
export function cellEdges(c: ArrayLike<number>, k: number): [number, number] {
  const n = c.length;
  const lo = k === 0 ? c[0] : (c[k - 1] + c[k]) / 2;
  const hi = k === n - 1 ? c[n - 1] : (c[k] + c[k + 1]) / 2;
  return lo <= hi ? [lo, hi] : [hi, lo];
}

/**
 * Rectangles covering the missing points' cells: runs along a row merged, and a run merged with
 * the same run of the row before (so a cancelled run's missing rows are one rectangle).
 */
export function notComputedRects(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  values: ArrayLike<number>,
): DataRect[] {
  const nx = xs.length,
    ny = ys.length;
  const rects: DataRect[] = [];
  // The previous row's rectangles by their x extent, to grow instead of stacking.
  let above = new Map<string, DataRect>();
  for (let j = 0; j < ny; j++) {
    const [y0, y1] = cellEdges(ys, j);
    const here = new Map<string, DataRect>();
    for (let i = 0; i < nx;) {
      if (!missing(values[j * nx + i])) {
        i++;
        continue;
      }
      let end = i;
      while (end + 1 < nx && missing(values[j * nx + end + 1])) end++;
      const [a0, a1] = cellEdges(xs, i),
        [b0, b1] = cellEdges(xs, end);
      const x0 = Math.min(a0, b0),
        x1 = Math.max(a1, b1),
        key = `${i},${end}`;
      const r = above.get(key);
      if (r) {
        r.y0 = Math.min(r.y0, y0);
        r.y1 = Math.max(r.y1, y1);
      } else rects.push({ x0, x1, y0, y1 });
      here.set(key, r ?? rects[rects.length - 1]);
      i = end + 1;
    }
    above = here;
  }
  return rects;
}

/** How many points are missing. */
export function notComputedCount(values: ArrayLike<number>): number {
  let n = 0;
  for (let k = 0; k < values.length; k++) if (missing(values[k])) n++;
  return n;
}

/**
 * Missing points filled with the value of their nearest computed point (breadth-first over the
 * grid's 4-neighbours, so ties go to whichever the search reaches first); a grid with no computed
 * point stays all NaN. Computed points are returned as they are.
 */
export function fillForContour(nx: number, ny: number, values: ArrayLike<number>): Float64Array {
  const out = Float64Array.from(values);
  const queue: number[] = [];
  for (let k = 0; k < out.length; k++) if (out[k] === out[k]) queue.push(k);
  for (let q = 0; q < queue.length; q++) {
    const k = queue[q],
      i = k % nx,
      j = (k - i) / nx;
    const next = [
      i > 0 ? k - 1 : -1,
      i < nx - 1 ? k + 1 : -1,
      j > 0 ? k - nx : -1,
      j < ny - 1 ? k + nx : -1,
    ];
    for (const n of next) {
      if (n < 0 || out[n] === out[n]) continue;
      out[n] = out[k];
      queue.push(n);
    }
  }
  return out;
}

/**
 * Diverged points (+∞) at the largest finite loss, so the 3D view draws them at the top of its
 * box as before; NaN (not computed) is kept, for the view to leave out.
 */
export function capDiverged(values: ArrayLike<number>): Float64Array {
  let top = -Infinity;
  for (let k = 0; k < values.length; k++)
    if (Number.isFinite(values[k]) && values[k] > top) top = values[k];
  return Float64Array.from(values, (v) => (v === Infinity ? (top > -Infinity ? top : NaN) : v));
}
