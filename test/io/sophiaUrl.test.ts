/**
 * Sophia in the link: the estimator is the racer (`sophia` = Hutchinson, `sophiaexact` = the
 * exact diagonal), and k, ρ and Hutchinson's seed are hyperparameters with their own keys.
 */
import { describe, expect, it } from 'vitest';
import { parseUrlState, serializeUrlState } from '../../src/io/urlState';
import { raceDefaultsFor } from '../../src/state/raceState';

describe('Sophia in the link', () => {
  it('reads and writes the estimator, k, ρ and the seed, and round-trips them', () => {
    const link =
      'surface=rosenbrock&opt=sophia,sophiaexact&lr.sophia=0.05&rho.sophia=0.1&k.sophia=3&seed.sophia=7&lr.sophiaexact=0.04&k.sophiaexact=1';
    const { state, errors } = parseUrlState(link);
    expect(errors).toEqual([]);
    expect(state.race.optimizers).toEqual(['sophia', 'sophiaexact']);
    expect(state.race.hp.sophia).toMatchObject({ lr: 0.05, rho: 0.1, k: 3, seed: 7 });
    expect(state.race.hp.sophiaexact).toMatchObject({ lr: 0.04, k: 1 });
    expect(serializeUrlState(state)).toBe(link);
    expect(parseUrlState(serializeUrlState(state)).state).toEqual(state);
  });

  it('leaves k and the seed out of the link at their defaults (k = 10, seed 0)', () => {
    const { state } = parseUrlState('opt=sophia');
    expect(state.race.hp.sophia).toEqual(raceDefaultsFor('sophia'));
    expect(state.race.hp.sophia).toMatchObject({ k: 10, seed: 0 });
    expect(serializeUrlState(state)).toBe('surface=rosenbrock&opt=sophia&lr.sophia=0.04');
  });

  it('names a k that is not a whole number of steps, and races with the default', () => {
    const { state, errors } = parseUrlState('opt=sophia&k.sophia=2.5');
    expect(errors).toEqual([
      "Invalid URL parameter 'k.sophia': must be an integer ≥ 1 (got 2.5); using the default",
    ]);
    expect(state.race.hp.sophia).toEqual(raceDefaultsFor('sophia'));
    expect(parseUrlState('opt=sophiaexact&k.sophiaexact=0').errors).toEqual([
      "Invalid URL parameter 'k.sophiaexact': must be ≥ 1 (got '0'); using the default",
    ]);
  });
});
