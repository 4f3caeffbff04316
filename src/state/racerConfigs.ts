import { parseRunConfig, type RunConfig } from '../core/config';
import { findOptimizer } from '../core/optimizers/registry';
import type { RaceState } from './raceState';
import { racerSchedule } from './scheduleDefaults';

/** One racer as the core sees it: a validated RunConfig, or the errors that stop it. */
export type RacerConfig =
  { id: string; ok: true; config: RunConfig } | { id: string; ok: false; errors: string[] };

/**
 * The race state → one RunConfig per racer, through the core's own validation (so the page
 * and the CLI accept exactly the same configs). Derived, never stored.
 */
export function racerConfigs(race: RaceState): RacerConfig[] {
  return race.optimizers.map((id) => {
    const spec = findOptimizer(id)!;
    const hp = race.hp[id];
    const la = race.lookahead[id];
    const b = race.batch;
    const parsed = parseRunConfig({
      surface: race.surface,
      surface_params: race.surfaceParams,
      start: race.start,
      steps: race.steps,
      // Inside Lookahead: the config form the CLI takes, so its errors name optimizer.k, ….
      optimizer: la
        ? { type: 'Lookahead', k: la.k, alpha: la.alpha, optimizer: { type: spec.type, ...hp } }
        : { type: spec.type, ...hp },
      scheduler: racerSchedule(
        race.schedule,
        race.steps,
        hp.lr as number,
        spec.hyperparams.some((h) => h.key === 'momentum' || h.key === 'betas'),
      ),
      batch:
        b.size >= b.samples
          ? null
          : { size: b.size, samples: b.samples, noise: b.noise, seed: b.seed },
    });
    return parsed.ok
      ? { id, ok: true, config: parsed.value }
      : { id, ok: false, errors: parsed.errors };
  });
}
