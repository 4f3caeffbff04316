import type { Algebra } from '../algebra';
import type { HpSpec } from './optimizerSpec';

/**
 * The gradient torch's optimizers actually use: negated for `maximize`, then with coupled
 * (L2) weight decay added, g ← ±g + λθ. Skipping the ops when they are no-ops keeps the
 * float64 path bit-identical to torch, which also skips them.
 */
export function effectiveGrad<T>(A: Algebra<T>, theta: T, grad: T, weightDecay: number, maximize: boolean): T {
  let g = maximize ? A.mul(grad, -1) : grad;
  if (weightDecay !== 0) g = A.add(g, A.mul(theta, weightDecay));
  return g;
}

/** torch's bias correction 1 − βᵗ. */
export const biasCorrection = (beta: number, t: number): number => 1 - Math.pow(beta, t);

/** Hyperparameter descriptions shared by many optimizers (bounds are torch's own checks). */
export const HP = {
  lr: { key: 'lr', kind: 'number', label: 'Learning rate', min: 0, scale: 'log' },
  momentum: { key: 'momentum', kind: 'number', label: 'Momentum', min: 0, max: 1, scale: 'linear' },
  betas: { key: 'betas', kind: 'pair', label: 'Betas (β₁, β₂)', min: 0, max: 1, maxExclusive: true },
  eps: { key: 'eps', kind: 'number', label: 'Epsilon', min: 0, scale: 'log' },
  weightDecay: { key: 'weight_decay', kind: 'number', label: 'Weight decay', min: 0, scale: 'log' },
  maximize: { key: 'maximize', kind: 'boolean', label: 'Maximize' },
  amsgrad: { key: 'amsgrad', kind: 'boolean', label: 'AMSGrad' },
} as const satisfies Record<string, HpSpec>;
