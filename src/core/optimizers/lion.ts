import type { OptimizerSpec } from './optimizerSpec';
import { ema, HP } from './common';

export type LionHp = { lr: number; betas: readonly [number, number]; weight_decay: number };

/**
 * Lion (Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms"):
 * c = β₁m + (1−β₁)g;  θ ← θ − lr·(sign(c) + λθ);  m ← β₂m + (1−β₂)g.
 * Every coordinate moves by exactly ±lr (plus decay), so Lion wants a 3–10× smaller lr than AdamW.
 */
export const lion: OptimizerSpec<LionHp> = {
  type: 'Lion',
  id: 'lion',
  summary: 'Sign of an interpolated momentum: every coordinate moves by ±lr.',
  tex: String.raw`c_t = \beta_1 m_{t-1} + (1-\beta_1) g_t,\ \theta_t = \theta_{t-1} - \eta(\operatorname{sign}(c_t) + \lambda\theta_{t-1}),\ m_t = \beta_2 m_{t-1} + (1-\beta_2) g_t`,
  defaults: { lr: 1e-4, betas: [0.9, 0.99], weight_decay: 0 },
  race: { lr: 1e-2 },
  hyperparams: [HP.lr, HP.betas, { ...HP.weightDecay, symbol: '\\lambda' }],
  moment: { key: 'm', label: 'momentum m (β₂-average of g)' },
  init: () => ({ m: null }),
  step(A, theta, grad, state, hp) {
    const b1 = hp.betas[0],
      b2 = hp.betas[1];
    const c = ema(A, state.m, grad, b1);
    const update =
      hp.weight_decay !== 0 ? A.add(A.sign(c), A.mul(theta, hp.weight_decay)) : A.sign(c);
    const m = ema(A, state.m, grad, b2);
    return { theta: A.sub(theta, A.mul(update, hp.lr)), state: { m } };
  },
};
