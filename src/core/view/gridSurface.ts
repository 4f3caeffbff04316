import type { Surface } from '../surfaces/surface';
import type { SurfaceGrid } from './sampleGrid';

/**
 * A loss landscape measured on a grid, made into the views' shapes:
 * - `gridToSample`: the regular SurfaceGrid that contourPaths / contourLevels read (rows are y);
 * - `gridSurface`: a Surface whose value(x, y) interpolates the grid bilinearly, so Surface3D can
 *   draw a measured slice like an analytic one;
 * - `refineGrid`: a partly computed fine grid with its missing points filled from a coarse one
 *   (coarse-to-fine streaming shows a whole surface at every moment).
 *
 * Input grids are in meshgrid flat order, values[j·nx + i] = L(x_i, y_j) (the .h5 and JSON order);
 * coordinates may run up or down; NaN (or any non-finite value) marks a point not computed.
 */
export interface MeasuredGrid {
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
  values: ArrayLike<number>;
}

/** Coordinates ascending, values reordered to match, non-finite → NaN. */
function ascending(g: MeasuredGrid): { xs: Float64Array; ys: Float64Array; values: Float64Array } {
  const nx = g.xs.length,
    ny = g.ys.length;
  if (nx < 2 || ny < 2) throw new Error(`grid: need at least 2×2 points, got ${nx}×${ny}`);
  if (g.values.length !== nx * ny)
    throw new Error(`grid: ${g.values.length} values for ${nx}×${ny} points`);
  const flipX = g.xs[nx - 1] < g.xs[0],
    flipY = g.ys[ny - 1] < g.ys[0];
  const xs = Float64Array.from({ length: nx }, (_, i) => g.xs[flipX ? nx - 1 - i : i]);
  const ys = Float64Array.from({ length: ny }, (_, j) => g.ys[flipY ? ny - 1 - j : j]);
  const values = new Float64Array(nx * ny);
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const v = g.values[(flipY ? ny - 1 - j : j) * nx + (flipX ? nx - 1 - i : i)];
      values[j * nx + i] = Number.isFinite(v) ? v : NaN;
    }
  }
  return { xs, ys, values };
}

/** The grid as a regular SurfaceGrid over its coordinates' box (min / max over the finite values). */
export function gridToSample(g: MeasuredGrid): SurfaceGrid {
  const { xs, ys, values } = ascending(g);
  let min = Infinity,
    max = -Infinity;
  for (const v of values)
    if (v === v) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  const box = { xmin: xs[0], xmax: xs[xs.length - 1], ymin: ys[0], ymax: ys[ys.length - 1] };
  return { nx: xs.length, ny: ys.length, box, values, min, max };
}

/** Index k with c[k] ≤ v ≤ c[k+1] (clamped to the ends) and the fraction u of the way to c[k+1]. */
function locate(c: Float64Array, v: number): [number, number] {
  const n = c.length;
  if (!(v > c[0])) return [0, 0];
  if (v >= c[n - 1]) return [n - 2, 1];
  let lo = 0,
    hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (c[mid] <= v) lo = mid;
    else hi = mid;
  }
  return [lo, (v - c[lo]) / (c[lo + 1] - c[lo])];
}

/** Bilinear interpolation of an ascending grid at (x, y), clamped to its box; NaN if a corner is NaN. */
function bilinear(
  xs: Float64Array,
  ys: Float64Array,
  values: Float64Array,
  x: number,
  y: number,
  grad?: Float64Array,
): number {
  const nx = xs.length;
  const [i, u] = locate(xs, x),
    [j, w] = locate(ys, y);
  const a = values[j * nx + i],
    b = values[j * nx + i + 1],
    c = values[(j + 1) * nx + i],
    d = values[(j + 1) * nx + i + 1];
  if (grad) {
    grad[0] = ((1 - w) * (b - a) + w * (d - c)) / (xs[i + 1] - xs[i]);
    grad[1] = ((1 - u) * (c - a) + u * (d - b)) / (ys[j + 1] - ys[j]);
  }
  return (1 - w) * ((1 - u) * a + u * b) + w * ((1 - u) * c + u * d);
}

export interface GridSurfaceInfo {
  id: string;
  name: string;
  description?: string;
}

/**
 * A Surface that interpolates the grid bilinearly: exact at the grid points, clamped outside the
 * box. Its gradient is the bilinear one (piecewise; what an optimizer on the slice would feel),
 * its Hessian only the mixed term. Minimum: the lowest grid point.
 */
export function gridSurface(g: MeasuredGrid, info: GridSurfaceInfo): Surface {
  const { xs, ys, values } = ascending(g);
  const sample = gridToSample(g);
  let best = -1;
  for (let k = 0; k < values.length; k++)
    if (values[k] === values[k] && (best < 0 || values[k] < values[best])) best = k;
  const nx = xs.length;
  return {
    id: info.id,
    name: info.name,
    tex: 'L(w^{*} + \\alpha\\,\\delta + \\beta\\,\\eta)',
    description:
      info.description ??
      "A measured 2-D slice of a network's loss, interpolated bilinearly between grid points.",
    value: (x, y) => bilinear(xs, ys, values, x, y),
    gradient(x, y, out) {
      bilinear(xs, ys, values, x, y, out);
    },
    hessian(x, y, out) {
      const [i] = locate(xs, x),
        [j] = locate(ys, y);
      const a = values[j * nx + i],
        b = values[j * nx + i + 1],
        c = values[(j + 1) * nx + i],
        d = values[(j + 1) * nx + i + 1];
      out[0] = 0;
      out[1] = (d - c - b + a) / ((xs[i + 1] - xs[i]) * (ys[j + 1] - ys[j]));
      out[2] = 0;
    },
    domain: sample.box,
    minima: best < 0 ? [] : [[xs[best % nx], ys[Math.floor(best / nx)]]],
    minimumValue: best < 0 ? null : values[best],
    defaultStart: [
      (sample.box.xmin + sample.box.xmax) / 2,
      (sample.box.ymin + sample.box.ymax) / 2,
    ],
    // Losses of a slice span orders of magnitude between the basin and the walls.
    logColor: true,
  };
}

/**
 * The fine grid with every missing (NaN) point filled by bilinear interpolation of `coarse`
 * (a complete grid over the same or a larger box). Points already computed are kept as they are.
 */
export function refineGrid(fine: MeasuredGrid, coarse: MeasuredGrid | null): Float64Array {
  // A diverged point (+∞) was computed: only NaN is filled.
  const out = Float64Array.from(fine.values, (v) => (Number.isNaN(v) ? NaN : v));
  if (!coarse) return out;
  const c = ascending(coarse);
  const nx = fine.xs.length;
  for (let k = 0; k < out.length; k++) {
    if (out[k] === out[k]) continue;
    out[k] = bilinear(c.xs, c.ys, c.values, fine.xs[k % nx], fine.ys[Math.floor(k / nx)]);
  }
  return out;
}
