import type { OptimizerSpec } from './optimizerSpec';
import { effectiveGrad, ema, HP } from './common';

export type RmspropHp = {
  lr: number;
  alpha: number;
  eps: number;
  weight_decay: number;
  momentum: number;
  centered: boolean;
  maximize: boolean;
};

/**
 * torch.optim.RMSprop. g ← ±∇ + λθ;  v ← αv + (1−α)g²;  a = √v + ε  (centered: √(v − ḡ²) + ε, ḡ ← αḡ + (1−α)g);
 * momentum: b ← μb + g/a, θ ← θ − lr·b;  else θ ← θ − lr·g/a.
 * No bias correction, so early steps are ≈ lr/√(1−α) = 10·lr per coordinate.
 */
export const rmsprop: OptimizerSpec<RmspropHp> = {
  type: 'RMSprop',
  id: 'rmsprop',
  summary: 'Divides each step by a running RMS of recent gradients.',
  tex: String.raw`v_t = \alpha v_{t-1} + (1-\alpha) g_t^2,\quad \theta_t = \theta_{t-1} - \eta\,\frac{g_t}{\sqrt{v_t}+\epsilon}`,
  defaults: {
    lr: 1e-2,
    alpha: 0.99,
    eps: 1e-8,
    weight_decay: 0,
    momentum: 0,
    centered: false,
    maximize: false,
  },
  race: { lr: 1e-2 },
  hyperparams: [
    HP.lr,
    {
      key: 'alpha',
      kind: 'number',
      label: 'Smoothing',
      symbol: '\\alpha',
      min: 0,
      max: 1,
      slider: { kind: 'linear', min: 0.5, max: 0.999 },
    },
    HP.eps,
    HP.weightDecay,
    HP.momentum,
    { key: 'centered', kind: 'boolean', label: 'Centered' },
    HP.maximize,
  ],
  moment: { key: 'buf', label: 'momentum buffer b (of g/√v)' },
  // lr and α reach the step only through the algebra (ema takes a per-run α).
  perRun: ['lr', 'alpha'],
  init: () => ({ v: null, gavg: null, buf: null }),
  step(A, theta, grad, state, hp) {
    const g = effectiveGrad(A, theta, grad, hp.weight_decay, hp.maximize);
    type T = typeof g;
    const zero = A.fill(theta, 0);
    const v = ema(A, state.v, A.mul(g, g), hp.alpha);
    let gavg = state.gavg as T | null;
    let avg: T;
    if (hp.centered) {
      gavg = ema(A, gavg, g, hp.alpha);
      avg = A.add(A.sqrt(A.sub(v, A.mul(gavg, gavg))), hp.eps);
    } else {
      avg = A.add(A.sqrt(v), hp.eps);
    }
    if (hp.momentum > 0) {
      const buf = A.add(A.mul((state.buf as T | null) ?? zero, hp.momentum), A.div(g, avg));
      return { theta: A.sub(theta, A.mul(buf, hp.lr)), state: { v, gavg, buf } };
    }
    return { theta: A.sub(theta, A.mul(A.div(g, avg), hp.lr)), state: { v, gavg, buf: null } };
  },
};
