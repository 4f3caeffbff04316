import type { OptimizerSpec } from './optimizerSpec';
import { effectiveGrad, HP } from './common';

export type AsgdHp = {
  lr: number;
  lambd: number;
  alpha: number;
  t0: number;
  weight_decay: number;
  maximize: boolean;
};

/**
 * torch.optim.ASGD (averaged SGD, Polyak & Juditsky 1992), torch 1.13's `_single_tensor_asgd`:
 * g ← ±∇ + λ_wd·θ;  θ ← θ(1 − λη) − η·g;  ax ← ax + μ(θ − ax) (ax ← θ while μ = 1); then
 * η ← lr / (1 + λ·lr·t)^α and μ ← 1 / max(1, t − t₀) for the next step (t = this step's count).
 * The race draws θ; ax, the average torch keeps beside it, is the same point until t > t₀.
 * η is kept in the state, as torch keeps it, so a scheduled lr reaches it one step late, as in torch.
 */
export const asgd: OptimizerSpec<AsgdHp> = {
  type: 'ASGD',
  id: 'asgd',
  summary: 'SGD with a decaying step and, after t₀ steps, a running average of the iterates.',
  tex: String.raw`\theta_t = \theta_{t-1}(1-\lambda\eta_t) - \eta_t g_t,\quad \eta_{t+1} = \frac{\eta}{(1+\lambda\eta t)^{\alpha}},\quad \bar\theta_t = \bar\theta_{t-1} + \mu_t(\theta_t - \bar\theta_{t-1})`,
  defaults: { lr: 1e-2, lambd: 1e-4, alpha: 0.75, t0: 1e6, weight_decay: 0, maximize: false },
  race: { lr: 1e-3 },
  hyperparams: [
    HP.lr,
    {
      key: 'lambd',
      kind: 'number',
      label: 'Decay',
      symbol: '\\lambda',
      min: 0,
      slider: { kind: 'log', min: 1e-6, max: 1, zero: true },
    },
    {
      key: 'alpha',
      kind: 'number',
      label: 'Power',
      symbol: '\\alpha',
      min: 0,
      slider: { kind: 'linear', min: 0, max: 1 },
    },
    {
      key: 't0',
      kind: 'number',
      label: 'Averaging starts t₀',
      min: 0,
      slider: { kind: 'log', min: 1, max: 1e6 },
    },
    HP.weightDecay,
    HP.maximize,
  ],
  init: () => ({ eta: null, mu: null, ax: null }),
  step(A, theta, grad, state, hp, t) {
    const g = effectiveGrad(A, theta, grad, hp.weight_decay, hp.maximize);
    const eta = (state.eta as number | null) ?? hp.lr;
    const mu = (state.mu as number | null) ?? 1;
    const p = A.sub(A.mul(theta, 1 - hp.lambd * eta), A.mul(g, eta));
    const prevAx = (state.ax as typeof g | null) ?? A.fill(theta, 0);
    const ax = mu !== 1 ? A.add(prevAx, A.mul(A.sub(p, prevAx), mu)) : p;
    return {
      theta: p,
      state: {
        ax,
        eta: hp.lr / Math.pow(1 + hp.lambd * hp.lr * t, hp.alpha),
        mu: 1 / Math.max(1, t - hp.t0),
      },
    };
  },
};
