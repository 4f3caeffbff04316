/**
 * Sophia in the link: the estimator, k, ρ and the seed are hyperparameters with their own keys;
 * an estimator a surface cannot take (GNB samples a network's labels) is named.
 */
import { describe, expect, it } from 'vitest';
import { parseUrlState, serializeUrlState } from '../../src/state/raceUrl';
import { raceDefaultsFor } from '../../src/state/raceState';
import { racerOf } from '../state/racerOf';

describe('Sophia in the link', () => {
  it('reads and writes the estimator, k, ρ and the seed, and round-trips them', () => {
    const link =
      'surface=rosenbrock&opt=sophia&lr.sophia=0.05&rho.sophia=0.1&k.sophia=3&estimator.sophia=exact&seed.sophia=7';
    const { state, errors } = parseUrlState(link);
    expect(errors).toEqual([]);
    expect(state.race.racers.map((r) => r.key)).toEqual(['sophia']);
    expect(racerOf(state, 'sophia').hp).toMatchObject({
      lr: 0.05,
      rho: 0.1,
      k: 3,
      seed: 7,
      estimator: 'exact',
    });
    expect(serializeUrlState(state)).toBe(link);
    expect(parseUrlState(serializeUrlState(state)).state).toEqual(state);
  });

  it('leaves k, the estimator and the seed out of the link at their defaults', () => {
    const { state } = parseUrlState('opt=sophia');
    expect(racerOf(state, 'sophia').hp).toEqual(raceDefaultsFor('sophia'));
    expect(racerOf(state, 'sophia').hp).toMatchObject({ k: 10, seed: 0, estimator: 'hutchinson' });
    expect(serializeUrlState(state)).toBe('surface=rosenbrock&opt=sophia&lr.sophia=0.04');
  });

  it('names a k that is not a whole number of steps and an unknown estimator, racing with defaults', () => {
    const { state, errors } = parseUrlState('opt=sophia&k.sophia=2.5');
    expect(errors).toEqual([
      "Invalid URL parameter 'k.sophia': must be an integer ≥ 1 (got 2.5); using the default",
    ]);
    expect(racerOf(state, 'sophia').hp).toEqual(raceDefaultsFor('sophia'));
    const bad = parseUrlState('opt=sophia&estimator.sophia=newton');
    expect(bad.errors).toHaveLength(1);
    expect(bad.errors[0]).toMatch(/^Invalid URL parameter 'estimator\.sophia': .*'newton'/);
    expect(racerOf(bad.state, 'sophia').hp.estimator).toBe('hutchinson');
  });

  it("names GNB, which a surface cannot take, and races with Hutchinson's estimator", () => {
    const { state, errors } = parseUrlState('opt=sophia&estimator.sophia=gnb');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/'estimator\.sophia'.*only networks provide/);
    expect(racerOf(state, 'sophia').hp.estimator).toBe('hutchinson');
  });
});
