import { FIRST_MOMENT, type OptimizerSpec } from './optimizerSpec';
import { biasCorrection, decayedParamAndGrad, ema, HP } from './common';

export type RadamHp = {
  lr: number;
  betas: readonly [number, number];
  eps: number;
  weight_decay: number;
  decoupled_weight_decay: boolean;
  maximize: boolean;
};

/**
 * torch.optim.RAdam (Liu et al. 2020). m, v as Adam; ρ∞ = 2/(1−β₂) − 1, ρₜ = ρ∞ − 2tβ₂ᵗ/(1−β₂ᵗ).
 * While ρₜ ≤ 5 the variance of the adaptive term is undefined, so it steps with momentum alone:
 * θ ← θ − lr·m̂;  afterwards θ ← θ − lr·m̂·rₜ·√(1−β₂ᵗ)/(√v + ε), rₜ = √((ρₜ−4)(ρₜ−2)ρ∞ / ((ρ∞−4)(ρ∞−2)ρₜ)).
 */
export const radam: OptimizerSpec<RadamHp> = {
  type: 'RAdam',
  id: 'radam',
  summary:
    'Adam with a rectified, warm-up-like adaptive term while its variance estimate is unreliable.',
  tex: String.raw`m_t = \beta_1 m_{t-1} + (1-\beta_1) g_t,\ \theta_t = \theta_{t-1} - \eta\,\hat m_t \cdot \begin{cases} r_t\,\frac{\sqrt{1-\beta_2^t}}{\sqrt{v_t}+\epsilon} & \rho_t > 5 \\ 1 & \text{otherwise}\end{cases}`,
  defaults: {
    lr: 1e-3,
    betas: [0.9, 0.999],
    eps: 1e-8,
    weight_decay: 0,
    decoupled_weight_decay: false,
    maximize: false,
  },
  race: { lr: 1e-2 },
  hyperparams: [
    HP.lr,
    HP.betas,
    HP.eps,
    HP.weightDecay,
    { key: 'decoupled_weight_decay', kind: 'boolean', label: 'Decoupled weight decay' },
    HP.maximize,
  ],
  moment: FIRST_MOMENT,
  init: () => ({ m: null, v: null }),
  step(A, theta, grad, state, hp, t) {
    const { p, g } = decayedParamAndGrad(A, theta, grad, hp);
    const b1 = hp.betas[0],
      b2 = hp.betas[1];
    const m = ema(A, state.m, g, b1);
    const v = ema(A, state.v, A.mul(g, g), b2);
    const bc2 = biasCorrection(b2, t);
    const mHat = A.div(m, biasCorrection(b1, t));
    const rhoInf = 2 / (1 - b2) - 1;
    const rhoT = rhoInf - (2 * t * Math.pow(b2, t)) / bc2;
    let update = A.mul(mHat, hp.lr);
    if (rhoT > 5) {
      const rect = Math.sqrt(
        ((rhoT - 4) * (rhoT - 2) * rhoInf) / ((rhoInf - 4) * (rhoInf - 2) * rhoT),
      );
      const adaptive = A.div(Math.sqrt(bc2), A.add(A.sqrt(v), hp.eps));
      update = A.mul(A.mul(update, adaptive), rect);
    }
    return { theta: A.sub(p, update), state: { m, v } };
  },
};
