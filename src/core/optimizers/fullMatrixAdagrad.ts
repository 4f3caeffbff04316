import type { OptimizerSpec, StepContext } from './optimizerSpec';
import { HP } from './common';

export type FullMatrixAdagradHp = { lr: number; eps: number };

/** The 2×2 helper, or the error that says where these optimizers run. */
export function denseOf<T>(type: string, ctx: StepContext<T> | undefined) {
  if (!ctx?.dense)
    throw new Error(
      `${type} needs the whole 2×2 matrix structure, which only the 2-D surfaces give`,
    );
  return ctx.dense;
}

/**
 * Full-matrix AdaGrad (Duchi, Hazan & Singer 2011, JMLR 12, the full-matrix update of §1):
 *   G ← G + g gᵀ,   θ ← θ − lr·(δI + G^{1/2})⁻¹ g.
 * The paper's form, δ added to the root: where G is diagonal it is exactly torch's Adagrad
 * (g/(√G + ε)), so the two differ only by the off-diagonal Σ gₓg_y that a rotated valley makes.
 * The root is taken through G's eigendecomposition (`ctx.dense`): surfaces only. δ defaults to
 * 1e−4, not Adagrad's 1e−10: after one step G = g gᵀ is singular, and the rounding error of
 * g's component along the null eigenvector (~1e−16‖g‖) is divided by δ.
 */
export const fullMatrixAdagrad: OptimizerSpec<FullMatrixAdagradHp> = {
  type: 'FullMatrixAdagrad',
  id: 'fmadagrad',
  summary:
    'Adagrad with the whole matrix Σ g gᵀ: it learns the valley’s axes, whatever their angle.',
  tex: String.raw`G_t = G_{t-1} + g_t g_t^\top,\quad \theta_t = \theta_{t-1} - \eta\,(\delta I + G_t^{1/2})^{-1} g_t`,
  defaults: { lr: 0.01, eps: 1e-4 },
  race: { lr: 1, eps: 1e-4 },
  hyperparams: [HP.lr, { ...HP.eps, label: 'Epsilon', symbol: '\\delta' }],
  scope: 'whole',
  curvature: 'dense-2x2',
  init: () => ({ G: null }),
  step(A, theta, grad, state, hp, _t, ctx) {
    const D = denseOf('FullMatrixAdagrad', ctx);
    const gg = D.outer(grad);
    const G = state.G === null ? gg : A.add(state.G as typeof gg, gg);
    const pre = D.symFn(G, (l) => 1 / (hp.eps + Math.sqrt(Math.max(l, 0))), grad);
    return { theta: A.sub(theta, A.mul(pre, hp.lr)), state: { G } };
  },
};
