// The landscape JSON (src/io/landscapeJson.ts): the roughness block (numbers, or null for a
// measure with no value; anything else is named) and the split of the centre's accuracy.
import { describe, expect, it } from 'vitest';
import { LANDSCAPE_JSON_FORMAT, parseLandscapeJson } from '../../src/io/landscapeJson';

const file = (roughness?: unknown, centre: unknown = { loss: 1, acc: 10 }) => ({
  format: LANDSCAPE_JSON_FORMAT,
  model: 'resnet-20',
  directions: { kind: 'random', norm: 'filter', ignore: 'biasbn', orthogonal: false, seed: 0 },
  data: { dataset: 'fashion', split: 'train', samples: 8 },
  xcoordinates: [-1, 1],
  ycoordinates: [-1, 1],
  train_loss: [1, 2, 3, 4],
  train_acc: [10, 20, 30, 40],
  centre,
  ...(roughness === undefined ? {} : { roughness }),
  meta: { generatedBy: 't', backend: 'cpu', seconds: 1 },
});

describe('parseLandscapeJson: roughness', () => {
  it('takes numbers and nulls, with or without the non-convexity measures', () => {
    expect(parseLandscapeJson(file()).ok).toBe(true);
    expect(parseLandscapeJson(file({ tvLogLoss: 3.2, basinWidth: null })).ok).toBe(true);
    const r = parseLandscapeJson(file({ tvLogLoss: 3.2, nonConvexShare: 0.6, meanNegRatio: 0.1 }));
    expect(r.ok && r.value.roughness?.nonConvexShare).toBe(0.6);
  });

  it('names a measure that is not a number, and a block that is not an object', () => {
    const bad = parseLandscapeJson(file({ tvLogLoss: 3.2, nonConvexShare: '61 %' }));
    expect(bad).toEqual({
      ok: false,
      errors: ['roughness.nonConvexShare: must be a number (got "61 %")'],
    });
    for (const v of [[1, 2], 'rough', null])
      expect(parseLandscapeJson(file(v))).toEqual({
        ok: false,
        errors: ['roughness: must be an object of numbers'],
      });
  });
});

describe('parseLandscapeJson: the split of the centre accuracy', () => {
  it('takes a file with or without centre.accSplit', () => {
    const old = parseLandscapeJson(file());
    expect(old.ok && old.value.centre).toEqual({ loss: 1, acc: 10 });
    const labelled = parseLandscapeJson(file(undefined, { loss: 1, acc: 10, accSplit: 'test' }));
    expect(labelled.ok && labelled.value.centre.accSplit).toBe('test');
  });

  it('names a split that is neither train nor test', () => {
    for (const [accSplit, got] of [
      ['validation', '"validation"'],
      [1, '1'],
      [null, 'null'],
    ] as const)
      expect(parseLandscapeJson(file(undefined, { loss: 1, acc: 10, accSplit }))).toEqual({
        ok: false,
        errors: [`centre.accSplit: must be 'train' or 'test' (got ${got})`],
      });
  });
});
