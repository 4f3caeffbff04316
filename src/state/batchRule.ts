import {
  parseBatchSchedule,
  scaledLr,
  type BatchScaling,
  type BatchSchedule,
} from '../core/batchScaling';
import { batchChanges } from '../core/view/batchCurve';
import { MAX_STEPS_X_BATCH, type RaceState } from './raceState';
import type { Racer } from './racers';

/**
 * The race's batch-size scaling rule (issue #14). A racer's lr slider always shows the rate it
 * runs with at its current batch size B; with a rule on, moving the shared batch slider from B
 * to B' moves the lr of every racer on the shared batch to lr·(B'/B)^p (p = 1 linear, ½ √),
 * which keeps lr = lr₀·(B/B₀)^p with B₀ the size at which the rule was switched on.
 */

/** The rule is on (a rule other than 'none'). */
export const ruleOn = (s: BatchScaling | null | undefined): s is BatchScaling =>
  !!s && s.rule !== 'none';

/** Six significant digits: the link stays readable and repeated moves do not drift visibly. */
const tidy = (x: number) => Number(x.toPrecision(6));

/** Racers on the shared batch with their lr moved by the rule from batch `from` to `to`. */
export function rescaleLrs(
  racers: readonly Racer[],
  from: number,
  to: number,
  scaling: BatchScaling | null | undefined,
): Racer[] {
  if (!ruleOn(scaling) || from === to) return racers.slice();
  return racers.map((r) =>
    r.batch !== null || typeof r.hp.lr !== 'number'
      ? r
      : { ...r, hp: { ...r.hp, lr: tidy(scaledLr(r.hp.lr, from, to, scaling.rule)) } },
  );
}

/**
 * What `run()` gets for a racer of batch size `size` whose slider shows `lr`: lr₀ = lr·(B₀/B)^p
 * (the rate at B₀, where the warm-up starts) and the `batch` of a config (JSON form, for
 * `parseRunConfig`) whose plan brings it back to lr at B after the warm-up and follows any
 * batch-size schedule. Without a rule or a schedule: the slider's lr, and a batch only for a
 * minibatch (B < N), as before.
 */
export function racerRunBatch(
  race: Pick<RaceState, 'batch'>,
  size: number,
  lr: number,
): { lr: number; batch: Record<string, unknown> | null } {
  const { samples, noise, seed, scaling, schedule } = race.batch;
  const on = ruleOn(scaling);
  if (!on && !schedule)
    return { lr, batch: size >= samples ? null : { size, samples, noise, seed } };
  const b = Math.min(size, samples);
  return {
    lr: on ? scaledLr(lr, b, scaling.baseSize, scaling.rule) : lr,
    batch: {
      size: b,
      samples,
      noise,
      seed,
      ...(on
        ? {
            scaling: {
              rule: scaling.rule,
              base_size: scaling.baseSize,
              // Goyal et al.'s warm-up is for a batch larger than B₀, whose scaled lr is larger.
              warmup: b > scaling.baseSize ? scaling.warmup : 0,
            },
          }
        : {}),
      ...(schedule ? { schedule } : {}),
    },
  };
}

/** The hint beside the switch: what one doubling of B does to the lr. */
export function ruleHint(s: BatchScaling | null | undefined): string {
  if (!ruleOn(s)) return 'The lr stays as set when B moves.';
  const per = s.rule === 'linear' ? 'lr × 2' : 'lr × √2 ≈ 1.41';
  return `${per} per doubling of B, from the lr set at B₀ = ${s.baseSize}.`;
}

/** A schedule the race starts with when the user turns it on: B × 2 at a third and two thirds. */
export function defaultBatchSchedule(steps: number): BatchSchedule {
  const a = Math.max(1, Math.round(steps / 3));
  const b = Math.max(a + 1, Math.round((2 * steps) / 3));
  return { milestones: [a, b], factor: 2, change: 'batch' };
}

/**
 * Milestones as typed ("100, 200") → the schedule with them, or the error naming the field
 * (the core's own check, so the page accepts what a config file would).
 */
export function withMilestones(
  schedule: BatchSchedule,
  text: string,
): { ok: true; value: BatchSchedule } | { ok: false; error: string } {
  const parts = text.split(',').map((p) => p.trim());
  const milestones = parts.map((p) => (p === '' ? NaN : Number(p)));
  const errors: string[] = [];
  const parsed = parseBatchSchedule({ ...schedule, milestones }, 'milestones', errors);
  if (!parsed)
    return { ok: false, error: (errors[0] ?? '').replace(/^milestones\.milestones/, 'Milestones') };
  return { ok: true, value: parsed };
}

/**
 * Sampled gradients one racer of batch size `size` computes under the schedule: Σₖ Bₖ over the
 * steps (B grows at each milestone, up to N). The race caps it as it caps steps × B
 * (MAX_STEPS_X_BATCH): a schedule could otherwise turn a cheap link into minutes of work.
 */
export function scheduledCost(
  steps: number,
  size: number,
  samples: number,
  schedule: BatchSchedule,
): number {
  const ch = batchChanges(steps, size, samples, schedule);
  return ch.reduce((t, c, i) => t + c.size * ((ch[i + 1]?.step ?? steps) - c.step), 0);
}

/** Why the race's batch-size schedule is too costly (naming the cap), or null. */
export function batchScheduleOverCap(
  race: Pick<RaceState, 'steps' | 'batch' | 'racers'>,
): string | null {
  const { schedule, samples, size } = race.batch;
  if (!schedule) return null;
  const sizes = [size, ...race.racers.flatMap((r) => (r.batch === null ? [] : [r.batch]))];
  const worst = Math.max(...sizes.map((b) => scheduledCost(race.steps, b, samples, schedule)));
  return worst > MAX_STEPS_X_BATCH
    ? `the schedule needs ${worst.toLocaleString('en-US')} sampled gradients per optimizer, over the cap of ${MAX_STEPS_X_BATCH.toLocaleString('en-US')} (5000 × 4096)`
    : null;
}
