import type { OptimizerSpec } from './optimizerSpec';
import { effectiveGrad, HP } from './common';

export type SgdHp = {
  lr: number;
  momentum: number;
  dampening: number;
  weight_decay: number;
  nesterov: boolean;
  maximize: boolean;
};

/**
 * torch.optim.SGD. g ← ±∇ + λθ;  b₁ ← g,  bₜ ← μ·bₜ₋₁ + (1−τ)·g;  d ← nesterov ? g + μ·bₜ : bₜ;  θ ← θ − lr·d.
 * The buffer starts as the first gradient itself (no dampening on step 1), as torch does.
 */
export const sgd: OptimizerSpec<SgdHp> = {
  type: 'SGD',
  id: 'sgd',
  summary: 'Stochastic gradient descent, optionally with (Nesterov) momentum.',
  tex: String.raw`b_t = \mu b_{t-1} + (1-\tau) g_t,\quad \theta_t = \theta_{t-1} - \eta \begin{cases} g_t + \mu b_t & \text{Nesterov} \\ b_t & \text{otherwise} \end{cases}`,
  defaults: {
    lr: 1e-3,
    momentum: 0,
    dampening: 0,
    weight_decay: 0,
    nesterov: false,
    maximize: false,
  },
  race: { lr: 1e-3, momentum: 0.9 },
  hyperparams: [
    HP.lr,
    { ...HP.momentum, symbol: '\\mu' },
    {
      key: 'dampening',
      kind: 'number',
      label: 'Dampening',
      symbol: '\\tau',
      min: 0,
      max: 1,
      slider: { kind: 'linear', min: 0, max: 1 },
    },
    HP.weightDecay,
    { key: 'nesterov', kind: 'boolean', label: 'Nesterov' },
    HP.maximize,
  ],
  validate: (hp) =>
    hp.nesterov && (hp.momentum <= 0 || hp.dampening !== 0)
      ? ['nesterov: Nesterov momentum requires a momentum > 0 and zero dampening']
      : [],
  moment: { key: 'buf', label: 'momentum buffer b' },
  // lr and μ reach the step only through the algebra (and μ ≠ 0 is true of a per-run tensor;
  // μ = 0 there gives b = g, the same step): a map may vary them per run.
  perRun: ['lr', 'momentum'],
  init: () => ({ buf: null }),
  step(A, theta, grad, state, hp) {
    let d = effectiveGrad(A, theta, grad, hp.weight_decay, hp.maximize);
    let buf = state.buf as typeof d | null;
    if (hp.momentum !== 0) {
      buf = buf === null ? d : A.add(A.mul(buf, hp.momentum), A.mul(d, 1 - hp.dampening));
      d = hp.nesterov ? A.add(d, A.mul(buf, hp.momentum)) : buf;
    }
    return { theta: A.sub(theta, A.mul(d, hp.lr)), state: { buf } };
  },
};
