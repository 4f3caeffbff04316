/**
 * LARS, layer-wise adaptive rate scaling (You, Gitman & Ginsburg 2017), as torchlars and
 * NVIDIA apex implement it. Per parameter tensor ("layer") w with gradient g:
 *
 *   λ = η_trust · ‖w‖ / (‖g‖ + wd·‖w‖ + ε)      (λ = 1 if ‖w‖ = 0 or ‖g‖ = 0)
 *   d = lr · λ · (g + wd·w)
 *   b₁ = d,  bₜ = μ·bₜ₋₁ + d                     (momentum 0: bₜ = d)
 *   w ← w − bₜ
 *
 * lr sits inside the momentum buffer (torchlars scales the gradient by lr·λ before its SGD
 * step), so a scheduled lr changes only new contributions. The buffer starts as the first
 * update, as torch's SGD does. The trust ratio makes the step size of each layer proportional
 * to its weight norm, whatever the scale of its gradient. On a 2-D surface the point (x, y) is
 * the one layer (scope 'whole').
 */
import { norm, type Algebra } from '../algebra';
import { HP, trustOrOne } from './common';
import type { OptimizerSpec } from './optimizerSpec';

export type LarsHp = {
  lr: number;
  momentum: number;
  weight_decay: number;
  trust_coefficient: number;
  eps: number;
};

/** λ for one layer (a value of A's type, scalar-shaped for tensors). */
export function larsTrust<T>(A: Algebra<T>, w: T, g: T, hp: LarsHp): T {
  const wn = norm(A, w);
  const gn = norm(A, g);
  const ratio = A.div(
    A.mul(wn, hp.trust_coefficient),
    A.add(A.add(gn, A.mul(wn, hp.weight_decay)), hp.eps),
  );
  return trustOrOne(A, wn, gn, ratio);
}

export const lars: OptimizerSpec<LarsHp> = {
  type: 'LARS',
  id: 'lars',
  summary: 'Momentum SGD whose per-layer step is scaled by the trust ratio ‖w‖/‖g‖.',
  tex: String.raw`\lambda = \eta_{\text{trust}}\frac{\|w\|}{\|g\|+\text{wd}\,\|w\|+\epsilon},\ b_t = \mu b_{t-1} + \eta\lambda(g+\text{wd}\,w),\ w_t = w_{t-1} - b_t`,
  defaults: { lr: 0.1, momentum: 0.9, weight_decay: 0, trust_coefficient: 0.001, eps: 1e-8 },
  race: { lr: 1, trust_coefficient: 0.01 },
  scope: 'whole',
  hyperparams: [
    HP.lr,
    { ...HP.momentum, symbol: '\\mu' },
    { ...HP.weightDecay, symbol: '\\text{wd}' },
    {
      key: 'trust_coefficient',
      kind: 'number',
      label: 'Trust coefficient',
      symbol: '\\eta_{\\text{trust}}',
      min: 0,
      minExclusive: true,
      scale: 'log',
      slider: { kind: 'log', min: 1e-4, max: 1 },
    },
    HP.eps,
  ],
  // The buffer sums lr·λ·g: it is a displacement already, not a gradient.
  moment: { key: 'buf', label: 'momentum buffer b (holds lr)', units: 'step' },
  init: () => ({ buf: null }),
  step(A, theta, grad, state, hp) {
    const g = hp.weight_decay !== 0 ? A.add(grad, A.mul(theta, hp.weight_decay)) : grad;
    const d = A.mul(g, A.mul(larsTrust(A, theta, grad, hp), hp.lr));
    const prev = state.buf as typeof d | null;
    const buf = hp.momentum === 0 ? null : prev === null ? d : A.add(A.mul(prev, hp.momentum), d);
    return { theta: A.sub(theta, buf ?? d), state: { buf } };
  },
};
