import {
  oneCycleFromSuggestion,
  RANGE_TEST_DEFAULTS,
  surfaceRangeTest,
  surfaceRangeTestRefusal,
  type RangeTestResult,
  type RangeTestSuggestions,
} from '../core/lrRangeTest';
import { scheduleByType } from '../core/schedules';
import type { RaceState } from './raceState';
import { racerConfigs } from './racerConfigs';
import { useRaceStore } from './raceStore';

/** What "Run range test" gave for one racer: a curve, or why there is none. */
export type RangeTestOutcome =
  | { racer: string; key: string; ok: true; result: RangeTestResult }
  | { racer: string; key: string; ok: false; errors: string[] };

/** Why the race's surface cannot take the test (a saddle: unbounded below), or null. */
export const raceRangeTestRefusal = (race: Pick<RaceState, 'surface' | 'surfaceParams'>) =>
  surfaceRangeTestRefusal(race.surface, race.surfaceParams);

/**
 * What the racer's test depends on: its config without the schedule and the number of steps
 * (the test replaces both), so a new schedule, e.g. the suggested OneCycle, keeps the curve.
 */
export function rangeTestKey(race: RaceState, racer: string): string {
  // `racer` is a racer key (`sgd-2`): racerConfigs' ids are the racers' keys.
  const c = racerConfigs(race).find((r) => r.id === racer);
  return c?.ok ? JSON.stringify({ ...c.config, scheduler: null, steps: 0 }) : 'invalid';
}

/**
 * The range test (fastai's defaults: 1e-7 → 10 over 100 steps) for one racer's config, as the
 * race builds it (`racerConfigs`: its hyperparameters, Lookahead, batch, start). It runs on the
 * main thread: ~100 steps of plain float64 JS on a 2-vector, well under 5 ms, less than a round
 * trip to the race worker, whose latest-wins queue would also have to keep it apart from races.
 */
export function runRangeTest(race: RaceState, racer: string): RangeTestOutcome {
  const key = rangeTestKey(race, racer);
  const refusal = raceRangeTestRefusal(race);
  if (refusal) return { racer, key, ok: false, errors: [refusal] };
  const c = racerConfigs(race).find((r) => r.id === racer);
  if (!c) return { racer, key, ok: false, errors: [`${racer}: not in the race`] };
  if (!c.ok) return { racer, key, ok: false, errors: c.errors };
  return { racer, key, ok: true, result: surfaceRangeTest(c.config, RANGE_TEST_DEFAULTS) };
}

/**
 * "Use as OneCycle max_lr": the race's schedule becomes OneCycleLR peaking at the suggestion
 * (3 significant digits, as the sentence writes it); its other keywords stay derived from the
 * race. A tested racer with its own schedule gets it as its own instead (the race's would not
 * reach it). Returns the max_lr set, or null when there was no suggestion.
 */
export function applySuggestedOneCycle(s: RangeTestSuggestions, racerKey?: string): number | null {
  const store = useRaceStore.getState();
  const config = oneCycleFromSuggestion(s, store.steps);
  const def = scheduleByType('OneCycleLR');
  if (!config || !def) return null;
  const maxLr = Number((config.max_lr as number).toPrecision(3));
  const racer = store.racers.find((r) => r.key === racerKey);
  if (racer?.schedule) {
    store.setRacerSchedule(racer.key, def.id);
    store.setRacerScheduleParam(racer.key, 'max_lr', maxLr);
  } else {
    store.setSchedule(def.id);
    store.setScheduleParam('max_lr', maxLr);
  }
  return maxLr;
}
