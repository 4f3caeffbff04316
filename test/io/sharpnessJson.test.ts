import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSharpnessJson } from '../../src/io/sharpnessJson';
import { repoRoot } from '../referencePath';

/** The models shipped (index.json's), not every preset: a new preset ships when it is trained. */
const shipped = [
  ...new Set(
    (
      JSON.parse(readFileSync(`${repoRoot}/public/landscapes/index.json`, 'utf8')) as {
        landscapes: { model: string }[];
      }
    ).landscapes.map((l) => l.model),
  ),
];

describe('parseSharpnessJson', () => {
  it('covers the six shipped ResNets at least', () =>
    expect(shipped.length).toBeGreaterThanOrEqual(6));

  it.each(shipped)(
    'reads the shipped %s file: λ1 ≥ λ2, 100 test images, conv/linear weights',
    (name) => {
      const raw = JSON.parse(
        readFileSync(`${repoRoot}/public/models/${name}/sharpness.json`, 'utf8'),
      );
      const r = parseSharpnessJson(raw);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.value.model).toBe(name);
      expect(r.value.eigenvalues[0]).toBeGreaterThanOrEqual(r.value.eigenvalues[1]);
      expect(r.value).toMatchObject({ samples: 100, split: 'test', restrict: 'weights' });
    },
  );

  it('names every bad field', () => {
    const r = parseSharpnessJson({
      model: 3,
      eigenvalues: [1, NaN],
      residual: [0.1],
      samples: 0,
      split: 'test',
    });
    expect(r).toEqual({
      ok: false,
      errors: [
        'model: expected a string',
        'eigenvalues: expected two finite numbers',
        'residual: expected two finite numbers',
        'samples: expected a positive integer',
        'restrict: expected a string',
      ],
    });
    expect(parseSharpnessJson(null)).toEqual({ ok: false, errors: ['not a JSON object'] });
    expect(parseSharpnessJson([1, 2])).toEqual({ ok: false, errors: ['not a JSON object'] });
  });
});
