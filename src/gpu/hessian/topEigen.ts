/**
 * The top Hessian eigenvalues ("sharpness" λ_max) and eigenvectors by power iteration on
 * Hessian-vector products:
 *
 *   v₀ ~ N(0, I) (seeded), normalised;  wₜ = H'vₜ;  λₜ = vₜ·wₜ (Rayleigh quotient);
 *   vₜ₊₁ = wₜ/‖wₜ‖;  stop when |λₜ − λₜ₋₁| ≤ tol·|λₜ| or after maxIter products.
 *
 * Power iteration converges to the eigenvalue of largest |λ|, at rate |λ₂/λ₁| per step; near
 * a minimum that is λ_max > 0, but where negative curvature dominates it returns that
 * (negative) value — read the sign. The k-th pair uses Hotelling deflation,
 *   H'v = Hv − Σⱼ<ₖ λⱼ (vⱼ·v) vⱼ,
 * which removes the pairs already found. With `shift` s the iteration runs on H − s·I (and
 * reports λ + s): `lambdaMax` uses s = λ_dominant when that is negative, turning the most
 * negative eigenvalue into 0 and λ_max into the dominant one. Eigenvectors come back one tensor per parameter,
 * unit norm over the whole list, ready to use as slice directions.
 */
import * as tf from '@tensorflow/tfjs';
import { paramSeed } from '../nets/params';
import type { Hvp } from './hvp';

export interface TopEigenOptions {
  /** Number of pairs (default 1). */
  k?: number;
  maxIter?: number;
  /** Relative change of λ that counts as converged (default 1e-3). */
  tol?: number;
  seed?: number;
  /** Iterate on H − shift·I (default 0); values are reported for H. */
  shift?: number;
}

export interface EigenPair {
  value: number;
  /** One tensor per parameter (caller disposes). */
  vector: tf.Tensor[];
  iterations: number;
  converged: boolean;
}

const dot = (a: readonly tf.Tensor[], b: readonly tf.Tensor[]): number =>
  tf.tidy(() => tf.addN(a.map((t, i) => tf.sum(tf.mul(t, b[i])))).dataSync()[0]);
const scale = (a: readonly tf.Tensor[], s: number): tf.Tensor[] => a.map((t) => tf.mul(t, s));

export function topEigen(
  hvp: Hvp,
  like: readonly tf.Tensor[],
  opts: TopEigenOptions = {},
): EigenPair[] {
  const { k = 1, maxIter = 100, tol = 1e-3, seed = 0, shift = 0 } = opts;
  const found: EigenPair[] = [];
  for (let j = 0; j < k; j++) {
    let v = tf.tidy(() => {
      const r = like.map((p, i) =>
        tf.randomNormal(p.shape, 0, 1, 'float32', paramSeed(seed + j, i)),
      );
      return scale(r, 1 / Math.sqrt(dot(r, r)));
    });
    let value = NaN;
    let iterations = 0;
    let converged = false;
    while (iterations < maxIter && !converged) {
      iterations++;
      const next = tf.tidy(() => {
        let w = hvp(v);
        if (shift !== 0) w = w.map((t, i) => tf.sub(t, tf.mul(v[i], shift)));
        for (const f of found) {
          const c = (f.value - shift) * dot(f.vector, v);
          w = w.map((t, i) => tf.sub(t, tf.mul(f.vector[i], c)));
        }
        const lambda = dot(v, w);
        const norm = Math.sqrt(dot(w, w));
        converged = Math.abs(lambda + shift - value) <= tol * Math.abs(lambda);
        value = lambda + shift;
        // H'v = 0: v is in the null space; keep it (λ = 0 is then exact).
        return norm > 0 ? scale(w, 1 / norm) : v.map((t) => tf.clone(t));
      });
      tf.dispose(v);
      v = next;
    }
    found.push({ value, vector: v, iterations, converged });
  }
  return found;
}

/**
 * The largest (algebraic) eigenvalue, the sharpness: the dominant pair if it is positive,
 * else a second run shifted by the (negative) dominant value (see the module comment).
 */
export function lambdaMax(
  hvp: Hvp,
  like: readonly tf.Tensor[],
  opts: Omit<TopEigenOptions, 'k' | 'shift'> = {},
): EigenPair {
  const [dominant] = topEigen(hvp, like, opts);
  if (!(dominant.value < 0)) return dominant;
  tf.dispose(dominant.vector);
  const [top] = topEigen(hvp, like, { ...opts, shift: dominant.value });
  return { ...top, iterations: top.iterations + dominant.iterations };
}
