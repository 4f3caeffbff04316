import {
  TUNE_CRITERIA,
  TUNE_METHODS,
  type TuneCriterion,
  type TuneMethod,
  type TuneSettings,
} from '../core/tune';
import type { RaceState } from './raceState';
import { racerConfigs } from './racerConfigs';

/**
 * What "Tune the racers fairly" is asked (issue #14): one budget (trials × steps), one search,
 * one criterion and one seed for every racer. The link carries the choice of the tune shown
 * (`tune=trials,steps,method,criterion,seed`, `tune.target`, `tune.lr`), and reloading re-runs
 * it: the tuner is deterministic, so the result is the same.
 */
export interface TuneChoice {
  trials: number;
  steps: number;
  method: TuneMethod;
  criterion: TuneCriterion;
  /** The target loss: the 'target' criterion's, and the one "k times faster" is read at. */
  target: number | null;
  seed: number;
  /** The lr is searched log-uniformly in [lo, hi]. */
  lr: [number, number];
}

export const TUNE_LIMITS = { trials: [1, 100], steps: [1, 5_000] } as const;
export const DEFAULT_TUNE: TuneChoice = {
  trials: 20,
  steps: 300,
  method: 'halving',
  criterion: 'final',
  target: null,
  seed: 1,
  lr: [1e-4, 1],
};
export { TUNE_CRITERIA, TUNE_METHODS };

/** The core's settings for a choice (the lr alone is searched: the racers' momenta stay). */
export const tuneSettingsOf = (c: TuneChoice): TuneSettings => ({
  trials: c.trials,
  steps: c.steps,
  lrRange: c.lr,
  method: c.method,
  criterion: c.criterion,
  target: c.target,
  momentum: false,
  seed: c.seed,
});

/** Why a choice cannot run, naming the field, or null. */
export function tuneChoiceError(c: TuneChoice): string | null {
  const [t0, t1] = TUNE_LIMITS.trials;
  const [s0, s1] = TUNE_LIMITS.steps;
  if (!Number.isInteger(c.trials) || c.trials < t0 || c.trials > t1)
    return `Trials: must be an integer from ${t0} to ${t1}`;
  if (!Number.isInteger(c.steps) || c.steps < s0 || c.steps > s1)
    return `Steps: must be an integer from ${s0} to ${s1}`;
  if (!(c.lr[0] > 0 && c.lr[1] > c.lr[0] && c.lr[1] <= 100))
    return 'lr range: must be 0 < lo < hi ≤ 100';
  if (c.target !== null && !Number.isFinite(c.target)) return 'Target loss: must be a number';
  if (c.criterion === 'target' && c.target === null)
    return 'Target loss: the steps-to-target criterion needs one';
  if (!Number.isInteger(c.seed) || c.seed < 0) return 'Seed: must be an integer ≥ 0';
  return null;
}

/**
 * What a tune depends on besides its choice: every racer's config without its lr (the tuner
 * replaces it). A result whose fingerprint differs from the race's no longer describes it.
 */
export function tuneFingerprint(race: RaceState): string {
  return JSON.stringify(
    racerConfigs(race).map((c) =>
      c.ok
        ? {
            ...c.config,
            optimizer: { ...c.config.optimizer, hp: { ...c.config.optimizer.hp, lr: 0 } },
          }
        : c,
    ),
  );
}
