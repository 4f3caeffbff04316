import { FIRST_MOMENT, type OptimizerSpec } from './optimizerSpec';
import { effectiveGrad, ema, HP } from './common';

export type SignumHp = {
  lr: number;
  momentum: number;
  weight_decay: number;
  maximize: boolean;
};

/**
 * signSGD and Signum (Bernstein et al. 2018, Algorithms 1 and 3): g ← ±∇ + λθ (L2, as in the
 * authors' PyTorch code); m ← βm + (1−β)g from m₀ = 0; θ ← θ − lr·sign(m). With β = 0, m = g
 * and this is signSGD. Every coordinate moves by exactly lr (or 0), so on a 2-D surface a step
 * has length lr·√2 whenever no component of m is 0.
 */
const signumRule: Pick<OptimizerSpec<SignumHp>, 'hyperparams' | 'init' | 'step'> = {
  hyperparams: [HP.lr, HP.momentum, HP.weightDecay, HP.maximize],
  init: () => ({ m: null }),
  step(A, theta, grad, state, hp) {
    const g = effectiveGrad(A, theta, grad, hp.weight_decay, hp.maximize);
    const m = hp.momentum === 0 ? g : ema(A, state.m, g, hp.momentum);
    return { theta: A.sub(theta, A.mul(A.sign(m), hp.lr)), state: { m } };
  },
};

export const signSGD: OptimizerSpec<SignumHp> = {
  ...signumRule,
  type: 'SignSGD',
  id: 'signsgd',
  summary: 'Steps by the sign of the gradient only: every coordinate moves by exactly lr.',
  tex: String.raw`\theta_t = \theta_{t-1} - \eta\,\operatorname{sign}(g_t)`,
  defaults: { lr: 1e-3, momentum: 0, weight_decay: 0, maximize: false },
  race: { lr: 1e-2 },
};

export const signum: OptimizerSpec<SignumHp> = {
  ...signumRule,
  type: 'Signum',
  id: 'signum',
  summary: 'signSGD on a momentum average: the sign of the moving average of gradients.',
  tex: String.raw`m_t = \beta m_{t-1} + (1-\beta) g_t,\quad \theta_t = \theta_{t-1} - \eta\,\operatorname{sign}(m_t)`,
  defaults: { lr: 1e-3, momentum: 0.9, weight_decay: 0, maximize: false },
  race: { lr: 1e-2 },
  // Signum's rule names the momentum β.
  hyperparams: [HP.lr, { ...HP.momentum, symbol: '\\beta' }, HP.weightDecay, HP.maximize],
  // signSGD's m is g itself, so only Signum names it.
  moment: FIRST_MOMENT,
};
