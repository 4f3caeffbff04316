import { FIRST_MOMENT, type OptimizerSpec } from './optimizerSpec';
import { biasCorrection, decayedParamAndGrad, ema, HP } from './common';

export type NadamHp = {
  lr: number;
  betas: readonly [number, number];
  eps: number;
  weight_decay: number;
  momentum_decay: number;
  decoupled_weight_decay: boolean;
  maximize: boolean;
};

/**
 * torch.optim.NAdam in its corrected torch ≥ 2.0 form (PR #92699):
 * μₜ = β₁(1 − ½·0.96^(t·ψ)),  Πₜ = Π_{i≤t} μᵢ;  m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;  d = √(v/(1−β₂ᵗ)) + ε;
 * θ ← θ − lr(1−μₜ)/(1−Πₜ)·g/d − lr·μₜ₊₁/(1−Πₜμₜ₊₁)·m/d.
 */
export const nadam: OptimizerSpec<NadamHp> = {
  type: 'NAdam',
  id: 'nadam',
  summary: 'Adam with Nesterov momentum: looks one momentum step ahead.',
  tex: String.raw`m_t = \beta_1 m_{t-1} + (1-\beta_1) g_t,\ v_t = \beta_2 v_{t-1} + (1-\beta_2) g_t^2,\ \mu_t = \beta_1\big(1-\tfrac12\,0.96^{t\psi}\big),\ \theta_t = \theta_{t-1} - \eta\left[\frac{1-\mu_t}{1-\prod_{i\le t}\mu_i}\frac{g_t}{\sqrt{\hat v_t}+\epsilon} + \frac{\mu_{t+1}}{1-\prod_{i\le t+1}\mu_i}\frac{m_t}{\sqrt{\hat v_t}+\epsilon}\right]`,
  defaults: {
    lr: 2e-3,
    betas: [0.9, 0.999],
    eps: 1e-8,
    weight_decay: 0,
    momentum_decay: 4e-3,
    decoupled_weight_decay: false,
    maximize: false,
  },
  race: { lr: 0.1 },
  hyperparams: [
    HP.lr,
    HP.betas,
    HP.eps,
    HP.weightDecay,
    {
      key: 'momentum_decay',
      kind: 'number',
      label: 'Momentum decay',
      symbol: '\\psi',
      min: 0,
      slider: { kind: 'log', min: 1e-4, max: 0.1, zero: true },
    },
    { key: 'decoupled_weight_decay', kind: 'boolean', label: 'Decoupled weight decay' },
    HP.maximize,
  ],
  moment: FIRST_MOMENT,
  init: () => ({ m: null, v: null, muProduct: 1 }),
  step(A, theta, grad, state, hp, t) {
    const { p, g } = decayedParamAndGrad(A, theta, grad, hp);
    const b1 = hp.betas[0],
      b2 = hp.betas[1];
    const mu = b1 * (1 - 0.5 * Math.pow(0.96, t * hp.momentum_decay));
    const muNext = b1 * (1 - 0.5 * Math.pow(0.96, (t + 1) * hp.momentum_decay));
    const muProduct = (state.muProduct as number) * mu;
    const m = ema(A, state.m, g, b1);
    const v = ema(A, state.v, A.mul(g, g), b2);
    const denom = A.add(A.sqrt(A.div(v, biasCorrection(b2, t))), hp.eps);
    const gradTerm = A.mul(A.div(g, denom), (hp.lr * (1 - mu)) / (1 - muProduct));
    const momentumTerm = A.mul(A.div(m, denom), (hp.lr * muNext) / (1 - muProduct * muNext));
    return { theta: A.sub(A.sub(p, gradTerm), momentumTerm), state: { m, v, muProduct } };
  },
};
