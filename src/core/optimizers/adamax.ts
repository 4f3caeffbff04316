import { FIRST_MOMENT, type OptimizerSpec } from './optimizerSpec';
import { biasCorrection, effectiveGrad, ema, HP } from './common';

export type AdamaxHp = {
  lr: number;
  betas: readonly [number, number];
  eps: number;
  weight_decay: number;
  maximize: boolean;
};

/**
 * torch.optim.Adamax (Adam with the ∞-norm). g ← ±∇ + λθ;  m ← β₁m + (1−β₁)g;  u ← max(β₂u, |g| + ε);
 * θ ← θ − lr/(1−β₁ᵗ) · m/u.
 */
export const adamax: OptimizerSpec<AdamaxHp> = {
  type: 'Adamax',
  id: 'adamax',
  summary: 'Adam with the infinity norm: scales by a decaying max of |g| instead of an RMS.',
  tex: String.raw`m_t = \beta_1 m_{t-1} + (1-\beta_1) g_t,\ u_t = \max(\beta_2 u_{t-1}, |g_t|+\epsilon),\ \theta_t = \theta_{t-1} - \frac{\eta}{1-\beta_1^t}\frac{m_t}{u_t}`,
  defaults: { lr: 2e-3, betas: [0.9, 0.999], eps: 1e-8, weight_decay: 0, maximize: false },
  race: { lr: 0.1 },
  hyperparams: [HP.lr, HP.betas, HP.eps, HP.weightDecay, HP.maximize],
  moment: FIRST_MOMENT,
  init: () => ({ m: null, u: null }),
  step(A, theta, grad, state, hp, t) {
    const g = effectiveGrad(A, theta, grad, hp.weight_decay, hp.maximize);
    const b1 = hp.betas[0],
      b2 = hp.betas[1];
    const m = ema(A, state.m, g, b1);
    const u = A.maximum(
      A.mul((state.u as typeof g | null) ?? A.fill(theta, 0), b2),
      A.add(A.abs(g), hp.eps),
    );
    const clr = hp.lr / biasCorrection(b1, t);
    return { theta: A.sub(theta, A.mul(A.div(m, u), clr)), state: { m, u } };
  },
};
