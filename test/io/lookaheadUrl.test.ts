import { describe, expect, it } from 'vitest';
import { parseUrlState, serializeUrlState } from '../../src/state/raceUrl';
import { racerConfigs } from '../../src/state/racerConfigs';
import { raceSnapshot, useRaceStore } from '../../src/state/raceStore';
import type { RaceState } from '../../src/state/raceState';

/** Racer key → its Lookahead, for the racers that have one. */
const lookaheads = (race: RaceState) =>
  Object.fromEntries(race.racers.flatMap((r) => (r.lookahead ? [[r.key, r.lookahead]] : [])));

describe('la.<id>: a racer inside Lookahead in the link', () => {
  it('round-trips k and α, and is absent when off', () => {
    const { state, errors } = parseUrlState('opt=adam,sgd&la.adam=6,0.8');
    expect(errors).toEqual([]);
    expect(lookaheads(state.race)).toEqual({ adam: { k: 6, alpha: 0.8 } });
    const q = serializeUrlState(state);
    expect(q).toContain('la.adam=6,0.8');
    expect(q).not.toContain('la.sgd');
    expect(lookaheads(parseUrlState(q).state.race)).toEqual({ adam: { k: 6, alpha: 0.8 } });
    expect(serializeUrlState(parseUrlState('opt=adam').state)).not.toContain('la.');
  });

  it('becomes the Lookahead config of that racer', () => {
    const { state } = parseUrlState('opt=adam,sgd&la.adam=6,0.8');
    const [adam, sgd] = racerConfigs(state.race);
    expect(adam.ok && adam.config.optimizer).toMatchObject({
      type: 'Adam',
      lookahead: { k: 6, alpha: 0.8 },
    });
    expect(sgd.ok && sgd.config.optimizer.lookahead).toBeUndefined();
  });

  it('names bad values like every bad link value, and leaves the racer without Lookahead', () => {
    const { state, errors } = parseUrlState('opt=adam&la.adam=0,2');
    expect(errors).toEqual([
      "Invalid URL parameter 'la.adam': k: must be an integer ≥ 1; alpha: must be a number with 0 < alpha ≤ 1 (got '0,2'); using the default",
    ]);
    expect(lookaheads(state.race)).toEqual({});
    expect(parseUrlState('opt=adam&la.adam=5').errors[0]).toMatch(
      /'la\.adam': must be two numbers k,alpha \(got '5'\)/,
    );
    expect(parseUrlState('opt=adam&la.adam=500,0.5').errors[0]).toMatch(/k: must be at most 100/);
  });
});

describe('the race store’s Lookahead toggle', () => {
  it('turns a racer’s Lookahead on with k and α, changes them, and off again', () => {
    const { setLookahead } = useRaceStore.getState();
    setLookahead('adam', { k: 5, alpha: 0.5 });
    setLookahead('adam', { k: 7, alpha: 0.5 });
    expect(lookaheads(raceSnapshot())).toEqual({ adam: { k: 7, alpha: 0.5 } });
    setLookahead('adam', null);
    expect(lookaheads(raceSnapshot())).toEqual({});
  });
});
