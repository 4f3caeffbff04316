import type { OptimizerSpec } from './optimizerSpec';
import { effectiveGrad, ema, HP } from './common';

export type AdadeltaHp = {
  lr: number;
  rho: number;
  eps: number;
  weight_decay: number;
  maximize: boolean;
};

/**
 * torch.optim.Adadelta. g ← ±∇ + λθ;  v ← ρv + (1−ρ)g²;  Δ = √(u + ε)/√(v + ε)·g;  u ← ρu + (1−ρ)Δ²;  θ ← θ − lr·Δ.
 * The ratio of RMS step to RMS gradient gives the step the units of θ (lr defaults to 1).
 */
export const adadelta: OptimizerSpec<AdadeltaHp> = {
  type: 'Adadelta',
  id: 'adadelta',
  summary: 'Step = RMS of past steps / RMS of past gradients: unit-consistent, lr ≈ 1.',
  tex: String.raw`v_t = \rho v_{t-1} + (1-\rho) g_t^2,\ \Delta_t = \frac{\sqrt{u_{t-1}+\epsilon}}{\sqrt{v_t+\epsilon}} g_t,\ u_t = \rho u_{t-1} + (1-\rho)\Delta_t^2,\ \theta_t = \theta_{t-1} - \eta\Delta_t`,
  defaults: { lr: 1.0, rho: 0.9, eps: 1e-6, weight_decay: 0, maximize: false },
  race: { lr: 1 },
  hyperparams: [
    HP.lr,
    {
      key: 'rho',
      kind: 'number',
      label: 'Decay rate',
      symbol: '\\rho',
      min: 0,
      max: 1,
      slider: { kind: 'linear', min: 0.5, max: 0.999 },
    },
    HP.eps,
    HP.weightDecay,
    HP.maximize,
  ],
  init: () => ({ v: null, u: null }),
  step(A, theta, grad, state, hp) {
    const g = effectiveGrad(A, theta, grad, hp.weight_decay, hp.maximize);
    type T = typeof g;
    const zero = A.fill(theta, 0);
    const v = ema(A, state.v, A.mul(g, g), hp.rho);
    const uPrev = (state.u as T | null) ?? zero;
    const delta = A.mul(A.div(A.sqrt(A.add(uPrev, hp.eps)), A.sqrt(A.add(v, hp.eps))), g);
    const u = ema(A, uPrev, A.mul(delta, delta), hp.rho);
    return { theta: A.sub(theta, A.mul(delta, hp.lr)), state: { v, u } };
  },
};
