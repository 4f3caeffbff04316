/**
 * Each surface's starting settings make a race: with them, every optimizer the surface takes
 * (and its default racers above all) stays finite and ends lower than it started.
 */
import { describe, expect, it } from 'vitest';
import { surfaceRefusal } from '../../src/core/optimizers/optimizerSpec';
import { OPTIMIZERS } from '../../src/core/optimizers/registry';
import { SURFACES } from '../../src/core/surfaces/registry';
import { run } from '../../src/core/trajectory';
import { racerConfigs } from '../../src/state/racerConfigs';
import { defaultRaceState, raceDefaultsFor, racersOf } from '../../src/state/raceState';
import { useRaceStore } from '../../src/state/raceStore';

/**
 * Newton's step heads for the nearest stationary point whatever its kind: on Himmelblau the
 * start sits on the local maximum, on Rastrigin next to one, and Newton climbs (the lesson that
 * saddle-free Newton answers). It is raced there on purpose, not tuned away.
 */
const CLIMBS = new Set(['himmelblau/newton', 'rastrigin/newton']);

describe('per-surface starting settings', () => {
  for (const surface of SURFACES) {
    it(`${surface.id}: every optimizer it takes stays finite and lowers the loss`, () => {
      const base = defaultRaceState(surface.id);
      const ids = OPTIMIZERS.filter((o) => surfaceRefusal(o, {}) === null).map((o) => o.id);
      const race = { ...base, racers: racersOf(ids, surface.id) };
      const failed: string[] = [];
      for (const rc of racerConfigs(race)) {
        if (!rc.ok) {
          failed.push(`${rc.id}: ${rc.errors.join('; ')}`);
          continue;
        }
        const r = run(rc.config);
        const end = r.loss[r.loss.length - 1];
        if (r.divergedAt !== null) failed.push(`${rc.id}: diverged at step ${r.divergedAt}`);
        else if (!(end < r.loss[0]) && !CLIMBS.has(`${surface.id}/${rc.id}`))
          failed.push(`${rc.id}: loss ${r.loss[0]} → ${end}`);
      }
      expect(failed).toEqual([]);
      expect(base.racers.every((r) => ids.includes(r.optimizer))).toBe(true);
    });
  }

  it('the monkey saddle’s own settings: SGD without momentum, 150 steps (the Rosenbrock ones overflowed)', () => {
    const race = defaultRaceState('monkey_saddle');
    expect(race.steps).toBe(150);
    expect(race.racers[0].hp).toMatchObject({ lr: 0.003, momentum: 0 });
    const rosenbrockSgd = { ...race, steps: 300, racers: racersOf(['sgd'], 'rosenbrock') };
    const [rc] = racerConfigs(rosenbrockSgd);
    expect(rc.ok && run(rc.config).divergedAt).toBeGreaterThan(0);
  });

  it('switching surface gives the new surface’s steps and starting settings', () => {
    const s = useRaceStore.getState();
    s.replace(defaultRaceState('rosenbrock'));
    s.setSurface('monkey_saddle');
    expect(useRaceStore.getState().steps).toBe(150);
    expect(useRaceStore.getState().racers.map((r) => r.hp)).toEqual(
      ['sgd', 'rmsprop', 'adam', 'adagrad'].map((id) => raceDefaultsFor(id, 'monkey_saddle')),
    );
    s.setSurface('rosenbrock');
    expect(useRaceStore.getState().steps).toBe(300);
  });
});
