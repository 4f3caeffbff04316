/**
 * Train-mode BatchNorm (src/gpu/nets/layers.ts) has a hand-written gradient; here it is checked
 * against tfjs autodiff of the textbook formula (batch mean, biased variance, (x − μ)/√(var + ε)
 * · γ + β) on the test backend: the output, dL/dx, dL/dγ, dL/dβ and the running statistics
 * (unbiased variance, momentum 0.1), with no tensor left behind.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { BN_EPS, BN_MOMENTUM, batchNorm } from '../../src/gpu/nets/layers';
import { maxRelErr, numTensors, useTestBackend } from './setup';

beforeAll(useTestBackend);

function textbook(x: tf.Tensor4D, g: tf.Tensor, b: tf.Tensor): tf.Tensor4D {
  const { mean, variance } = tf.moments(x, [0, 1, 2]);
  return tf.add(tf.mul(tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, BN_EPS))), g), b);
}

describe.each([
  [4, 5, 3, 6],
  [2, 1, 1, 3],
  [16, 7, 7, 8],
])('train-mode batchNorm on x of shape [%i, %i, %i, %i]', (n, h, w, c) => {
  test('equals autodiff of the textbook formula (value, gradients, running stats)', () => {
    const before = numTensors();
    const got = tf.tidy(() => {
      // Shifted and scaled per channel so that the mean and variance matter.
      const x = tf.add(
        tf.mul(tf.randomNormal([n, h, w, c], 0, 1, 'float32', 7), 3),
        1.5,
      ) as tf.Tensor4D;
      const g = tf.randomUniform([c], 0.5, 2, 'float32', 8);
      const b = tf.randomNormal([c], 0, 1, 'float32', 9);
      const r = tf.randomNormal(x.shape, 0, 1, 'float32', 10);
      const rm = tf.randomNormal([c], 0, 1, 'float32', 11);
      const rv = tf.randomUniform([c], 0.5, 2, 'float32', 12);
      const loss = (f: (a: tf.Tensor4D, gg: tf.Tensor, bb: tf.Tensor) => tf.Tensor) =>
        tf.grads((a: tf.Tensor, gg: tf.Tensor, bb: tf.Tensor) =>
          tf.sum(tf.mul(f(a as tf.Tensor4D, gg, bb), r)),
        )([x, g, b]);
      const fused = (a: tf.Tensor4D, gg: tf.Tensor, bb: tf.Tensor) =>
        batchNorm(a, gg, bb, rm, rv, 'train').y;
      const out = batchNorm(x, g, b, rm, rv, 'train');
      const { mean, variance } = tf.moments(x, [0, 1, 2]);
      const m = n * h * w;
      const wantRunning = [
        tf.add(tf.mul(rm, 1 - BN_MOMENTUM), tf.mul(mean, BN_MOMENTUM)),
        tf.add(
          tf.mul(rv, 1 - BN_MOMENTUM),
          tf.mul(variance, (BN_MOMENTUM * m) / Math.max(m - 1, 1)),
        ),
      ];
      return {
        y: [out.y, textbook(x, g, b)].map((t) => t.dataSync()),
        grads: [loss(fused), loss(textbook)].map((gs) => gs.map((t) => t.dataSync())),
        running: [out.running!, wantRunning].map((rs) => rs.map((t) => t.dataSync())),
      };
    });
    expect(numTensors()).toBe(before);
    expect(maxRelErr(got.y[0], got.y[1], 1e-2)).toBeLessThan(1e-4);
    ['dx', 'dγ', 'dβ'].forEach((name, i) =>
      expect(maxRelErr(got.grads[0][i], got.grads[1][i], 1e-2), name).toBeLessThan(1e-4),
    );
    ['running_mean', 'running_var'].forEach((name, i) =>
      expect(maxRelErr(got.running[0][i], got.running[1][i], 1e-5), name).toBeLessThan(1e-5),
    );
  });
});
