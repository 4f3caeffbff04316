// The landscape JSON's roughness block (src/io/landscapeJson.ts): numbers, or null for a
// measure with no value; anything else is named.
import { describe, expect, it } from 'vitest';
import { LANDSCAPE_JSON_FORMAT, parseLandscapeJson } from '../../src/io/landscapeJson';

const file = (roughness?: unknown) => ({
  format: LANDSCAPE_JSON_FORMAT,
  model: 'resnet-20',
  directions: { kind: 'random', norm: 'filter', ignore: 'biasbn', orthogonal: false, seed: 0 },
  data: { dataset: 'fashion', split: 'train', samples: 8 },
  xcoordinates: [-1, 1],
  ycoordinates: [-1, 1],
  train_loss: [1, 2, 3, 4],
  train_acc: [10, 20, 30, 40],
  centre: { loss: 1, acc: 10 },
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
