import type { Algebra } from '../algebra';
import type { HpSpec, OptimizerSpec, OptState, StepContext, StepResult } from './optimizerSpec';
import { ema, HP } from './common';

export type SophiaHp = {
  lr: number;
  betas: readonly [number, number];
  rho: number;
  weight_decay: number;
  eps: number;
  k: number;
  maximize: boolean;
};

/** Sophia with Hutchinson's estimator also takes the seed of its Rademacher vectors. */
export type SophiaHutchinsonHp = SophiaHp & { seed: number };

type Estimator = 'exact' | 'hutchinson';

/**
 * Sophia (Liu, Li, Hall, Liang & Ma 2023, "Sophia: A Scalable Stochastic Second-order Optimizer
 * for Language Model Pre-training", arXiv:2305.14342), ported from the authors' SophiaG:
 * github.com/Liuhong99/Sophia, `sophia.py` at commit 195a78656248d6a7ae97bf895ccf95dac5488002
 * (`_single_tensor_sophiag`), and the training loop of its README / `train_sophiag.py`, which
 * calls `update_hessian()` after every k-th step. Their step t, in their order:
 *
 *   θ ← θ·(1 − lr·λ);   m ← β₁m + (1−β₁)g;
 *   θ ← θ − lr·sign(m)·min(|m| / (ρ·bs·h + ε), 1)           (ε = 1e-15, hard-coded there)
 *   and, when t % k = 0, at the new θ: h ← β₂h + (1−β₂)ĥ.
 *
 * h starts at 0, so the first k steps are sign-momentum steps of length lr per coordinate; and
 * sign(m)·min(|m|/d, 1) is clip(m/d, ±1). Here h is updated at the start of step t + 1 instead
 * (its θ is the same point θ_t, and step t + 1 is the first to read h): the same numbers, with
 * the Hessian taken where the step context has it.
 *
 * ρ: the authors' `bs` (a `step` argument, default 5120: the tokens in a batch) belongs to
 * their Gauss–Newton–Bartlett estimator, which stores ĝ⊙ĝ for the batch's mean gradient ĝ; the
 * paper's estimate is B·ĝ⊙ĝ, and ρ·bs·h restores the B. The estimators here (the exact
 * diagonal of H, and Hutchinson's u ⊙ Hu) estimate diag(H) itself, so bs = 1 and ρ is the
 * paper's ρ (γ in its first version): the step is Newton-like, lr/ρ · m/h, where |m| < ρh.
 *
 * A negative estimate: GNB's ĝ⊙ĝ never is, but diag(H) and u ⊙ Hu are on a non-convex surface,
 * and SophiaG's ρh + ε would then turn the step uphill. The denominator takes max(h, 0), as the
 * authors' own SophiaH does (relu): for h ≥ 0, always so with GNB, this is SophiaG's
 * arithmetic exactly; where h ≤ 0 the step is the sign step lr·sign(m) (the paper's
 * max(ρh, ε) does the same). `maximize` descends on −f: the gradient and the curvature
 * estimate are both negated.
 *
 * The exact diagonal and u ⊙ Hu are elementwise in their result, but Hu reads the whole point:
 * scope 'whole'. Surfaces only for now (the exact Hessian; networks would take Hu from
 * gpu/hessian and GNB from sampled labels).
 */
function sophiaStep<T>(
  estimator: Estimator,
  A: Algebra<T>,
  theta: T,
  grad: T,
  state: OptState<T>,
  hp: SophiaHp & { seed?: number },
  t: number,
  ctx?: StepContext<T>,
): StepResult<T> {
  let h = state.h as T;
  if (t > 1 && (t - 1) % hp.k === 0) {
    let estimate: T;
    if (estimator === 'exact') {
      if (!ctx?.hessianDiag)
        throw new Error('SophiaExact needs the exact Hessian, which only the 2-D surfaces provide');
      estimate = ctx.hessianDiag();
    } else {
      if (!ctx?.hvp || !ctx.rademacher)
        throw new Error(
          'Sophia needs Hessian-vector products, which only the 2-D surfaces provide',
        );
      const u = ctx.rademacher(theta, hp.seed ?? 0, t);
      estimate = A.mul(u, ctx.hvp(u));
    }
    h = ema(A, h, hp.maximize ? A.mul(estimate, -1) : estimate, hp.betas[1]);
  }
  const g = hp.maximize ? A.mul(grad, -1) : grad;
  const p = hp.weight_decay !== 0 ? A.mul(theta, 1 - hp.lr * hp.weight_decay) : theta;
  const m = ema(A, state.m, g, hp.betas[0]);
  const denom = A.add(A.mul(A.maximum(h, 0), hp.rho), hp.eps);
  const ratio = A.minimum(A.div(A.abs(m), denom), 1);
  return { theta: A.sub(p, A.mul(A.mul(A.sign(m), ratio), hp.lr)), state: { m, h } };
}

const RHO: HpSpec = {
  key: 'rho',
  kind: 'number',
  label: 'Clip scale ρ',
  min: 0,
  scale: 'log',
  slider: { kind: 'log', min: 1e-3, max: 10, zero: true },
};
const EPS: HpSpec = {
  key: 'eps',
  kind: 'number',
  label: 'Epsilon',
  min: 0,
  minExclusive: true,
  scale: 'log',
  slider: { kind: 'log', min: 1e-16, max: 1e-2 },
};
const K: HpSpec = {
  key: 'k',
  kind: 'number',
  label: 'Hessian every k steps',
  min: 1,
  slider: { kind: 'log', min: 1, max: 100, integer: true },
};
const SEED: HpSpec = {
  key: 'seed',
  kind: 'number',
  label: 'Seed of u',
  min: 0,
  slider: { kind: 'linear', min: 0, max: 99, integer: true },
};

const isCount = (v: number, min: number) => Number.isInteger(v) && v >= min;

/** torch-style defaults of the authors' SophiaG (lr 1e-4, betas, ρ 0.04, λ 0.1), k = 10. */
const DEFAULTS: SophiaHp = {
  lr: 1e-4,
  betas: [0.965, 0.99],
  rho: 0.04,
  weight_decay: 0.1,
  eps: 1e-15,
  k: 10,
  maximize: false,
};
/**
 * The race: lr = ρ, so that an unclipped step is a whole Newton step per coordinate (lr/ρ · m/h);
 * no weight decay (it pulls towards the origin, not the minimum).
 */
const RACE = { lr: 0.04, weight_decay: 0 };

const TEX_STEP = String.raw`\theta_t = \theta_{t-1}(1-\eta\lambda) - \eta\,\operatorname{clip}\!\Big(\frac{m_t}{\rho\max(h_t,0)+\epsilon},\,1\Big)`;
const tex = (estimate: string) =>
  String.raw`m_t = \beta_1 m_{t-1} + (1-\beta_1) g_t,\ h \leftarrow \beta_2 h + (1-\beta_2)\,${estimate}\ \text{every } k \text{ steps},\ ${TEX_STEP}`;

/** Sophia with Hutchinson's estimator ĥ = u ⊙ Hu, u Rademacher (seeded): unbiased for diag(H). */
export const sophia: OptimizerSpec<SophiaHutchinsonHp> = {
  type: 'Sophia',
  id: 'sophia',
  summary:
    'Momentum divided by a running estimate of the Hessian’s diagonal (Hutchinson: u ⊙ Hu), each coordinate’s step clipped to lr.',
  tex: tex(String.raw`u \odot Hu`),
  defaults: { ...DEFAULTS, seed: 0 },
  race: RACE,
  hyperparams: [HP.lr, HP.betas, RHO, HP.weightDecay, EPS, K, SEED, HP.maximize],
  validate: (hp) => [
    ...(isCount(hp.k, 1) ? [] : [`k: must be an integer ≥ 1 (got ${hp.k})`]),
    ...(isCount(hp.seed, 0) ? [] : [`seed: must be an integer ≥ 0 (got ${hp.seed})`]),
  ],
  scope: 'whole',
  curvature: 'exact-hessian',
  init: (A, theta) => ({ m: A.fill(theta, 0), h: A.fill(theta, 0) }),
  step: (A, theta, grad, state, hp, t, ctx) =>
    sophiaStep('hutchinson', A, theta, grad, state, hp, t, ctx),
};

/** Sophia with the exact diagonal of the surface's Hessian as ĥ: the estimator without noise. */
export const sophiaExact: OptimizerSpec<SophiaHp> = {
  type: 'SophiaExact',
  id: 'sophiaexact',
  summary:
    'Sophia with the exact diagonal of the Hessian: Newton-like per coordinate where it can, a clipped sign step where it cannot.',
  tex: tex(String.raw`\operatorname{diag}(H)`),
  defaults: DEFAULTS,
  race: RACE,
  hyperparams: [HP.lr, HP.betas, RHO, HP.weightDecay, EPS, K, HP.maximize],
  validate: (hp) => (isCount(hp.k, 1) ? [] : [`k: must be an integer ≥ 1 (got ${hp.k})`]),
  scope: 'whole',
  curvature: 'exact-hessian',
  init: (A, theta) => ({ m: A.fill(theta, 0), h: A.fill(theta, 0) }),
  step: (A, theta, grad, state, hp, t, ctx) =>
    sophiaStep('exact', A, theta, grad, state, hp, t, ctx),
};
