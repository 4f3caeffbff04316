/**
 * Non-convexity of a 2-D loss slice from the slice itself: the 2×2 Hessian of L(α, β) at every
 * interior grid point by central differences, and per point r = |λ_min/λ_max| where λ_min < 0.
 * Li et al. (2018, Fig. 7) colour a slice by |λ_min/λ_max| of the full network's Hessian (blue
 * convex, yellow strongly non-convex); this is the cheap counterpart that needs no extra network
 * evaluations: it says where the *drawn surface* curves downward in some direction of the plane.
 * Pure TS.
 *
 * Grid: the flat meshgrid order of roughness.ts, loss[j·nx + i] = L(x[i], y[j]).
 *
 * Hessian per grid step, at interior (i, j), with f = L:
 *   Hαα = f(i+1, j) − 2 f(i, j) + f(i−1, j),   Hββ likewise along j,
 *   Hαβ = (f(i+1, j+1) − f(i+1, j−1) − f(i−1, j+1) + f(i−1, j−1)) / 4
 * (second differences not divided by the steps). On a grid with equal steps in α and β this is
 * the Hessian in the axes' units times h², so r is exactly Li et al.'s ratio in the plane and does
 * not depend on the resolution. The PCA plane's axes differ by up to 10⁵ in scale, where the
 * ratio in the axes' own units would only say which axis is longer; per grid step both axes
 * count alike. Whether H is indefinite does not depend on that choice (Sylvester's law of
 * inertia: diagonal rescaling keeps the signs of the eigenvalues).
 *
 * On L, not log L (measured on the shipped slices, see roughness.ts): log L = L's Hessian / L
 * minus ∇L∇Lᵀ/L², a negative semi-definite term, so log of a convex bowl is concave on its flanks
 * (ln(0.1 + α²) curves down for |α| > 0.32). On log L the convex skip-connection slices would read
 * as non-convex almost everywhere off the centre; on L they read convex, as in the paper. Walls
 * that span decades change only the size of H, and r is a ratio, so they do not swamp it.
 *
 * r = min(1, |λ_min / λ_max|) where λ_min < 0, else 0. Capped at 1: a local maximum (both
 * eigenvalues negative) or a saddle that curves down at least as much as up is fully non-convex,
 * and near λ_max = 0 the raw ratio is unbounded and one point would carry the whole mean.
 *
 * A point counts as non-convex when r > τ (CURVATURE_TAU = 0.01: λ_min < −0.01·|λ_max|), so a
 * downward curvature at round-off level beside a real upward one is not counted. Measured on the
 * shipped slices: τ = 0 → 0.01 moves the random slices' shares by at most 0.04, but ResNet-56-NS's
 * PCA plane from 0.70 to 0.24 — most of its λ_min < 0 are 10⁻³·λ_max and below, noise in the
 * direction the plane barely curves; τ = 0.05 would move every share by a further 0.01–0.15. A point whose
 * largest |λ| is below FLAT_CURVATURE·|L| (1e-5) is flat: its second differences are within
 * round-off of the stored values (shipped files keep 7 significant digits, ≤ 5e-7·L each, up to
 * 4 of them in a second difference) and of the float32 losses behind them, so its signs mean
 * nothing; it gets r = 0 and is not counted as non-convex. Of the shipped slices only
 * ResNet-110-NS's PCA plane has such points (31 of 285 measured): its loss there is ln 10 =
 * 2.3026 to four digits, the chance plateau where the output no longer depends on the weights.
 *
 * Points whose 3×3 stencil holds a non-finite or non-positive loss (diverged, not computed) are
 * left out and counted (`excluded`); the border has no stencil and is neither measured nor
 * excluded.
 */

/** r above this counts a point as non-convex (λ_min < −τ·|λ_max|). */
export const CURVATURE_TAU = 0.01;
/** Largest |λ| below this × L: flat, within round-off. */
export const FLAT_CURVATURE = 1e-5;

export interface SliceCurvature {
  /** Share (0–1) of measured interior points with r > CURVATURE_TAU; NaN when none measured. */
  nonConvexShare: number;
  /** Mean of r over the measured interior points; NaN when none measured. */
  meanNegRatio: number;
  /** Per grid point (flat meshgrid order): r in [0, 1]; NaN on the border and where excluded. */
  ratio: Float64Array;
  /** Interior points measured. */
  measured: number;
  /** Interior points left out: a non-finite or non-positive loss in their 3×3 stencil. */
  excluded: number;
}

export interface CurvatureGrid {
  xcoordinates: ArrayLike<number>;
  ycoordinates: ArrayLike<number>;
  loss: ArrayLike<number>;
}

/** Eigenvalues of [[a, b], [b, c]], smaller first; the smaller from det/larger to keep its digits. */
export function sym2Eigen(a: number, b: number, c: number): [number, number] {
  const m = (a + c) / 2,
    d = Math.hypot((a - c) / 2, b);
  const big = m >= 0 ? m + d : m - d;
  const other = big === 0 ? 0 : (a * c - b * b) / big;
  return big >= other ? [other, big] : [big, other];
}

/** r for one point's Hessian (per grid step) at loss `f`. */
export function negRatio(a: number, b: number, c: number, f: number): number {
  const [lo, hi] = sym2Eigen(a, b, c);
  if (!(lo < 0)) return 0;
  if (Math.max(-lo, Math.abs(hi)) < FLAT_CURVATURE * Math.abs(f)) return 0;
  return hi === 0 ? 1 : Math.min(1, -lo / Math.abs(hi));
}

const usable = (v: number) => Number.isFinite(v) && v > 0;

export function sliceCurvature(g: CurvatureGrid): SliceCurvature {
  const nx = g.xcoordinates.length,
    ny = g.ycoordinates.length;
  if (g.loss.length !== nx * ny)
    throw new Error(`sliceCurvature: ${g.loss.length} losses for a ${nx}×${ny} grid`);
  const L = g.loss;
  const ratio = new Float64Array(nx * ny).fill(NaN);
  let measured = 0,
    excluded = 0,
    nonConvex = 0,
    sum = 0;
  for (let j = 1; j < ny - 1; j++) {
    for (let i = 1; i < nx - 1; i++) {
      const k = j * nx + i;
      let ok = true;
      for (let dj = -1; dj <= 1 && ok; dj++)
        for (let di = -1; di <= 1; di++) if (!usable(L[k + dj * nx + di])) ok = false;
      if (!ok) {
        excluded++;
        continue;
      }
      const f = L[k];
      const a = L[k + 1] - 2 * f + L[k - 1];
      const c = L[k + nx] - 2 * f + L[k - nx];
      const b = (L[k + nx + 1] - L[k - nx + 1] - L[k + nx - 1] + L[k - nx - 1]) / 4;
      const r = negRatio(a, b, c, f);
      ratio[k] = r;
      measured++;
      sum += r;
      if (r > CURVATURE_TAU) nonConvex++;
    }
  }
  return {
    nonConvexShare: measured ? nonConvex / measured : NaN,
    meanNegRatio: measured ? sum / measured : NaN,
    ratio,
    measured,
    excluded,
  };
}
