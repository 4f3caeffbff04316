import type { OptimizerSpec } from './optimizerSpec';
import { HP } from './common';
import { denseOf } from './fullMatrixAdagrad';

export type ShampooHp = { lr: number; eps: number };

/**
 * Shampoo (Gupta, Koren & Singer 2018, ICML, Algorithm 1) with the point taken as a 1×2
 * matrix W = (x  y):
 *   L ← L + ‖g‖²  (1×1, from ε),   R ← R + g gᵀ  (2×2, from εI),
 *   θ ← θ − lr · L^{−1/4} · R^{−1/4} g.
 * Why 1×2: for an order-1 tensor (a vector) the paper's Algorithm 2 has a single factor with
 * exponent −1/2, and Shampoo *is* full-matrix AdaGrad (with εI inside the root), which races as
 * its own record. Read as a matrix, the parameter has Shampoo's two factors and −1/4 roots: the
 * right factor sees the valley's rotation, the left one is a scalar AdaGrad-norm scale, and the
 * fourth roots make the step neither AdaGrad's nor Newton's. (As 2×1 it is the same rule.)
 */
export const shampoo: OptimizerSpec<ShampooHp> = {
  type: 'Shampoo',
  id: 'shampoo',
  summary: 'Kronecker-factored AdaGrad: (x, y) as a 1×2 matrix, fourth roots of both factors.',
  tex: String.raw`L_t = L_{t-1} + \|g_t\|^2,\ R_t = R_{t-1} + g_t g_t^\top,\ \theta_t = \theta_{t-1} - \eta\,L_t^{-1/4} R_t^{-1/4} g_t`,
  defaults: { lr: 1, eps: 1e-4 },
  race: { lr: 1, eps: 1e-4 },
  hyperparams: [
    HP.lr,
    {
      key: 'eps',
      kind: 'number',
      label: 'Epsilon ε (L₀ = ε, R₀ = εI)',
      min: 0,
      minExclusive: true,
      scale: 'log',
      slider: { kind: 'log', min: 1e-8, max: 1 },
    },
  ],
  scope: 'whole',
  curvature: 'dense-2x2',
  init: () => ({ L: null, R: null }),
  step(A, theta, grad, state, hp, _t, ctx) {
    const D = denseOf('Shampoo', ctx);
    // L and R start at ε and εI: the sums are kept without ε, which is added to L and to R's
    // eigenvalues (R + εI has R's eigenvectors).
    const gg = D.outer(grad),
      gn = A.sum(A.mul(grad, grad));
    const L = state.L === null ? gn : A.add(state.L as typeof gn, gn);
    const R = state.R === null ? gg : A.add(state.R as typeof gg, gg);
    const pre = D.symFn(R, (l) => Math.pow(Math.max(l, 0) + hp.eps, -0.25), grad);
    const scale = A.div(hp.lr, A.sqrt(A.sqrt(A.add(L, hp.eps))));
    return { theta: A.sub(theta, A.mul(pre, scale)), state: { L, R } };
  },
};
