import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { numberAlgebra } from '../../src/core/algebra';
import { tensorAlgebra as A } from '../../src/gpu/tensorAlgebra';
import { numTensors, useTestBackend } from './setup';

beforeAll(useTestBackend);

const xs = [-2, -0.5, 0, 0.25, 3];
const ys = [1, -4, 2, 0.5, -3];
const read = (f: () => tf.Tensor): number[] => {
  const r = f();
  const out = Array.from(r.dataSync());
  r.dispose();
  return out;
};

describe('tensorAlgebra', () => {
  test('agrees with the float64 number algebra elementwise (tensor⊕tensor, tensor⊕number, number⊕tensor)', () => {
    const before = numTensors();
    tf.tidy(() => {
      const x = tf.tensor1d(xs);
      const y = tf.tensor1d(ys);
      for (const op of ['add', 'sub', 'mul', 'div', 'maximum', 'minimum'] as const) {
        const want = xs.map((a, i) => numberAlgebra[op](a, ys[i]));
        expect(Array.from(A[op](x, y).dataSync())).toEqual(want.map(Math.fround));
        expect(Array.from(A[op](x, 2).dataSync())).toEqual(
          xs.map((a) => Math.fround(numberAlgebra[op](a, 2))),
        );
        expect(Array.from(A[op](3, y).dataSync())).toEqual(
          ys.map((b) => Math.fround(numberAlgebra[op](3, b))),
        );
      }
      expect(Array.from(A.abs(x).dataSync())).toEqual(xs.map(Math.abs));
      expect(Array.from(A.sign(x).dataSync())).toEqual(xs.map(Math.sign));
      expect(Array.from(A.sqrt(A.abs(x)).dataSync())).toEqual(
        xs.map((a) => Math.fround(Math.sqrt(Math.abs(a)))),
      );
    });
    expect(numTensors()).toBe(before);
  });

  test('where picks a where cond > 0, broadcasting numbers and tensors', () => {
    const cond = tf.tensor1d([1, 0, -1, 2]);
    expect(read(() => A.where(cond, 5, tf.tensor1d([1, 2, 3, 4])))).toEqual([5, 2, 3, 5]);
    expect(read(() => A.where(cond, tf.scalar(7), -1))).toEqual([7, -1, -1, 7]);
    cond.dispose();
  });

  test('maximum, minimum and sign propagate NaN like torch', () => {
    expect(read(() => A.maximum(tf.tensor1d([NaN, 1, 2]), tf.tensor1d([0, NaN, 1])))).toEqual([
      NaN,
      NaN,
      2,
    ]);
    expect(read(() => A.minimum(tf.tensor1d([NaN, 1, 2]), tf.tensor1d([0, NaN, 1])))).toEqual([
      NaN,
      NaN,
      1,
    ]);
    expect(read(() => A.sign(tf.tensor1d([NaN, -3, 0])))).toEqual([NaN, -1, 0]);
  });

  test('fill makes a float tensor shaped like its argument', () => {
    const like = tf.zeros([2, 3], 'int32');
    const f = A.fill(like, 0.5);
    expect(f.shape).toEqual([2, 3]);
    expect(f.dtype).toBe('float32');
    tf.dispose([like, f]);
  });
});
