import type { Algebra } from '../algebra';
import type { HpSpec } from './optimizerSpec';

/**
 * The gradient torch's optimizers actually use: negated for `maximize`, then with coupled
 * (L2) weight decay added, g ← ±g + λθ. Skipping the ops when they are no-ops keeps the
 * float64 path bit-identical to torch, which also skips them.
 */
export function effectiveGrad<T>(
  A: Algebra<T>,
  theta: T,
  grad: T,
  weightDecay: number,
  maximize: boolean,
): T {
  let g = maximize ? A.mul(grad, -1) : grad;
  if (weightDecay !== 0) g = A.add(g, A.mul(theta, weightDecay));
  return g;
}

/**
 * torch's bias correction 1 − βᵗ. The float64 path calls this once per coordinate with the same
 * (β, t), so the last two results are remembered: Math.pow dominated the cost of an Adam step.
 */
let beta0 = NaN,
  t0 = NaN,
  value0 = NaN,
  beta1 = NaN,
  t1 = NaN,
  value1 = NaN,
  nextSlot = 0;
export function biasCorrection(beta: number, t: number): number {
  if (beta === beta0 && t === t0) return value0;
  if (beta === beta1 && t === t1) return value1;
  const value = 1 - Math.pow(beta, t);
  if (nextSlot === 0) {
    beta0 = beta;
    t0 = t;
    value0 = value;
  } else {
    beta1 = beta;
    t1 = t;
    value1 = value;
  }
  nextSlot = 1 - nextSlot;
  return value;
}

/** Hyperparameter descriptions shared by many optimizers (bounds are torch's own checks). */
export const HP = {
  lr: {
    key: 'lr',
    kind: 'number',
    label: 'Learning rate',
    symbol: '\\eta',
    min: 0,
    scale: 'log',
    slider: { kind: 'log', min: 1e-5, max: 10 },
  },
  momentum: {
    key: 'momentum',
    kind: 'number',
    label: 'Momentum',
    min: 0,
    max: 1,
    scale: 'linear',
    slider: { kind: 'linear', min: 0, max: 0.99 },
  },
  betas: {
    key: 'betas',
    kind: 'pair',
    label: 'Betas (β₁, β₂)',
    min: 0,
    max: 1,
    maxExclusive: true,
    entries: [
      { label: 'Beta 1', symbol: '\\beta_1', slider: { kind: 'linear', min: 0, max: 0.999 } },
      { label: 'Beta 2', symbol: '\\beta_2', slider: { kind: 'linear', min: 0.9, max: 0.9999 } },
    ],
  },
  eps: {
    key: 'eps',
    kind: 'number',
    label: 'Epsilon',
    symbol: '\\epsilon',
    min: 0,
    scale: 'log',
    slider: { kind: 'log', min: 1e-10, max: 1 },
  },
  weightDecay: {
    key: 'weight_decay',
    kind: 'number',
    label: 'Weight decay',
    min: 0,
    scale: 'log',
    slider: { kind: 'log', min: 1e-4, max: 1, zero: true },
  },
  maximize: { key: 'maximize', kind: 'boolean', label: 'Maximize' },
  amsgrad: { key: 'amsgrad', kind: 'boolean', label: 'AMSGrad' },
} as const satisfies Record<string, HpSpec>;

/** Exponential moving average β·prev + (1−β)·x, the update of every moment buffer; `null` prev = zeros (torch's init). */
export function ema<T>(A: Algebra<T>, prev: T | number | null, x: T, beta: number | T): T {
  const keep = typeof beta === 'number' ? 1 - beta : A.sub(1, beta);
  return A.add(A.mul((prev as T | null) ?? A.fill(x, 0), beta), A.mul(x, keep));
}

/**
 * A hyperparameter its record lists in `perRun`: a number in a single run, or a T holding one
 * value per run in a trainability map (gpu/map puts it there). The type says what the step must
 * handle; the value is passed through untouched.
 */
export function perRun<T>(value: number): number | T {
  return value;
}

/** 1 − βᵗ for a β that may be per run (a number takes the cached path). */
export function biasCorrectionOf<T>(A: Algebra<T>, beta: number | T, t: number): number | T {
  return typeof beta === 'number' ? biasCorrection(beta, t) : A.sub(1, A.pow(beta, t));
}

/**
 * Weight decay of NAdam/RAdam: decoupled (θ ← θ(1 − lr·λ), raw gradient, as AdamW) when
 * `decoupled_weight_decay`, else coupled into the gradient (g + λθ, as Adam).
 */
export function decayedParamAndGrad<T>(
  A: Algebra<T>,
  theta: T,
  grad: T,
  hp: { lr: number; weight_decay: number; maximize: boolean; decoupled_weight_decay: boolean },
): { p: T; g: T } {
  const decoupled = hp.decoupled_weight_decay && hp.weight_decay !== 0;
  return {
    p: decoupled ? A.mul(theta, 1 - hp.lr * hp.weight_decay) : theta,
    g: effectiveGrad(A, theta, grad, decoupled ? 0 : hp.weight_decay, hp.maximize),
  };
}

/**
 * `both norms > 0 ? ratio : 1`, elementwise in A: a layer-wise trust ratio (LARS, LAMB) falls
 * back to 1 when either norm is 0 (a zero-initialised layer, or one the loss does not reach).
 * sign(‖w‖)·sign(‖g‖) is 1 exactly when both are positive; a product of the norms could underflow.
 */
export function trustOrOne<T>(A: Algebra<T>, wNorm: T, gNorm: T, ratio: T): T {
  return A.where(A.mul(A.sign(wNorm), A.sign(gNorm)), ratio, 1);
}

/**
 * torch's CPU `a.lerp_(b, w)`: a + w(b − a) for |w| < ½, else b − (b − a)(1 − w), which is
 * exact at w = 1 (Adafactor's first step, Lookahead with α = 1) and rounds better near it.
 */
export function lerp<T>(A: Algebra<T>, a: T, b: T, w: number): T {
  const d = A.sub(b, a);
  return Math.abs(w) < 0.5 ? A.add(a, A.mul(d, w)) : A.sub(b, A.mul(d, 1 - w));
}
