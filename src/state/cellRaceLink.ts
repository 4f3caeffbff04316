/**
 * "Open in the race" for a map cell: the race's own link (state/raceUrl's table) for one racer
 * with the cell's optimizer and hyperparameters on its surface, from its start, for its steps and
 * batch, so the race recomputes exactly the run the cell stands for (core/map/surfaceCell's
 * `cellRunConfig`).
 */
import type { RunConfig } from '../core/config';
import { findOptimizer } from '../core/optimizers/registry';
import { defaultUrlState, serializeUrlState } from './raceUrl';
import { defaultRaceState, newRacer, type RaceState } from './raceState';

/** The most steps a race link carries (raceUrl's `steps` codec). */
export const RACE_LINK_MAX_STEPS = 10_000;

export interface CellRaceLink {
  /** `race.html?…`, relative to the site. */
  href: string;
  /** Why the race will not be the cell's run exactly (its steps over the race's cap), else null. */
  note: string | null;
}

/** The race state of one run: a single racer and the run's surface, start, steps and batch. */
export function raceStateOf(config: RunConfig): RaceState {
  const opt = findOptimizer(config.optimizer.type);
  if (!opt) throw new Error(`optimizer: unknown '${config.optimizer.type}'`);
  const race = defaultRaceState(config.surface);
  const racer = newRacer(opt.id, config.surface, [], 0);
  const steps = Math.min(config.steps, RACE_LINK_MAX_STEPS);
  const b = config.batch;
  return {
    ...race,
    surfaceParams: { ...race.surfaceParams, ...config.surfaceParams },
    racers: [{ ...racer, hp: { ...racer.hp, ...config.optimizer.hp } }],
    start: [config.start[0], config.start[1]],
    steps,
    // No batch: the exact gradient, which the race spells as a batch of all its samples.
    batch: b
      ? { size: b.size, samples: b.samples, noise: b.noise, seed: b.seed }
      : { ...race.batch, size: race.batch.samples },
  };
}

/** The race link of a run (a map cell's `cellRunConfig`), in the page's theme and type size. */
export function cellRaceLink(
  config: RunConfig,
  look: { theme: 'light' | 'dark'; large: boolean } = { theme: 'light', large: false },
): CellRaceLink {
  const base = defaultUrlState();
  const state = { ...base, race: raceStateOf(config), view: { ...base.view, ...look } };
  const note =
    config.steps > RACE_LINK_MAX_STEPS
      ? `The race runs at most ${RACE_LINK_MAX_STEPS.toLocaleString('en-US')} steps; the cell ran ${config.steps.toLocaleString('en-US')}.`
      : null;
  return { href: `race.html?${serializeUrlState(state)}`, note };
}
