import type { OptimizerSpec } from './optimizerSpec';
import { adam, adamMoments, type AdamHp } from './adam';
import { effectiveGrad, HP, perRun } from './common';

/**
 * torch.optim.AdamW: decoupled weight decay θ ← θ·(1 − lr·λ) first, then the Adam step on the raw gradient.
 * Unlike Adam's L2 penalty, the decay is not divided by √v, so every weight shrinks at the same rate.
 */
export const adamw: OptimizerSpec<AdamHp> = {
  ...adam,
  type: 'AdamW',
  id: 'adamw',
  summary: 'Adam with decoupled weight decay (shrinks θ directly, not through the gradient).',
  tex: String.raw`m_t = \beta_1 m_{t-1} + (1-\beta_1) g_t,\ v_t = \beta_2 v_{t-1} + (1-\beta_2) g_t^2,\ \theta \leftarrow \theta(1-\eta\lambda),\ \theta_t = \theta - \eta\,\frac{\hat m_t}{\sqrt{\hat v_t}+\epsilon}`,
  defaults: { ...adam.defaults, weight_decay: 1e-2 },
  race: { lr: 0.1 },
  hyperparams: [
    HP.lr,
    HP.betas,
    HP.eps,
    { ...HP.weightDecay, symbol: '\\lambda' },
    HP.amsgrad,
    HP.maximize,
  ],
  step(A, theta, grad, state, hp, t) {
    const lr = perRun<typeof theta>(hp.lr); // per run in a map (adam's perRun, inherited)
    const keep =
      typeof lr === 'number' ? 1 - lr * hp.weight_decay : A.sub(1, A.mul(lr, hp.weight_decay));
    const decayed = hp.weight_decay !== 0 ? A.mul(theta, keep) : theta;
    return adamMoments(A, decayed, effectiveGrad(A, theta, grad, 0, hp.maximize), state, hp, t);
  },
};
