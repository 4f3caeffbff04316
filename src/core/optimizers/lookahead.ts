import type { Algebra } from '../algebra';
import type { HpSpec, Hyperparams, OptimizerSpec, OptState } from './optimizerSpec';
import { lerp } from './common';

/** Lookahead's two numbers: sync every k steps, move the slow weights a fraction α of the way. */
export interface LookaheadHp {
  k: number;
  alpha: number;
}

/**
 * The paper's defaults (Zhang et al. 2019, §3: k = 5, α = 0.5; torch-optimizer's Lookahead has
 * the same). The authors' lookahead_pytorch.py defaults to α = 0.8; their experiments use 0.5.
 */
export const LOOKAHEAD_DEFAULTS: LookaheadHp = { k: 5, alpha: 0.5 };

/** Lookahead's bounds, as the link takes them. */
export const LOOKAHEAD_BOUNDS = { kMax: 100 } as const;

/** k and α as controls (the race's Lookahead toggle; Ranger's own k). */
export const LOOKAHEAD_HP = {
  k: {
    key: 'k',
    kind: 'number',
    label: 'Sync every k steps',
    min: 1,
    slider: { kind: 'linear', min: 1, max: 20, integer: true },
  },
  alpha: {
    key: 'alpha',
    kind: 'number',
    label: 'Slow step α',
    min: 0,
    minExclusive: true,
    max: 1,
    slider: { kind: 'linear', min: 0.05, max: 1 },
  },
} as const satisfies Record<string, HpSpec>;

/** Why a {k, α} is not a Lookahead, per field ('k: …'), or none. */
export function lookaheadErrors(la: { k: unknown; alpha: unknown }): string[] {
  const errors: string[] = [];
  if (typeof la.k !== 'number' || !Number.isInteger(la.k) || la.k < 1)
    errors.push('k: must be an integer ≥ 1');
  if (typeof la.alpha !== 'number' || !(la.alpha > 0 && la.alpha <= 1))
    errors.push('alpha: must be a number with 0 < alpha ≤ 1');
  return errors;
}

/**
 * Lookahead's synchronisation (Zhang et al. 2019, Algorithm 1): slow ← slow + α(fast − slow),
 * and the fast weights restart from there. Returns the new slow weights, which are also the new
 * fast ones; Ranger's integrated Lookahead is the same update. Computed as torch's lerp, which
 * is exact at α = 1 (Lookahead is then its inner optimizer, bit for bit) and agrees with the
 * authors' two spellings (α·fast + (1 − α)·slow; slow + α(fast − slow)) to an ulp.
 */
export function lookaheadSync<T>(A: Algebra<T>, fast: T, slow: T, alpha: number): T {
  return lerp(A, slow, fast, alpha);
}

/** What Lookahead's two lines are (Ranger's too). */
export const LOOKAHEAD_SHADOW = {
  label: 'slow weights (Lookahead)',
  main: 'the fast weights, where the gradient is taken',
} as const;

/** The state key of the slow weights; no registry optimizer uses it (a test checks). */
export const SLOW_KEY = 'slow';

/**
 * `inner` inside Lookahead (Zhang et al. 2019, "Lookahead Optimizer: k steps forward, 1 step
 * back"), as the authors' PyTorch wrapper michaelrzhang/lookahead `lookahead_pytorch.py`
 * (commit 990861b, pullback_momentum "none") steps it: the slow weights start as the initial
 * parameters; every step is the inner optimizer's own (its state, its step count t); after
 * every k-th step (t mod k = 0) the slow weights move toward the fast ones and the fast weights
 * are reset to them. The inner's state is kept untouched across a sync, as there.
 *
 * The result is an ordinary OptimizerSpec: the inner's hyperparameters, scope and curvature, its
 * state plus `slow` (the shadow the race draws dashed). An elementwise inner stays elementwise,
 * so run() steps it on its fast path with no change. It is not a registry record: Lookahead is
 * a wrapper, built from a config by `optimizerOf`.
 */
export function withLookahead<H extends Hyperparams>(
  inner: OptimizerSpec<H>,
  la: LookaheadHp,
): OptimizerSpec<H> {
  const { k, alpha } = la;
  return {
    ...inner,
    type: `Lookahead(${inner.type})`,
    summary: `${inner.summary} Inside Lookahead: every ${k} steps the slow weights move ${alpha} of the way to the fast ones, which restart there.`,
    tex: `${inner.tex},\\quad \\text{every } k \\text{ steps: } \\phi \\leftarrow \\phi + \\alpha(\\theta - \\phi),\\ \\theta \\leftarrow \\phi`,
    shadow: { key: SLOW_KEY, ...LOOKAHEAD_SHADOW },
    init<T>(A: Algebra<T>, theta: T): OptState<T> {
      return { ...inner.init(A, theta), [SLOW_KEY]: theta };
    },
    step(A, theta, grad, state, hp, t, ctx) {
      const r = inner.step(A, theta, grad, state, hp, t, ctx);
      const slow = state[SLOW_KEY] as typeof theta;
      if (t % k !== 0) return { theta: r.theta, state: { ...r.state, [SLOW_KEY]: slow } };
      const synced = lookaheadSync(A, r.theta, slow, alpha);
      return { theta: synced, state: { ...r.state, [SLOW_KEY]: synced } };
    },
  };
}
