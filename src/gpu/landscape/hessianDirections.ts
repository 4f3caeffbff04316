/**
 * Slice directions from the top two Hessian eigenvectors of the loss at the centre weights
 * (instead of random ones): the plane of steepest curvature through w.
 *
 * 1. Which parameters. With `restrict: 'weights'` (default) the Hessian is the block H_WW of
 *    the conv/linear weights W (parameters of rank > 1), the biases and BN γ, β held fixed; the
 *    eigenvectors are zero on every rank ≤ 1 parameter, exactly like random directions with
 *    `ignore: 'biasbn'` (directions.ts). That keeps Hessian slices comparable with random ones,
 *    and lets a BN-folded slice (slice.ts) fold w, dx and dy once, as the directions leave every
 *    γ at zero. `restrict: 'all'` uses the full Hessian over every parameter.
 * 2. The eigenpairs, k = 2, from Hessian-vector products of L(w) = mean cross-entropy on the
 *    given images, BN in eval mode (the function slices plot), by central differences of
 *    gradients (hvp.ts: tfjs has no second derivative through cross-entropy, so 'fd' is named
 *    outright rather than paying for 'auto''s failed exact attempt). Solver:
 *    - 'lanczos' (default, hessian/lanczos.ts): the two algebraically largest, λ₁ = λ_max ≥ λ₂;
 *    - 'power' (`topEigen`, power iteration with Hotelling deflation): ordered by |λ|, λ₂ may
 *      be negative; much slower when λ₂ ≈ λ₁ (see lanczos.ts for numbers).
 *    Each vector's sign is fixed so
 *    that ⟨v, w⟩ ≥ 0 (positive α moves away from the origin), so the result does not depend on
 *    the power-iteration seed once converged. v₂ is then made exactly orthogonal to v₁
 *    (Gram–Schmidt; deflation only makes it nearly so) and renormalised.
 * 3. Scaling (`scale`). The eigenvectors are unit-norm over W; a grid over [−1, 1] would move
 *    the weights by at most ‖v‖ = 1, tiny against ‖w‖. So:
 *    - 'weights' (default): d = ‖w_W‖ · v, one global factor s = ‖w_W‖ per direction. Then ‖d‖
 *      equals the norm of a filter-normalised random direction (whose filters each have their
 *      weight filter's norm, so Σ‖dᵢ‖² = ‖w_W‖²): α = 1 moves as far as it does in a random
 *      slice. d stays an eigenvector, dx ⟂ dy, and the curvature along dx at the centre is
 *      ∂²L/∂α² = dxᵀH dx = λ₁·s² (likewise λ₂·s² along dy).
 *    - 'unit': d = v (s = 1), PyHessian's plots.
 *    - 'filter': d filter-normalised like random directions (each filter rescaled to its weight
 *      filter's norm, Li et al.; rank ≤ 1 parameters as `normalizeDirection` treats them: zero,
 *      or a copy of w with `restrict: 'all'`). Comparable filter by filter with random slices,
 *      but d is then no longer an eigenvector and dx, dy are no longer orthogonal.
 *    Whatever the scale, `curvature` reports dᵀH d for both directions, so the quadratic model
 *    L(α, 0) ≈ L₀ + α·gᵀdx + ½·curvature[0]·α² is known.
 * 4. The check. One more product per direction gives vᵀHv and the residual ‖Hv − (vᵀHv)v‖/|vᵀHv|
 *    of the returned unit vectors. For smooth losses (tanh nets) the residual is ~1e-3 and
 *    vᵀHv = λ. For ReLU nets it is not small: the loss has kinks wherever a unit's input crosses
 *    0, the finite-difference H·v (step 1e-2 in weight norm) crosses many of them, and its
 *    second differences along v change by several percent between steps of 1e-3 and 3e-2
 *    (ResNet-20 here), so H·v is not quite linear in v and "the" eigenvalue is only defined to
 *    about that precision; the residual says how far.
 *
 * Needs a net whose eval forward can be differentiated (e.g. `buildModel`, not the BN-folded
 * `buildFastEvalModel`, whose fused convs have no filter gradient on wasm). No CLI or DOM code;
 * every intermediate tensor is disposed, the returned directions belong to the caller.
 */
import * as tf from '@tensorflow/tfjs';
import { type Hvp, type HvpMethod, type HvpOptions, type LossFn, makeHvp } from '../hessian/hvp';
import { netLoss } from '../hessian/netLoss';
import { topEigenLanczos } from '../hessian/lanczos';
import { topEigen } from '../hessian/topEigen';
import type { Net } from '../nets/net';
import { dot, normalizeDirection } from './directions';

export type HessianRestrict = 'weights' | 'all';
export type HessianScale = 'weights' | 'unit' | 'filter';
export type HessianSolver = 'lanczos' | 'power';

export const HESSIAN_SCALES: readonly HessianScale[] = ['weights', 'unit', 'filter'];

export interface HessianDirectionsSpec {
  /** A net whose eval-mode forward is differentiable (see the module comment). */
  net: Net;
  /** The centre w, in `net.params` order. */
  params: readonly tf.Tensor[];
  buffers: readonly tf.Tensor[];
  /** The images (in the net's layout) and labels the loss is averaged over. */
  x: tf.Tensor;
  y: tf.Tensor1D;
  /** Default 'weights' (conv/linear weights only; biases and BN get zero direction). */
  restrict?: HessianRestrict;
  /** Default 'weights' (d = ‖w‖·v). */
  scale?: HessianScale;
  /** Default 'lanczos'. */
  solver?: HessianSolver;
  /** Hessian-vector products at most: in all for 'lanczos', per eigenpair for 'power' (default 30). */
  maxIter?: number;
  /** Convergence: relative residual for 'lanczos', relative change of λ for 'power' (default 1e-3). */
  tol?: number;
  /** Seed of the start vectors (default 0). */
  seed?: number;
  /** Passed to makeHvp (default {method: 'fd'}, see the module comment). */
  hvp?: HvpOptions;
}

export interface HessianEigenInfo {
  /** The solver's eigenvalue (Lanczos: Ritz value). */
  value: number;
  iterations: number;
  /** By the solver's own test (Lanczos: its residual estimate, exact only for a linear H·v). */
  converged: boolean;
  /** vᵀH v along the returned unit direction v (after the sign fix and, for v₂, orthogonalisation). */
  rayleigh: number;
  /** ‖Hv − (vᵀHv)·v‖ / |vᵀHv|, measured with one more product: the check that v is an eigenvector. */
  residual: number;
}

export interface HessianDirections {
  /** One tensor per parameter, zero outside the restriction (caller disposes). */
  x: tf.Tensor[];
  y: tf.Tensor[];
  /** λ₁ and λ₂ of the (restricted) Hessian, with their iteration counts (Lanczos: both the same). */
  eigen: [HessianEigenInfo, HessianEigenInfo];
  /** The factor each unit eigenvector was multiplied by (1 for 'unit'; NaN for 'filter'). */
  scaleFactor: number;
  scale: HessianScale;
  restrict: HessianRestrict;
  solver: HessianSolver;
  /** dᵀH d along x and along y: ∂²L/∂α² and ∂²L/∂β² at the centre. */
  curvature: [number, number];
  /** cos∠(v₁, v₂) from deflation, before v₂ was orthogonalised (≈ 0 when both converged). */
  cosineBefore: number;
  /** Parameters the eigenvectors live in (count of scalars). */
  dimension: number;
  /** How the Hessian-vector products were computed. */
  method: HvpMethod;
  /** Hessian-vector products used in all. */
  products: number;
}

/** Indices of the parameters the Hessian is restricted to. */
export function hessianParamIndices(
  params: readonly tf.Tensor[],
  restrict: HessianRestrict,
): number[] {
  return params.flatMap((p, i) => (restrict === 'all' || p.rank > 1 ? [i] : []));
}

/** L as a function of the parameters at `indices` only, the others fixed at `params`. */
function restrictedLoss(
  loss: LossFn,
  params: readonly tf.Tensor[],
  indices: readonly number[],
): LossFn {
  if (indices.length === params.length) return loss;
  const slot = new Map(indices.map((i, k) => [i, k]));
  return (sub) => loss(params.map((p, i) => (slot.has(i) ? sub[slot.get(i)!] : p)));
}

/** The top-2 Hessian eigenvectors at `params`, scaled into slice directions (module comment). */
export function hessianDirections(spec: HessianDirectionsSpec): HessianDirections {
  const {
    net,
    params,
    buffers,
    restrict = 'weights',
    scale = 'weights',
    solver = 'lanczos',
    maxIter = 30,
    tol = 1e-3,
    seed = 0,
  } = spec;
  if (params.length !== net.params.length)
    throw new Error(
      `hessianDirections: ${params.length} parameters for ${net.id}, expected ${net.params.length}`,
    );
  const indices = hessianParamIndices(params, restrict);
  if (indices.length === 0)
    throw new Error('hessianDirections: no parameter of rank > 1 to restrict the Hessian to');
  const slot = new Map(indices.map((i, k) => [i, k]));
  const sub = indices.map((i) => params[i]);
  const inner = makeHvp(
    restrictedLoss(netLoss(net, buffers, spec.x, spec.y, 'eval'), params, indices),
    sub,
    spec.hvp ?? { method: 'fd' },
  );
  let products = 0;
  const hvp = ((v: readonly tf.Tensor[]) => {
    products++;
    return inner(v);
  }) as Hvp;
  Object.defineProperty(hvp, 'method', { get: () => inner.method });

  const pairs = (solver === 'lanczos' ? topEigenLanczos : topEigen)(hvp, sub, {
    k: 2,
    maxIter,
    tol,
    seed,
  });
  const owned: tf.Tensor[] = pairs.flatMap((p) => p.vector);
  if (pairs.length < 2) {
    tf.dispose(owned);
    throw new Error(`hessianDirections: the Hessian restricted to ${restrict} has rank < 2 here`);
  }
  let result: { x: tf.Tensor[]; y: tf.Tensor[] } | null = null;
  try {
    // Signs: ⟨v, w⟩ ≥ 0.
    const signed = pairs.map((p) => {
      if (dot(p.vector, sub) >= 0) return p.vector;
      const neg = p.vector.map((t) => tf.neg(t));
      owned.push(...neg);
      return neg;
    });
    const v1 = signed[0];
    const cosineBefore = dot(v1, signed[1]); // both unit-norm
    const v2 = tf.tidy(() => {
      const o = signed[1].map((t, i) => tf.sub(t, tf.mul(v1[i], cosineBefore)));
      const n = Math.sqrt(dot(o, o));
      return o.map((t) => tf.div(t, n));
    });
    owned.push(...v2);
    const scaleFactor = scale === 'weights' ? Math.sqrt(dot(sub, sub)) : scale === 'unit' ? 1 : NaN;
    const expand = (v: readonly tf.Tensor[]): tf.Tensor[] =>
      tf.tidy(() => {
        const d = params.map((p, i) => (slot.has(i) ? tf.clone(v[slot.get(i)!]) : tf.zerosLike(p)));
        if (scale === 'unit') return d;
        if (scale === 'weights') return d.map((t) => tf.mul(t, scaleFactor));
        // Upstream's rule for rank ≤ 1 parameters: zero ('biasbn'), or a copy of w when the Hessian covers them.
        return normalizeDirection(d, params, {
          norm: 'filter',
          ignore: restrict === 'all' ? 'none' : 'biasbn',
        });
      });
    result = { x: expand(v1), y: expand(v2) };
    const check = (v: readonly tf.Tensor[]): { rayleigh: number; residual: number } => {
      const hv = hvp(v);
      const rayleigh = dot(v, hv);
      const r = tf.tidy(() => hv.map((t, i) => tf.sub(t, tf.mul(v[i], rayleigh))));
      const residual = Math.sqrt(dot(r, r)) / Math.abs(rayleigh);
      tf.dispose([...hv, ...r]);
      return { rayleigh, residual };
    };
    const checks = [check(v1), check(v2)];
    const curvatureOf = (d: readonly tf.Tensor[], k: number): number => {
      if (scale !== 'filter') return checks[k].rayleigh * scaleFactor ** 2;
      const dSub = indices.map((i) => d[i]); // d is zero outside `indices`, unless restrict is 'all' (then indices are all)
      const hd = hvp(dSub);
      const c = dot(dSub, hd);
      tf.dispose(hd);
      return c;
    };
    const curvature: [number, number] = [curvatureOf(result.x, 0), curvatureOf(result.y, 1)];
    const info = (k: number): HessianEigenInfo => ({
      value: pairs[k].value,
      iterations: pairs[k].iterations,
      converged: pairs[k].converged,
      ...checks[k],
    });
    const out: HessianDirections = {
      x: result.x,
      y: result.y,
      eigen: [info(0), info(1)],
      scaleFactor,
      scale,
      restrict,
      solver,
      curvature,
      cosineBefore,
      dimension: sub.reduce((s, t) => s + t.size, 0),
      method: inner.method === 'auto' ? 'fd' : inner.method,
      products,
    };
    result = null;
    return out;
  } finally {
    tf.dispose(owned);
    if (result) tf.dispose([...result.x, ...result.y]);
  }
}
