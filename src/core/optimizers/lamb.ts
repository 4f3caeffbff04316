/**
 * LAMB, layer-wise adaptive moments (You et al. 2019, "Large batch optimization for deep
 * learning: training BERT in 76 minutes", Algorithm 2). Per parameter tensor w with gradient g:
 *
 *   m ← β₁m + (1−β₁)g,   v ← β₂v + (1−β₂)g²
 *   m̂ = m/(1−β₁ᵗ),       v̂ = v/(1−β₂ᵗ)
 *   r = m̂/(√v̂ + ε) + wd·w
 *   τ = ‖w‖/‖r‖           (τ = 1 if ‖w‖ = 0 or ‖r‖ = 0)
 *   w ← w − lr·τ·r
 *
 * The paper's scaling function φ is the identity here (no clamp of ‖w‖, unlike some ports
 * that cap it at 10). Adam's direction, but each layer moves by lr·‖w‖ per step. On a 2-D
 * surface the point (x, y) is the one layer (scope 'whole').
 */
import { norm } from '../algebra';
import { HP, trustOrOne } from './common';
import { FIRST_MOMENT, type OptimizerSpec } from './optimizerSpec';

export type LambHp = {
  lr: number;
  betas: readonly [number, number];
  eps: number;
  weight_decay: number;
};

export const lamb: OptimizerSpec<LambHp> = {
  type: 'LAMB',
  id: 'lamb',
  summary: 'Adam direction with decoupled weight decay, rescaled per layer by ‖w‖/‖update‖.',
  tex: String.raw`m_t = \beta_1 m_{t-1} + (1-\beta_1) g_t,\ v_t = \beta_2 v_{t-1} + (1-\beta_2) g_t^2,\ r_t = \frac{\hat m_t}{\sqrt{\hat v_t}+\epsilon} + \text{wd}\,w,\ w_t = w_{t-1} - \eta\,\frac{\|w\|}{\|r_t\|}\,r_t`,
  defaults: { lr: 1e-3, betas: [0.9, 0.999], eps: 1e-6, weight_decay: 0 },
  race: { lr: 0.02 },
  scope: 'whole',
  hyperparams: [HP.lr, HP.betas, HP.eps, { ...HP.weightDecay, symbol: '\\text{wd}' }],
  moment: FIRST_MOMENT,
  init: (A, theta) => ({ m: A.fill(theta, 0), v: A.fill(theta, 0) }),
  step(A, theta, grad, state, hp, t) {
    const [b1, b2] = hp.betas;
    const m = A.add(A.mul(state.m as typeof grad, b1), A.mul(grad, 1 - b1));
    const v = A.add(A.mul(state.v as typeof grad, b2), A.mul(A.mul(grad, grad), 1 - b2));
    const mHat = A.div(m, 1 - Math.pow(b1, t));
    const vHat = A.div(v, 1 - Math.pow(b2, t));
    let r = A.div(mHat, A.add(A.sqrt(vHat), hp.eps));
    if (hp.weight_decay !== 0) r = A.add(r, A.mul(theta, hp.weight_decay));
    const wn = norm(A, theta);
    const rn = norm(A, r);
    const trust = trustOrOne(A, wn, rn, A.div(wn, rn));
    return { theta: A.sub(theta, A.mul(r, A.mul(trust, hp.lr))), state: { m, v } };
  },
};
