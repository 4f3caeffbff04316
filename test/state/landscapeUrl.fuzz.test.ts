import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TOY2D_SETS } from '../../src/data/toy2d';
import { echo } from '../../src/io/queryParams';
import {
  DEPTHS,
  defaultLandscapeLook,
  defaultLandscapeSettings,
  LANDSCAPE_URL_FIELDS,
  LINE_PANELS,
  parseLandscapeUrl,
  RES_RANGE,
  SAMPLES_RANGE,
  SEED_RANGE,
  serializeLandscapeUrl,
  TOY_LR_RANGE,
  TOY_STEPS_RANGE,
} from '../../src/state/landscapeUrl';
import {
  defaultToySettings,
  TOY_INITS,
  TOY_LAYERS_RANGE,
  TOY_OPTIMIZERS,
  TOY_TRAIN_POINTS,
} from '../../src/state/toySpec';
import { classify, FUZZ, mangledLink, type MangledLink, without } from '../io/mangledLinks';

const KEYS = LANDSCAPE_URL_FIELDS.map((f) => f.key);
const TOY_KEYS = KEYS.filter((k) => k === 'toy' || k.startsWith('toy.'));
const TOKENS = [
  ...DEPTHS.map((d) => `resnet-${d}`),
  ...['resnet-99', 'on', 'off', 'yes', 'no', '1', '0', 'true', 'pca', 'random', 'hessian'],
  ...LINE_PANELS,
  ...['3', '31', '61', '62', '8', '256', '1000', '2147483647', '2147483648', ' 7 ', '0x10'],
  ...['light', 'dark'],
];
const TOY_TOKENS = [
  ...['off', ...TOY2D_SETS.map((d) => d.id), 'moons'],
  ...TOY_OPTIMIZERS,
  ...['lion', 'pca', 'random', '0.03', '1e-6', '1e-7', '1e38', '1e39', '0.999', '1', '0.5'],
  ...['0.51', '250', '251', '10000', '10001', '2.5', '-0', '0'],
];

/** A message names the key it is about (io/urlTable.ts words them as the race page does). */
const names = (errors: readonly string[], key: string) =>
  errors.some((e) => e.startsWith(`Invalid URL parameter '${echo(key)}'`));

/** Everything the link sets, in one record keyed by field. */
const flat = (r: ReturnType<typeof parseLandscapeUrl>) =>
  ({ ...r.settings, ...r.look, ...r.toy }) as Record<string, unknown>;
const DEFAULTS: Record<string, unknown> = {
  ...defaultLandscapeSettings(),
  ...defaultLandscapeLook(),
  ...defaultToySettings(),
};

function checkMangled(link: MangledLink) {
  const parsed = parseLandscapeUrl(link.query);
  const { badFirst, repeated, unreadable } = classify(link.entries);
  const unnamed = [...badFirst, ...repeated, ...unreadable].filter((k) => !names(parsed.errors, k));
  expect(unnamed).toEqual([]);
  expect(parsed.errors.filter((e) => e.length >= 400)).toEqual([]);
  // A rejected value keeps its default, and the state is as if the link had not held the key.
  const got = flat(parsed);
  const notDefault = LANDSCAPE_URL_FIELDS.filter(
    (f) => badFirst.has(f.key) && got[f.field] !== DEFAULTS[f.field],
  );
  expect(notDefault.map((f) => f.key)).toEqual([]);
  const clean = parseLandscapeUrl(without(link, badFirst));
  expect(flat(parsed)).toEqual(flat(clean));
  // The state read is a valid one: its own link reads back to it with no message.
  const again = parseLandscapeUrl(serializeLandscapeUrl(parsed.settings, parsed.look, parsed.toy));
  expect(again.errors).toEqual([]);
  expect(flat(again)).toEqual(flat(parsed));
}

const int = (r: { min: number; max: number }) => fc.integer(r);
const float = (min: number, max: number) =>
  fc.double({ min, max, noNaN: true }).map((x) => (x === 0 ? 0 : x));

describe('the landscape link, fuzzed (fast-check, seeded)', () => {
  it(`reads ${FUZZ.numRuns} mangled links without throwing, names every bad key and keeps its default`, () => {
    fc.assert(fc.property(mangledLink(KEYS, [...TOKENS, ...TOY_TOKENS]), checkMangled), FUZZ);
  });

  it(`reads ${FUZZ.numRuns} mangled links of the toy panel's keys likewise`, () => {
    fc.assert(fc.property(mangledLink(TOY_KEYS, TOY_TOKENS), checkMangled), FUZZ);
  });

  it(`round-trips ${FUZZ.numRuns} random states through their own link`, () => {
    const state = fc.record({
      settings: fc.record({
        depth: fc.constantFrom(...DEPTHS),
        skip: fc.boolean(),
        view: fc.constantFrom('random' as const, 'pca' as const),
        res: int(RES_RANGE),
        samples: int(SAMPLES_RANGE),
        seed: int(SEED_RANGE),
        orthogonal: fc.boolean(),
        line: fc.constantFrom(...LINE_PANELS),
        init: fc.boolean(),
      }),
      look: fc.record({
        theme: fc.constantFrom('light' as const, 'dark' as const),
        large: fc.boolean(),
        logHeight: fc.boolean(),
      }),
      toy: fc.record({
        toy: fc.constantFrom('off' as const, ...TOY2D_SETS.map((d) => d.id)),
        toyOpt: fc.constantFrom(...TOY_OPTIMIZERS),
        toyLr: float(TOY_LR_RANGE.min, TOY_LR_RANGE.max),
        toyMomentum: float(0, 0.999),
        toyBatch: fc.integer({ min: 1, max: TOY_TRAIN_POINTS }),
        toySteps: int(TOY_STEPS_RANGE),
        toyNoise: float(0, 0.5),
        toySeed: int(SEED_RANGE),
        toyDir: fc.constantFrom('pca' as const, 'random' as const),
        toySched: fc.constantFrom('cosine' as const, 'onecycle' as const),
        toyAct: fc.constantFrom('tanh' as const, 'relu' as const),
        toyLayers: int(TOY_LAYERS_RANGE),
        toyInit: fc.constantFrom(...TOY_INITS),
      }),
    });
    fc.assert(
      fc.property(state, ({ settings, look, toy }) => {
        expect(parseLandscapeUrl(serializeLandscapeUrl(settings, look, toy))).toEqual({
          settings,
          look,
          toy,
          errors: [],
        });
      }),
      FUZZ,
    );
  });

  it('names broken escapes, repeats, huge values and tfjsflags (the cases of issue 16)', () => {
    const { settings, toy, errors } = parseLandscapeUrl(
      `?model=%E0%A4%A&res=%&%ZZ=1&seed=7&seed=-1&toy.lr=${'9'.repeat(10_000)}&tfjsflags=DEBUG:true&toy.noise=1e999&view=%ED%A0%80&${'k'.repeat(10_000)}=1`,
    );
    expect(errors).toEqual([
      "Invalid URL parameter '%ZZ': its name has a malformed percent-escape; ignored",
      "Invalid URL parameter 'model': malformed percent-escape (got '%E0%A4%A'); using the default",
      "Invalid URL parameter 'view': malformed percent-escape (got '%ED%A0%80'); using the default",
      "Invalid URL parameter 'res': malformed percent-escape (got '%'); using the default",
      "Invalid URL parameter 'seed': given 2 times; the first ('7') is the one read",
      `Invalid URL parameter 'toy.lr': must be a number from 1e-6 to 1e38 (got '${'9'.repeat(39)}…'); using the default`,
      "Invalid URL parameter 'toy.noise': must be a number from 0 to 0.5 (got '1e999'); using the default",
      "Invalid URL parameter 'tfjsflags': TensorFlow.js flags are not read from the link; ignored",
      `Invalid URL parameter '${'k'.repeat(39)}…': unknown parameter (known: ${KEYS.join(', ')}); ignored`,
    ]);
    expect(settings).toEqual({ ...defaultLandscapeSettings(), seed: 7 });
    expect(toy).toEqual(defaultToySettings());
  });
});
