import type { UrlState } from '../../src/state/raceUrl';
import type { RaceState } from '../../src/state/raceState';
import type { Racer } from '../../src/state/racers';

/** The racer with this key in a parsed link's (or a race's) state; throws when absent. */
export function racerOf(s: UrlState | RaceState, key: string): Racer {
  const race = 'race' in s ? s.race : s;
  const r = race.racers.find((x) => x.key === key);
  if (!r)
    throw new Error(`no racer '${key}' (racers: ${race.racers.map((x) => x.key).join(', ')})`);
  return r;
}
