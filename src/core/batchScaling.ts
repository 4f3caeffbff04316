/**
 * Batch size beside the learning rate (issue #14, lectures on large-batch training):
 *
 * * a scaling rule, lr(B) = lr₀·(B/B₀)^p with p = 0 (none), 1 (linear: Goyal et al. 2017) or
 *   ½ (square root: Krizhevsky 2014, Hoffer et al. 2017): lr₀ is the rate tuned at batch B₀;
 * * Goyal et al.'s gradual warm-up: over the first w steps the lr rises linearly from lr₀ to the
 *   scaled rate, since a large batch's scaled lr is too large for the first steps;
 * * a batch-size schedule: B multiplied by `factor` at each milestone step (Smith et al. 2018,
 *   "don't decay the learning rate, increase the batch size"), or, for comparison, B kept and the
 *   lr divided by `factor` there instead (the step decay it replaces).
 *
 * All as pure functions of the 0-based step k, in the convention of `run()`: `lr[k]` is the lr
 * of step k + 1, and a milestone m applies from step m + 1 on (k ≥ m), like torch's MultiStepLR.
 * The result multiplies the scheduler's lr, so it composes with any schedule.
 */
import { isRecord, quoteValue as fmt } from './parse';
import type { BatchConfig } from './sampling/finiteSum';

export const SCALING_RULES = ['none', 'linear', 'sqrt'] as const;
export type ScalingRule = (typeof SCALING_RULES)[number];

/** The exponent p of lr ∝ B^p. */
export function scalingExponent(rule: ScalingRule): number {
  return rule === 'linear' ? 1 : rule === 'sqrt' ? 0.5 : 0;
}

/** lr₀·(B/B₀)^p: the rate a rule gives batch B when lr₀ was right for batch B₀. */
export function scaledLr(lr0: number, b0: number, b: number, rule: ScalingRule): number {
  const p = scalingExponent(rule);
  if (p === 0) return lr0;
  return lr0 * (p === 1 ? b / b0 : Math.sqrt(b / b0));
}

/**
 * Goyal et al.'s linear warm-up: the lr of 0-based step k rising from `from` (step 0) to `to`
 * (reached at k = w, kept after). w = 0 is no warm-up.
 */
export function warmupLr(k: number, w: number, from: number, to: number): number {
  if (k >= w) return to;
  return from + ((to - from) * k) / w;
}

/** How the lr follows the batch size: the rule, the batch lr₀ was tuned at, the warm-up steps. */
export interface BatchScaling {
  rule: ScalingRule;
  /** B₀: the batch size the optimizer's lr was chosen for. */
  baseSize: number;
  /** Steps of linear warm-up from lr₀ to the scaled rate (0: none). */
  warmup: number;
}

/** B × factor at each milestone (`change: 'batch'`), or lr ÷ factor there (`change: 'lr'`). */
export interface BatchSchedule {
  /** Steps after which the change applies, strictly increasing, ≥ 1. */
  milestones: readonly number[];
  factor: number;
  change: 'batch' | 'lr';
}

/** Milestones passed before 0-based step k (those m ≤ k). */
function passed(k: number, milestones: readonly number[]): number {
  let n = 0;
  while (n < milestones.length && milestones[n] <= k) n++;
  return n;
}

/** The batch size of 0-based step k: B·factor^(milestones passed), at most N. */
export function batchSizeAt(
  k: number,
  size: number,
  samples: number,
  schedule: BatchSchedule | null,
): number {
  if (!schedule || schedule.change !== 'batch') return Math.min(size, samples);
  const b = Math.round(size * schedule.factor ** passed(k, schedule.milestones));
  return Math.max(1, Math.min(b, samples));
}

/**
 * What multiplies the scheduler's lr at 0-based step k: the scaling rule's (B_k/B₀)^p, with the
 * warm-up from 1 (lr₀) to it over the first steps, and ÷ factor per milestone passed when the
 * schedule changes the lr instead of the batch.
 */
export function lrFactorAt(
  k: number,
  bk: number,
  scaling: BatchScaling | null,
  schedule: BatchSchedule | null,
): number {
  let m = 1;
  if (scaling) m = warmupLr(k, scaling.warmup, 1, scaledLr(1, scaling.baseSize, bk, scaling.rule));
  if (schedule?.change === 'lr') m /= schedule.factor ** passed(k, schedule.milestones);
  return m;
}

/** A run's `batch`: the finite sum and its sampling, and optionally how B and the lr change. */
export interface RunBatchConfig extends BatchConfig {
  scaling?: BatchScaling | null;
  schedule?: BatchSchedule | null;
}

/** The per-step batch size and lr factor of a run's batch config, or null when neither is set. */
export interface BatchPlan {
  size(k: number): number;
  lrFactor(k: number): number;
}

export function batchPlan(
  cfg: Pick<RunBatchConfig, 'size' | 'samples' | 'scaling' | 'schedule'>,
): BatchPlan | null {
  const scaling = cfg.scaling ?? null,
    schedule = cfg.schedule ?? null;
  if (!scaling && !schedule) return null;
  const size = (k: number) => batchSizeAt(k, cfg.size, cfg.samples, schedule);
  return { size, lrFactor: (k) => lrFactorAt(k, size(k), scaling, schedule) };
}

/** The largest milestone, warm-up or base size a config may name (as LIMITS.maxSteps/maxSamples). */
const MAX_STEP = 100_000;
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** `batch.scaling` JSON → BatchScaling; errors name the field under `prefix`. */
export function parseBatchScaling(
  raw: unknown,
  prefix: string,
  errors: string[],
): BatchScaling | null {
  if (raw === null || raw === undefined) return null;
  if (!isRecord(raw)) {
    errors.push(`${prefix}: must be null or {"rule", "base_size", "warmup"} (got ${fmt(raw)})`);
    return null;
  }
  const known = ['rule', 'base_size', 'warmup'];
  for (const key of Object.keys(raw))
    if (!known.includes(key))
      errors.push(`${prefix}.${key}: unknown field (known: ${known.join(', ')})`);
  const n0 = errors.length;
  const rule = raw.rule ?? 'none';
  if (!SCALING_RULES.includes(rule as ScalingRule))
    errors.push(`${prefix}.rule: must be one of ${SCALING_RULES.join(', ')} (got ${fmt(rule)})`);
  if (!isInt(raw.base_size) || raw.base_size < 1 || raw.base_size > MAX_STEP)
    errors.push(
      `${prefix}.base_size: must be an integer from 1 to ${MAX_STEP} (got ${fmt(raw.base_size)})`,
    );
  const warmup = raw.warmup ?? 0;
  if (!isInt(warmup) || warmup < 0 || warmup > MAX_STEP)
    errors.push(`${prefix}.warmup: must be an integer from 0 to ${MAX_STEP} (got ${fmt(warmup)})`);
  if (errors.length > n0) return null;
  return { rule: rule as ScalingRule, baseSize: raw.base_size as number, warmup: warmup as number };
}

/** `batch.schedule` JSON → BatchSchedule; errors name the field under `prefix`. */
export function parseBatchSchedule(
  raw: unknown,
  prefix: string,
  errors: string[],
): BatchSchedule | null {
  if (raw === null || raw === undefined) return null;
  if (!isRecord(raw)) {
    errors.push(`${prefix}: must be null or {"milestones", "factor", "change"} (got ${fmt(raw)})`);
    return null;
  }
  const known = ['milestones', 'factor', 'change'];
  for (const key of Object.keys(raw))
    if (!known.includes(key))
      errors.push(`${prefix}.${key}: unknown field (known: ${known.join(', ')})`);
  const n0 = errors.length;
  const ms = raw.milestones;
  if (
    !Array.isArray(ms) ||
    ms.length === 0 ||
    ms.length > 100 ||
    !ms.every((m, i) => isInt(m) && m >= 1 && m <= MAX_STEP && (i === 0 || m > ms[i - 1]))
  )
    errors.push(
      `${prefix}.milestones: must be 1 to 100 strictly increasing integer steps from 1 to ${MAX_STEP} (got ${fmt(ms)})`,
    );
  const factor = raw.factor ?? 2;
  if (typeof factor !== 'number' || !(factor >= 1 && factor <= 1000))
    errors.push(`${prefix}.factor: must be a number from 1 to 1000 (got ${fmt(factor)})`);
  const change = raw.change ?? 'batch';
  if (change !== 'batch' && change !== 'lr')
    errors.push(`${prefix}.change: must be 'batch' or 'lr' (got ${fmt(change)})`);
  if (errors.length > n0) return null;
  return { milestones: ms as number[], factor: factor as number, change: change as 'batch' | 'lr' };
}
