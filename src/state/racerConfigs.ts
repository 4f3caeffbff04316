import { parseRunConfig, type RunConfig } from '../core/config';
import { findOptimizer } from '../core/optimizers/registry';
import type { RaceState } from './raceState';
import type { Racer } from './racers';
import { racerSchedule } from './scheduleDefaults';
import { racerRunBatch } from './batchRule';

/** One racer as the core sees it (`id` = its racer key): a validated RunConfig, or the errors that stop it. */
export type RacerConfig =
  { id: string; ok: true; config: RunConfig } | { id: string; ok: false; errors: string[] };

/** The batch size a racer runs with: its own, else the race's. */
export const racerBatchSize = (race: Pick<RaceState, 'batch'>, r: Pick<Racer, 'batch'>) =>
  r.batch ?? race.batch.size;

/**
 * The race state → one RunConfig per racer, through the core's own validation (so the page
 * and the CLI accept exactly the same configs). Derived, never stored.
 */
export function racerConfigs(race: RaceState): RacerConfig[] {
  return race.racers.map((r) => {
    const spec = findOptimizer(r.optimizer)!;
    const { hp, lookahead: la } = r;
    // The run starts from the lr at B₀ when a batch-size rule scales it (batchRule.ts).
    const run = racerRunBatch(race, racerBatchSize(race, r), hp.lr as number);
    const runHp = { ...hp, lr: run.lr };
    const parsed = parseRunConfig({
      surface: race.surface,
      surface_params: race.surfaceParams,
      start: race.start,
      steps: race.steps,
      // Inside Lookahead: the config form the CLI takes, so its errors name optimizer.k, ….
      optimizer: la
        ? { type: 'Lookahead', k: la.k, alpha: la.alpha, optimizer: { type: spec.type, ...runHp } }
        : { type: spec.type, ...runHp },
      scheduler: racerSchedule(
        r.schedule ?? race.schedule,
        race.steps,
        run.lr,
        spec.hyperparams.some((h) => h.key === 'momentum' || h.key === 'betas'),
      ),
      batch: run.batch,
    });
    return parsed.ok
      ? { id: r.key, ok: true, config: parsed.value }
      : { id: r.key, ok: false, errors: parsed.errors };
  });
}
