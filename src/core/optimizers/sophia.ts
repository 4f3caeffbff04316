import type { Algebra } from '../algebra';
import {
  type Curvature,
  type HpSpec,
  type OptimizerSpec,
  type OptState,
  type StepContext,
  type StepResult,
  FIRST_MOMENT,
} from './optimizerSpec';
import { ema, HP } from './common';

/** How ĥ, the estimate of diag(H), is taken. */
export type SophiaEstimator = 'hutchinson' | 'exact' | 'gnb';

export type SophiaHp = {
  lr: number;
  betas: readonly [number, number];
  rho: number;
  weight_decay: number;
  eps: number;
  k: number;
  estimator: SophiaEstimator;
  /** The seed of Hutchinson's Rademacher vectors and of GNB's sampled labels. */
  seed: number;
  maximize: boolean;
};

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
 * The estimator ĥ is a hyperparameter (`estimator`): 'exact', the diagonal of the surface's
 * exact Hessian (no noise; surfaces only); 'hutchinson', u ⊙ Hu with a seeded Rademacher u
 * (unbiased for diag(H); surfaces and networks, the authors' SophiaH); 'gnb', the
 * Gauss–Newton–Bartlett estimate B·ĝ⊙ĝ of the authors' SophiaG, ĝ the batch-mean gradient with
 * labels sampled from the model's own predictions (networks only: a surface has no labels).
 * The default is 'hutchinson', the one every run here can take.
 *
 * ρ: the authors' `bs` (a `step` argument, default 5120: the tokens in a batch) belongs to
 * GNB, whose buffer stores ĝ⊙ĝ; the paper's estimate is B·ĝ⊙ĝ, and ρ·bs·h restores the B. Here
 * the GNB estimate carries its B (the batch size) itself, as the other two estimate diag(H)
 * itself, so bs = 1 and ρ is the paper's ρ (γ in its first version): the step is Newton-like,
 * lr/ρ · m/h, where |m| < ρh.
 *
 * A negative estimate: GNB's ĝ⊙ĝ never is, but diag(H) and u ⊙ Hu are on a non-convex surface,
 * and SophiaG's ρh + ε would then turn the step uphill. The denominator takes max(h, 0), as the
 * authors' own SophiaH does (relu): for h ≥ 0, always so with GNB, this is SophiaG's
 * arithmetic exactly; where h ≤ 0 the step is the sign step lr·sign(m) (the paper's
 * max(ρh, ε) does the same). `maximize` descends on −f: the gradient and the curvature
 * estimate are both negated.
 *
 * The estimates are elementwise in their result, but Hu reads the whole point: scope 'whole'.
 * On a network each parameter tensor steps alone and the context hands it its slice of the
 * whole network's u, Hu or GNB estimate (`gpu/curvature.ts`).
 */
function estimate<T>(A: Algebra<T>, theta: T, hp: SophiaHp, t: number, ctx?: StepContext<T>): T {
  const missing = (what: string) =>
    new Error(`estimator: Sophia's '${hp.estimator}' estimate needs ${what}, which this run lacks`);
  switch (hp.estimator) {
    case 'exact':
      if (!ctx?.hessianDiag) throw missing('the exact Hessian');
      return ctx.hessianDiag();
    case 'hutchinson': {
      if (!ctx?.hvp || !ctx.rademacher) throw missing('Hessian-vector products');
      const u = ctx.rademacher(theta, hp.seed, t);
      return A.mul(u, ctx.hvp(u));
    }
    case 'gnb':
      if (!ctx?.gaussNewtonBartlett) throw missing("labels sampled from a network's predictions");
      return ctx.gaussNewtonBartlett(hp.seed, t);
  }
}

function sophiaStep<T>(
  A: Algebra<T>,
  theta: T,
  grad: T,
  state: OptState<T>,
  hp: SophiaHp,
  t: number,
  ctx?: StepContext<T>,
): StepResult<T> {
  let h = state.h as T;
  if (t > 1 && (t - 1) % hp.k === 0) {
    const e = estimate(A, theta, hp, t, ctx);
    h = ema(A, h, hp.maximize ? A.mul(e, -1) : e, hp.betas[1]);
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
  label: 'Clip scale',
  symbol: '\\rho',
  min: 0,
  scale: 'log',
  slider: { kind: 'log', min: 1e-3, max: 10, zero: true },
};
const EPS: HpSpec = {
  key: 'eps',
  kind: 'number',
  label: 'Epsilon',
  symbol: '\\epsilon',
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
  label: 'Seed (u, sampled labels)',
  min: 0,
  slider: { kind: 'linear', min: 0, max: 99, integer: true },
};

const ESTIMATOR: HpSpec = {
  key: 'estimator',
  kind: 'choice',
  label: 'Estimator of diag(H)',
  choices: ['hutchinson', 'exact', 'gnb'],
  choiceLabels: {
    hutchinson: 'Hutchinson u ⊙ Hu',
    exact: 'Exact diag(H)',
    gnb: 'GNB (networks only)',
  },
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
  estimator: 'hutchinson',
  seed: 0,
  maximize: false,
};

const CURVATURE: Record<SophiaEstimator, Curvature> = {
  exact: 'exact-hessian',
  hutchinson: 'hvp',
  gnb: 'sampled-labels',
};

/** Sophia: clipped momentum over a running estimate of diag(H), by the chosen estimator. */
export const sophia: OptimizerSpec<SophiaHp> = {
  type: 'Sophia',
  id: 'sophia',
  summary:
    'Momentum divided by a running estimate of the Hessian’s diagonal (Hutchinson u ⊙ Hu, the exact diagonal, or Gauss–Newton–Bartlett), each coordinate’s step clipped to lr.',
  tex: String.raw`m_t = \beta_1 m_{t-1} + (1-\beta_1) g_t,\ h \leftarrow \beta_2 h + (1-\beta_2)\,\hat h\ \text{every } k \text{ steps},\ \theta_t = \theta_{t-1}(1-\eta\lambda) - \eta\,\operatorname{clip}\!\Big(\frac{m_t}{\rho\max(h_t,0)+\epsilon},\,1\Big),\ \hat h = u \odot Hu,\ \operatorname{diag}(H)\ \text{or}\ B\,\hat g \odot \hat g`,
  defaults: DEFAULTS,
  /**
   * The race: lr = ρ, so that an unclipped step is a whole Newton step per coordinate
   * (lr/ρ · m/h); no weight decay (it pulls towards the origin, not the minimum).
   */
  race: { lr: 0.04, weight_decay: 0 },
  hyperparams: [
    HP.lr,
    HP.betas,
    RHO,
    { ...HP.weightDecay, symbol: '\\lambda' },
    EPS,
    K,
    ESTIMATOR,
    SEED,
    HP.maximize,
  ],
  validate: (hp) => [
    ...(isCount(hp.k, 1) ? [] : [`k: must be an integer ≥ 1 (got ${hp.k})`]),
    ...(isCount(hp.seed, 0) ? [] : [`seed: must be an integer ≥ 0 (got ${hp.seed})`]),
  ],
  scope: 'whole',
  curvatureFor: (hp) => CURVATURE[hp.estimator],
  curvatureKey: 'estimator',
  moment: FIRST_MOMENT,
  init: (A, theta) => ({ m: A.fill(theta, 0), h: A.fill(theta, 0) }),
  step: sophiaStep,
};
