/**
 * Fair tuning (deck 004: "O₂ is k-times faster than O₁ if ∃H₂: min_{H₁} Eval(O₁, T, H₁) ≥
 * Eval(O₂, T/k, H₂)"): a comparison of optimizers means something only when each was tuned with
 * the same budget and judged by the same criterion. Each optimizer's lr (and, if asked, its
 * momentum or β₁) is searched
 *
 * * 'random': `trials` configurations, lr log-uniform in [lo, hi] (1 − momentum log-uniform in
 *   [0.001, 0.5], i.e. momentum in [0.5, 0.999]), each run `steps` steps; or
 * * 'halving': successive halving (Jamieson & Talwalkar 2016) with η = 3: the same `trials`
 *   configurations run steps/η^R steps, the best third go on to η times as many, … , the last
 *   rung runs the full `steps`. R = ⌊log₃ trials⌋, so it never uses more step-units than
 *   trials × steps (Σᵣ (trials/3ʳ)·steps·3^(r−R) = (R + 1)/3^R · trials·steps ≤ trials·steps).
 *
 * Draws come from the core's seeded RNG: with one seed every optimizer is offered the same
 * candidate lrs (common random numbers), and runs are deterministic (`run()` with the config's
 * own batch seed), so the same seed gives the same result. A "trial" is one configuration; the
 * budget is `trials` configurations of `steps` steps, and the result counts what was used.
 *
 * Criteria, lower is better: 'final' loss f(θ_T) after the last step; 'best' loss over the run;
 * 'target': steps until the exact loss first reaches ≤ target (not reached: ∞, then by the final
 * loss). A diverged run scores ∞.
 */
import type { RunConfig } from './config';
import type { Hyperparams } from './optimizers/optimizerSpec';
import { createRng } from './sampling/rng';
import { getSurface } from './surfaces/registry';
import { run } from './trajectory';

export const TUNE_METHODS = ['random', 'halving'] as const;
export const TUNE_CRITERIA = ['final', 'best', 'target'] as const;
export type TuneMethod = (typeof TUNE_METHODS)[number];
export type TuneCriterion = (typeof TUNE_CRITERIA)[number];
/** Successive halving keeps the best 1/η of each rung. */
export const HALVING_ETA = 3;
/** The searched momentum (or β₁) range, as 1 − momentum log-uniform in [0.001, 0.5]. */
export const MOMENTUM_RANGE = [0.5, 0.999] as const;

export interface TuneSettings {
  /** Budget: configurations tried per optimizer. */
  trials: number;
  /** Budget: steps of each full-length run. */
  steps: number;
  /** lr searched log-uniformly in [lo, hi]. */
  lrRange: readonly [number, number];
  method: TuneMethod;
  criterion: TuneCriterion;
  /** The loss the 'target' criterion counts steps to (required for it). */
  target: number | null;
  /** Also search momentum / β₁ (optimizers without either: lr only). */
  momentum: boolean;
  seed: number;
}

export interface TuneTrial {
  /** Which configuration (0-based draw). */
  config: number;
  lr: number;
  /** The momentum or β₁ tried, when searched and the optimizer has one. */
  momentum: number | null;
  /** Successive-halving rung (0 for random search). */
  rung: number;
  steps: number;
  /** f(θ) after the last completed step (∞ when the run diverged). */
  final: number;
  /** The lowest exact loss of the run (the start included). */
  best: number;
  /** Steps until the loss first reached ≤ target (null: not reached, or no target). */
  reached: number | null;
  divergedAt: number | null;
  /** The criterion's value: lower is better. */
  score: number;
}

export interface TuneResult {
  optimizer: string;
  settings: TuneSettings;
  /** Every run, in the order they ran. */
  trials: TuneTrial[];
  /** The winner among the full-length runs. */
  best: TuneTrial;
  /** The winner's exact loss after 0, 1, …, steps steps (for `timesFaster` and plots). */
  curve: Float64Array;
  /** What was used: configurations tried and steps run in all. */
  used: { trials: number; stepUnits: number };
  /** What was allowed: trials, and trials × steps step-units. */
  budget: { trials: number; stepUnits: number };
}

/** Why tuning cannot run with these settings (naming the setting), or null. */
export function tuneSettingsError(s: TuneSettings): string | null {
  const [lo, hi] = s.lrRange;
  if (!Number.isInteger(s.trials) || s.trials < 1) return `trials: must be an integer ≥ 1`;
  if (!Number.isInteger(s.steps) || s.steps < 1) return `steps: must be an integer ≥ 1`;
  if (!(lo > 0 && hi > lo && Number.isFinite(hi))) return `lr range: need 0 < lo < hi, finite`;
  if (s.criterion === 'target' && !Number.isFinite(s.target ?? NaN))
    return `target: the 'target' criterion needs a finite target loss`;
  return null;
}

/** The key of the momentum-like value an optimizer's hp has, if any. */
function momentumKey(hp: RunConfig['optimizer']['hp']): 'momentum' | 'betas' | null {
  if (typeof hp.momentum === 'number') return 'momentum';
  if (Array.isArray(hp.betas)) return 'betas';
  return null;
}

/** Steps until curve[k] ≤ target (curve[k]: the loss after k steps), or null. */
export function stepsToTarget(curve: ArrayLike<number>, target: number): number | null {
  for (let k = 0; k < curve.length; k++) if (curve[k] <= target) return k;
  return null;
}

/** One run of `steps` steps at (lr, momentum): its exact loss after 0 … n steps, and divergence. */
function trialRun(base: RunConfig, lr: number, m: number | null, steps: number) {
  const hp: Hyperparams = { ...base.optimizer.hp, lr };
  const key = momentumKey(hp);
  if (m !== null && key === 'momentum') hp.momentum = m;
  if (m !== null && key === 'betas') hp.betas = [m, (hp.betas as readonly number[])[1]];
  const r = run({ ...base, steps, optimizer: { ...base.optimizer, hp } });
  const curve = new Float64Array(r.steps + 1);
  curve.set(r.loss);
  const surface = getSurface(base.surface, base.surfaceParams);
  curve[r.steps] =
    r.divergedAt !== null
      ? Infinity
      : r.steps === 0
        ? surface.value(base.start[0], base.start[1])
        : surface.value(r.params[2 * r.steps - 2], r.params[2 * r.steps - 1]);
  return { curve, divergedAt: r.divergedAt };
}

function scoreOf(
  s: TuneSettings,
  curve: Float64Array,
  divergedAt: number | null,
): Pick<TuneTrial, 'final' | 'best' | 'reached' | 'score'> {
  const final = curve[curve.length - 1];
  let best = Infinity;
  for (const v of curve) if (v < best) best = v;
  const reached = s.target === null ? null : stepsToTarget(curve, s.target);
  const score =
    divergedAt !== null || !Number.isFinite(final)
      ? Infinity
      : s.criterion === 'final'
        ? final
        : s.criterion === 'best'
          ? best
          : (reached ?? Infinity);
  return { final, best, reached, score };
}

/**
 * The rungs of a search: configurations and steps of each. Random search is one rung of all
 * trials at full length; halving takes as many rungs as fit in trials × steps (rounding the short
 * rungs' steps up to 1 could otherwise overspend a tiny budget).
 */
export function tunePlan(s: Pick<TuneSettings, 'trials' | 'steps' | 'method'>): {
  configs: number;
  steps: number;
}[] {
  const budget = s.trials * s.steps;
  const most =
    s.method === 'halving' ? Math.floor(Math.log(s.trials) / Math.log(HALVING_ETA) + 1e-9) : 0;
  for (let rungs = most; rungs > 0; rungs--) {
    const plan = [];
    for (let r = 0, n = s.trials; r <= rungs; r++, n = Math.max(1, Math.floor(n / HALVING_ETA)))
      plan.push({
        configs: n,
        steps: Math.max(1, Math.floor(s.steps / HALVING_ETA ** (rungs - r))),
      });
    if (plan.reduce((t, p) => t + p.configs * p.steps, 0) <= budget) return plan;
  }
  return [{ configs: s.trials, steps: s.steps }];
}

/** Lower score first, then lower final loss, then the earlier draw. */
const byScore = (a: TuneTrial, b: TuneTrial) =>
  a.score - b.score || a.final - b.final || a.config - b.config || 0;

/** Tunes one optimizer (the config's) on its surface; the config's steps are replaced. */
export function tune(base: RunConfig, s: TuneSettings): TuneResult {
  const err = tuneSettingsError(s);
  if (err) throw new Error(`tune: ${err}`);
  if (typeof base.optimizer.hp.lr !== 'number')
    throw new Error(`tune: ${base.optimizer.type} has no numeric lr to tune`);
  const rng = createRng(s.seed);
  const [lo, hi] = s.lrRange;
  const hasMomentum = s.momentum && momentumKey(base.optimizer.hp) !== null;
  const draws = Array.from({ length: s.trials }, () => {
    const lr = lo * (hi / lo) ** rng.next();
    // Drawn whether used or not, so that every optimizer sees the same lrs.
    const u = s.momentum ? rng.next() : 0;
    const oneMinus =
      (1 - MOMENTUM_RANGE[1]) * ((1 - MOMENTUM_RANGE[0]) / (1 - MOMENTUM_RANGE[1])) ** u;
    return { lr, momentum: hasMomentum ? 1 - oneMinus : null };
  });

  const trials: TuneTrial[] = [];
  let stepUnits = 0;
  let best: { trial: TuneTrial; curve: Float64Array } | null = null;
  const plan = tunePlan(s);
  const last = plan.length - 1;
  let alive = draws.map((_, i) => i);
  for (let rung = 0; rung <= last; rung++) {
    const steps = plan[rung].steps;
    alive = alive.slice(0, plan[rung].configs);
    const results: TuneTrial[] = [];
    for (const i of alive) {
      const { lr, momentum } = draws[i];
      const { curve, divergedAt } = trialRun(base, lr, momentum, steps);
      stepUnits += steps;
      const t: TuneTrial = {
        config: i,
        lr,
        momentum,
        rung,
        steps,
        divergedAt,
        ...scoreOf(s, curve, divergedAt),
      };
      trials.push(t);
      results.push(t);
      if (rung === last && (!best || byScore(t, best.trial) < 0)) best = { trial: t, curve };
    }
    alive = results.sort(byScore).map((t) => t.config);
  }
  return {
    optimizer: base.optimizer.type,
    settings: s,
    trials,
    best: best!.trial,
    curve: best!.curve,
    used: { trials: new Set(trials.map((t) => t.config)).size, stepUnits },
    budget: { trials: s.trials, stepUnits: s.trials * s.steps },
  };
}

export interface TimesFaster {
  target: number;
  /** Steps each tuned optimizer needs to reach the target (null: not within its steps). */
  stepsA: number | null;
  stepsB: number | null;
  /** stepsA / stepsB: B is this many times faster than A; null when either misses or B needs 0. */
  factor: number | null;
}

/** Deck 004's "k-times faster" at a target loss: steps the tuned A needs over steps the tuned B needs. */
export function timesFaster(a: TuneResult, b: TuneResult, target: number): TimesFaster {
  const stepsA = stepsToTarget(a.curve, target);
  const stepsB = stepsToTarget(b.curve, target);
  const factor = stepsA !== null && stepsB !== null && stepsB > 0 ? stepsA / stepsB : null;
  return { target, stepsA, stepsB, factor };
}
