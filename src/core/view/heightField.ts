import type { Surface, ViewBox } from '../surfaces/surface';
import type { SurfaceGrid } from './sampleGrid';

/**
 * Heights and colours of a surface as data, for the 3D view (no three.js here).
 *
 * World frame: the view box maps to the square [−1, 1]² (X from x, Y from y) and a loss value
 * to a height Z in [0, zMax]. `linear` uses f itself; `log` uses log10(f − fmin + ε), so surfaces
 * whose values span orders of magnitude (Rosenbrock, Beale) show their valley floors.
 * `logValue` is for a loss, whose natural zero lies below its minimum: log10 f itself (ε = fmin),
 * so every decade gets the same height however far the walls climb. ResNet-56-NS's slice spans
 * 1.7 to 9·10⁷; under `log` (ε = 10⁻³ of that span) everything below 10⁵ is one flat floor.
 * With fmin ≤ 0 it falls back to `log`.
 */
export type HeightTransform = 'linear' | 'log' | 'logValue';

/**
 * ε of the log transform, relative to the sampled range: three decades between floor and top.
 * Smaller ε shows more decades but turns a narrow valley sampled on a grid into spikes.
 */
export const LOG_EPS_REL = 1e-3;

/** How loss values become heights: t(f) is mapped from [lo, hi] = [t(fmin), t(fmax)] to [0, zMax]. */
export interface HeightScale {
  readonly transform: HeightTransform;
  readonly fmin: number;
  readonly eps: number;
  readonly lo: number;
  readonly hi: number;
  readonly zMax: number;
}

/** The scale for values in [range.min, range.max] (a SurfaceGrid's); an empty or flat range still gives a usable scale. */
export function heightScale(
  range: { min: number; max: number },
  transform: HeightTransform,
  zMax = 1,
): HeightScale {
  const fmin = Number.isFinite(range.min) ? range.min : 0;
  const fmax = Number.isFinite(range.max) && range.max > fmin ? range.max : fmin + 1;
  const eps =
    transform === 'logValue' && fmin > 0
      ? fmin
      : Math.max((fmax - fmin) * LOG_EPS_REL, Number.MIN_VALUE * 1e10);
  const log = transform !== 'linear';
  const lo = log ? Math.log10(eps) : fmin;
  const hi = log ? Math.log10(fmax - fmin + eps) : fmax;
  return { transform, fmin, eps, lo, hi, zMax };
}

/** f as a height in [0, zMax]: monotone in f, clamped; NaN and +∞ (overflow) sit on top, −∞ at the bottom. */
export function normalisedHeight(scale: HeightScale, f: number): number {
  if (Number.isNaN(f) || f === Infinity) return scale.zMax;
  if (f === -Infinity) return 0;
  const t = scale.transform !== 'linear' ? Math.log10(Math.max(f - scale.fmin, 0) + scale.eps) : f;
  const z = ((t - scale.lo) / (scale.hi - scale.lo)) * scale.zMax;
  return z <= 0 ? 0 : z >= scale.zMax ? scale.zMax : z;
}

/** The height of the surface at (x, y), for trajectory points. */
export function heightAt(
  surface: Pick<Surface, 'value'>,
  x: number,
  y: number,
  scale: HeightScale,
): number {
  return normalisedHeight(scale, surface.value(x, y));
}

/** Heights of every grid value (row-major like the grid), into `out` if given. */
export function gridHeights(
  grid: SurfaceGrid,
  scale: HeightScale,
  out = new Float32Array(grid.nx * grid.ny),
): Float32Array {
  for (let k = 0; k < grid.values.length; k++) out[k] = normalisedHeight(scale, grid.values[k]);
  return out;
}

// Viridis (matplotlib) as a degree-6 polynomial fit per channel, sRGB in [0, 1] (max error ~0.01).
const VIRIDIS = [
  [0.2777273272234177, 0.005407344544966578, 0.3340998053353061],
  [0.1050930431085774, 1.404613529898575, 1.384590162594685],
  [-0.3308618287255563, 0.214847559468213, 0.09509516302823659],
  [-4.634230498983486, -5.799100973351585, -19.33244095627987],
  [6.228269936347081, 14.17993336680509, 56.69055260068105],
  [4.776384997670288, -13.74514537774601, -65.35303263337234],
  [-5.435455855934631, 4.645852612178535, 26.3124352495832],
] as const;

/** Viridis at t ∈ [0, 1] (clamped; NaN → the top colour) as sRGB [r, g, b] in [0, 1]. */
export function viridis(
  t: number,
  out: [number, number, number] = [0, 0, 0],
): [number, number, number] {
  const u = Number.isNaN(t) ? 1 : t <= 0 ? 0 : t >= 1 ? 1 : t;
  for (let c = 0; c < 3; c++) {
    let v = 0;
    for (let p = VIRIDIS.length - 1; p >= 0; p--) v = v * u + VIRIDIS[p][c];
    out[c] = v <= 0 ? 0 : v >= 1 ? 1 : v;
  }
  return out;
}

/** The sRGB transfer function undone: WebGL lighting and vertex colours work in linear light. */
export function srgbToLinear(c: number): number {
  return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
}

/** Grid cell (i, j) → world X or Y in [−1, 1]. */
function gridToWorld(i: number, n: number): number {
  return (2 * i) / (n - 1) - 1;
}

/** Domain x (or y) → world coordinate in [−1, 1] (the box's edges map to ±1). */
export function toWorld(v: number, min: number, max: number): number {
  return (2 * (v - min)) / (max - min) - 1;
}

/** A triangle mesh of the grid: positions (X, Y, Z), linear-light viridis colours, and indices. */
export interface SurfaceMeshData {
  positions: Float32Array;
  colors: Float32Array;
  indices: Uint32Array;
}

/**
 * Builds the mesh of a sampled surface: height by `height`, colour by `color` (e.g. log colour for
 * Rosenbrock). With `holes`, a cell with a NaN corner (a measured slice's point not computed) is
 * left out (its two triangles degenerate, so the index count stays fixed) instead of drawn at the top.
 */
export function surfaceMeshData(
  grid: SurfaceGrid,
  height: HeightScale,
  color: HeightScale,
  holes = false,
): SurfaceMeshData {
  const { nx, ny, values } = grid;
  const positions = new Float32Array(nx * ny * 3),
    colors = new Float32Array(nx * ny * 3);
  const rgb: [number, number, number] = [0, 0, 0];
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const k = j * nx + i,
        f = values[k];
      positions[3 * k] = gridToWorld(i, nx);
      positions[3 * k + 1] = gridToWorld(j, ny);
      positions[3 * k + 2] = normalisedHeight(height, f);
      viridis(normalisedHeight(color, f) / color.zMax, rgb);
      for (let c = 0; c < 3; c++) colors[3 * k + c] = srgbToLinear(rgb[c]);
    }
  }
  const indices = new Uint32Array((nx - 1) * (ny - 1) * 6);
  let t = 0;
  for (let j = 0; j < ny - 1; j++) {
    for (let i = 0; i < nx - 1; i++) {
      const a = j * nx + i,
        b = a + 1,
        c = a + nx,
        d = c + 1;
      if (holes && [a, b, c, d].some((k) => Number.isNaN(values[k]))) {
        indices.fill(a, t, (t += 6));
        continue;
      }
      indices[t++] = a;
      indices[t++] = b;
      indices[t++] = d;
      indices[t++] = a;
      indices[t++] = d;
      indices[t++] = c;
    }
  }
  return { positions, colors, indices };
}

/** Where a path is drawn: on `surface`, inside `box`, `lift` above the surface, each step split into `subdiv` pieces. */
export interface PathFrame {
  surface: Pick<Surface, 'value'>;
  box: ViewBox;
  scale: HeightScale;
  lift: number;
  subdiv: number;
}

function clampTo(v: number, min: number, max: number): number {
  return v < min ? min : v > max ? max : v;
}

/** The last finite (x, y) at or before step k (step 0 is the start; step k ≥ 1 is params[2k−2..2k−1]). */
function finitePoint(
  start: readonly [number, number],
  params: Float64Array,
  k: number,
  out: [number, number],
): void {
  for (let s = k; s >= 1; s--) {
    const x = params[2 * s - 2],
      y = params[2 * s - 1];
    if (Number.isFinite(x) && Number.isFinite(y)) {
      out[0] = x;
      out[1] = y;
      return;
    }
  }
  out[0] = Number.isFinite(start[0]) ? start[0] : 0;
  out[1] = Number.isFinite(start[1]) ? start[1] : 0;
}

/**
 * Writes world points of a trajectory for steps [from, to] into `out` (3 floats each): step k is
 * point k·subdiv, and the pieces between steps follow the surface. Points outside the box are
 * clamped onto its edge; non-finite points repeat the last finite one. Every output is finite.
 */
export function placePath(
  frame: PathFrame,
  start: readonly [number, number],
  params: Float64Array,
  from: number,
  to: number,
  out: Float32Array,
): void {
  const { box, subdiv } = frame;
  const a: [number, number] = [0, 0],
    b: [number, number] = [0, 0];
  const put = (index: number, x: number, y: number) => {
    const p = 3 * index;
    out[p] = toWorld(x, box.xmin, box.xmax);
    out[p + 1] = toWorld(y, box.ymin, box.ymax);
    out[p + 2] = heightAt(frame.surface, x, y, frame.scale) + frame.lift;
  };
  for (let k = from; k <= to; k++) {
    finitePoint(start, params, k, b);
    b[0] = clampTo(b[0], box.xmin, box.xmax);
    b[1] = clampTo(b[1], box.ymin, box.ymax);
    if (k === 0) {
      put(0, b[0], b[1]);
      continue;
    }
    finitePoint(start, params, k - 1, a);
    a[0] = clampTo(a[0], box.xmin, box.xmax);
    a[1] = clampTo(a[1], box.ymin, box.ymax);
    for (let s = 1; s <= subdiv; s++) {
      const u = s / subdiv;
      put((k - 1) * subdiv + s, a[0] + (b[0] - a[0]) * u, a[1] + (b[1] - a[1]) * u);
    }
  }
}
