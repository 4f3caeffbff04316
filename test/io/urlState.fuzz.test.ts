import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OPTIMIZERS } from '../../src/core/optimizers/registry';
import { scheduleById } from '../../src/core/schedules';
import { SURFACES } from '../../src/core/surfaces/registry';
import { echo } from '../../src/io/queryParams';
import { hpUrlKey, parseUrlState, serializeUrlState } from '../../src/state/raceUrl';
import { RACE_SCHEDULES } from '../../src/state/scheduleDefaults';
import { classify, FUZZ, mangledLink, without } from './mangledLinks';

/** Every key the race's link can hold, whatever the surface, racers and schedule. */
const RACE_KEYS = [
  ...['surface', 'opt', 'start', 'steps', 'samples', 'batch', 'noise', 'seed', 'sched'],
  ...['theme', 'large', '3d', 'log3d', 'speed', 'step'],
  ...SURFACES.flatMap((s) => s.params.map((p) => `surface.${p.key}`)),
  ...OPTIMIZERS.flatMap((o) => o.hyperparams.map((h) => hpUrlKey(h.key, o.id))),
  ...['lr.sgd-2', 'momentum.sgd-2', 'lr.adam-2', 'la.adam', 'la.sgd-2', 'color.sgd', 'color.sgd-2'],
  ...RACE_SCHEDULES.flatMap((d) =>
    (scheduleById(d.id)?.hyperparams ?? []).map((h) => `sched.${h.key}`),
  ),
];
const RACE_TOKENS = [
  ...SURFACES.map((s) => s.id),
  ...OPTIMIZERS.map((o) => o.id),
  ...RACE_SCHEDULES.map((d) => d.id),
  ...[
    'adam,sgd',
    'sgd,adam,lion',
    'adam,adam',
    'sgd,sgd-2,sgd-3',
    'adam-2,sgd',
    'sgd-1',
    '0.9,0.999',
    '1,-1',
    '-1.5,2',
    '0.5,0.5,0.5',
  ],
  ...['0.01', '0.9', '1', '0', '-0', '1e-3', '2', '300', '10000', '10001', ' 5 ', '0x10'],
  ...['true', 'false', 'none', 'dark', 'light', '0.25', '16', '3', '64', 'cos', '1%2C2'],
];

/** The race names a key in a message of its own: "Invalid URL parameter 'key': …". */
const names = (errors: readonly string[], key: string) =>
  errors.some((e) => e.startsWith(`Invalid URL parameter '${echo(key)}': `));

describe('the race link, fuzzed (fast-check, seeded)', () => {
  it(`reads ${FUZZ.numRuns} mangled links without throwing, names every bad key and keeps its default`, () => {
    fc.assert(
      fc.property(mangledLink(RACE_KEYS, RACE_TOKENS), (link) => {
        const { state, errors } = parseUrlState(link.query);
        const { badFirst, repeated, unreadable } = classify(link.entries);
        const unnamed = [...badFirst, ...repeated, ...unreadable].filter((k) => !names(errors, k));
        expect(unnamed).toEqual([]);
        // Short messages, however long the link: user text is quoted cut to 40 characters.
        expect(errors.filter((e) => e.length >= 400)).toEqual([]);
        // A rejected key leaves the state as if the link had not held it at all.
        expect(state).toEqual(parseUrlState(without(link, badFirst)).state);
        // The state read is a valid one: its own link reads back to it with no message.
        const again = parseUrlState(serializeUrlState(state));
        expect(again.errors).toEqual([]);
        expect(again.state).toEqual(state);
      }),
      FUZZ,
    );
  });

  it('names broken escapes, repeats, huge values and tfjsflags (the cases of issue 16)', () => {
    const { state, errors } = parseUrlState(
      `?opt=%E0%A4%A&steps=%&%ZZ=1&lr.adam=0.1&lr.adam=-1&seed=${'9'.repeat(10_000)}&tfjsflags=DEBUG:true&noise=1e999&model=%ED%A0%80`,
    );
    expect(errors).toEqual([
      "Invalid URL parameter '%ZZ': its name has a malformed percent-escape; ignored",
      "Invalid URL parameter 'opt': malformed percent-escape (got '%E0%A4%A'); using the default",
      "Invalid URL parameter 'steps': malformed percent-escape (got '%'); using the default",
      "Invalid URL parameter 'noise': must be a finite number (got '1e999'); using the default",
      `Invalid URL parameter 'seed': must be a finite number (got '${'9'.repeat(39)}…'); using the default`,
      "Invalid URL parameter 'lr.adam': given 2 times; the first ('0.1') is the one read",
      "Invalid URL parameter 'tfjsflags': TensorFlow.js flags are not read from the link; ignored",
      "Invalid URL parameter 'model': unknown parameter; ignored",
    ]);
    expect(state.race.racers.find((r) => r.key === 'adam')!.hp.lr).toBe(0.1);
    expect(state.race.racers.map((r) => r.key)).toEqual(['sgd', 'rmsprop', 'adam', 'adagrad']);
  });

  it('cuts a long item of a list in its message', () => {
    const { errors } = parseUrlState(`opt=adam,${'y'.repeat(5_000)}`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`'${'y'.repeat(39)}…': must be an optimizer id (`);
    expect(errors[0].length).toBeLessThan(400);
  });
});
