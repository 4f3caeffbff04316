/**
 * The fair-tuning panel's table as data (issue #14): per racer its tuned lr, the criterion's
 * value, what it used of the budget, the steps it needs to the target and how many times faster
 * than the first racer that is (deck 004's "k-times faster": steps of the tuned A over steps of
 * the tuned B at one target loss).
 */
import { stepsToTarget, timesFaster, type TuneCriterion, type TuneResult } from '../tune';
import { formatValue } from './sliderScale';

export interface TuneRow {
  id: string;
  lr: number;
  /** The criterion's value as read: a loss, or "n steps" / "not reached". */
  value: string;
  /** "trials used / budget trials · step-units used / budget". */
  used: string;
  /** Steps to the target (null: not reached within the tune's steps, or no target). */
  steps: number | null;
  /** The first racer's steps over this one's (null: either misses, or this is the first). */
  faster: number | null;
}

export const CRITERION_LABELS: Record<TuneCriterion, string> = {
  final: 'final loss',
  best: 'best loss',
  target: 'steps to the target loss',
};

const count = (n: number) => n.toLocaleString('en-US');

/** The criterion's value of a result's winner, in words. */
export function criterionValue(r: TuneResult): string {
  const b = r.best;
  if (!Number.isFinite(b.score)) return b.divergedAt !== null ? 'diverged' : 'not reached';
  return r.settings.criterion === 'target' ? `${b.score} steps` : formatValue(b.score);
}

export function tuneRows(
  results: readonly { id: string; result: TuneResult }[],
  target: number | null,
): TuneRow[] {
  const first = results[0]?.result;
  return results.map(({ id, result }, i) => ({
    id,
    lr: result.best.lr,
    value: criterionValue(result),
    used: `${result.used.trials}/${result.budget.trials} trials · ${count(result.used.stepUnits)}/${count(result.budget.stepUnits)} steps`,
    steps: target === null ? null : stepsToTarget(result.curve, target),
    faster: target === null || i === 0 ? null : timesFaster(first, result, target).factor,
  }));
}

/** "×3.2" (two significant digits). */
export const formatFaster = (k: number) => `×${Number(k.toPrecision(2))}`;
