import type { OptimizerSpec } from './optimizerSpec';
import { HP } from './common';

export type NewtonHp = {
  lr: number;
  damping: number;
};

/**
 * Damped Newton, θ ← θ − lr·(H + δI)⁻¹g, with the surface's exact Hessian at θ; and the
 * saddle-free variant (Dauphin et al. 2014), θ ← θ − lr·(|H| + δI)⁻¹g, |H| = Q|Λ|Qᵀ.
 *
 * Newton treats every critical point alike: on a saddle H has a negative eigenvalue, and the
 * step along that eigenvector points *up* the descent direction, straight to the saddle (on
 * f = x² − y² one step with lr = 1 lands on the origin). Taking |Λ| keeps the curvature's
 * scale but always descends, so the saddle-free step escapes. The whole point is needed (a
 * 2×2 solve), and networks have no exact Hessian here: surfaces only.
 */
const newtonRule = (abs: boolean): Pick<OptimizerSpec<NewtonHp>, 'init' | 'step'> => ({
  init: () => ({}),
  step(A, theta, grad, state, hp, _t, ctx) {
    if (!ctx?.solveHessian)
      throw new Error('Newton needs the exact Hessian, which only the 2-D surfaces provide');
    return { theta: A.sub(theta, A.mul(ctx.solveHessian(grad, hp.damping, abs), hp.lr)), state };
  },
});

const hyperparams = [
  HP.lr,
  {
    key: 'damping',
    kind: 'number',
    label: 'Damping',
    symbol: '\\delta',
    min: 0,
    slider: { kind: 'log', min: 1e-4, max: 10, zero: true },
  },
] as const;

export const newton: OptimizerSpec<NewtonHp> = {
  ...newtonRule(false),
  type: 'Newton',
  id: 'newton',
  summary: 'Jumps to where the local quadratic model is flat: a minimum, a maximum or a saddle.',
  tex: String.raw`\theta_t = \theta_{t-1} - \eta\,(H + \delta I)^{-1} g_t`,
  defaults: { lr: 1, damping: 1e-3 },
  race: { lr: 0.5, damping: 1e-3 },
  scope: 'whole',
  curvature: 'exact-hessian',
  hyperparams,
};

export const saddleFreeNewton: OptimizerSpec<NewtonHp> = {
  ...newtonRule(true),
  type: 'SaddleFreeNewton',
  id: 'sfnewton',
  summary: 'Newton with |eigenvalues| of H: the curvature’s scale, but always downhill.',
  tex: String.raw`\theta_t = \theta_{t-1} - \eta\,(|H| + \delta I)^{-1} g_t,\quad |H| = Q|\Lambda|Q^\top`,
  defaults: { lr: 1, damping: 1e-3 },
  race: { lr: 0.5, damping: 1e-3 },
  scope: 'whole',
  curvature: 'exact-hessian',
  hyperparams,
};
