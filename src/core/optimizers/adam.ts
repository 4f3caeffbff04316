import type { Algebra } from '../algebra';
import { FIRST_MOMENT, type OptState, type OptimizerSpec, type StepResult } from './optimizerSpec';
import { biasCorrectionOf, effectiveGrad, ema, HP, perRun } from './common';

export type AdamHp = {
  lr: number;
  betas: readonly [number, number];
  eps: number;
  weight_decay: number;
  amsgrad: boolean;
  maximize: boolean;
};

/**
 * The Adam moment update and step shared by Adam and AdamW (which differ only in weight decay):
 * m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;  (amsgrad: v̂ ← max(v̂, v));
 * θ ← θ − lr/(1−β₁ᵗ) · m / (√v/√(1−β₂ᵗ) + ε)   — ε added after the bias-corrected root, as torch does.
 */
export function adamMoments<T>(
  A: Algebra<T>,
  theta: T,
  g: T,
  state: OptState<T>,
  hp: AdamHp,
  t: number,
): StepResult<T> {
  // lr, β₁ and β₂ may hold one value per run (perRun); numbers keep the float64 path as it was.
  const lr = perRun<T>(hp.lr),
    b1 = perRun<T>(hp.betas[0]),
    b2 = perRun<T>(hp.betas[1]);
  const m = ema(A, state.m, g, b1);
  const v = ema(A, state.v, A.mul(g, g), b2);
  const vmax = hp.amsgrad ? A.maximum((state.vmax as T | null) ?? v, v) : null;
  const c1 = biasCorrectionOf(A, b1, t),
    c2 = biasCorrectionOf(A, b2, t);
  const stepSize = typeof lr === 'number' && typeof c1 === 'number' ? lr / c1 : A.div(lr, c1 as T);
  const root2 = typeof c2 === 'number' ? Math.sqrt(c2) : A.sqrt(c2);
  const denom = A.add(A.div(A.sqrt(vmax ?? v), root2), hp.eps);
  return { theta: A.sub(theta, A.mul(A.div(m, denom), stepSize)), state: { m, v, vmax } };
}

/** torch.optim.Adam: g ← ±∇ + λθ (L2 penalty coupled into the gradient), then {@link adamMoments}. */
export const adam: OptimizerSpec<AdamHp> = {
  type: 'Adam',
  id: 'adam',
  summary: 'Momentum on the gradient and per-coordinate scaling by its RMS, both bias-corrected.',
  tex: String.raw`m_t = \beta_1 m_{t-1} + (1-\beta_1) g_t,\ v_t = \beta_2 v_{t-1} + (1-\beta_2) g_t^2,\ \theta_t = \theta_{t-1} - \eta\,\frac{m_t/(1-\beta_1^t)}{\sqrt{v_t/(1-\beta_2^t)}+\epsilon}`,
  defaults: {
    lr: 1e-3,
    betas: [0.9, 0.999],
    eps: 1e-8,
    weight_decay: 0,
    amsgrad: false,
    maximize: false,
  },
  race: { lr: 0.1 },
  hyperparams: [HP.lr, HP.betas, HP.eps, HP.weightDecay, HP.amsgrad, HP.maximize],
  // Zero-filled, not null: torch starts from zeros, and a number-typed state keeps V8's hot path monomorphic.
  moment: FIRST_MOMENT,
  perRun: ['lr', 'beta1', 'beta2'],
  init: (A, theta) => ({ m: A.fill(theta, 0), v: A.fill(theta, 0), vmax: null }),
  step: (A, theta, grad, state, hp, t) =>
    adamMoments(
      A,
      theta,
      effectiveGrad(A, theta, grad, hp.weight_decay, hp.maximize),
      state,
      hp,
      t,
    ),
};
