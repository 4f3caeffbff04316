/**
 * Racers in the link: `opt=` lists racer keys (`sgd,sgd-2,sgd-3`), each racer's fields carry its
 * key (`lr.sgd-2`, `la.sgd-2`, `label.sgd-2`, `color.sgd-2`, `sched.sgd-2`, `batch.sgd-2`).
 */
import { describe, expect, it } from 'vitest';
import { parseUrlState, serializeUrlState } from '../../src/state/raceUrl';
import { MAX_RACERS } from '../../src/state/racers';
import { raceDefaultsFor, racersOf } from '../../src/state/raceState';
import { racerOf } from '../state/racerOf';

describe('racers in the link', () => {
  it('reads three SGD racers with their own learning rates, labels, colours, schedule and batch', () => {
    const link =
      'surface=rosenbrock&opt=sgd,sgd-2,sgd-3&lr.sgd=0.0001&lr.sgd-2=0.001&momentum.sgd-2=0' +
      '&label.sgd-2=just%20right&lr.sgd-3=0.002&color.sgd-3=9&sched.sgd-3=cosine&sched.sgd-3.T_max=50' +
      '&batch.sgd-3=8&samples=64&la.sgd=5,0.5';
    const { state, errors } = parseUrlState(link);
    expect(errors).toEqual([]);
    expect(state.race.racers.map((r) => [r.key, r.optimizer, r.color])).toEqual([
      ['sgd', 'sgd', 0],
      ['sgd-2', 'sgd', 1],
      ['sgd-3', 'sgd', 9],
    ]);
    expect(racerOf(state, 'sgd')).toMatchObject({ lookahead: { k: 5, alpha: 0.5 }, label: null });
    expect(racerOf(state, 'sgd-2')).toMatchObject({ label: 'just right', hp: { momentum: 0 } });
    expect(racerOf(state, 'sgd-3')).toMatchObject({
      hp: { lr: 0.002 },
      schedule: { id: 'cosine', params: { T_max: 50 } },
      batch: 8,
    });
    expect(parseUrlState(serializeUrlState(state))).toEqual({ state, errors: [] });
  });

  it('writes colours only where they differ from the lowest free slot in list order', () => {
    const { state } = parseUrlState('opt=sgd,adam');
    expect(serializeUrlState(state)).not.toContain('color.');
    state.race.racers[0].color = 4;
    expect(serializeUrlState(state)).toContain('color.sgd=4');
    expect(serializeUrlState(state)).not.toContain('color.adam');
  });

  it('keeps a racer’s keys when another is removed', () => {
    const { state } = parseUrlState('opt=sgd,sgd-2,sgd-3&lr.sgd-3=0.002');
    state.race.racers.splice(1, 1);
    const q = serializeUrlState(state);
    expect(q).toContain('opt=sgd,sgd-3');
    expect(q).toContain('lr.sgd-3=0.002');
    expect(q).toContain('color.sgd-3=2');
    expect(parseUrlState(q).state).toEqual(state);
  });

  it('reads an old link (one racer per optimizer, keyed by its id) unchanged', () => {
    const { state, errors } = parseUrlState(
      'surface=rosenbrock&opt=adam,sgd&lr.adam=0.01&momentum.sgd=0.5&la.adam=6,0.8&sched=cosine',
    );
    expect(errors).toEqual([]);
    expect(state.race.racers.map((r) => r.key)).toEqual(['adam', 'sgd']);
    expect(racerOf(state, 'adam')).toMatchObject({
      hp: { lr: 0.01 },
      lookahead: { k: 6, alpha: 0.8 },
    });
    expect(racerOf(state, 'sgd').hp.momentum).toBe(0.5);
    expect(state.race.schedule.id).toBe('cosine');
  });

  it('names a per-racer key whose racer is not in opt, and ignores it', () => {
    const { errors } = parseUrlState(
      'opt=adam&lr.sgd=0.1&label.sgd-2=x&sched.sgd-2=cosine&sched.sgd-2.T_max=4&color.adam-3=2&batch.lion=3&sched.T_max=5',
    );
    expect(errors).toEqual([
      "Invalid URL parameter 'lr.sgd': no racer 'sgd' in opt; ignored",
      "Invalid URL parameter 'label.sgd-2': no racer 'sgd-2' in opt; ignored",
      "Invalid URL parameter 'sched.sgd-2': no racer 'sgd-2' in opt; ignored",
      "Invalid URL parameter 'sched.sgd-2.T_max': no racer 'sgd-2' in opt; ignored",
      "Invalid URL parameter 'color.adam-3': no racer 'adam-3' in opt; ignored",
      "Invalid URL parameter 'batch.lion': no racer 'lion' in opt; ignored",
      "Invalid URL parameter 'sched.T_max': unknown parameter; ignored",
    ]);
  });

  it('names bad racer keys, repeats, labels, colours and batch sizes', () => {
    expect(parseUrlState('opt=sgd,sgd-1').errors[0]).toMatch(
      /^Invalid URL parameter 'opt': 'sgd-1': must be an optimizer id \(sgd, /,
    );
    expect(parseUrlState('opt=sgd,sgd').errors[0]).toMatch(/'opt': must not repeat a value/);
    const { state, errors } = parseUrlState(
      `opt=sgd&label.sgd=${'x'.repeat(41)}&color.sgd=16&batch.sgd=0`,
    );
    expect(errors).toEqual([
      `Invalid URL parameter 'label.sgd': must be at most 40 characters (got '${'x'.repeat(39)}…'); using the default`,
      "Invalid URL parameter 'color.sgd': must be an integer from 0 to 15 (got '16'); using the default",
      "Invalid URL parameter 'batch.sgd': must be an integer from 1 to 256 (got '0'); using the default",
    ]);
    expect(racerOf(state, 'sgd')).toMatchObject({ label: null, color: 0, batch: null });
  });

  it(`takes at most ${MAX_RACERS} racers and says so`, () => {
    const keys = ['sgd', ...Array.from({ length: 13 }, (_, i) => `sgd-${i + 2}`)];
    const { state, errors } = parseUrlState(`opt=${keys.join(',')}&lr.sgd-14=0.1`);
    expect(state.race.racers.map((r) => r.key)).toEqual(keys.slice(0, MAX_RACERS));
    expect(errors).toEqual([
      `Invalid URL parameter 'opt': at most ${MAX_RACERS} racers (got 14); using the first ${MAX_RACERS}`,
      "Invalid URL parameter 'lr.sgd-14': no racer 'sgd-14' in opt; ignored",
    ]);
  });

  it('names the racer’s own key for a cross-field error, and resets only that racer', () => {
    const { state, errors } = parseUrlState(
      'opt=sgd,sgd-2&nesterov.sgd-2=1&momentum.sgd-2=0&lr.sgd=0.002&sched.sgd=step&sched.sgd.step_size=0',
    );
    expect(errors).toEqual([
      expect.stringMatching(/^Invalid URL parameter 'sched\.sgd\.step_size': .*using the default$/),
      expect.stringMatching(/^Invalid URL parameter 'nesterov\.sgd-2': .*using the default$/),
    ]);
    expect(racerOf(state, 'sgd').hp.lr).toBe(0.002);
    expect(racerOf(state, 'sgd').schedule).toEqual({ id: 'step', params: {} });
    expect(racerOf(state, 'sgd-2').hp).toEqual(raceDefaultsFor('sgd'));
  });

  it('caps a racer’s own batch like the shared one, naming its key', () => {
    const { state, errors } = parseUrlState('opt=sgd&steps=10000&samples=100000&batch.sgd=50000');
    expect(errors).toEqual([
      expect.stringMatching(/^Invalid URL parameter 'batch.sgd': steps × batch/),
    ]);
    expect(racerOf(state, 'sgd').batch).toBe(2048);
  });

  it('follows the surface for the racers’ defaults (a link leaves out what the surface starts with)', () => {
    const { state } = parseUrlState('surface=monkey_saddle&opt=sgd,sgd-2');
    expect(state.race.racers.map((r) => r.hp)).toEqual(
      racersOf(['sgd', 'sgd'], 'monkey_saddle').map((r) => r.hp),
    );
    expect(serializeUrlState(state)).toBe(
      `surface=monkey_saddle&opt=sgd,sgd-2&lr.sgd=${raceDefaultsFor('sgd', 'monkey_saddle').lr}&lr.sgd-2=${raceDefaultsFor('sgd', 'monkey_saddle').lr}`,
    );
  });
});
