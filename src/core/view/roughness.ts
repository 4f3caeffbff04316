/**
 * Roughness measures of a 2-D loss slice, so that "ResNet-56-NS is chaotic, ResNet-56 is
 * convex" (Li et al. 2018, Fig. 5) is a number and not an impression. Pure TS, no tfjs.
 *
 * Input: the flat meshgrid order of src/gpu/landscape/grid.ts and src/io/landscapeJson.ts,
 *   loss[j·nx + i] = L(x[i], y[j]),  nx = x.length, ny = y.length (both ≥ 2), every loss > 0.
 *
 * Measures (larger = rougher, except basinWidth):
 *
 * (a) tvLogLoss — total variation of log L per unit of coordinate, averaged over every pair of
 *     horizontal and vertical neighbours:
 *       tvLogLoss = mean over pairs p~q of |log L(p) − log L(q)| / |p − q|
 *     (|p − q| = the grid spacing along that axis). It estimates the mean of |∂ log L / ∂α| over
 *     the slice, so for a smooth surface it does not depend on the resolution; ripples below the
 *     grid spacing raise it. Working in log L makes it invariant under L → c·L (c > 0): a
 *     constant factor adds log c to every value and cancels in each difference.
 *     tvLogLossPerStep is the same mean without dividing by the spacing (resolution-dependent,
 *     comparable only between grids of the same size).
 * (b) localMinima — the number of strict local minima of L among the interior points (a point
 *     whose 8 neighbours are all strictly larger). Border points are left out: a slope cut off by
 *     the edge of the grid would otherwise count as a minimum. A convex bowl has 1, a chaotic
 *     slice many. Invariant under any strictly increasing transform of L (log, scaling).
 * (c) basinWidth — the fraction of the grid points inside [−1, 1]² where L < 2·L_centre, with
 *     L_centre the loss at the trained weights (α = β = 0, taken from the grid when (0, 0) is a
 *     grid point, else given). Uniform grids make the fraction of points the fraction of area.
 *     Also scale-invariant. NaN when no grid point lies in [−1, 1]² or L_centre is unknown.
 * (d) nonConvexShare, meanNegRatio — the non-convexity of the drawn surface (sliceCurvature.ts):
 *     the share of interior points whose 2×2 Hessian of L in the plane has λ_min < −τ·|λ_max|,
 *     and the mean of r = min(1, |λ_min/λ_max|) (0 where convex), Li et al.'s Fig. 7 colouring.
 *     Invariant under L → c·L; not under log (on L, as the paper; why there).
 *     Measured on the shipped random slices (21×21, [−1, 1]², the 128-step nets of the first
 *     round): share 0.08 ResNet-20, 0.19 -NS; 0.17 ResNet-56, 0.62 -NS; 0.41 ResNet-110, 0.83 -NS.
 *     On log L the same slices give 0.35–0.51 for all six: the log's concave flanks hide the gap.
 * Non-finite losses (a diverged point) are treated as +∞: they count as "not below" for (b) and
 * (c), their pairs are left out of (a), and points with one in their 3×3 stencil out of (d);
 * `nonFinite` reports how many there were.
 */
import { sliceCurvature } from './sliceCurvature';

export interface Roughness {
  /** Mean |Δ log L| per unit of coordinate over horizontal and vertical neighbour pairs. */
  tvLogLoss: number;
  /** Mean |Δ log L| per grid step (resolution-dependent). */
  tvLogLossPerStep: number;
  /** Strict interior local minima (8-neighbour). */
  localMinima: number;
  /** Fraction of grid points in [−1, 1]² with L < 2·L_centre. */
  basinWidth: number;
  /** The L_centre used for basinWidth. */
  centreLoss: number;
  /** Grid points whose loss is not a finite positive number. */
  nonFinite: number;
  /** Share (0–1) of interior points curving down in some direction: λ_min < −τ·|λ_max|. */
  nonConvexShare: number;
  /** Mean over interior points of min(1, |λ_min/λ_max|), 0 where convex (Li et al. Fig. 7). */
  meanNegRatio: number;
}

export interface RoughnessGrid {
  xcoordinates: ArrayLike<number>;
  ycoordinates: ArrayLike<number>;
  /** Flat meshgrid order, length nx·ny. */
  loss: ArrayLike<number>;
  /** L_centre when (0, 0) is not a grid point. */
  centreLoss?: number;
}

const usable = (v: number) => Number.isFinite(v) && v > 0;

/** Index of the grid point at exactly 0 on an axis, or −1. */
function zeroIndex(c: ArrayLike<number>): number {
  for (let i = 0; i < c.length; i++)
    if (Math.abs(c[i]) <= 1e-12 * Math.max(1, Math.abs(c[0]), Math.abs(c[c.length - 1]))) return i;
  return -1;
}

export function roughness(g: RoughnessGrid): Roughness {
  const nx = g.xcoordinates.length,
    ny = g.ycoordinates.length;
  if (nx < 2 || ny < 2) throw new Error(`roughness: need a 2-D grid (nx, ny ≥ 2), got ${nx}×${ny}`);
  if (g.loss.length !== nx * ny)
    throw new Error(`roughness: ${g.loss.length} losses for a ${nx}×${ny} grid`);
  const L = g.loss;
  const at = (i: number, j: number) => L[j * nx + i];
  let nonFinite = 0;
  const logL = new Float64Array(nx * ny);
  for (let k = 0; k < nx * ny; k++) {
    if (usable(L[k])) logL[k] = Math.log(L[k]);
    else {
      logL[k] = NaN;
      nonFinite++;
    }
  }

  // (a) total variation of log L.
  let sum = 0,
    sumPerStep = 0,
    pairs = 0;
  const add = (a: number, b: number, h: number) => {
    const d = Math.abs(logL[a] - logL[b]);
    if (!Number.isFinite(d)) return;
    sum += d / h;
    sumPerStep += d;
    pairs++;
  };
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const k = j * nx + i;
      if (i + 1 < nx)
        add(k, k + 1, Math.abs(Number(g.xcoordinates[i + 1]) - Number(g.xcoordinates[i])));
      if (j + 1 < ny)
        add(k, k + nx, Math.abs(Number(g.ycoordinates[j + 1]) - Number(g.ycoordinates[j])));
    }
  }

  // (b) strict interior local minima, 8 neighbours.
  let localMinima = 0;
  for (let j = 1; j < ny - 1; j++) {
    for (let i = 1; i < nx - 1; i++) {
      const v = at(i, j);
      if (!usable(v)) continue;
      let isMin = true;
      for (let dj = -1; dj <= 1 && isMin; dj++) {
        for (let di = -1; di <= 1; di++) {
          if (di === 0 && dj === 0) continue;
          const w = at(i + di, j + dj);
          // A non-finite neighbour counts as +∞ (larger); NaN compares false, so test it explicitly.
          if (usable(w) && !(w > v)) {
            isMin = false;
            break;
          }
        }
      }
      if (isMin) localMinima++;
    }
  }

  // (c) basin width.
  const i0 = zeroIndex(g.xcoordinates),
    j0 = zeroIndex(g.ycoordinates);
  const centreLoss = i0 >= 0 && j0 >= 0 ? at(i0, j0) : (g.centreLoss ?? NaN);
  let inside = 0,
    below = 0;
  for (let j = 0; j < ny; j++) {
    const y = Number(g.ycoordinates[j]);
    if (y < -1 || y > 1) continue;
    for (let i = 0; i < nx; i++) {
      const x = Number(g.xcoordinates[i]);
      if (x < -1 || x > 1) continue;
      inside++;
      const v = at(i, j);
      if (usable(v) && v < 2 * centreLoss) below++;
    }
  }

  // (d) non-convexity of the slice's own 2×2 Hessian.
  const curv = sliceCurvature(g);

  return {
    tvLogLoss: pairs ? sum / pairs : NaN,
    tvLogLossPerStep: pairs ? sumPerStep / pairs : NaN,
    localMinima,
    basinWidth: inside && usable(centreLoss) ? below / inside : NaN,
    centreLoss,
    nonFinite,
    nonConvexShare: curv.nonConvexShare,
    meanNegRatio: curv.meanNegRatio,
  };
}
