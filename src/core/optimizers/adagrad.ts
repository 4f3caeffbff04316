import type { OptimizerSpec } from './optimizerSpec';
import { effectiveGrad, HP } from './common';

export type AdagradHp = {
  lr: number;
  lr_decay: number;
  weight_decay: number;
  initial_accumulator_value: number;
  eps: number;
  maximize: boolean;
};

/**
 * torch.optim.Adagrad. g ← ±∇ + λθ;  η̃ = lr / (1 + (t−1)·lr_decay);  s ← s + g²;  θ ← θ − η̃·g / (√s + ε).
 * Every coordinate's step shrinks with its own history of squared gradients.
 */
export const adagrad: OptimizerSpec<AdagradHp> = {
  type: 'Adagrad',
  id: 'adagrad',
  summary: 'Per-coordinate step sizes that shrink with the sum of past squared gradients.',
  tex: String.raw`s_t = s_{t-1} + g_t^2,\quad \theta_t = \theta_{t-1} - \frac{\eta}{1+(t-1)\,\text{lr\_decay}}\,\frac{g_t}{\sqrt{s_t}+\epsilon}`,
  defaults: {
    lr: 1e-2,
    lr_decay: 0,
    weight_decay: 0,
    initial_accumulator_value: 0,
    eps: 1e-10,
    maximize: false,
  },
  race: { lr: 0.5 },
  hyperparams: [
    HP.lr,
    {
      key: 'lr_decay',
      kind: 'number',
      label: 'LR decay',
      min: 0,
      slider: { kind: 'log', min: 1e-4, max: 1, zero: true },
    },
    HP.weightDecay,
    {
      key: 'initial_accumulator_value',
      kind: 'number',
      label: 'Initial accumulator',
      min: 0,
      slider: { kind: 'log', min: 1e-3, max: 10, zero: true },
    },
    HP.eps,
    HP.maximize,
  ],
  init: () => ({ sum: null }),
  step(A, theta, grad, state, hp, t) {
    const g = effectiveGrad(A, theta, grad, hp.weight_decay, hp.maximize);
    const prev = (state.sum as typeof g | null) ?? A.fill(theta, hp.initial_accumulator_value);
    const sum = A.add(prev, A.mul(g, g));
    const clr = hp.lr / (1 + (t - 1) * hp.lr_decay);
    const std = A.add(A.sqrt(sum), hp.eps);
    return { theta: A.sub(theta, A.mul(A.div(g, std), clr)), state: { sum } };
  },
};
