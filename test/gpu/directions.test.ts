import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import {
  cosineSimilarity,
  dot,
  normalizeDirection,
  randomDirections,
} from '../../src/gpu/landscape/directions';
import { loadCase, normalizedDirection, rawDirections, refCase } from './filterNormCase';
import { maxRelErr, numTensors, useTestBackend } from './setup';

beforeAll(useTestBackend);

const flat = (ts: tf.Tensor[]) => ts.map((t) => Array.from(t.dataSync()));

describe('filter-normalised directions (net_plotter.py)', () => {
  test.each(['x', 'y'] as const)(
    'reproduce the reference %s direction from its raw values (rel 1e-5)',
    (axis) => {
      const { params, buffers, x, y } = loadCase();
      const raw = rawDirections(axis);
      const before = numTensors();
      const d = normalizeDirection(raw, params, { norm: 'filter', ignore: 'biasbn' });
      expect(numTensors()).toBe(before + d.length);
      const want = normalizedDirection(axis);
      flat(d).forEach((got, i) =>
        expect(maxRelErr(got, want[i], 1e-30), refCase.model.parameter_order[i]).toBeLessThan(1e-5),
      );
      tf.dispose([...d, ...raw, ...params, ...buffers, x, y]);
    },
  );

  test('each filter of the result has its weight filter’s norm; dim ≤ 1 parameters are zero', () => {
    const { params, buffers, x, y } = loadCase();
    const raw = rawDirections('x');
    const d = normalizeDirection(raw, params);
    const ref = refCase.directions.x;
    const conv2 = 4;
    const norms = tf.tidy(() => tf.norm(tf.reshape(d[conv2], [8, -1]), 'euclidean', 1).dataSync());
    expect(maxRelErr(norms, ref[conv2].weight_filter_norms)).toBeLessThan(1e-5);
    expect(Array.from(d[1].dataSync()).every((v) => v === 0)).toBe(true);
    const dy = normalizeDirection(rawDirections('y'), params);
    expect(cosineSimilarity(d, dy)).toBeCloseTo(refCase.directions.cosine_similarity_xy, 5);
    tf.dispose([...d, ...dy, ...raw, ...params, ...buffers, x, y]);
  });

  test("layer norm scales the whole tensor to ‖w‖; ignore 'none' copies biases; norm 'none' keeps d", () => {
    const w = [
      tf.tensor2d([
        [3, 0],
        [0, 4],
      ]),
      tf.tensor1d([1, 2]),
    ];
    const d = [
      tf.tensor2d([
        [1, 0],
        [0, 0],
      ]),
      tf.tensor1d([5, 5]),
    ];
    expect(flat(normalizeDirection(d, w, { norm: 'layer', ignore: 'none' }))).toEqual([
      [5, 0, 0, 0],
      [1, 2],
    ]);
    expect(flat(normalizeDirection(d, w, { norm: 'filter' }))).toEqual([
      [3, 0, 0, 0],
      [0, 0],
    ]);
    expect(flat(normalizeDirection(d, w, { norm: 'none' }))).toEqual([
      [1, 0, 0, 0],
      [0, 0],
    ]);
    expect(() => normalizeDirection([d[1], d[0]], w)).toThrow(/shape/);
  });

  test('random directions are seeded, filter-normalised, and optionally orthogonal', () => {
    const { params, buffers, x, y } = loadCase();
    const before = numTensors();
    const a = randomDirections(params, { seed: 7 });
    const b = randomDirections(params, { seed: 7, orthogonal: true });
    expect(flat(a.x)).toEqual(flat(b.x));
    expect(Math.abs(cosineSimilarity(a.x, a.y))).toBeGreaterThan(1e-4); // ~700 free dims: random directions are only nearly orthogonal
    expect(Math.abs(dot(b.x, b.y)) / dot(b.x, b.x)).toBeLessThan(1e-6);
    const fc = 6;
    const norms = tf.tidy(() => tf.norm(a.y[fc], 'euclidean', 1).dataSync());
    expect(maxRelErr(norms, refCase.directions.y[fc].weight_filter_norms)).toBeLessThan(1e-5);
    tf.dispose([...a.x, ...a.y, ...b.x, ...b.y]);
    expect(numTensors()).toBe(before);
    tf.dispose([...params, ...buffers, x, y]);
  });
});
